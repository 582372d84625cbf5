import NNHomework

/// `nnhw optimize`: optimizer steps on given numbers or a formula, worked.
enum OptimizeCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "optimize",
        summary: "optimizer steps (SGD, momentum, Nesterov, AdaGrad, RMSprop, Adam, AdamW) on numbers or a formula",
        options: [
            .value("--w", "V", .text, "the starting parameters w₀: \"0 0\"", presence: .atMostOneOf("start")),
            .value(
                "--grad", "V", .text, "the gradient, used at every step; repeat once per step", isRepeatable: true),
            .value("--f", "FORMULA", .text, "f, whose symbolic gradient gives each step's: \"x^2 + 10*y^2\""),
            .value(
                "--at", "POINT", .text, "with --f, the starting point x=1,y=1", presence: .atMostOneOf("start")),
            .value(
                "--steps", "N", .whole(1...OptimizeProblem.maximumSteps),
                "the number of steps (default: one per --grad, 5 with --f)"),
            .value("--velocity", "V", .text, "the velocity before step 1 (default 0)"),
        ] + OptimizerOptions.options(methodOption: "--method") + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions (PyTorch's torch.optim unless --convention says otherwise; g_t may carry the L2 term g + λw):",
            "  sgd       w ← w − ηg",
            "  momentum  torch: v ← μv + g, w ← w − ηv; sutskever (classic): v ← μv − ηg, w ← w + v;",
            "            lr-inside: v ← μv + ηg, w ← w − v; ema: v ← βv + (1 − β)g, w ← w − ηv.",
            "  nesterov  torch: w ← w − η(g + μv); ema: w ← w − η(βv + (1 − β)g), v the new velocity;",
            "            sutskever and lr-inside take g at the look-ahead point w + μv or w − μv.",
            "  adagrad   G ← G + g², w ← w − η g/(√G + ε).",
            "  rmsprop   v ← αv + (1 − α)g², w ← w − η g/(√v + ε) (--eps-inside: √(v + ε));",
            "            with --momentum μ: b ← μb + g/(√v + ε), w ← w − ηb.",
            "  adam      m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),",
            "            w ← w − η m̂/(√v̂ + ε); --amsgrad puts max v in v̂. adamw first w ← w − ηλw.",
            "  Schedules multiply η₀ by a factor of t, the steps before this one (0 at step 1):",
            "  step:K:γ γ^⌊t/K⌋, exp:γ γᵗ, inverse:k 1/(1 + kt), cosine:T (1 + cos(π min(t, T)/T))/2, warmup:K min(1, (t + 1)/K).",
            "  With --f the parameters are the formula's variables in the order it names them first.",
            "  JSON: steps [{t, lr, grad, w, and the state after the step: velocity, m, v, v_max, m_hat, v_hat, sum_sq;",
            "  f with --f; point, where Nesterov took the gradient}], final {w, f}; variables with --f.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error;",
            "  65 f not finite at an iterate or the parameters overflow.",
        ],
        examples: [
            "nnhw optimize --method adam --f \"w^2\" --at w=1 --lr 0.1 --steps 3",
            "nnhw optimize --method momentum --convention sutskever --w \"0 0\" --grad \"1 0\" --lr 0.1 --steps 3",
            "nnhw optimize --method rmsprop --f \"x^2 + 10*y^2\" --at x=1,y=1 --lr 0.01 --format json",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try OptimizationSolver().solve(OptimizeProblem(values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
