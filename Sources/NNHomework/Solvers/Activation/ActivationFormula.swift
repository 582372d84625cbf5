import NNCore

/// The formulas of an elementwise activation f and of f′, piece by piece: in
/// terms of x with the parameters as symbols (the definition), or at a point
/// x₀ with the numbers put in (for `nnhw activation` and its reference page).
struct ActivationFormula {
    /// The function, elementwise.
    let function: Activation.Function

    /// How a formula writes its argument and parameters.
    enum Written {
        /// x, α, β, λ as symbols.
        case symbols
        /// The point x₀ and the parameters as numbers.
        case numbers
    }

    /// One piece of a piecewise rule: f(x) = `expression` where `condition` holds.
    struct Piece {
        /// Where the piece holds, nil for "otherwise".
        let condition: MathExpression?
        /// A point inside the piece, to pick its formula.
        let sample: Double
    }

    /// The variable the definitions are written in: x, or a for a layer's pre-activation.
    var variable = MathExpression.symbol(Symbol("x"))

    /// f(x₀) for the piece x₀ lies in, written with symbols or numbers.
    func value(at x0: Double, _ written: Written) -> MathExpression {
        let x = argument(x0, written)
        switch function {
        case .identity: return x
        case .relu: return x0 > 0 ? x : .count(0)
        case .leakyReLU(let alpha): return x0 > 0 ? x : product(written, [parameter("α", alpha, written), x])
        case .tanh: return .apply(FunctionName("tanh"), [x])
        case .sigmoid: return ratio(written, .count(1), .infix(.plus, [.count(1), exp(negated(x0, written))]))
        case .gelu(.exact):
            let cdf: MathExpression =
                written == .numbers ? .number(Self.cdf(x0)) : .apply(FunctionName("Φ"), [x])
            return product(written, [x, cdf])
        case .gelu(.tanhApproximation):
            let inner: MathExpression =
                written == .numbers
                ? .number(Self.geluInner(x0))
                : product(
                    written,
                    [
                        .apply(FunctionName("√"), [.infix(.divide, [.count(2), .symbol(Symbol("π"))])]),
                        .parenthesized(.infix(.plus, [x, .product([.given(0.044715), .power(x, .count(3))])])),
                    ])
            return product(
                written,
                [
                    .fraction(.count(1), .count(2)), x,
                    .parenthesized(.infix(.plus, [.count(1), .apply(FunctionName("tanh"), [inner])])),
                ])
        case .elu(let alpha):
            return x0 > 0 ? x : product(written, [parameter("α", alpha, written), expMinusOne(x)])
        case .selu:
            let lambda = constant("λ", Activation.seluScale, written)
            return x0 > 0
                ? product(written, [lambda, x])
                : product(written, [lambda, constant("α", Activation.seluAlpha, written), expMinusOne(x)])
        case .softplus(let beta):
            let scaled = beta == 1 ? x : product(written, [parameter("β", beta, written), x])
            let log = MathExpression.apply(FunctionName("ln"), [.infix(.plus, [.count(1), exp(scaled)])])
            return beta == 1 ? log : product(written, [ratio(written, .count(1), parameter("β", beta, written)), log])
        case .silu: return product(written, [x, sigma(x0, written)])
        case .mish:
            let softplus: MathExpression =
                written == .numbers
                ? .number(Activation.softplus(x0)) : .apply(FunctionName("softplus"), [x])
            return product(written, [x, .apply(FunctionName("tanh"), [softplus])])
        case .hardTanh: return x0 < -1 ? .number(-1) : (x0 > 1 ? .count(1) : x)
        case .hardSigmoid:
            if x0 <= -3 { return .count(0) }
            if x0 >= 3 { return .count(1) }
            return .infix(.plus, [ratio(written, x, .count(6)), .fraction(.count(1), .count(2))])
        case .softsign: return ratio(written, x, .infix(.plus, [.count(1), .absoluteValue(x)]))
        case .relu6: return x0 <= 0 ? .count(0) : (x0 >= 6 ? .count(6) : x)
        case .sign: return x0 > 0 ? .count(1) : (x0 < 0 ? .number(-1) : .count(0))
        case .softmax: preconditionFailure("softmax is not elementwise")
        }
    }

    /// f′(x₀) for the piece x₀ lies in (the kink convention at a kink), written with symbols or numbers.
    func derivative(at x0: Double, _ written: Written) -> MathExpression {
        let x = argument(x0, written)
        switch function {
        case .identity: return .count(1)
        case .relu: return .count(x0 > 0 ? 1 : 0)
        case .leakyReLU(let alpha): return x0 > 0 ? .count(1) : parameter("α", alpha, written)
        case .tanh:
            let t: MathExpression =
                written == .numbers ? .number(Activation(.tanh).value(x0)) : .apply(FunctionName("tanh"), [x])
            return .infix(.minus, [.count(1), .power(t, .count(2))])
        case .sigmoid:
            let s = sigma(x0, written)
            return product(written, [s, .parenthesized(.infix(.minus, [.count(1), s]))])
        case .gelu(.exact):
            let (cdf, density): (MathExpression, MathExpression) =
                written == .numbers
                ? (.number(Self.cdf(x0)), .number(Self.density(x0)))
                : (.apply(FunctionName("Φ"), [x]), .apply(FunctionName("φ"), [x]))
            return .infix(.plus, [cdf, product(written, [x, density])])
        case .gelu(.tanhApproximation):
            let t: MathExpression =
                written == .numbers ? .number(Activation(.tanh).value(Self.geluInner(x0))) : .symbol(Symbol("t"))
            let slope: MathExpression =
                written == .numbers
                ? .number(Activation.geluTanhArgumentDerivative(x0))
                : .symbol(Symbol("u", isPrime: true))
            return .infix(
                .plus,
                [
                    product(
                        written, [.fraction(.count(1), .count(2)), .parenthesized(.infix(.plus, [.count(1), t]))]),
                    product(
                        written,
                        [
                            .fraction(.count(1), .count(2)), x,
                            .parenthesized(.infix(.minus, [.count(1), .power(t, .count(2))])), slope,
                        ]),
                ])
        case .elu(let alpha): return x0 > 0 ? .count(1) : product(written, [parameter("α", alpha, written), exp(x)])
        case .selu:
            let lambda = constant("λ", Activation.seluScale, written)
            return x0 > 0 ? lambda : product(written, [lambda, constant("α", Activation.seluAlpha, written), exp(x)])
        case .softplus(let beta):
            let scaled: MathExpression =
                beta == 1
                ? x : (written == .numbers ? .number(beta * x0) : product(written, [.symbol(Symbol("β")), x]))
            return .apply(FunctionName("σ"), [scaled])
        case .silu:
            let s = sigma(x0, written)
            return product(
                written,
                [
                    s,
                    .parenthesized(
                        .infix(
                            .plus, [.count(1), product(written, [x, .parenthesized(.infix(.minus, [.count(1), s]))])])),
                ])
        case .mish:
            let softplus: MathExpression =
                written == .numbers
                ? .number(Activation.softplus(x0)) : .apply(FunctionName("softplus"), [x])
            return .infix(
                .plus,
                [
                    .apply(FunctionName("tanh"), [softplus]),
                    product(
                        written, [x, .power(.apply(FunctionName("sech"), [softplus]), .count(2)), sigma(x0, written)]),
                ])
        case .hardTanh: return .count(x0 > -1 && x0 < 1 ? 1 : 0)
        case .hardSigmoid: return x0 > -3 && x0 < 3 ? .fraction(.count(1), .count(6)) : .count(0)
        case .softsign:
            return ratio(
                written,
                .count(1), .power(.parenthesized(.infix(.plus, [.count(1), .absoluteValue(x)])), .count(2)))
        case .relu6: return .count(x0 > 0 && x0 < 6 ? 1 : 0)
        case .sign: return .count(0)
        case .softmax: preconditionFailure("softmax is not elementwise")
        }
    }

    /// The pieces of f, in the order the definition lists them.
    var valuePieces: [Piece] {
        let x = variable
        switch function {
        case .relu, .leakyReLU, .elu, .selu:
            return [
                Piece(condition: .infix(.greaterThan, [x, .count(0)]), sample: 1), Piece(condition: nil, sample: -1),
            ]
        case .hardTanh:
            return [
                Piece(condition: .infix(.lessThanOrEqual, [.number(-1), x, .count(1)]), sample: 0),
                Piece(condition: .infix(.greaterThan, [x, .count(1)]), sample: 2), Piece(condition: nil, sample: -2),
            ]
        case .hardSigmoid:
            return [
                Piece(condition: .infix(.lessThan, [.number(-3), x, .count(3)]), sample: 0),
                Piece(condition: .infix(.greaterThanOrEqual, [x, .count(3)]), sample: 4),
                Piece(condition: nil, sample: -4),
            ]
        case .relu6:
            return [
                Piece(condition: .infix(.lessThan, [.count(0), x, .count(6)]), sample: 1),
                Piece(condition: .infix(.greaterThanOrEqual, [x, .count(6)]), sample: 7),
                Piece(condition: nil, sample: -1),
            ]
        case .sign:
            return [
                Piece(condition: .infix(.greaterThan, [x, .count(0)]), sample: 1),
                Piece(condition: .infix(.lessThan, [x, .count(0)]), sample: -1), Piece(condition: nil, sample: 0),
            ]
        default:
            return [Piece(condition: nil, sample: 0.5)]
        }
    }

    /// The pieces of f′, in the order the definition lists them; a kink belongs to the last.
    var derivativePieces: [Piece] {
        let x = variable
        switch function {
        case .relu, .leakyReLU, .elu, .selu:
            return [
                Piece(condition: .infix(.greaterThan, [x, .count(0)]), sample: 1), Piece(condition: nil, sample: -1),
            ]
        case .hardTanh:
            return [
                Piece(condition: .infix(.lessThan, [.number(-1), x, .count(1)]), sample: 0),
                Piece(condition: nil, sample: 2),
            ]
        case .hardSigmoid:
            return [
                Piece(condition: .infix(.lessThan, [.number(-3), x, .count(3)]), sample: 0),
                Piece(condition: nil, sample: 4),
            ]
        case .relu6:
            return [
                Piece(condition: .infix(.lessThan, [.count(0), x, .count(6)]), sample: 1),
                Piece(condition: nil, sample: 7),
            ]
        default:
            return [Piece(condition: nil, sample: 0.5)]
        }
    }

    /// "f(x) = A if x > 0, else B": the pieces of f or f′ as a sentence.
    func definition(derivative: Bool, name: MathExpression) -> Prose {
        let pieces = derivative ? derivativePieces : valuePieces
        var prose: Prose = "\(MathExpression.equation(name, formula(pieces[0], derivative: derivative)))"
        guard pieces.count > 1 else { return prose }
        if let condition = pieces[0].condition { prose = prose + " if \(condition)" }
        for piece in pieces.dropFirst() {
            let formula = formula(piece, derivative: derivative)
            prose = prose + (piece.condition.map { ", \(formula) if \($0)" } ?? ", else \(formula)")
        }
        return prose
    }

    private func formula(_ piece: Piece, derivative: Bool) -> MathExpression {
        derivative ? self.derivative(at: piece.sample, .symbols) : value(at: piece.sample, .symbols)
    }

    /// The convention at a kink x₀, as a sentence; nil when x₀ is not a kink.
    func kinkConvention(at x0: Double) -> Prose? {
        guard function.kinks.contains(x0) else { return nil }
        let value = MathExpression.number(Activation(function).derivative(x0))
        let name = ActivationNotation(activation: Activation(function)).name ?? FunctionName("f")
        let jump: Prose = function == .sign ? "\(MathExpression.apply(name, [variable])) jumps" : "the slope jumps"
        return "\(variable) = \(given: x0) is a kink (\(jump) there): PyTorch's backward gives "
            + "\(MathExpression.equation(.apply(name.derivative, [.given(x0)]), value)), the convention used here."
    }

    private func argument(_ x0: Double, _ written: Written) -> MathExpression {
        written == .numbers ? .given(x0) : variable
    }

    private func negated(_ x0: Double, _ written: Written) -> MathExpression {
        written == .numbers ? .given(-x0) : .product([.number(-1), variable])
    }

    private func parameter(_ name: String, _ value: Double, _ written: Written) -> MathExpression {
        written == .numbers ? .given(value) : .symbol(Symbol(name))
    }

    private func constant(_ name: String, _ value: Double, _ written: Written) -> MathExpression {
        written == .numbers ? .number(value) : .symbol(Symbol(name))
    }

    /// Factors side by side (α x), or with · between numbers (0.5 · (−3)).
    private func product(_ written: Written, _ factors: [MathExpression]) -> MathExpression {
        written == .numbers ? .infix(.times, factors) : .product(factors)
    }

    /// numerator/denominator: stacked at a point, on one line (with the denominator in parentheses) in a definition.
    private func ratio(_ written: Written, _ numerator: MathExpression, _ denominator: MathExpression) -> MathExpression
    {
        guard written == .symbols else { return .fraction(numerator, denominator) }
        if case .infix = denominator { return .infix(.divide, [numerator, .parenthesized(denominator)]) }
        return .infix(.divide, [numerator, denominator])
    }

    private func sigma(_ x0: Double, _ written: Written) -> MathExpression {
        written == .numbers ? .number(Activation.sigmoid(x0)) : .apply(FunctionName("σ"), [variable])
    }

    private func exp(_ exponent: MathExpression) -> MathExpression {
        .power(.symbol(Symbol("e")), exponent)
    }

    private func expMinusOne(_ x: MathExpression) -> MathExpression {
        .parenthesized(.infix(.minus, [exp(x), .count(1)]))
    }

    private static func cdf(_ x: Double) -> Double { Activation.normalCDF(x) }
    private static func density(_ x: Double) -> Double { Activation.normalDensity(x) }
    private static func geluInner(_ x: Double) -> Double { Activation.geluTanhArgument(x) }
}
