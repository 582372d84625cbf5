import NNHomework

/// `nnhw perceptron`: the perceptron algorithm over points in order, every update worked.
enum PerceptronCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "perceptron",
        summary: "the perceptron algorithm in data order: each margin, each update, the mistakes per point, θ",
        options: [
            .value(
                "--data", "ROWS", .text, "the points, each row features then the label ±1: \"1 2 1; -1 0 -1\"",
                presence: .required),
            .flag("--offset", "learn the offset θ₀ too"),
            .value("--epochs", "T", .whole(1...1_000), "passes over the data (default: until one makes no mistake)"),
            .value("--theta", "V", .text, "θ at the start (default 0)"),
            .value("--theta0", "θ₀", .number(.finite), "θ₀ at the start, with --offset (default 0)"),
            .value("--mistakes", "COUNTS", .text, "θ from mistake counts, one per point: \"1,9,10\""),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions (MIT 6.036's): a point is a mistake when y(θ·x + θ₀) ≤ 0 (a margin of 0 counts);",
            "  then θ ← θ + y x and, with --offset, θ₀ ← θ₀ + y. The points are visited in the order given.",
            "  Without --epochs the passes stop after one without a mistake (at most 1,000 passes).",
            "  --mistakes m₁,m₂,… gives θ = Σ mᵢ yᵢ xᵢ and θ₀ = Σ mᵢ yᵢ from θ = 0 instead of a run.",
            "  At most 1,000 points. JSON: theta (without θ₀), theta0 (with --offset), mistakes (per point),",
            "  updates [{epoch, point (from 1), theta, theta0}], epochs, converged.",
            "  Adaline and logistic-regression SGD steps: nnhw train on a single-unit spec.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error;",
            "  65 a label other than ±1 or a list of the wrong length.",
        ],
        examples: [
            "nnhw perceptron --data \"1 1 1; 2 -1 -1; -1 2 1; -2 -1 -1\" --offset",
            "nnhw perceptron --data \"1 2 1; -1 0 -1\" --epochs 2 --format json",
            "nnhw perceptron --data \"1 1 1; 2 -1 -1\" --offset --mistakes 1,2",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try PerceptronSolver().solve(PerceptronProblem(values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
