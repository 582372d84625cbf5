import NNCore

/// A batch-norm or layer-norm question on given numbers (`nnhw batchnorm`,
/// `nnhw layernorm`): X with one sample per row, γ, β, ε, and optionally the
/// upstream gradient and, for batch norm, the running statistics.
public struct NormalizationProblem: Sendable, Hashable {
    /// A running mean and variance, one of each per feature.
    public struct RunningStatistics: Sendable, Hashable {
        /// μ_run.
        public var mean: [Double]
        /// σ²_run.
        public var variance: [Double]
    }

    /// Which statistics normalize X.
    public enum Mode: Sendable, Hashable {
        /// The statistics of X itself; with running statistics, they are updated with the momentum too.
        case training(running: RunningStatistics?, momentum: Double)
        /// Given running statistics (batch norm at test time).
        case evaluation(RunningStatistics)
    }

    /// The normalization: axis, γ, β, ε.
    public var normalization: Normalization
    /// X, one sample per row, one feature per column.
    public var input: Matrix
    /// Which statistics normalize X.
    public var mode: Mode
    /// g = ∂L/∂Y, shaped like X, when the backward pass is asked for.
    public var outputGradient: Matrix?

    /// The problem of `nnhw batchnorm` (`axis` batch) or `nnhw layernorm` (`axis` features):
    /// `--x` (or `--feature` for one feature's values), `--gamma`, `--beta`, `--eps`, `--grad-output`,
    /// and for batch norm `--mode`, `--running-mean`, `--running-var`, `--momentum`.
    ///
    /// - Throws: an ``InputError`` naming the option when X is missing or malformed, γ, β, δ or the
    ///   running statistics do not fit X, a variance is negative, or batch norm trains on one sample.
    public init(_ options: OptionValues, axis: Normalization.Axis) throws(InputError) {
        let input: Matrix
        if let values = try Self.vector(options, "--feature") {
            input = Matrix(column: values)
        } else if let matrix = try Self.matrix(options, "--x") {
            input = matrix
        } else {
            throw InputError(
                at: "--x", .missing(give: "the batch, one sample per row, e.g. --x \"1.2 -0.5; 0.8 2.1; -1.3 0.4\""))
        }
        let features = input.columns
        let gamma = try Self.vector(options, "--gamma") ?? Array(repeating: 1, count: features)
        let beta = try Self.vector(options, "--beta") ?? Array(repeating: 0, count: features)
        for (name, values) in [("--gamma", gamma), ("--beta", beta)] where values.count != features {
            throw InputError(at: name, .perFeatureCount(values.count, features: features))
        }
        let isEvaluation = options.text("--mode") == "eval"
        let runningMean = try Self.vector(options, "--running-mean")
        let runningVariance = try Self.vector(options, "--running-var")
        for (name, values) in [("--running-mean", runningMean), ("--running-var", runningVariance)] {
            if let values, values.count != features {
                throw InputError(at: name, .perFeatureCount(values.count, features: features))
            }
        }
        if let variance = runningVariance, variance.contains(where: { $0 < 0 }) {
            throw InputError(at: "--running-var", .negativeVariance)
        }
        let momentum = options.number("--momentum")
        if isEvaluation {
            guard let runningMean, let runningVariance else {
                throw InputError(
                    at: runningMean == nil ? "--running-mean" : "--running-var",
                    .missing(give: "the running statistics for --mode eval, one per feature"))
            }
            if momentum != nil {
                throw InputError(at: "--momentum", .appliesOnly(to: "training mode", add: "--mode train"))
            }
            mode = .evaluation(RunningStatistics(mean: runningMean, variance: runningVariance))
        } else {
            if axis == .batch && input.rows < 2 {
                throw InputError(at: options.isGiven("--feature") ? "--feature" : "--x", .batchOfOne)
            }
            let running =
                momentum == nil && runningMean == nil && runningVariance == nil
                ? nil
                : RunningStatistics(
                    mean: runningMean ?? Array(repeating: 0, count: features),
                    variance: runningVariance ?? Array(repeating: 1, count: features))
            mode = .training(running: running, momentum: momentum ?? 0.1)
        }
        outputGradient = try Self.matrix(options, "--grad-output").map { g in
            // One feature's gradient may be written as a row, like --feature itself.
            input.columns == 1 && g.rows == 1 && g.columns == input.rows ? g.transposed() : g
        }
        if let g = outputGradient, g.rows != input.rows || g.columns != input.columns {
            throw InputError(
                at: "--grad-output", .outputGradientShape(given: [g.rows, g.columns], output: [input.rows, features]))
        }
        let epsilon = options.number("--eps") ?? 1e-5
        normalization = Normalization(axis: axis, gamma: gamma, beta: beta, epsilon: epsilon)
        self.input = input
    }

    /// A matrix option's one matrix, or nil when it is not given.
    private static func matrix(_ options: OptionValues, _ name: String) throws(InputError) -> Matrix? {
        guard let document = try options.document(name) else { return nil }
        let channels = try TensorText.channels(parsing: document.text, place: document.source)
        guard channels.count == 1 else { throw InputError(at: name, .notAMatrix(channels: channels.count)) }
        return channels[0]
    }

    /// A list of numbers, written as a row or a column, or nil when the option is not given.
    private static func vector(_ options: OptionValues, _ name: String) throws(InputError) -> [Double]? {
        guard let matrix = try matrix(options, name) else { return nil }
        guard matrix.rows == 1 || matrix.columns == 1 else {
            throw InputError(at: name, .notAList(rows: matrix.rows, columns: matrix.columns))
        }
        return matrix.elements
    }
}
