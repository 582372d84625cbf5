import NNCore

/// How a loss is written: its formula for one sample, that formula with the
/// numbers put in, and its gradient ∂ℓ/∂ŷ.
struct LossNotation {
    let loss: Loss
    let symbols: NetworkSymbols

    /// "loss Σ(ŷ − y)²"-style short name for titles, in the notation's letters;
    /// a scale c other than 1 or ½ is written as the spec gives it.
    static func name(of loss: Loss, notation: Notation) -> Prose {
        let reduction: Prose = loss.reduction == .sum ? ", summed over the batch" : ""
        switch loss.function {
        case .squaredError(let c):
            let symbols = NetworkSymbols(notation: notation, isBatch: false)
            let sum = MathExpression.summation(
                index: nil, .power(.parenthesized(.infix(.minus, [symbols.prediction, symbols.target])), .number(2)))
            let factor: MathExpression? = c == 1 ? nil : c == 0.5 ? .fraction(.count(1), .count(2)) : .given(c)
            return "loss \(factor.map { .product([$0, sum]) } ?? sum)\(reduction)"
        case .meanSquaredError: return "mean squared error\(reduction)"
        case .crossEntropy: return "cross-entropy\(reduction)"
        case .binaryCrossEntropy: return "binary cross-entropy\(reduction)"
        default: return "\(words(loss.function))\(reduction)"
        }
    }

    /// The loss's name in words: "Huber loss (δ = 1)", "multiclass hinge loss (Δ = 1)".
    static func words(_ function: Loss.Function) -> Prose {
        switch function {
        case .squaredError(let c): return "squared error (\(MathExpression.equation(.symbol(Symbol("c")), .given(c))))"
        case .meanSquaredError: return "mean squared error"
        case .meanAbsoluteError: return "mean absolute error"
        case .huber(let delta): return "Huber loss (\(MathExpression.equation(.symbol(Symbol("δ")), .given(delta))))"
        case .smoothL1(let beta):
            return "smooth L1 loss (\(MathExpression.equation(.symbol(Symbol("β")), .given(beta))))"
        case .crossEntropy: return "cross-entropy from probabilities"
        case .crossEntropyFromScores: return "cross-entropy from scores"
        case .binaryCrossEntropy: return "binary cross-entropy from probabilities"
        case .binaryCrossEntropyFromLogits: return "binary cross-entropy from logits"
        case .hinge(let m): return "hinge loss (\(MathExpression.equation(.symbol(Symbol("m")), .given(m))))"
        case .squaredHinge(let m):
            return "squared hinge loss (\(MathExpression.equation(.symbol(Symbol("m")), .given(m))))"
        case .multiclassHinge(let m):
            return "multiclass hinge loss (\(MathExpression.equation(.symbol(Symbol("Δ")), .given(m))))"
        case .perceptron: return "perceptron loss"
        case .logistic: return "logistic loss"
        case .klDivergence(let base): return "KL divergence\(baseWords(base))"
        case .entropy(let base): return "entropy\(baseWords(base))"
        case .focal(let gamma, let alpha):
            let g = MathExpression.equation(.symbol(Symbol("γ")), .given(gamma))
            guard let alpha else { return "focal loss (\(g), no class weighting)" }
            return "focal loss (\(g), \(MathExpression.equation(.symbol(Symbol("α")), .given(alpha))))"
        }
    }

    private static func baseWords(_ base: Double) -> Prose {
        base == Loss.naturalBase ? " (in nats)" : base == 2 ? " (in bits)" : " (base \(MathExpression.given(base)))"
    }

    /// The canonical spec name of the loss: "multiclass_hinge".
    static func canonicalName(_ function: Loss.Function) -> String {
        switch function {
        case .squaredError: "squared_error"
        case .meanSquaredError: "mse"
        case .meanAbsoluteError: "mae"
        case .huber: "huber"
        case .smoothL1: "smooth_l1"
        case .crossEntropy, .crossEntropyFromScores: "cross_entropy"
        case .binaryCrossEntropy, .binaryCrossEntropyFromLogits: "binary_cross_entropy"
        case .hinge: "hinge"
        case .squaredHinge: "squared_hinge"
        case .multiclassHinge: "multiclass_hinge"
        case .perceptron: "perceptron"
        case .logistic: "logistic"
        case .klDivergence: "kl_divergence"
        case .entropy: "entropy"
        case .focal: "focal"
        }
    }

    /// The coefficient c of squared error as an expression: ½ for 0.5, nil for 1.
    private func coefficient(_ c: Double) -> MathExpression? {
        if c == 1 { return nil }
        if c == 0.5 { return .fraction(.number(1), .number(2)) }
        return .number(c)
    }

    private func withCoefficient(_ c: MathExpression?, _ body: MathExpression) -> MathExpression {
        guard let c else { return body }
        return .product([c, body])
    }

    /// ℓ for one sample with n outputs, written symbolically.
    func formula(outputs n: Int) -> MathExpression {
        let scalar = n == 1
        let yh = scalar ? symbols.prediction : symbols.prediction(index: "j")
        let y = scalar ? symbols.target : symbols.target(index: "j")
        let ln = FunctionName("ln")
        let squared = MathExpression.power(.parenthesized(.infix(.minus, [yh, y])), .number(2))
        switch loss.function {
        case .squaredError(let c):
            return withCoefficient(coefficient(c), scalar ? squared : .summation(index: "j", squared))
        case .meanSquaredError:
            return scalar
                ? squared : .product([.fraction(.number(1), .number(Double(n))), .summation(index: "j", squared)])
        case .crossEntropy:
            return .product([.number(-1), .summation(index: "j", .product([y, .apply(ln, [yh])]))])
        case .binaryCrossEntropy:
            let terms = MathExpression.infix(
                .plus,
                [
                    .product([y, .apply(ln, [yh])]),
                    .product([
                        .parenthesized(.infix(.minus, [.number(1), y])),
                        .apply(ln, [.infix(.minus, [.number(1), yh])]),
                    ]),
                ])
            let bracketed = MathExpression.parenthesized(terms)
            return .product([.number(-1), scalar ? bracketed : .summation(index: "j", bracketed)])
        default:
            return LossFormula(function: loss.function, prediction: yh, target: y, outputs: n).expression
        }
    }

    /// ℓ for one sample with the numbers put in, or nil where that would not
    /// fit on a line (more than `limit` outputs).
    func substituted(prediction: [Double], target: [Double], classIndex: Int?, limit: Int = 6) -> MathExpression? {
        guard prediction.count <= limit else { return nil }
        let ln = FunctionName("ln")
        let pairs = Array(zip(prediction, target))
        let squares = pairs.map {
            MathExpression.power(.parenthesized(.infix(.minus, [.number($0), .number($1)])), .number(2))
        }
        let sumOfSquares: MathExpression = squares.count == 1 ? squares[0] : .parenthesized(.infix(.plus, squares))
        switch loss.function {
        case .squaredError(let c):
            if squares.count == 1 { return withCoefficient(coefficient(c), squares[0]) }
            return coefficient(c) == nil ? .infix(.plus, squares) : withCoefficient(coefficient(c), sumOfSquares)
        case .meanSquaredError:
            return squares.count == 1
                ? squares[0] : .product([.fraction(.number(1), .number(Double(pairs.count))), sumOfSquares])
        case .crossEntropy:
            if let k = classIndex {
                return .product([.number(-1), .apply(ln, [.number(prediction[k])])])
            }
            let terms = pairs.filter { $0.1 != 0 }.map {
                MathExpression.product([.number($0.1), .apply(ln, [.number($0.0)])])
            }
            return .product([.number(-1), terms.count == 1 ? terms[0] : .parenthesized(.infix(.plus, terms))])
        case .binaryCrossEntropy:
            let terms = pairs.map { yHat, y in
                MathExpression.parenthesized(
                    .infix(
                        .plus,
                        [
                            .product([.number(y), .apply(ln, [.number(yHat)])]),
                            .product([.number(1 - y), .apply(ln, [.number(1 - yHat)])]),
                        ]))
            }
            return .product([.number(-1), terms.count == 1 ? terms[0] : .parenthesized(.infix(.plus, terms))])
        default:
            return nil
        }
    }

    /// −ln ŷₖ₊₁: the cross-entropy of a one-hot target of class k, which the
    /// spec counts from 0, written with the output's index counted from 1 as
    /// everywhere else (class 2 is the 3rd output, ŷ₃).
    func classTerm(_ k: Int) -> MathExpression {
        .product([.number(-1), .apply(FunctionName("ln"), [symbols.prediction(index: "\(k + 1)")])])
    }

    /// The note naming a class target: "class 2, the 3rd output".
    static func classNote(_ k: Int) -> Prose {
        "class \(k), the \(k + 1)\(ordinalSuffix(k + 1)) output"
    }

    /// "st", "nd", "rd" or "th", the English suffix of the ordinal n.
    static func ordinalSuffix(_ n: Int) -> String {
        switch (n % 10, n % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
    }

    /// ∂L/∂ŷ written symbolically, with the batch factor r = 1/S where it applies.
    func gradientFormula(outputs n: Int, samples: Int) -> MathExpression? {
        gradient(of: symbols.prediction, minus: symbols.target, outputs: n, samples: samples)
    }

    /// ∂L/∂ŷ with the values of ŷ and y put in, for the squared errors (whose
    /// gradient is a multiple of ŷ − y); nil for the other losses.
    func gradientSubstituted(
        prediction: MathExpression, target: MathExpression, outputs n: Int, samples: Int
    ) -> MathExpression? {
        switch loss.function {
        case .squaredError, .meanSquaredError:
            return gradient(of: prediction, minus: target, outputs: n, samples: samples)
        default:
            return nil
        }
    }

    private func factor(_ numerator: Double, _ denominator: Int) -> MathExpression? {
        if denominator == 1 { return numerator == 1 ? nil : .number(numerator) }
        return .fraction(.number(numerator), .number(Double(denominator)))
    }

    private func gradient(
        of yh: MathExpression, minus y: MathExpression, outputs n: Int, samples: Int
    ) -> MathExpression? {
        let difference = MathExpression.infix(.minus, [yh, y])
        let perBatch = loss.reduction == .mean && symbols.isBatch ? samples : 1
        switch loss.function {
        case .squaredError(let c):
            return withCoefficient(factor(2 * c, perBatch), difference)
        case .meanSquaredError:
            return withCoefficient(factor(2, n * perBatch), difference)
        case .crossEntropy:
            return withCoefficient(factor(-1, perBatch) ?? .number(-1), .fraction(y, yh))
        case .binaryCrossEntropy:
            let denominator = MathExpression.product([yh, .parenthesized(.infix(.minus, [.number(1), yh]))])
            return withCoefficient(factor(1, perBatch), .fraction(.infix(.minus, [yh, y]), denominator))
        default:
            let formula = LossFormula(function: loss.function, prediction: yh, target: y, outputs: n)
            return formula.gradient.map { withCoefficient(factor(1, perBatch * formula.gradientDivisor), $0) }
        }
    }
}
