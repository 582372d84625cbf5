import NNCore

/// How an activation is written in a solution: its name, z = c · f(a), and
/// the formula of its derivative.
struct ActivationNotation {
    let activation: Activation

    /// The function's name as courses write it: ReLU, LeakyReLU, tanh, σ, GELU, softmax, or nil for the identity.
    var name: FunctionName? {
        switch activation.function {
        case .identity: nil
        case .relu: FunctionName("ReLU")
        case .leakyReLU: FunctionName("LeakyReLU")
        case .tanh: FunctionName("tanh")
        case .sigmoid: FunctionName("σ")
        case .gelu: FunctionName("GELU")
        case .softmax(let beta): FunctionName("softmax", index: beta == 1 ? nil : "β")
        }
    }

    /// A short description for titles: "ReLU", "leaky ReLU (α = 0.1)", "3·tanh";
    /// α, β and the scale c are written as the spec gives them.
    var summary: Prose {
        let base: Prose
        switch activation.function {
        case .identity: base = "identity"
        case .relu: base = "ReLU"
        case .leakyReLU(let alpha): base = "leaky ReLU (\(Symbol("α")) = \(given: alpha))"
        case .tanh: base = "tanh"
        case .sigmoid: base = "sigmoid"
        case .gelu(.exact): base = "GELU"
        case .gelu(.tanhApproximation): base = "GELU (tanh approximation)"
        case .softmax(let beta): base = beta == 1 ? "softmax" : "softmax (\(Symbol("β")) = \(given: beta))"
        }
        return activation.scale == 1 ? base : "\(given: activation.scale)\(MathExpression.text("·"))\(base)"
    }

    /// c · f(x) as an expression of `argument`.
    func applied(to argument: MathExpression) -> MathExpression {
        let unscaled: MathExpression = name.map { .apply($0, [argument]) } ?? argument
        return scaled(unscaled)
    }

    /// c · f′(x) as a named derivative of `argument`: ReLU′(a⁽²⁾), 3 tanh′(a⁽¹⁾), or 1 for the identity.
    func derivative(of argument: MathExpression) -> MathExpression {
        guard let name else { return .number(activation.scale) }
        return scaled(.apply(name.derivative, [argument]))
    }

    /// The derivative's formula in terms of f itself, where one is taught:
    /// tanh′(a) = 1 − tanh²(a), σ′(a) = σ(a)(1 − σ(a)), GELU′(a) = Φ(a) + a φ(a).
    func derivativeFormula(of argument: MathExpression) -> MathExpression? {
        let formula: MathExpression
        switch activation.function {
        case .tanh:
            formula = .infix(.minus, [.number(1), .power(.apply(FunctionName("tanh"), [argument]), .number(2))])
        case .sigmoid:
            let sigma = MathExpression.apply(FunctionName("σ"), [argument])
            formula = .product([sigma, .parenthesized(.infix(.minus, [.number(1), sigma]))])
        case .gelu(.exact):
            formula = .infix(
                .plus,
                [.apply(FunctionName("Φ"), [argument]), .product([argument, .apply(FunctionName("φ"), [argument])])])
        default:
            return nil
        }
        return scaled(formula)
    }

    /// The derivative's formula with the value f(a) = z/c put in, for one unit
    /// whose output is z: tanh′ = 1 − (0.6)², σ′ = 0.3(1 − 0.3); nil where no
    /// formula is taught.
    func derivativeSubstituted(output z: Double) -> MathExpression? {
        guard activation.scale != 0 else { return nil }
        let f = z / activation.scale
        let formula: MathExpression
        switch activation.function {
        case .tanh: formula = .infix(.minus, [.number(1), .power(.number(f), .number(2))])
        case .sigmoid: formula = .product([.number(f), .infix(.minus, [.number(1), .number(f)])])
        default: return nil
        }
        return scaled(formula)
    }

    /// The rule for f′ in words, for piecewise functions, of the pre-activation
    /// `v`: "ReLU′(a) = 1 if a > 0, else 0 (ReLU′(0) = 0 by convention)".
    func derivativeRule(variable v: MathExpression) -> Prose? {
        let alpha = MathExpression.symbol(Symbol("α"))
        switch activation.function {
        case .relu:
            let derivative = FunctionName("ReLU", isDerivative: true)
            return
                "\(MathExpression.apply(derivative, [v])) = \(1) if \(v) > \(0), else \(0) (\(MathExpression.apply(derivative, [.count(0)])) = \(0) by convention)"
        case .leakyReLU:
            let derivative = FunctionName("LeakyReLU", isDerivative: true)
            return
                "\(MathExpression.apply(derivative, [v])) = \(1) if \(v) > \(0), else \(alpha) (\(alpha) at \(0) by convention)"
        default:
            return nil
        }
    }

    private func scaled(_ expression: MathExpression) -> MathExpression {
        activation.scale == 1 ? expression : .product([.number(activation.scale), expression])
    }
}
