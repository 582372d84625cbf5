/// The value and the derivative of each elementwise function, side by side.
extension Activation {
    /// λ of SELU, as PyTorch defines it.
    public static let seluScale = 1.0507009873554804934193349852946
    /// α of SELU, as PyTorch defines it.
    public static let seluAlpha = 1.6732632423543772848170429916717

    /// (1/β) ln(1 + e^(βx)) = max(x, 0) + (1/β) ln(1 + e^(−β|x|)), without overflow for any x.
    public static func softplus(_ x: Double, beta: Double = 1) -> Double {
        max(x, 0) + Math.log1p(Math.exp(-beta * abs(x))) / beta
    }

    /// 1 − tanh²x = 4e^(−2|x|) / (1 + e^(−2|x|))²; the form 1 − t² cancels
    /// and loses all relative accuracy once tanh x rounds towards 1.
    static func tanhDerivative(_ x: Double) -> Double {
        let e = Math.exp(-2 * abs(x))
        return 4 * e / ((1 + e) * (1 + e))
    }

    /// Φ(x) = ½(1 + erf(x/√2)), the standard normal distribution function.
    public static func normalCDF(_ x: Double) -> Double { 0.5 * (1 + Math.erf(x * inverseSqrtTwo)) }

    /// φ(x) = e^(−x²/2) / √(2π), the standard normal density.
    public static func normalDensity(_ x: Double) -> Double { inverseSqrtTwoPi * Math.exp(-0.5 * x * x) }

    /// u(x) = √(2/π)(x + 0.044715x³), the argument of tanh in GELU's tanh approximation.
    public static func geluTanhArgument(_ x: Double) -> Double { sqrtTwoOverPi * (x + geluCubic * x * x * x) }

    /// u′(x) = √(2/π)(1 + 3 · 0.044715x²).
    public static func geluTanhArgumentDerivative(_ x: Double) -> Double {
        sqrtTwoOverPi * (1 + 3 * geluCubic * x * x)
    }

    private static let sqrtTwoOverPi = 0.7978845608028654
    private static let inverseSqrtTwo = 0.7071067811865476
    private static let inverseSqrtTwoPi = 0.3989422804014327
    private static let geluCubic = 0.044715

    static func unscaledValue(_ function: Function, _ x: Double) -> Double {
        switch function {
        case .identity: return x
        case .relu: return x > 0 ? x : 0
        case .leakyReLU(let alpha): return x > 0 ? x : alpha * x
        case .tanh: return Math.tanh(x)
        case .sigmoid: return sigmoid(x)
        case .gelu(.exact): return 0.5 * x * (1 + Math.erf(x * inverseSqrtTwo))
        case .gelu(.tanhApproximation):
            return 0.5 * x * (1 + Math.tanh(sqrtTwoOverPi * (x + geluCubic * x * x * x)))
        case .elu(let alpha): return x > 0 ? x : alpha * Math.expm1(x)
        case .selu: return seluScale * (x > 0 ? x : seluAlpha * Math.expm1(x))
        case .softplus(let beta): return softplus(x, beta: beta)
        case .silu: return x * sigmoid(x)
        case .mish: return x * Math.tanh(softplus(x))
        case .hardTanh: return min(max(x, -1), 1)
        case .hardSigmoid: return min(max(x + 3, 0), 6) / 6
        case .softsign: return x / (1 + abs(x))
        case .relu6: return min(max(x, 0), 6)
        case .sign: return x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .softmax: preconditionFailure("softmax is not elementwise")
        }
    }

    static func unscaledDerivative(_ function: Function, _ x: Double) -> Double {
        switch function {
        case .identity: return 1
        case .relu: return x > 0 ? 1 : 0
        case .leakyReLU(let alpha): return x > 0 ? 1 : alpha
        case .tanh: return tanhDerivative(x)
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
            // Where tanh has saturated, 1 − t² is 0 and the second term vanishes
            // (u′ may be ∞ for huge |x|, and 0 · ∞ would be NaN).
            if t * t == 1 { return 0.5 * (1 + t) }
            let innerDerivative = sqrtTwoOverPi * (1 + 3 * geluCubic * x * x)
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * innerDerivative
        case .elu(let alpha): return x > 0 ? 1 : alpha * Math.exp(x)
        case .selu: return seluScale * (x > 0 ? 1 : seluAlpha * Math.exp(x))
        case .softplus(let beta): return sigmoid(beta * x)
        case .silu:
            // σ(x)(1 + x(1 − σ(x))) = σ(x) + x σ(x) σ(−x).
            let s = sigmoid(x)
            return s + x * s * sigmoid(-x)
        case .mish:
            // tanh(sp) + x sech²(sp) σ(x), sp = softplus(x).
            let sp = softplus(x)
            return Math.tanh(sp) + x * tanhDerivative(sp) * sigmoid(x)
        case .hardTanh: return x > -1 && x < 1 ? 1 : 0
        case .hardSigmoid: return x > -3 && x < 3 ? 1.0 / 6 : 0
        case .softsign:
            let d = 1 + abs(x)
            return 1 / (d * d)
        case .relu6: return x > 0 && x < 6 ? 1 : 0
        case .sign: return 0
        case .softmax: preconditionFailure("softmax is not elementwise")
        }
    }
}
