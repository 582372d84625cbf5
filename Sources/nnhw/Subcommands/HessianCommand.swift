import NNHomework

/// `nnhw hessian`: the second-derivative test of a formula at points, or the
/// Hessian of a network's loss in its parameters.
enum HessianCommand {
    /// Options that only formula mode takes.
    static let formulaOptions: [Option] = [
        .value("--f", "FORMULA", .text, "formula mode: f, e.g. \"x^4 - 2*x^2 + y^2\""),
        .value(
            "--at", "POINT", .text,
            "formula mode: a point x=VALUE,y=VALUE, a value for every variable; repeat for more",
            isRepeatable: true),
    ]

    /// Options that only network mode takes.
    static let networkOptions: [Option] =
        NetworkOptions.input + [
            .value(
                "--eps", "h", .number(.positive), "network mode: step of the differences of gradients (default 1e-5)")
        ]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "hessian",
        summary: "the Hessian, its eigenvalues and the second-derivative test, for a formula or a network's loss",
        options: formulaOptions + networkOptions.map(\.optionalInUsage) + [
            .value(
                "--tol", "τ", .number(.nonNegative),
                "tolerance of \"critical\" and of a zero eigenvalue (default 1e-9 for --f, 1e-6 for --net)")
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  H_ij = ∂²f/∂x_i∂x_j, rows and columns in the order --at gives the variables; the eigenvalues",
            "  (ascending) come from cyclic Jacobi rotations, det H and the leading principal minors D_k",
            "  (det of the top-left k × k block) from elimination.",
            "  Critical: every |∂f/∂x_i| ≤ τ. Zero eigenvalue: |λ| ≤ τ·max(1, max_k |λ_k|).",
            "  At a critical point: all λ > 0 (H positive definite) a minimum, all λ < 0 a maximum,",
            "  both signs a saddle, else (a zero eigenvalue) inconclusive. A point that is not critical gets",
            "  no verdict (JSON \"classification\": null) but its \"curvature\" by the same rule.",
            "Formula mode: the derivatives are symbolic (the language of nnhw gradcheck), τ = 1e-9.",
            "Network mode: H of the loss in every weight and bias (at most 200), column j =",
            "  (∇L(w + h e_j) − ∇L(w − h e_j)) / 2h from backpropagation, symmetrised as (H + Hᵀ)/2;",
            "  h = 1e-5 and τ = 1e-6 unless given. H and ∇L are written out for up to 10 parameters.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 invalid spec, f not finite at a point, or too many parameters;",
            "  66 unreadable file.",
        ],
        examples: [
            "nnhw hessian --f \"x^4 - 2*x^2 + y^2\" --at x=0,y=0 --at x=1,y=0",
            "nnhw hessian --f \"x^2 + x*y + y^2\" --at x=0,y=0 --format json",
            "nnhw hessian --example logistic-regression-step",
        ],
        run: { values throws(InputError) in
            let mode = try ProblemMode.of(values, formulaOptions: formulaOptions, networkOptions: networkOptions)
            let renderer = try Rendering.renderer(values)
            switch mode {
            case .network:
                if let spec = try NetworkOptions.printedSpec(values) { return spec }
                let solution = try NetworkHessianSolver(values).solve(NetworkProblem(values))
                return try AnswerChecking.output(solution, renderer: renderer, values)
            case .formula, .neither:
                let solution = try HessianSolver().solve(HessianProblem(values))
                return try AnswerChecking.output(solution, renderer: renderer, values)
            }
        })
}
