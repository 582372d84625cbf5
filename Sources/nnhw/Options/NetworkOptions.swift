import NNHomework

/// The options of the subcommands that solve a network spec.
enum NetworkOptions {
    /// `--net`, `--example`, `--seed`, `--notation`.
    static let input: [Option] = [
        .value(
            "--net", "FILE", .file, "the network spec (JSON); - reads standard input", presence: .oneOf("network")),
        .value(
            "--example", "NAME", .choice(BuiltInExample.all.map(\.name)),
            "a built-in example instead of a file (list: nnhw examples)", presence: .oneOf("network")),
        .value("--seed", "S", .seed, "seed of the random weights of layers given as \"units\"", default: "0"),
        .value(
            "--notation", "NAME", .text,
            "letters of the course: a/z (default), s/a, z/a; add ,loss=J or ,prediction=tilde (nnhw notation)"),
    ]

    /// `--round-intermediates K` of forward and backward.
    static let rounding: [Option] = [
        .value(
            "--round-intermediates", "K", .whole(0...15),
            "round every intermediate value to K decimals as a hand solution does")
    ]

    /// Every option of forward and backward.
    static let all = input + rounding + AnswerChecking.options + Rendering.options

    /// Runs a network solver on the problem the options name, in the options'
    /// notation and rounding, and renders it or checks `--check MINE.json` against it;
    /// `requiresLoss: false` lets the spec leave out its target and loss. A spec
    /// of typed layers goes to `stack` instead (without rounding of intermediates).
    static func solve(
        _ values: OptionValues, requiresLoss: Bool = true,
        stack: (StackSolver, StackProblem) throws(InputError) -> Solution,
        _ solve: @escaping (NetworkSolver, NetworkProblem) throws(InputError) -> Solution
    ) throws(InputError) -> Output {
        let renderer = try Rendering.renderer(values)
        let problem: NetworkProblem
        switch try NetworkSpecProblem(values, requiresLoss: requiresLoss) {
        case .dense(let dense):
            problem = dense
        case .stack(let layers):
            if values.isGiven("--round-intermediates") {
                throw InputError(at: "--round-intermediates", .roundingDenseOnly)
            }
            let solution = try stack(StackSolver(notation: try Notation(values)), layers)
            return try AnswerChecking.output(solution, renderer: renderer, values)
        }
        let solver = try NetworkSolver(values)
        return try AnswerChecking.output(
            solve(solver, problem), renderer: renderer, values,
            grading: { () throws(InputError) in
                try Grading(
                    network: problem,
                    roundedResult: { decimals throws(InputError) in
                        try solve(solver.roundingIntermediates(toDecimals: decimals), problem).result
                    })
            })
    }
}
