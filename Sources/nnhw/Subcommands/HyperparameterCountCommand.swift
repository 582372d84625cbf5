import NNHomework

/// `nnhw hyperparam-count`: the runs of a grid search, or the trials of a random search, and their time.
enum HyperparameterCountCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "hyperparam-count",
        summary: "search budgets: grid-search combinations, random-search trials, and the time they take",
        options: [
            .value(
                "--grid", "NAME=VALUES", .text,
                "a hyperparameter: a count d=10, a list lr=0.1,0.01, a range depth=2..8 or units=32..256:32",
                presence: .oneOf("search"), isRepeatable: true),
            .value(
                "--grid-set", "\"NAME=VALUES …\"", .text,
                "one grid of a union (as scikit-learn's ParameterGrid list); repeat for each grid",
                presence: .oneOf("search"), isRepeatable: true),
            Option(
                name: "--random", type: .flag, valueName: nil, help: "random search instead of a grid",
                presence: .oneOf("search")),
            .value(
                "--good-fraction", "P", .number(.openUnitInterval),
                "random: the fraction p of good configurations, 0 < p < 1"),
            .value(
                "--confidence", "Q", .number(.positive),
                "random: the probability q of at least one good trial, 0 < q < 1"),
            .value("--trials", "N", .whole(1...Int.max), "random: the probability reached with N trials"),
            .value("--epochs", "E", .whole(1...Int.max), "epochs each run trains"),
            .value("--epoch-time", "T", .text, "time per epoch with its unit: 2min, 90s, 1.5h, 3d"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  A grid is the product of its value counts; several --grid-set grids are a union (their sum).",
            "  A whole number alone is a count of values (d=10); write the single value 100 as C=100..100.",
            "  Random search: P(at least one good in N) = 1 − (1 − p)ᴺ; N = ⌈ln(1 − q) / ln(1 − p)⌉,",
            "  or that whole number when the bound is one within a relative 10⁻⁹.",
            "  Times are shown in the given unit and converted up (s → min → h → d) while at least 1.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 a count overflows.",
        ],
        examples: [
            "nnhw hyperparam-count --grid d=10 --grid lambda=6 --grid p=5 --epochs 10 --epoch-time 2min",
            "nnhw hyperparam-count --random --good-fraction 0.05 --confidence 0.95",
            "nnhw hyperparam-count --grid-set \"kernel=linear C=1,10,100\" --grid-set \"kernel=rbf C=1,10,100 gamma=0.001,0.0001\"",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values, groupsThousands: true)
            if values.has("--random") {
                for name in ["--grid", "--grid-set"] where values.isGiven(name) {
                    throw InputError(.conflictsWith(name, flag: "--random"))
                }
                let solution = try RandomSearchSolver().solve(RandomSearchProblem(values))
                return try AnswerChecking.output(
                    solution, renderer: renderer, values, grading: { Grading(randomSearch: solution) })
            }
            for name in ["--good-fraction", "--confidence", "--trials"] where values.isGiven(name) {
                throw InputError(.needsFlag(name, flag: "--random", purpose: "random search"))
            }
            return try AnswerChecking.output(
                GridSearchSolver().solve(GridSearchProblem(values)), renderer: renderer, values)
        })
}
