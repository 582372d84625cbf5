import NNCore

extension LossSheet {
    /// The sentences stating the loss's convention, its labels and its reduction.
    var conventions: [Prose] {
        var sentences: [Prose] = [definition]
        let labels: Prose? =
            switch problem.name {
            case _ where problem.classes != nil:
                "Labels are \(0)-based class indices: class \(Symbol("k")) is the output \(MathExpression.infix(.plus, [.symbol(Symbol("k")), .count(1)]))."
            case "hinge", "squared_hinge", "perceptron", "logistic":
                "Labels are \(-1) or \(1); one score per sample."
            case "binary_cross_entropy", "focal":
                "Labels (targets) are \(0) or \(1), or in between; one per sample."
            default: nil
            }
        if let labels { sentences.append(labels) }
        sentences.append(reductionSentence)
        return sentences
    }

    private var definition: Prose {
        let h = MathExpression.apply(FunctionName("H"), [.symbol(Symbol("x"))])
        switch problem.loss.function {
        case .squaredError: return "Squared error summed over a sample's entries, scaled by \(Symbol("c"))."
        case .meanSquaredError: return "Mean squared error, PyTorch's mse_loss: the mean over a sample's entries."
        case .meanAbsoluteError:
            return
                "Mean absolute error (L1), PyTorch's l1_loss; its derivative at a tie \(MathExpression.equation(.symbol(Symbol("ŷ")), .symbol(Symbol("y")))) is taken as \(0)."
        case .huber:
            let delta = MathExpression.symbol(Symbol("δ"))
            return
                "Huber loss, PyTorch's huber_loss: \(Self.quadratic(scale: nil)) where \(Self.within(delta, strict: false)), "
                + "\(MathExpression.product([delta, .parenthesized(.infix(.minus, [Self.absoluteD, .fraction(delta, .count(2))]))])) beyond, "
                + "with \(Self.dDefinition)."
        case .smoothL1:
            let beta = MathExpression.symbol(Symbol("β"))
            return
                "Smooth L1 loss, PyTorch's smooth_l1_loss: \(Self.quadratic(scale: beta)) where \(Self.within(beta, strict: true)), "
                + "\(MathExpression.infix(.minus, [Self.absoluteD, .fraction(beta, .count(2))])) beyond, with \(Self.dDefinition); "
                + "it is the Huber loss divided by \(beta)."
        case .crossEntropy:
            return problem.name == "nll"
                ? "Negative log-likelihood of probabilities \(Symbol("p")) (PyTorch's nll_loss takes log-probabilities instead)."
                : "Cross-entropy of probabilities \(Symbol("p")) (PyTorch's cross_entropy takes scores: use --scores)."
        case .crossEntropyFromScores:
            return
                "Cross-entropy from raw scores, PyTorch's cross_entropy: softmax and log in one, by log-sum-exp, finite for any scores."
        case .binaryCrossEntropy: return "Binary cross-entropy of probabilities, PyTorch's binary_cross_entropy."
        case .binaryCrossEntropyFromLogits:
            return
                "Binary cross-entropy from logits, PyTorch's binary_cross_entropy_with_logits: \(MathExpression.infix(.minus, [.apply(Self.softplusName, [.symbol(Symbol("s"))]), .product([.symbol(Symbol("s")), .symbol(Symbol("y"))])])), finite for any logit."
        case .hinge:
            return
                "Hinge loss with margin \(Symbol("m")) (no PyTorch function; hinge_embedding_loss is another loss); the step \(h) is \(1) for positive \(Symbol("x")), else \(0), so the corner gets derivative \(0)."
        case .squaredHinge: return "Squared hinge loss with margin \(Symbol("m")); smooth, no corner."
        case .multiclassHinge:
            return
                "Multiclass SVM loss (Weston–Watkins, as CS231n) with margin \(Symbol("Δ")): every other class whose score comes within \(Symbol("Δ")) of the true class's adds to the loss. PyTorch's multi_margin_loss also divides by the number of classes."
        case .perceptron:
            return
                "Perceptron loss: zero when the score has the label's sign; where \(MathExpression.equation(.product([.symbol(Symbol("y")), .symbol(Symbol("s"))]), .count(0))) the derivative is taken as \(0)."
        case .logistic:
            return "Logistic loss, PyTorch's soft_margin_loss: computed as a softplus, finite for any score."
        case .klDivergence:
            return
                "KL divergence \(MathExpression.apply(FunctionName("KL"), [.symbol(Symbol("p")), .symbol(Symbol("q"))])) of \(Symbol("q")) from \(Symbol("p")) (PyTorch's kl_div(q.log(), p)), with \(Self.zeroLogZero)\(baseClause)."
        case .entropy:
            return
                "Entropy of each row \(Symbol("p")), with \(Self.zeroLogZero) (its derivative taken as \(0) there)\(baseClause)."
        case .focal:
            let (p, y, alpha) = (
                MathExpression.symbol(Symbol("p")), MathExpression.symbol(Symbol("y")),
                MathExpression.symbol(Symbol("α"))
            )
            let pt = MathExpression.equation(
                .symbol(Symbol("p", index: "t")),
                .infix(
                    .plus,
                    [
                        .product([p, y]),
                        .product([
                            .parenthesized(.infix(.minus, [.count(1), p])),
                            .parenthesized(.infix(.minus, [.count(1), y])),
                        ]),
                    ]))
            let at = MathExpression.equation(
                .symbol(Symbol("α", index: "t")),
                .infix(
                    .plus,
                    [
                        .product([alpha, y]),
                        .product([
                            .parenthesized(.infix(.minus, [.count(1), alpha])),
                            .parenthesized(.infix(.minus, [.count(1), y])),
                        ]),
                    ]))
            return
                "Sigmoid focal loss, torchvision's sigmoid_focal_loss, from logits \(Symbol("s")): \(MathExpression.equation(p, .apply(FunctionName("σ"), [.symbol(Symbol("s"))]))), \(pt), \(at) (\(Symbol("α", index: "t")) = \(1) with --alpha none)."
        }
    }

    private static let zeroLogZero = MathExpression.equation(
        .product([.count(0), .apply(FunctionName("ln"), [.count(0)])]), .count(0))
    private static let softplusName = FunctionName("softplus")
    private static let d = MathExpression.symbol(Symbol("d"))
    private static let absoluteD = MathExpression.absoluteValue(d)
    private static let dDefinition = MathExpression.equation(
        d, .infix(.minus, [.symbol(Symbol("ŷ")), .symbol(Symbol("y"))]))

    /// ½d², or d²/(2β).
    private static func quadratic(scale: MathExpression?) -> MathExpression {
        let square = MathExpression.power(d, .number(2))
        guard let scale else { return .product([.fraction(.count(1), .count(2)), square]) }
        return .fraction(square, .product([.count(2), scale]))
    }

    /// |d| ≤ δ, or |d| < β.
    private static func within(_ limit: MathExpression, strict: Bool) -> MathExpression {
        .infix(strict ? .lessThan : .lessThanOrEqual, [absoluteD, limit])
    }

    private var baseClause: Prose {
        switch problem.loss.function {
        case .klDivergence(let base), .entropy(let base):
            if base == Loss.naturalBase { return ", in nats" }
            if base == 2 { return ", in bits" }
            return ", base \(MathExpression.equation(.symbol(Symbol("b")), .given(base)))"
        default: return ""
        }
    }

    private var reductionSentence: Prose {
        let total = MathExpression.symbol(Symbol("L"))
        switch problem.reduction {
        case .mean:
            let kind: Prose =
                switch problem.loss.function {
                case .klDivergence, .entropy: " (PyTorch's batchmean: a sample's classes are summed first)"
                case .meanSquaredError, .meanAbsoluteError, .huber, .smoothL1:
                    " (each sample's loss already averages its entries, so this is PyTorch's mean over every entry)"
                default: ""
                }
            return
                "Reduction mean: \(MathExpression.equation(total, .product([.fraction(.count(1), .symbol(Symbol("N"))), .summation(index: "i", sampleLoss("i"))]))) over the \(Symbol("N")) samples\(kind)."
        case .sum: return "Reduction sum: \(MathExpression.equation(total, .summation(index: "i", sampleLoss("i"))))."
        case .none: return "Reduction none: each sample's \(sampleLoss("i")) is reported on its own."
        }
    }

    /// ∂ℓ/∂ŷⱼ as a formula, where one is taught; in words for the multiclass hinge and focal loss.
    var gradientRule: Prose? {
        let n = isBinaryProblem ? 1 : problem.prediction.columns
        let prediction = MathExpression.symbol(Symbol(letter, index: n == 1 ? nil : "j"))
        let target = MathExpression.symbol(
            Symbol(problem.input == .distributions ? "p" : "y", index: n == 1 ? nil : "j"))
        let formula = LossFormula(function: problem.loss.function, prediction: prediction, target: target, outputs: n)
        let lhs = MathExpression.partial(of: .symbol(Symbol("ℓ")), withRespectTo: prediction)
        if case .multiclassHinge = problem.loss.function {
            return
                "\(MathExpression.partial(of: .symbol(Symbol("ℓ")), withRespectTo: .symbol(Symbol("s", index: "j")))) is \(1) for each other class \(Symbol("j")) with a positive margin, \(0) for a clipped one; \(MathExpression.partial(of: .symbol(Symbol("ℓ")), withRespectTo: .symbol(Symbol("s", index: "k")))) is minus the number of positive margins."
        }
        guard let gradient = formula.gradient else {
            return
                "\(lhs) by the chain rule through \(Symbol("p", index: "t")) and \(Symbol("α", index: "t")), entry by entry."
        }
        let divisor = formula.gradientDivisor
        let rhs: MathExpression = divisor == 1 ? gradient : .product([.fraction(.count(1), .count(divisor)), gradient])
        let factor: Prose =
            problem.reduction == .mean
            ? ", times \(MathExpression.fraction(.count(1), .symbol(Symbol("N")))) for the mean" : ""
        return "\(lhs) = \(rhs)\(factor)."
    }

    /// The gradient step's note: the shape it has.
    var gradientNote: Prose? {
        problem.givenAsRow ? "one entry per score, as a row like the scores" : "the shape of the input"
    }
}
