import NNCore

/// A loss of the catalogue as a function of one variable, the slice a
/// homework sketches: ℓ against the prediction with the target fixed.
public struct LossCurve: Sendable {
    /// The loss.
    public var loss: Loss
    /// The variable's name on the x axis ("p", "ŷ − y", "s").
    public var variable: String
    /// What the x axis shows, in words.
    public var axisLabel: String
    /// The default range.
    public var lower: Double
    /// The default range's upper end.
    public var upper: Double
    /// The kinks of ℓ in the variable.
    public var kinks: [Double]
    /// The prediction ŷ at the variable's value x.
    let prediction: @Sendable (Double) -> [Double]
    /// The target y.
    let target: [Double]

    /// The slice of `loss` a homework draws: regression losses against d = ŷ − y
    /// (y = 0), probability losses against p for the true class (y = 1), score
    /// and logit losses against the true class's score s (y = 1 or +1), the
    /// KL divergence and entropy over two classes (q, 1 − q).
    public init(_ loss: Loss) {
        self.loss = loss
        switch loss.function {
        case .squaredError, .meanSquaredError, .huber, .smoothL1, .meanAbsoluteError:
            variable = "d"
            axisLabel = "error d = ŷ − y"
            (lower, upper) = (-3, 3)
            kinks = loss.function == .meanAbsoluteError ? [0] : []
            prediction = { [$0] }
            target = [0]
        case .crossEntropy, .binaryCrossEntropy:
            variable = "p"
            axisLabel = "predicted probability p of the true class"
            (lower, upper) = (0, 1)
            kinks = []
            prediction = { [$0] }
            target = [1]
        case .crossEntropyFromScores, .multiclassHinge:
            variable = "s"
            axisLabel = "score s of the true class (the other class scores 0)"
            (lower, upper) = (-3, 3)
            if case .multiclassHinge(let margin) = loss.function { kinks = [margin] } else { kinks = [] }
            prediction = { [$0, 0] }
            target = [1, 0]
        case .binaryCrossEntropyFromLogits, .focal:
            variable = "x"
            axisLabel = "logit x of the true class (y = 1)"
            (lower, upper) = (-4, 4)
            kinks = []
            prediction = { [$0] }
            target = [1]
        case .hinge(let margin), .squaredHinge(let margin):
            variable = "s"
            axisLabel = "margin y s (y = +1)"
            (lower, upper) = (-3, 3)
            kinks = [margin]
            prediction = { [$0] }
            target = [1]
        case .perceptron, .logistic:
            variable = "s"
            axisLabel = "margin y s (y = +1)"
            (lower, upper) = (-3, 3)
            kinks = loss.function == .perceptron ? [0] : []
            prediction = { [$0] }
            target = [1]
        case .klDivergence, .entropy:
            variable = "q"
            axisLabel = "predicted probability q of class 1 of two, (q, 1 − q); for KL the target is (½, ½)"
            (lower, upper) = (0, 1)
            kinks = []
            prediction = { [$0, 1 - $0] }
            target = [0.5, 0.5]
        }
    }

    /// ℓ at x, or dℓ/dx where the variable is the prediction's first entry
    /// (the sum of the gradient's entries along (1, −1) for the two-class slices).
    public func value(_ x: Double, derivative: Bool) -> Double {
        let yHat = prediction(x)
        guard yHat.allSatisfy({ $0.isFinite }) else { return .nan }
        let predicted = Matrix(row: yHat)
        let given = Matrix(row: target)
        guard derivative else { return loss.value(prediction: predicted, target: given) }
        let gradient = loss.gradient(prediction: predicted, target: given).elements
        switch loss.function {
        case .klDivergence, .entropy: return gradient[0] - gradient[1]
        default: return gradient[0]
        }
    }

    /// The curve of ℓ (or dℓ/dx), named ℓ(x) or ℓ′(x).
    public func curve(derivative: Bool) -> FunctionCurve {
        let symbol = MathExpression.symbol(Symbol(variable))
        let name = PictureText.plain(
            Prose(.apply(FunctionName("ℓ", isDerivative: derivative), [symbol])))
        let breaks = kinks.map { CurveSampler.Break($0, marksKink: !derivative) }
        return FunctionCurve(name: name, evaluate: { value($0, derivative: derivative) }, breaks: breaks)
    }
}
