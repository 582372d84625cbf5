import NNCore

/// A grid-search budget: `--grid NAME=VALUES` repeated (one grid, a product),
/// or `--grid-set "NAME=VALUES NAME=VALUES"` repeated (a union of grids), with
/// an optional training schedule.
public struct GridSearchProblem: Sendable, Hashable {
    /// The grids; one unless `--grid-set` was given more than once.
    public var grids: [[GridParameter]]
    /// Whether the grids came from `--grid-set` (and are numbered in the solution).
    public var isUnion: Bool
    /// Epochs and epoch time per run, if given.
    public var schedule: TrainingSchedule?

    /// The search the options describe.
    ///
    /// - Throws: a usage error when both `--grid` and `--grid-set` are given, or
    ///   neither, a value does not parse, or a name repeats within one grid.
    public init(_ options: OptionValues) throws(InputError) {
        let single = options.texts("--grid")
        let sets = options.texts("--grid-set")
        switch (single.isEmpty, sets.isEmpty) {
        case (false, false):
            throw InputError(at: "--grid-set", .eitherNotBoth("--grid (one grid)", "--grid-set (a union)"))
        case (true, true):
            throw InputError(at: "--grid", .missing(give: "--grid NAME=VALUES for each hyperparameter"))
        case (false, true):
            grids = [try Self.grid(single, at: "--grid")]
            isUnion = false
        case (true, false):
            var grids: [[GridParameter]] = []
            for set in sets {
                let words = set.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\t" }).map(String.init)
                guard !words.isEmpty else {
                    throw InputError(at: "--grid-set", .empty(expected: "\"NAME=VALUES NAME=VALUES …\""))
                }
                grids.append(try Self.grid(words, at: "--grid-set"))
            }
            self.grids = grids
            isUnion = true
        }
        schedule = try TrainingSchedule(options)
    }

    /// The search in NNCore's terms.
    public var search: GridSearch { GridSearch(grids: grids.map { $0.map(\.factor) }) }

    private static func grid(_ texts: [String], at place: String) throws(InputError) -> [GridParameter] {
        var parameters: [GridParameter] = []
        for text in texts {
            let parameter = try GridParameter(parsing: text, at: place)
            if parameters.contains(where: { $0.name == parameter.name }) {
                throw InputError(at: place, .repeatedInGrid(parameter.name))
            }
            parameters.append(parameter)
        }
        return parameters
    }
}
