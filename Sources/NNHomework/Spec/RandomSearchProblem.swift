import NNCore

/// A random-search budget: `--good-fraction p` with `--confidence q` (how many
/// trials) or `--trials N` (what probability), with an optional training schedule.
public struct RandomSearchProblem: Sendable, Hashable {
    /// What is asked.
    public enum Question: Sendable, Hashable {
        /// The fewest trials N with P(at least one good in N) ≥ q.
        case trialsFor(confidence: Double)
        /// P(at least one good in N) for the given N.
        case probabilityOf(trials: Int)
    }

    /// p, the good fraction of the search space, in (0, 1).
    public var goodFraction: Double
    /// The question.
    public var question: Question
    /// Epochs and epoch time per trial, if given.
    public var schedule: TrainingSchedule?

    /// The problem the options describe.
    ///
    /// - Throws: a usage error when p is missing or outside (0, 1), q is outside
    ///   (0, 1) (q = 1 needs infinitely many trials), N is below 1, or both or
    ///   neither of `--confidence` and `--trials` are given.
    public init(_ options: OptionValues) throws(InputError) {
        guard let fraction = options.number("--good-fraction") else {
            throw InputError(at: "--good-fraction", .missing(give: "the fraction p of good configurations"))
        }
        goodFraction = fraction
        let confidence = options.number("--confidence")
        if let confidence, confidence >= 1 {
            guard confidence > 1 else {
                throw InputError(at: "--confidence", .certainty)
            }
            throw InputError(at: "--confidence", .notInOpenUnitInterval(specText(confidence)))
        }
        switch (confidence, options.whole("--trials")) {
        case (let q?, nil): question = .trialsFor(confidence: q)
        case (nil, let n?): question = .probabilityOf(trials: n)
        case (.some, .some):
            throw InputError(at: "--trials", .eitherNotBoth("--confidence (to find N)", "--trials (to find P)"))
        case (nil, nil):
            throw InputError(at: "--confidence", .missing(give: "--confidence q or --trials N"))
        }
        schedule = try TrainingSchedule(options)
    }

    /// The search in NNCore's terms.
    public var search: RandomSearch { RandomSearch(goodFraction: goodFraction) }
}
