import NNCore

/// An exponentially weighted average of a series (`nnhw ema`): the values, β and whether to correct the bias.
public struct AverageProblem: Sendable, Hashable {
    /// θ₁ … θ_N.
    public var values: [Double]
    /// The average's weight β.
    public var average: ExponentialAverage
    /// Whether vₜ/(1 − βᵗ) is worked too.
    public var correctsBias: Bool

    /// The most values a solution works out.
    public static let maximumValues = 1_000

    /// The problem of `--values`, `--beta` and `--bias-correction`.
    ///
    /// - Throws: a usage error when `--values` is missing, an invalid-data error when it is not a list of
    ///   finite numbers or has more than ``maximumValues``.
    public init(_ options: OptionValues) throws(InputError) {
        guard let text = options.text("--values") else {
            throw InputError(at: "--values", .missing(give: "the series, e.g. --values \"25 28 26 22\""))
        }
        values = try OptimizeProblem.list(text, place: "--values")
        guard values.count <= Self.maximumValues else {
            throw InputError(at: "--values", .tooManyNumbers(values.count, noun: "value", limit: Self.maximumValues))
        }
        average = ExponentialAverage(beta: options.number("--beta") ?? 0.9)
        correctsBias = options.has("--bias-correction")
    }
}
