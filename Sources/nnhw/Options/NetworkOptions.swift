import NNHomework

/// The options of the subcommands that solve a network spec.
enum NetworkOptions {
    /// `--net`, `--example`, the inline spec (`--layer`, `--x`, …), `--print-spec`, `--seed`, `--notation`.
    static let input: [Option] = [
        .value(
            "--net", "FILE", .file, "the network spec (JSON); - reads standard input", presence: .oneOf("network")),
        .value(
            "--example", "NAME", .choice(BuiltInExample.all.map(\.name)),
            "a built-in example instead of a file (list: nnhw examples)", presence: .oneOf("network")),
        .value(
            "--layer", "\"W=… b=… ACT\"", .text, "or the network inline: one layer, in order (W out × in, JSON)",
            presence: .oneOf("network"), isRepeatable: true),
        .value("--x", "X", .text, "inline: the input: \"2 1\" one sample, \"1 2; 3 4\" a batch (a row each)"),
        .value("--y", "Y", .text, "inline: the target: 10, \"1 0\", a class index, or a row per sample"),
        .value("--loss", "NAME", .text, "inline: the loss, with any parameters: \"squared_error scale=0.5\""),
        .value("--learning-rate", "η", .number(.positive), "inline: η of one gradient-descent step"),
        .value("--description", "TEXT", .text, "inline: the problem's own words, shown under the title"),
        .flag("--print-spec", "print the JSON spec the options stand for, and solve nothing"),
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
        if let spec = try printedSpec(values, requiresLoss: requiresLoss) { return spec }
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

    /// With `--print-spec`, the JSON spec the options name: the inline spec's,
    /// the example's or the file's text; nil without `--print-spec`. The spec is
    /// printed as it is, not checked, so that the places errors name can be looked up in it.
    ///
    /// - Throws: a usage error when no network or more than one is given; malformed inline values.
    static func printedSpec(_ values: OptionValues, requiresLoss: Bool = true) throws(InputError) -> Output? {
        guard values.has("--print-spec") else { return nil }
        let given = ["--net", "--example", "--layer"].filter(values.isGiven)
        if given.count > 1 {
            throw InputError(at: given[1], .eitherNotBoth(given[0], given[1]))
        }
        if let spec = try InlineNetworkSpec.json(values, requiresLoss: requiresLoss) {
            return Output(text: spec.serialized() + "\n")
        }
        if let name = values.text("--example") { return Output(text: try NetworkProblem.example(named: name).json) }
        if let file = try values.document("--net") { return Output(text: file.text) }
        throw InputError(at: "--print-spec", .requires("a network", because: "--net FILE, --example NAME or --layer …"))
    }
}
