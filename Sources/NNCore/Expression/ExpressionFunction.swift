/// The functions a formula may call, each with its value and its derivative.
///
/// Conventions at the kinks, as everywhere in nnhw: relu′(0) = step(0) = 0,
/// abs′(0) = sign(0) = 0, and at a tie max(u, v)′ and min(u, v)′ follow the
/// second argument, so max(x, 0)′ = relu′(x). `sign` and `step` exist so that
/// the derivatives of abs, relu, max and min can be written down.
public enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
    /// eᵘ.
    case exp
    /// ln u, the natural logarithm; the parser reads `ln(u)` as `log(u)` too.
    case log
    /// √u.
    case sqrt
    /// |u|.
    case abs
    /// sin u.
    case sin
    /// cos u.
    case cos
    /// tan u.
    case tan
    /// tanh u.
    case tanh
    /// σ(u) = 1 / (1 + e⁻ᵘ).
    case sigmoid
    /// relu(u) = max(u, 0).
    case relu
    /// sign(u): −1, 0 or 1; abs′.
    case sign
    /// step(u) = 1 if u > 0, else 0; relu′.
    case step
    /// max(u, v).
    case max
    /// min(u, v).
    case min

    /// How many arguments it takes: 2 for max and min, else 1.
    public var arity: Int {
        switch self {
        case .max, .min: 2
        default: 1
        }
    }

    /// Whether its derivative jumps somewhere (abs, relu, sign, step, max, min):
    /// a finite difference across the jump does not estimate the derivative.
    public var hasKink: Bool {
        switch self {
        case .abs, .relu, .sign, .step, .max, .min: true
        default: false
        }
    }

    /// The function applied to `arguments`, which has ``arity`` values.
    public func apply(_ arguments: [Double]) -> Double {
        precondition(arguments.count == arity, "\(rawValue) takes \(arity) arguments")
        let u = arguments[0]
        switch self {
        case .exp: return Math.exp(u)
        case .log: return Math.log(u)
        case .sqrt: return u.squareRoot()
        case .abs: return Swift.abs(u)
        case .sin: return Math.sin(u)
        case .cos: return Math.cos(u)
        case .tan: return Math.tan(u)
        case .tanh: return Math.tanh(u)
        case .sigmoid: return Activation.sigmoid(u)
        case .relu: return u > 0 ? u : 0
        case .sign: return u > 0 ? 1 : u < 0 ? -1 : 0
        case .step: return u > 0 ? 1 : 0
        case .max: return u > arguments[1] ? u : arguments[1]
        case .min: return u < arguments[1] ? u : arguments[1]
        }
    }
}
