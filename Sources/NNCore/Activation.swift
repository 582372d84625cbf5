/// An activation z = c · f(a): a function f applied to the pre-activation a,
/// times an output scale c (1 unless a course says otherwise, e.g. f = 3·ReLU).
///
/// Each case carries its value and its derivative side by side, so a solver
/// can show both. Conventions: ReLU′(0) = 0 and leaky ReLU′(0) = α (the left
/// derivative); GELU is x Φ(x) with the exact erf form unless the tanh
/// approximation is asked for.
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
        guard case .softmax(let beta) = function else {
            return preActivation.map { value($0) }
        }
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
        preActivation.map { derivative($0) }
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

    private static let sqrtTwoOverPi = 0.7978845608028654
    private static let inverseSqrtTwo = 0.7071067811865476
    private static let inverseSqrtTwoPi = 0.3989422804014327
    private static let geluCubic = 0.044715

    private static func unscaledValue(_ function: Function, _ x: Double) -> Double {
        switch function {
        case .identity: return x
        case .relu: return x > 0 ? x : 0
        case .leakyReLU(let alpha): return x > 0 ? x : alpha * x
        case .tanh: return Math.tanh(x)
        case .sigmoid: return sigmoid(x)
        case .gelu(.exact): return 0.5 * x * (1 + Math.erf(x * inverseSqrtTwo))
        case .gelu(.tanhApproximation):
            return 0.5 * x * (1 + Math.tanh(sqrtTwoOverPi * (x + geluCubic * x * x * x)))
        case .softmax: preconditionFailure("softmax is not elementwise")
        }
    }

    private static func unscaledDerivative(_ function: Function, _ x: Double) -> Double {
        switch function {
        case .identity: return 1
        case .relu: return x > 0 ? 1 : 0
        case .leakyReLU(let alpha): return x > 0 ? 1 : alpha
        case .tanh:
            // 1 − tanh²x = 4e^(−2|x|) / (1 + e^(−2|x|))²; the form 1 − t² cancels
            // and loses all relative accuracy once tanh x rounds towards 1.
            let e = Math.exp(-2 * abs(x))
            return 4 * e / ((1 + e) * (1 + e))
        case .sigmoid:
            // σ′(x) = σ(x)(1 − σ(x)) = σ(x) σ(−x); 1 − σ(x) would cancel for large x.
            return sigmoid(x) * sigmoid(-x)
        case .gelu(.exact):
            let cdf = 0.5 * (1 + Math.erf(x * inverseSqrtTwo))
            let density = inverseSqrtTwoPi * Math.exp(-0.5 * x * x)
            return cdf + x * density
        case .gelu(.tanhApproximation):
            let inner = sqrtTwoOverPi * (x + geluCubic * x * x * x)
            let t = Math.tanh(inner)
            let innerDerivative = sqrtTwoOverPi * (1 + 3 * geluCubic * x * x)
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * innerDerivative
        case .softmax: preconditionFailure("softmax is not elementwise")
        }
    }
}
