import NNCore

/// A perceptron question (`nnhw perceptron`): the points with their ±1 labels
/// in the order they are visited, the start, and either passes to run or mistake counts.
public struct PerceptronProblem: Sendable, Hashable {
    /// x₁ … x_N, one point per entry.
    public var points: [[Double]]
    /// y₁ … y_N, each −1 or 1.
    public var labels: [Double]
    /// Whether θ₀ is learned.
    public var perceptron: Perceptron
    /// θ at the start.
    public var theta: [Double]
    /// θ₀ at the start.
    public var offset: Double
    /// The passes over the data; nil: until a pass makes no mistake.
    public var epochs: Int?
    /// Mistake counts per point, when θ is asked for from them instead of a run.
    public var mistakes: [Int]?

    /// The most points a solution works out.
    public static let maximumPoints = 1_000

    /// The problem of `--data`, `--offset`, `--epochs`, `--theta`, `--theta0` and `--mistakes`.
    ///
    /// - Throws: a usage error when `--data` is missing; an invalid-data error for a label other
    ///   than ±1, a point without features, or a `--theta` or `--mistakes` of the wrong length.
    public init(_ options: OptionValues) throws(InputError) {
        guard let text = options.text("--data") else {
            throw InputError(at: "--data", .missing(give: "the points and labels, e.g. --data \"1 2 1; -1 0 -1\""))
        }
        let rows = try NumberListText.rows(parsing: text, place: "--data").rowArrays
        guard rows.count <= Self.maximumPoints else {
            throw InputError(at: "--data", .tooManyNumbers(rows.count, noun: "point", limit: Self.maximumPoints))
        }
        guard let width = rows.first?.count, width >= 2 else {
            throw InputError(at: "--data", .expected("features then the label ±1 on each row", found: "1 column"))
        }
        points = rows.map { Array($0.dropLast()) }
        labels = rows.map { $0[width - 1] }
        if let bad = labels.first(where: { $0 != 1 && $0 != -1 }) {
            throw InputError(at: "--data", .signLabel(bad, loss: "the perceptron"))
        }
        perceptron = Perceptron(hasOffset: options.has("--offset"))
        theta =
            try options.text("--theta").map { text throws(InputError) in
                try OptimizeProblem.list(text, place: "--theta")
            } ?? [Double](repeating: 0, count: width - 1)
        guard theta.count == width - 1 else {
            throw InputError(
                at: "--theta", .valueCount(theta.count, expected: width - 1, of: "each point", per: "feature"))
        }
        offset = options.number("--theta0") ?? 0
        if offset != 0 && !perceptron.hasOffset {
            throw InputError(at: "--theta0", .appliesOnly(to: "a perceptron with an offset", add: "--offset"))
        }
        epochs = options.whole("--epochs")
        if let text = options.text("--mistakes") {
            for option in ["--theta", "--theta0", "--epochs"] where options.isGiven(option) {
                throw InputError(at: option, .conflicts(with: "--mistakes", because: "mistake counts start from θ = 0"))
            }
            let counts = try OptimizeProblem.list(text, place: "--mistakes")
            guard counts.count == points.count else {
                throw InputError(
                    at: "--mistakes", .valueCount(counts.count, expected: points.count, of: "--data", per: "point"))
            }
            guard let whole = Self.counts(counts) else {
                throw InputError(at: "--mistakes", .expected("whole numbers of mistakes, 0 or more", got: text))
            }
            mistakes = whole
        }
    }

    private static func counts(_ values: [Double]) -> [Int]? {
        var counts: [Int] = []
        for value in values {
            guard value >= 0, value <= 1e9, value == value.rounded() else { return nil }
            counts.append(Int(value))
        }
        return counts
    }
}
