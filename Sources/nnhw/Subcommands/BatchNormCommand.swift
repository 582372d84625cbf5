import NNHomework

/// `nnhw batchnorm`: batch normalization of a batch, forward and backward, worked.
enum BatchNormCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "batchnorm",
        summary: "batch normalization: μ, σ², x̂ and y per feature, and with --grad-output ∂L/∂γ, ∂L/∂β, ∂L/∂x",
        options: Normalizing.options(forBatch: true) + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions (PyTorch's BatchNorm1d):",
            "  Rows are samples, columns features; each feature is normalized over the batch:",
            "  μ = (1/N) Σ x, σ² = (1/N) Σ (x − μ)² (biased, as used to normalize), x̂ = (x − μ)/√(σ² + ε), y = γx̂ + β.",
            "  Backward: ∂L/∂β = Σ g, ∂L/∂γ = Σ g x̂, ∂L/∂x = (1/N) γ (σ² + ε)^(−½) (N g − Σ g − x̂ Σ g x̂).",
            "  --mode eval normalizes with --running-mean and --running-var (constants in the backward pass).",
            "  --momentum m updates the running statistics: μ_run ← (1 − m) μ_run + m μ and",
            "  σ²_run ← (1 − m) σ²_run + m σ² N/(N − 1), the unbiased variance; they start at 0 and 1 unless given.",
            "  A batch of one sample is refused in training mode (its variance is 0).",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 malformed or mismatched numbers; 66 unreadable file.",
        ],
        examples: [
            "nnhw batchnorm --x \"1.2 -0.5; 0.8 2.1; -1.3 0.4\" --gamma \"1.5 0.5\" --beta \"0.1 -0.2\"",
            "nnhw batchnorm --feature \"1 2 3 4\" --grad-output \"0.1 -0.2 0.3 0.4\" --format json",
            "nnhw batchnorm --x \"1 2; 3 4\" --mode eval --running-mean \"2 3\" --running-var \"1 1\"",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try NormalizationSolver().solve(NormalizationProblem(values, axis: .batch))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
