import NNHomework

/// `nnhw gradcheck`: analytic derivatives against finite differences.
///
/// Formula mode (`--f`, `--at`) checks every partial derivative of a formula;
/// bare `nnhw gradcheck` demonstrates it on f = x³ at x = 2. Network mode
/// (`--net`, `--example`) is declared here and refused until it lands.
enum GradcheckCommand {
    /// The formula checked by bare `nnhw gradcheck`.
    static let demonstration = ["--f", "x^3", "--at", "x=2"]

    /// The options of network mode, declared for its arrival.
    static let networkOptions = [
        "--net", "--example", "--atol", "--rtol", "--params", "--sample", "--seed",
    ]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "gradcheck",
        summary: "check derivatives against finite differences: every ∂f/∂v of a formula, with the work shown",
        usage: "nnhw gradcheck --f FORMULA --at v=VALUE[,…] [--eps E] [--method central|forward] "
            + "[--format \(OutputFormat.choices)] [--precision N]",
        options: [
            OptionSpec(name: "--f", valueName: "FORMULA", help: "the formula f, e.g. \"x^3\" or \"sigmoid(w*x + b)\""),
            OptionSpec(name: "--at", valueName: "v=VALUE,…", help: "the point: a value for every variable of f"),
            OptionSpec(name: "--eps", valueName: "E", help: "the step ε (default 0.001)"),
            OptionSpec(name: "--method", valueName: "central|forward", help: "the finite difference (default central)"),
            OptionSpec(name: "--net", valueName: "FILE", help: "network mode: a network spec (not available yet)"),
            OptionSpec(
                name: "--example", valueName: "NAME", help: "network mode: a built-in example (not available yet)"),
            OptionSpec(name: "--atol", valueName: "A", help: "network mode: absolute tolerance"),
            OptionSpec(name: "--rtol", valueName: "R", help: "network mode: relative tolerance"),
            OptionSpec(name: "--params", valueName: "W1,b2", help: "network mode: the parameters to check"),
            OptionSpec(name: "--sample", valueName: "N", help: "network mode: check N parameters drawn at random"),
            OptionSpec(name: "--seed", valueName: "S", help: "network mode: the seed of the draw"),
        ] + OutputOptions.options,
        details: [
            "Formulas: numbers (1e-3), variables, + - * / ^, unary minus, parentheses and",
            "  exp log sqrt abs sin cos tan tanh sigmoid relu sign step max(a,b) min(a,b).",
            "  ^ is right-associative and binds tighter than unary minus: -x^2 = −(x²).",
            "Central: ĝ = (f(v + ε) − f(v − ε)) / 2ε, error O(ε²); forward: (f(v + ε) − f(v)) / ε, error O(ε).",
            "Pass rule: |g − ĝ| ≤ τ·max(1, |g|, |ĝ|), τ = ε central, √ε forward (at least 10⁻⁶).",
            "Kinks: relu′(0) = 0, abs′(0) = 0; max and min follow their second argument at a tie;",
            "  a check whose points straddle a kink is reported as unreliable, not as failed.",
            "Without options, nnhw gradcheck checks f = x^3 at x = 2.",
            "",
            "Exit status: 0 passed; 1 a derivative failed the check; 64 usage error",
            "  (including a malformed --f or --at); 65 f or f′ not finite at the point.",
        ],
        examples: [
            "nnhw gradcheck --f x^3 --at x=2",
            "nnhw gradcheck --f \"a*b + b^2\" --at a=-4,b=2 --method forward --format json",
            "nnhw gradcheck",
        ],
        run: { arguments throws(InputError) in
            let renderer = try OutputOptions.renderer(arguments)
            if let network = networkOptions.first(where: { arguments[$0] != nil }) {
                throw InputError(.usage, at: network, "network mode is not available yet; check a formula with --f")
            }
            let isDemonstration = arguments["--f"] == nil && arguments["--at"] == nil
            guard let formula = arguments["--f"] ?? (isDemonstration ? demonstration[1] : nil) else {
                throw InputError(.usage, at: "--f", "missing; give the formula to check, e.g. --f \"x^3\"")
            }
            guard let point = arguments["--at"] ?? (isDemonstration ? demonstration[3] : nil) else {
                throw InputError(.usage, at: "--at", "missing; give a value for every variable, e.g. --at x=2")
            }
            let problem = try FormulaCheckProblem(
                formula: formula, point: point, epsilon: arguments["--eps"], method: arguments["--method"])
            var checked = try FormulaCheckSolver().check(problem)
            if isDemonstration {
                checked.solution.preamble.insert(
                    "A demonstration; check your own formula with: nnhw gradcheck --f FORMULA --at x=VALUE[,y=VALUE…]",
                    at: 0)
            }
            return CommandResult(output: renderer.render(checked.solution), checkFailed: !checked.passed)
        })
}
