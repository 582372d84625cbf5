import NNHomework

/// `nnhw gradcheck`: analytic derivatives against finite differences.
///
/// Formula mode (`--f`, `--at`) checks every partial derivative of a formula;
/// network mode (`--net`, `--example`) checks backpropagation for every
/// parameter of a network. Bare `nnhw gradcheck` demonstrates both: f = x³ at
/// x = 2, and the built-in ReLU network.
enum GradcheckCommand {
    /// The formula checked by bare `nnhw gradcheck`.
    static let demonstrationFormula = (formula: "x^3", point: "x=2")
    /// The network checked by bare `nnhw gradcheck`.
    static let demonstrationNetwork = "relu-3-layer"

    /// Options that only formula mode takes.
    static let formulaOptions = [
        OptionSpec(name: "--f", valueName: "FORMULA", help: "formula mode: f, e.g. \"x^3\" or \"sigmoid(w*x + b)\""),
        OptionSpec(name: "--at", valueName: "v=VALUE,…", help: "formula mode: a value for every variable of f"),
        OptionSpec(
            name: "--method", valueName: "central|forward", help: "formula mode: the difference (default central)"),
    ]

    /// Options that only network mode takes (`--eps` is shared).
    static let networkOnly = ["--net", "--example", "--seed", "--notation", "--atol", "--rtol", "--params", "--sample"]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "gradcheck",
        summary: "check derivatives against finite differences, for a formula or every parameter of a network",
        usage:
            "nnhw gradcheck (--f FORMULA --at v=VALUE[,…] [--method central|forward] | (--net FILE | --example NAME) "
            + "[--atol A] [--rtol R] [--params LIST] [--sample N] [--seed S]) [--eps E] "
            + "[--check MINE.json] [--format \(OutputFormat.choices)] [--precision N]",
        options: formulaOptions + NetworkGradientCheckMode.options + NetworkInput.options + AnswerCheckOption.options,
        details: [
            "Formula mode: numbers (1e-3), variables, + - * / ^, unary minus, parentheses and",
            "  exp log sqrt abs sin cos tan tanh sigmoid relu sign step max(a,b) min(a,b).",
            "  ^ is right-associative and binds tighter than unary minus: -x^2 = −(x²).",
            "  Central: ĝ = (f(v + ε) − f(v − ε)) / 2ε, error O(ε²); forward: (f(v + ε) − f(v)) / ε, error O(ε).",
            "  Pass rule: |g − ĝ| ≤ τ·max(1, |g|, |ĝ|), τ = ε central, √ε forward (at least 10⁻⁶).",
            "  Kinks: relu′(0) = 0, abs′(0) = 0; max and min follow their second argument at a tie;",
            "  a check whose points straddle a kink is reported as unreliable, not as failed.",
            "Network mode: a = ∂L/∂w by backpropagation, n = (L(w + ε) − L(w − ε)) / 2ε for every parameter",
            "  (named W2[1,3], b2[1], 1-based); it passes when |a − n| ≤ atol + rtol·|n|. A parameter whose ±ε",
            "  moves a ReLU pre-activation across 0 is reported as a kink, not as a failure. Layers may give",
            "  \"units\": N instead of weights: He uniform for ReLU-like, Glorot uniform otherwise, seeded by --seed.",
            "Without options, nnhw gradcheck checks f = x^3 at x = 2 and the built-in relu-3-layer network.",
            "",
            "Exit status: 0 passed; 1 a derivative failed the check; 64 usage error",
            "  (including a malformed --f or --at); 65 invalid spec, or f or f′ not finite at the point.",
        ],
        examples: [
            "nnhw gradcheck --f x^3 --at x=2",
            "nnhw gradcheck --f \"a*b + b^2\" --at a=-4,b=2 --method forward --format json",
            "nnhw gradcheck --example relu-3-layer --params W2",
            "nnhw gradcheck",
        ],
        run: { arguments throws(InputError) in
            let networkOption = networkOnly.first { arguments[$0] != nil }
            let formulaOption = formulaOptions.map(\.name).first { arguments[$0] != nil }
            switch (formulaOption, networkOption) {
            case (let formula?, let network?):
                throw InputError(
                    .usage, at: network, "is for network mode and \(formula) for formula mode; give one or the other")
            case (_?, nil):
                return try formulaMode(arguments, formula: arguments["--f"], point: arguments["--at"])
            case (nil, _?):
                if arguments["--net"] == nil && arguments["--example"] == nil {
                    throw InputError(.usage, at: "--net", "missing; network mode checks --net FILE or --example NAME")
                }
                return try NetworkGradientCheckMode.run(arguments)
            case (nil, nil):
                if arguments["--check"] != nil {
                    throw InputError(.usage, at: "--check", "checks one problem; give --f and --at, or --net FILE")
                }
                return try demonstration(arguments)
            }
        })

    private static func formulaMode(
        _ arguments: ParsedArguments, formula: String?, point: String?, preamble: Prose? = nil
    ) throws(InputError) -> CommandResult {
        let renderer = try OutputOptions.renderer(arguments)
        guard let formula else {
            throw InputError(.usage, at: "--f", "missing; give the formula to check, e.g. --f \"x^3\"")
        }
        guard let point else {
            throw InputError(.usage, at: "--at", "missing; give a value for every variable, e.g. --at x=2")
        }
        let problem = try FormulaCheckProblem(
            formula: formula, point: point, epsilon: arguments["--eps"], method: arguments["--method"])
        var checked = try FormulaCheckSolver().check(problem)
        if let preamble { checked.solution.preamble.insert(preamble, at: 0) }
        return try AnswerCheckOption.result(
            checked.solution, renderer: renderer, arguments, checkFailed: !checked.passed)
    }

    /// Bare `nnhw gradcheck`: the x³ check and a check of a built-in network.
    private static func demonstration(_ arguments: ParsedArguments) throws(InputError) -> CommandResult {
        let renderer = try OutputOptions.renderer(arguments)
        var formula = try FormulaCheckSolver().check(
            FormulaCheckProblem(
                formula: demonstrationFormula.formula, point: demonstrationFormula.point, epsilon: arguments["--eps"],
                method: nil))
        formula.solution.preamble.insert(
            "A demonstration; check your own formula with: \(code: "nnhw gradcheck") \(code: "--f FORMULA") \(code: "--at x=VALUE[,y=VALUE…]")",
            at: 0)
        guard let example = BuiltInExample.named(demonstrationNetwork) else {
            return CommandResult(output: renderer.render(formula.solution), checkFailed: !formula.passed)
        }
        let problem = try NetworkProblem(parsing: example.json, source: "example \(demonstrationNetwork)")
        var network = try NetworkGradientCheckSolver().solve(problem)
        network.solution.preamble.insert(
            "A demonstration on the built-in \(code: demonstrationNetwork) network; check your own with: \(code: "nnhw gradcheck") \(code: "--net FILE")",
            at: 0)
        let failed = !formula.passed || !network.passes
        if renderer is JSONRenderer {
            let both = Solution(
                title: "",
                result: .object([
                    JSONMember("formula", formula.solution.result), JSONMember("network", network.solution.result),
                ]))
            return CommandResult(output: renderer.render(both), checkFailed: failed)
        }
        return CommandResult(
            output: renderer.render(formula.solution) + "\n" + renderer.render(network.solution), checkFailed: failed)
    }
}
