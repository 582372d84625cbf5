/// An activation z = c · f(a): a function f applied to the pre-activation a,
/// times an output scale c (1 unless a course says otherwise, e.g. f = 3·ReLU).
///
/// Each case carries its value and its derivative side by side, so a solver
/// can show both. The definitions are PyTorch's (`torch.nn.functional`), and so
/// are the derivatives at kinks: where f′ jumps, f′ at the kink is the value
/// PyTorch's backward gives (ReLU′(0) = 0, leaky ReLU′(0) = α, ELU′(0) = α,
/// 0 at both ends of hard tanh, ReLU6 and hard sigmoid). GELU is x Φ(x) with
/// the exact erf form unless the tanh approximation is asked for; softplus is
/// the exact (1/β) ln(1 + e^(βx)), without PyTorch's switch to x above βx > 20.
public struct Activation: Sendable, Hashable {
    /// The function f, before the output scale.
    public enum Function: Sendable, Hashable {
        /// f(x) = x.
        case identity
        /// f(x) = max(0, x), with f′(0) = 0.
        case relu
        /// f(x) = x for x > 0, αx otherwise; f′(0) = α.
        case leakyReLU(alpha: Double)
        /// f(x) = tanh x.
        case tanh
        /// f(x) = σ(x) = 1 / (1 + e⁻ˣ), evaluated without overflow for any x.
        case sigmoid
        /// f(x) = x Φ(x), Φ the standard normal distribution function.
        case gelu(GELUForm)
        /// fᵢ(a) = e^(β aᵢ) / Σⱼ e^(β aⱼ) over the entries of one sample, with coldness β.
        case softmax(beta: Double)
        /// f(x) = x for x > 0, α(eˣ − 1) otherwise; f′(0) = α.
        case elu(alpha: Double)
        /// f(x) = λ x for x > 0, λ α (eˣ − 1) otherwise, with PyTorch's λ ≈ 1.0507 and α ≈ 1.6733; f′(0) = λ α.
        case selu
        /// f(x) = (1/β) ln(1 + e^(βx)), f′(x) = σ(βx).
        case softplus(beta: Double)
        /// f(x) = x σ(x) (SiLU, also called swish).
        case silu
        /// f(x) = x tanh(softplus(x)).
        case mish
        /// f(x) = −1 for x < −1, x for −1 ≤ x ≤ 1, 1 for x > 1; f′(±1) = 0.
        case hardTanh
        /// f(x) = ReLU6(x + 3) / 6; f′(±3) = 0.
        case hardSigmoid
        /// f(x) = x / (1 + |x|).
        case softsign
        /// f(x) = min(max(0, x), 6); f′(0) = f′(6) = 0.
        case relu6
        /// f(x) = sign x (−1, 0 or 1); f′(x) = 0, taken as 0 at x = 0 too.
        case sign
    }

    /// Which formula GELU uses.
    public enum GELUForm: Sendable, Hashable {
        /// x Φ(x) = ½ x (1 + erf(x / √2)).
        case exact
        /// ½ x (1 + tanh(√(2/π) (x + 0.044715 x³))).
        case tanhApproximation
    }

    /// The function f.
    public var function: Function
    /// The output scale c in z = c · f(a).
    public var scale: Double

    /// The activation z = c · f(a).
    public init(_ function: Function, scale: Double = 1) {
        self.function = function
        self.scale = scale
    }

    /// Whether zᵢ depends on aᵢ alone (every function but softmax).
    public var isElementwise: Bool {
        if case .softmax = function { return false }
        return true
    }

    /// z = c · f(a) for a scalar pre-activation.
    ///
    /// - Precondition: the activation is elementwise.
    public func value(_ x: Double) -> Double {
        scale * Activation.unscaledValue(function, x)
    }

    /// dz/da = c · f′(a) for a scalar pre-activation.
    ///
    /// - Precondition: the activation is elementwise.
    public func derivative(_ x: Double) -> Double {
        scale * Activation.unscaledDerivative(function, x)
    }

    /// Z = c · f(A) for a batch, one sample per row (softmax works on each row).
    public func apply(to preActivation: Matrix) -> Matrix {
        switch (function, scale) {
        case (.identity, 1): return preActivation
        case (.relu, 1): return preActivation.map { $0 > 0 ? $0 : 0 }
        case (.softmax, _): break
        default: return preActivation.map { value($0) }
        }
        guard case .softmax(let beta) = function else { preconditionFailure("Only softmax is left") }
        var elements: [Double] = []
        elements.reserveCapacity(preActivation.elements.count)
        for i in 0..<preActivation.rows {
            elements += Activation.softmax(preActivation.row(i), beta: beta).map { scale * $0 }
        }
        return Matrix(rows: preActivation.rows, columns: preActivation.columns, elements: elements)
    }

    /// f′ applied to every element of A, for an elementwise activation.
    ///
    /// - Precondition: the activation is elementwise.
    public func derivative(at preActivation: Matrix) -> Matrix {
        switch (function, scale) {
        case (.relu, 1): preActivation.map { $0 > 0 ? 1 : 0 }
        default: preActivation.map { derivative($0) }
        }
    }

    /// The Jacobian ∂z/∂a of one sample: diag(c · f′(a)) for an elementwise
    /// activation, c β (diag(s) − s sᵀ) for softmax with s = softmax(β a).
    public func jacobian(at preActivation: [Double]) -> Matrix {
        let n = preActivation.count
        guard case .softmax(let beta) = function else {
            var result = Matrix(rows: n, columns: n)
            for i in 0..<n { result[i, i] = derivative(preActivation[i]) }
            return result
        }
        let s = Activation.softmax(preActivation, beta: beta)
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                result[i, j] = scale * beta * ((i == j ? s[i] : 0) - s[i] * s[j])
            }
        }
        return result
    }

    /// ∂L/∂a from ∂L/∂z, one sample per row: (∂L/∂z) ⊙ c f′(a) for an
    /// elementwise activation, and for softmax c β s ⊙ (g − (g · s)) per row,
    /// which is gᵀ times the Jacobian without forming it.
    public func backpropagate(_ gradient: Matrix, at preActivation: Matrix) -> Matrix {
        guard case .softmax(let beta) = function else {
            if case (.relu, 1) = (function, scale) {
                return gradient.combined(with: preActivation) { g, a in g * (a > 0 ? 1 : 0) }
            }
            return gradient ⊙ derivative(at: preActivation)
        }
        var elements: [Double] = []
        elements.reserveCapacity(gradient.elements.count)
        for i in 0..<preActivation.rows {
            let s = Activation.softmax(preActivation.row(i), beta: beta)
            let g = gradient.row(i)
            var dot = 0.0
            for j in s.indices { dot += g[j] * s[j] }
            elements += s.indices.map { scale * beta * s[$0] * (g[$0] - dot) }
        }
        return Matrix(rows: gradient.rows, columns: gradient.columns, elements: elements)
    }

    /// softmax(β a), stable for any a: the maximum is subtracted before exponentiating.
    public static func softmax(_ a: [Double], beta: Double = 1) -> [Double] {
        guard let largest = a.map({ beta * $0 }).max() else { return [] }
        let exponentials = a.map { Math.exp(beta * $0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// eˣ, for the exponentials a worked softmax shows.
    public static func exponential(_ x: Double) -> Double { Math.exp(x) }

    /// log softmax(β a)ᵢ = β aᵢ − log Σⱼ e^(β aⱼ), finite for any finite a.
    public static func logSoftmax(_ a: [Double], beta: Double = 1) -> [Double] {
        let scaled = a.map { beta * $0 }
        let normalizer = logSumExp(scaled)
        return scaled.map { $0 - normalizer }
    }

    /// log Σⱼ e^(xⱼ), stable for any x.
    public static func logSumExp(_ x: [Double]) -> Double {
        guard let largest = x.max() else { return -.infinity }
        return largest + Math.log(x.reduce(0) { $0 + Math.exp($1 - largest) })
    }

    /// σ(x) = 1 / (1 + e⁻ˣ), without overflow for large |x|.
    public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Math.exp(-x)) }
        let e = Math.exp(x)
        return e / (1 + e)
    }
}
