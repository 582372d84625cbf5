import NNCore

/// How an activation is written in a solution: its name, z = c · f(a), and
/// the formula of its derivative.
struct ActivationNotation {
    let activation: Activation

    /// The function's name as courses write it: ReLU, LeakyReLU, tanh, σ, GELU, softmax, ELU, SiLU, …, or nil for the identity.
    var name: FunctionName? {
        switch activation.function {
        case .identity: nil
        case .relu: FunctionName("ReLU")
        case .leakyReLU: FunctionName("LeakyReLU")
        case .tanh: FunctionName("tanh")
        case .sigmoid: FunctionName("σ")
        case .gelu: FunctionName("GELU")
        case .softmax(let beta): FunctionName("softmax", index: beta == 1 ? nil : "β")
        case .elu: FunctionName("ELU")
        case .selu: FunctionName("SELU")
        case .softplus(let beta): FunctionName("softplus", index: beta == 1 ? nil : "β")
        case .silu: FunctionName("SiLU")
        case .mish: FunctionName("mish")
        case .hardTanh: FunctionName("HardTanh")
        case .hardSigmoid: FunctionName("HardSigmoid")
        case .softsign: FunctionName("softsign")
        case .relu6: FunctionName("ReLU6")
        case .sign: FunctionName("sign")
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
        case .elu(let alpha): base = alpha == 1 ? "ELU" : "ELU (\(Symbol("α")) = \(given: alpha))"
        case .selu: base = "SELU"
        case .softplus(let beta): base = beta == 1 ? "softplus" : "softplus (\(Symbol("β")) = \(given: beta))"
        case .silu: base = "SiLU"
        case .mish: base = "mish"
        case .hardTanh: base = "hard tanh"
        case .hardSigmoid: base = "hard sigmoid"
        case .softsign: base = "softsign"
        case .relu6: base = "ReLU6"
        case .sign: base = "sign"
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
    /// tanh′(a) = 1 − tanh²(a), σ′(a) = σ(a)(1 − σ(a)), GELU′(a) = Φ(a) + a φ(a),
    /// softplus′(a) = σ(βa), SiLU′(a) = σ(a)(1 + a(1 − σ(a))),
    /// mish′(a) = tanh(softplus(a)) + a sech²(softplus(a)) σ(a), softsign′(a) = 1/(1 + |a|)².
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
        case .softplus, .silu, .mish, .softsign:
            formula = ActivationFormula(function: activation.function, variable: argument).derivative(at: 0, .symbols)
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
    /// `v`: "ReLU′(a) = 1 if a > 0, else 0 (ReLU′(0) = 0 by convention)", and
    /// likewise for ELU, SELU, hard tanh, hard sigmoid, ReLU6 and sign, with
    /// f′ at each kink as ``Activation/derivative(_:)`` takes it (PyTorch's).
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
        case .elu, .selu, .hardTanh, .hardSigmoid, .relu6, .sign:
            guard let name else { return nil }
            let formula = ActivationFormula(function: activation.function, variable: v)
            let rule = formula.definition(derivative: true, name: .apply(name.derivative, [v]))
            let kinks = activation.function.kinks
            guard !kinks.isEmpty else { return rule }
            let values = kinks.map {
                MathExpression.equation(
                    .apply(name.derivative, [.given($0)]), .number(Activation(activation.function).derivative($0)))
            }
            let conventions = values.count == 1 ? Prose(values[0]) : "\(values[0]) and \(values[1])"
            return rule + " (\(conventions) by convention)"
        default:
            return nil
        }
    }

    private func scaled(_ expression: MathExpression) -> MathExpression {
        activation.scale == 1 ? expression : .product([.number(activation.scale), expression])
    }
}
