import NNHomework

/// `nnhw ema`: the exponentially weighted average of a series, with its bias correction, worked.
enum AverageCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "ema",
        summary: "the exponentially weighted average vₜ = βvₜ₋₁ + (1 − β)θₜ of a series, with bias correction",
        options: [
            .value("--values", "V", .text, "the series θ₁ … θ_N: \"25 28 26 22\"", presence: .required),
            .value("--beta", "β", .number(.openUnitInterval), "the weight of the previous average", default: "0.9"),
            .flag("--bias-correction", "also work out vₜ/(1 − βᵗ)"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions (deeplearning.ai's): v₀ = 0, vₜ = βvₜ₋₁ + (1 − β)θₜ for t = 1 … N;",
            "  the bias-corrected average is vₜ/(1 − βᵗ). At most 1,000 values.",
            "  JSON: averages (v₁ … v_N), and with --bias-correction corrected.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error;",
            "  65 a value that is not a finite number.",
        ],
        examples: [
            "nnhw ema --values \"25 28 26 22\" --beta 0.9 --bias-correction",
            "nnhw ema --values \"1 2 3 4 5\" --beta 0.5 --format json",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try AverageSolver().solve(AverageProblem(values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
