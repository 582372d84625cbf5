import NNCore

/// Scores to turn into probabilities with `nnhw softmax`: one sample per row, and the coldness β = 1/T.
public struct SoftmaxProblem: Sendable, Hashable {
    /// The scores s, one sample per row.
    public var scores: Matrix
    /// β = 1/T, the coldness.
    public var beta: Double
    /// The temperature T when it was given as such (so the solution writes β = 1/T).
    public var temperature: Double?

    /// The most scores (over all samples) a worked solution shows.
    public static let maximumScores = 10_000

    /// The problem of `nnhw softmax --scores "…"` with `--temperature T` or `--beta β` (default β = 1).
    ///
    /// - Throws: a usage error when `--scores` is missing or both `--temperature`
    ///   and `--beta` are given; an invalid-data error for a malformed score or
    ///   more than ``maximumScores`` of them.
    public init(options: OptionValues) throws(InputError) {
        guard let text = options.text("--scores") else {
            throw InputError(at: "--scores", .missing(give: "the scores, e.g. --scores \"1 2 4\""))
        }
        let temperature = options.number("--temperature")
        let beta = options.number("--beta")
        if temperature != nil && beta != nil {
            throw InputError(at: "--beta", .eitherNotBoth("--temperature T", "--beta β = 1/T"))
        }
        self.scores = try NumberListText.rows(parsing: text, place: "--scores")
        guard scores.elements.count <= Self.maximumScores else {
            throw InputError(
                at: "--scores", .tooManyNumbers(scores.elements.count, noun: "scores", limit: Self.maximumScores))
        }
        self.temperature = temperature
        self.beta = beta ?? temperature.map { 1 / $0 } ?? 1
        guard self.beta.isFinite else { throw InputError(at: "--temperature", .overflows("β = 1/T")) }
    }
}
