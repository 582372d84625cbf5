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
    static let formulaOptions: [Option] = [
        .value("--f", "FORMULA", .text, "formula mode: f, e.g. \"x^3\" or \"sigmoid(w*x + b)\""),
        .value("--at", "v=VALUE,…", .text, "formula mode: a value for every variable of f"),
        .value("--method", nil, .choice(["central", "forward"]), "formula mode: the difference (default central)"),
    ]

    /// Options that only network mode takes.
    static let networkOptions: [Option] =
        NetworkOptions.input + [
            .value(
                "--atol", "A", .number(.nonNegative), "absolute tolerance: |a − n| ≤ atol + rtol·|n| (default 1e-5)"),
            .value("--rtol", "R", .number(.nonNegative), "relative tolerance (default 1e-3)"),
            .value("--params", "LIST", .text, "check only these: tensors W1,b2 or entries W2[1,3]"),
            .value("--sample", "N", .whole(1...Int.max), "check N parameters drawn at random (seeded by --seed)"),
        ]

    /// `--eps`, which both modes take.
    static let sharedOptions: [Option] = [
        .value("--eps", "ε", .number(.positive), "step of the difference (default 1e-6 for --net, 1e-3 for --f)")
    ]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "gradcheck",
        summary: "check derivatives against finite differences, for a formula or every parameter of a network",
        options: formulaOptions + networkOptions.map(\.optionalInUsage) + sharedOptions + AnswerChecking.options
            + Rendering.options,
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
            "  A spec with typed layers (conv2d, batch_norm, …; docs/layers.md) checks every parameter",
            "  (K1[o,c,m,n], gamma2[1], …) and every input value (x[…]); a max pool changing its pick is a kink.",
            "Without options, nnhw gradcheck checks f = x^3 at x = 2 and the built-in relu-3-layer network.",
            "--check MINE.json: derivatives you write ({\"derivative\": {\"x\": \"3*x^2\"}}) are compared as formulas,",
            "  at the point and around it; numbers are right up to the digits you wrote.",
            "",
            "Exit status: 0 passed; 1 a derivative failed the check; 64 usage error",
            "  (including a malformed --f or --at); 65 invalid spec, or f or f′ not finite at the point.",
        ],
        examples: [
            "nnhw gradcheck --f x^3 --at x=2",
            "nnhw gradcheck --f \"a*b + b^2\" --at a=-4,b=2 --method forward --format json",
            "nnhw gradcheck --example relu-3-layer --params W2",
            "nnhw gradcheck --example batchnorm-mlp",
            "nnhw gradcheck",
        ],
        run: { values throws(InputError) in
            switch try ProblemMode.of(values, formulaOptions: formulaOptions, networkOptions: networkOptions) {
            case .formula:
                let renderer = try Rendering.renderer(values)
                let problem = try FormulaCheckProblem(values)
                let checked = try FormulaCheckSolver().check(problem)
                return try AnswerChecking.output(
                    checked.solution, renderer: renderer, values, checkFailed: !checked.passed,
                    grading: { Grading(formulaPoint: Array(zip(problem.variables, problem.values))) })
            case .network:
                if let spec = try NetworkOptions.printedSpec(values) { return spec }
                let renderer = try Rendering.renderer(values)
                let solved: (solution: Solution, passes: Bool)
                switch try NetworkSpecProblem(values) {
                case .dense(let problem): solved = try NetworkGradientCheckSolver(values).solve(problem)
                case .stack(let problem): solved = try StackGradientCheckSolver(values).solve(problem)
                }
                let (solution, passes) = solved
                return try AnswerChecking.output(solution, renderer: renderer, values, checkFailed: !passes)
            case .neither:
                if values.isGiven("--check") {
                    throw InputError(.nothingToCheck("--check", give: "--f and --at, or --net FILE"))
                }
                return try demonstration(values)
            }
        })

    /// Bare `nnhw gradcheck`: the x³ check and a check of a built-in network.
    private static func demonstration(_ values: OptionValues) throws(InputError) -> Output {
        let renderer = try Rendering.renderer(values)
        var formula = try FormulaCheckSolver().check(
            FormulaCheckProblem(
                formula: demonstrationFormula.formula, point: demonstrationFormula.point,
                epsilon: values.number("--eps")))
        formula.solution.preamble.insert(
            "A demonstration; check your own formula with: \(code: "nnhw gradcheck") \(code: "--f FORMULA") \(code: "--at x=VALUE[,y=VALUE…]")",
            at: 0)
        guard let example = BuiltInExample.named(demonstrationNetwork) else {
            return Output(text: renderer.render(formula.solution), checkFailed: !formula.passed)
        }
        let problem = try NetworkProblem(parsing: example.json, source: "example \(demonstrationNetwork)")
        var network = try NetworkGradientCheckSolver().solve(problem)
        network.solution.preamble.insert(
            "A demonstration on the built-in \(code: demonstrationNetwork) network; check your own with: \(code: "nnhw gradcheck") \(code: "--net FILE")",
            at: 0)
        let failed = !formula.passed || !network.passes
        guard Rendering.format(values) == .json else {
            return Output(
                text: renderer.render(formula.solution) + "\n" + renderer.render(network.solution), checkFailed: failed)
        }
        let both = Solution(
            title: "",
            result: .object([
                JSONMember("formula", formula.solution.result), JSONMember("network", network.solution.result),
            ]))
        return Output(text: renderer.render(both), checkFailed: failed)
    }
}
