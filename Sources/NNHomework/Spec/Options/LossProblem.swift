import NNCore

/// A loss on given numbers (`nnhw loss`): the loss with its parameters, the
/// prediction (scores, probabilities, predicted values or q) with one sample
/// per row, the target in the same shape, and how the samples combine.
public struct LossProblem: Sendable, Hashable {
    /// How the per-sample losses ℓₛ combine: PyTorch's `reduction`.
    public enum Reduction: String, Sendable, Hashable, CaseIterable {
        /// L = (1/S) Σₛ ℓₛ (for KL and entropy PyTorch's `batchmean`).
        case mean
        /// L = Σₛ ℓₛ.
        case sum
        /// No L: the ℓₛ themselves, each with its own gradient ∂ℓₛ/∂ŷₛ.
        case none
    }

    /// What the prediction is, as the options gave it.
    public enum Input: Sendable, Hashable {
        /// Raw scores or logits (`--scores`).
        case scores
        /// Probabilities (`--probs`).
        case probabilities
        /// Predicted values against target values (`--pred`, `--target`).
        case values
        /// A distribution q against p (`--q`, `--p`), or p alone for the entropy.
        case distributions
    }

    /// The loss; its reduction is the sum for ``Reduction/none`` (r = 1).
    public var loss: Loss
    /// The name the loss was asked for by (`nll`, `cross_entropy`, …), canonical.
    public var name: String
    /// How the samples combine.
    public var reduction: Reduction
    /// What the prediction is.
    public var input: Input
    /// ŷ: one sample per row (a binary loss's scores as a column).
    public var prediction: Matrix
    /// y, the same shape: one-hot rows for class labels, ±1 or 0/1 labels, values, or p.
    public var target: Matrix
    /// The 0-based class of each sample, where labels named classes.
    public var classes: [Int]?
    /// Whether the binary scores were given as one row (the gradient is then shown as a row too).
    public var givenAsRow: Bool

    /// The losses that take one score per sample with one label per score.
    static let binary: Set<String> = [
        "hinge", "squared_hinge", "perceptron", "logistic", "binary_cross_entropy", "focal",
    ]
    /// The regression losses, on `--pred` and `--target`.
    static let regression: Set<String> = ["squared_error", "mse", "mae", "huber", "smooth_l1"]

    /// One network sample's loss as a problem, to write its terms: `name` is
    /// the loss's canonical name, the prediction and target one row each.
    init(sampleOf loss: Loss, prediction: [Double], target: [Double], classIndex: Int?) {
        self.loss = loss
        name = LossNotation.canonicalName(loss.function)
        reduction = .sum
        input = .values
        self.prediction = Matrix(row: prediction)
        self.target = Matrix(row: target)
        classes = classIndex.map { [$0] }
        givenAsRow = false
    }

    /// The problem of `nnhw loss`: `--name` and its numbers and parameters.
    ///
    /// - Throws: a usage error for a missing or unknown name, numbers of the
    ///   wrong kind for the loss, or a parameter the loss does not take; a data
    ///   error for labels, shapes or probabilities that do not fit.
    public init(_ options: OptionValues) throws(InputError) {
        guard let given = options.text("--name") else {
            throw InputError(at: "--name", .missing(give: "a loss, e.g. --name multiclass_hinge"))
        }
        guard let name = LossSpec.canonicalName(given) else {
            let all = LossSpec.names.map(\.name)
            throw InputError(
                at: "--name",
                .expectedChoice(
                    all, got: given, suggestion: closestMatch(to: given, among: all + LossSpec.names.flatMap(\.aliases))
                ))
        }
        self.name = given.lowercased() == "nll" ? "nll" : name
        reduction = options.text("--reduction").flatMap(Reduction.init(rawValue:)) ?? .mean
        try Self.refuseParameters(options, name: name)
        let sources = ["--scores", "--probs", "--pred", "--target", "--p", "--q", "--labels"].filter(options.isGiven)
        let input = try Self.input(name: self.name, given: sources)
        self.input = input
        var prediction: Matrix
        var target: Matrix
        var classes: [Int]?
        givenAsRow = false
        switch input {
        case .values:
            (prediction, target) = try Self.values(options)
        case .distributions:
            let p = try Self.distribution(options, "--p")
            if name == "entropy" {
                (prediction, target) = (p, p)
            } else {
                let q = try Self.distribution(options, "--q")
                guard q.rows == p.rows, q.columns == p.columns else {
                    throw InputError(at: "--q", .shapesDiffer(q.rows, q.columns, other: "--p", p.rows, p.columns))
                }
                (prediction, target) = (q, p)
            }
        case .scores, .probabilities:
            let option = input == .scores ? "--scores" : "--probs"
            prediction = try Self.matrix(options, option)
            if Self.binary.contains(name) {
                guard prediction.rows == 1 || prediction.columns == 1 else {
                    throw InputError(at: option, .binaryScores(rows: prediction.rows, columns: prediction.columns))
                }
                givenAsRow = prediction.rows == 1 && prediction.columns > 1
                if givenAsRow { prediction = Matrix(column: prediction.elements) }
            }
            if name == "multiclass_hinge", prediction.columns < 2 {
                throw InputError(at: option, .tooFewClasses(prediction.columns))
            }
            if input == .probabilities {
                try Self.requireProbabilities(prediction, option: option, distributions: !Self.binary.contains(name))
            }
            if options.isGiven("--labels") {
                (target, classes) = try Self.labels(
                    options, name: name, samples: prediction.rows, classes: prediction.columns)
            } else {
                target = try Self.matrix(options, "--target")
                if givenAsRow, target.rows == 1 { target = Matrix(column: target.elements) }
                guard target.rows == prediction.rows, target.columns == prediction.columns else {
                    throw InputError(
                        at: "--target",
                        .shapesDiffer(target.rows, target.columns, other: option, prediction.rows, prediction.columns))
                }
                try Self.requireTargetValues(target, name: name)
            }
        }
        self.prediction = prediction
        self.target = target
        self.classes = classes
        loss = Loss(
            try Self.function(name: name, input: input, options), reduction: reduction == .mean ? .mean : .sum)
        try requireFiniteLogarithms(option: input == .probabilities ? "--probs" : "--q")
    }
}
