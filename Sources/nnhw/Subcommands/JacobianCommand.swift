import NNHomework

/// `nnhw jacobian`: the Jacobian of a vector function at a point, or ∂ŷ/∂x of a network.
///
/// Formula mode (`--f`, `--at`) differentiates each component symbolically;
/// network mode (`--net`, `--example`) multiplies each layer's diag(f′(a⁽ˡ⁾)) W⁽ˡ⁾.
enum JacobianCommand {
    /// Options that only formula mode takes.
    static let formulaOptions: [Option] = [
        .value("--f", "FORMULAS", .text, "formula mode: the components, separated by ;, e.g. \"x*y; sin(x) + y^2\""),
        .value("--at", "v=VALUE,…", .text, "formula mode: a value for every variable, e.g. x=1,y=2"),
    ]

    /// Options that only network mode takes.
    static let networkOptions: [Option] =
        NetworkOptions.input + [
            .value("--sample", "N", .whole(1...Int.max), "network mode: the sample of a batch (from 1)")
        ]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "jacobian",
        summary: "the Jacobian ∂f/∂x of a vector function at a point, or ∂ŷ/∂x of a network as a product of layers",
        options: formulaOptions + networkOptions.map(\.optionalInUsage) + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  Numerator layout: for f = (f₁, …, fₘ) of x = (x₁, …, xₙ), J = ∂f/∂x is m × n with J_ij = ∂f_i/∂x_j,",
            "  row i the gradient of f_i; the denominator layout writes the transpose Jᵀ (n × m).",
            "  The columns follow the variables in the order --at gives them.",
            "Formula mode: each partial from the symbolic derivative (the language of nnhw gradcheck), checked",
            "  against central differences Ĵ_ij = (f_i(x + h e_j) − f_i(x − h e_j)) / 2h, h = 1e-5:",
            "  they agree when |J_ij − Ĵ_ij| ≤ 1e-6·max(1, |J_ij|).",
            "Network mode: a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾ is the pre-activation (letters from --notation), and",
            "  ∂ŷ/∂x = ∂z⁽ᴸ⁾/∂z⁽ᴸ⁻¹⁾ ⋯ ∂z⁽¹⁾/∂z⁽⁰⁾ with ∂z⁽ˡ⁾/∂z⁽ˡ⁻¹⁾ = diag(f′(a⁽ˡ⁾)) W⁽ˡ⁾ (softmax: its full",
            "  Jacobian instead of the diagonal); ReLU′(0) = 0. The spec's target and loss are not needed.",
            "  A batch input needs --sample N: a Jacobian is of one sample.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 invalid spec, or a value not finite at the point; 66 unreadable file.",
        ],
        examples: [
            "nnhw jacobian --f \"x*y; sin(x) + y^2\" --at x=1,y=2",
            "nnhw jacobian --f \"2*x - y; x + 3*y\" --at x=0,y=0 --format json",
            "nnhw jacobian --example relu-3-layer",
        ],
        run: { values throws(InputError) in
            let mode = try ProblemMode.of(values, formulaOptions: formulaOptions, networkOptions: networkOptions)
            let renderer = try Rendering.renderer(values)
            switch mode {
            case .network:
                if let spec = try NetworkOptions.printedSpec(values, requiresLoss: false) { return spec }
                let problem = try NetworkProblem(values, requiresLoss: false)
                let solution = try NetworkJacobianSolver(values, problem: problem).solve(problem)
                return try AnswerChecking.output(solution, renderer: renderer, values)
            case .formula, .neither:
                let solution = try JacobianSolver().solve(JacobianProblem(values))
                return try AnswerChecking.output(solution, renderer: renderer, values)
            }
        })
}
