import NNCore

/// The formula of one sample's loss ℓ and of its derivative ∂ℓ/∂ŷⱼ for the
/// losses beyond squared error and (binary) cross-entropy, written with the
/// prediction ŷ (scores, logits or probabilities) and the target y.
///
/// H(x) is the unit step (1 for x > 0, else 0), the derivative taken at a hinge.
struct LossFormula {
    /// The loss.
    let function: Loss.Function
    /// ŷⱼ (or ŷ for one output, or the batch's Ŷ).
    let prediction: MathExpression
    /// yⱼ (or y, or Y).
    let target: MathExpression
    /// The number n of outputs of a sample.
    let outputs: Int
    /// The letter of the prediction, for the true class's score ŷₖ (sₖ) of the multiclass hinge.
    var letter = "ŷ"

    private var scalar: Bool { outputs == 1 }

    private func sum(_ body: MathExpression) -> MathExpression {
        scalar ? body : .summation(index: "j", body)
    }

    private func mean(_ body: MathExpression) -> MathExpression {
        scalar ? body : .product([.fraction(.count(1), .count(outputs)), .summation(index: "j", body)])
    }

    private var difference: MathExpression { .infix(.minus, [prediction, target]) }
    private var labelledScore: MathExpression { .product([target, prediction]) }

    private static func apply(_ name: String, _ arguments: MathExpression..., index: String? = nil) -> MathExpression {
        .apply(FunctionName(name, index: index), arguments)
    }

    /// ln x, log₂ x, log₁₀ x or log_b x.
    static func log(_ base: Double, _ x: MathExpression) -> MathExpression {
        if base == Loss.naturalBase { return apply("ln", x) }
        return apply("log", x, index: base == 2 ? "2" : base == 10 ? "10" : "b")
    }

    private static let symbolM = MathExpression.symbol(Symbol("m"))

    /// ℓ for one sample.
    var expression: MathExpression {
        switch function {
        case .meanAbsoluteError: return mean(.absoluteValue(difference))
        case .huber: return mean(Self.apply("huber", difference, index: "δ"))
        case .smoothL1: return mean(Self.apply("smoothL1", difference, index: "β"))
        case .crossEntropyFromScores:
            let k = MathExpression.symbol(Symbol("s", index: "k"))
            let logSumExp = Self.apply("ln", .summation(index: "k", Self.apply("exp", k)))
            return .product([
                .number(-1), sum(.product([target, .parenthesized(.infix(.minus, [prediction, logSumExp]))])),
            ])
        case .binaryCrossEntropyFromLogits:
            return sum(
                .infix(
                    .minus,
                    [Self.apply("ln", .infix(.plus, [.count(1), Self.apply("exp", prediction)])), labelledScore]))
        case .hinge:
            return sum(Self.apply("max", .count(0), .infix(.minus, [Self.symbolM, labelledScore])))
        case .squaredHinge:
            return sum(.power(Self.apply("max", .count(0), .infix(.minus, [Self.symbolM, labelledScore])), .number(2)))
        case .multiclassHinge:
            let sk = MathExpression.symbol(Symbol(letter, index: "k"))
            return .summation(
                index: "j ≠ k",
                Self.apply("max", .count(0), .infix(.plus, [.infix(.minus, [prediction, sk]), .symbol(Symbol("Δ"))])))
        case .perceptron:
            return sum(Self.apply("max", .count(0), .product([.number(-1), labelledScore])))
        case .logistic:
            return sum(
                Self.apply(
                    "ln",
                    .infix(.plus, [.count(1), .power(.symbol(Symbol("e")), .product([.number(-1), labelledScore]))])))
        case .klDivergence(let base):
            return sum(.product([target, Self.log(base, .fraction(target, prediction))]))
        case .entropy(let base):
            return .product([.number(-1), sum(.product([prediction, Self.log(base, prediction)]))])
        case .focal:
            let pt = MathExpression.symbol(Symbol("p", index: "t"))
            let alpha = MathExpression.symbol(Symbol("α", index: "t"))
            return .product([
                .number(-1),
                sum(
                    .product([
                        alpha, .power(.parenthesized(.infix(.minus, [.count(1), pt])), .symbol(Symbol("γ"))),
                        Self.apply("ln", pt),
                    ])),
            ])
        case .squaredError(let c):
            let squares = sum(.power(.parenthesized(difference), .number(2)))
            return c == 1 ? squares : .product([c == 0.5 ? .fraction(.count(1), .number(2)) : .given(c), squares])
        case .meanSquaredError: return mean(.power(.parenthesized(difference), .number(2)))
        case .crossEntropy: return .product([.number(-1), sum(.product([target, Self.apply("ln", prediction)]))])
        case .binaryCrossEntropy:
            let complement = { (x: MathExpression) in MathExpression.parenthesized(.infix(.minus, [.count(1), x])) }
            let terms = MathExpression.infix(
                .plus,
                [
                    .product([target, Self.apply("ln", prediction)]),
                    .product([complement(target), Self.apply("ln", .infix(.minus, [.count(1), prediction]))]),
                ])
            return .product([.number(-1), sum(.parenthesized(terms))])
        }
    }

    /// The divisor of ``gradient``: n for the losses averaged over the outputs, else 1.
    var gradientDivisor: Int {
        switch function {
        case .meanSquaredError, .meanAbsoluteError, .huber, .smoothL1: outputs
        default: 1
        }
    }

    /// ∂ℓ/∂ŷⱼ up to the factor 1/``gradientDivisor``; nil where no short formula is taught
    /// (the multiclass hinge and the focal loss: their values are shown instead).
    var gradient: MathExpression? {
        let step = { (x: MathExpression) in Self.apply("H", x) }
        switch function {
        case .meanAbsoluteError: return Self.apply("sign", difference)
        case .huber(let delta):
            return Self.apply("clip", difference, .number(-delta), .number(delta))
        case .smoothL1(let beta):
            return Self.apply("clip", .fraction(difference, .number(beta)), .number(-1), .number(1))
        case .crossEntropyFromScores: return .infix(.minus, [Self.apply("softmax", prediction), target])
        case .binaryCrossEntropyFromLogits: return .infix(.minus, [Self.apply("σ", prediction), target])
        case .hinge: return .product([.number(-1), target, step(.infix(.minus, [Self.symbolM, labelledScore]))])
        case .squaredHinge:
            return .product([
                .number(-2), target, Self.apply("max", .count(0), .infix(.minus, [Self.symbolM, labelledScore])),
            ])
        case .multiclassHinge, .focal: return nil
        case .perceptron: return .product([.number(-1), target, step(.product([.number(-1), labelledScore]))])
        case .logistic:
            return .product([.number(-1), target, Self.apply("σ", .product([.number(-1), labelledScore]))])
        case .klDivergence(let base):
            let ratio = MathExpression.fraction(target, prediction)
            return base == Loss.naturalBase
                ? .product([.number(-1), ratio])
                : .product([
                    .number(-1),
                    .fraction(target, .parenthesized(.product([prediction, Self.apply("ln", .given(base))]))),
                ])
        case .entropy(let base):
            let inner = MathExpression.product([
                .number(-1), .parenthesized(.infix(.plus, [Self.apply("ln", prediction), .count(1)])),
            ])
            return base == Loss.naturalBase
                ? inner : .product([inner, .fraction(.count(1), Self.apply("ln", .given(base)))])
        case .squaredError(let c):
            return 2 * c == 1 ? difference : .product([.given(2 * c), .parenthesized(difference)])
        case .meanSquaredError: return .product([.count(2), .parenthesized(difference)])
        case .crossEntropy: return .product([.number(-1), .fraction(target, prediction)])
        case .binaryCrossEntropy:
            return .fraction(
                difference, .product([prediction, .parenthesized(.infix(.minus, [.count(1), prediction]))]))
        }
    }
}
