import NNHomework

/// `nnhw layernorm`: layer normalization of each sample, forward and backward, worked.
enum LayerNormCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "layernorm",
        summary: "layer normalization: μ, σ², x̂ and y per sample, and with --grad-output ∂L/∂γ, ∂L/∂β, ∂L/∂x",
        options: Normalizing.options(forBatch: false) + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions (PyTorch's LayerNorm over the last dimension, elementwise affine):",
            "  Rows are samples, columns features; each sample is normalized over its D features:",
            "  μ = (1/D) Σ x, σ² = (1/D) Σ (x − μ)² (biased), x̂ = (x − μ)/√(σ² + ε), y = γx̂ + β, γ and β per feature.",
            "  Backward, with ĝ = γ g: ∂L/∂x = (1/(D √(σ² + ε))) (D ĝ − Σ ĝ − x̂ Σ ĝ x̂) over the sample's features;",
            "  ∂L/∂β = Σ g and ∂L/∂γ = Σ g x̂ over the samples.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 malformed or mismatched numbers; 66 unreadable file.",
        ],
        examples: [
            "nnhw layernorm --x \"1 2 3; 2 0 -2\"",
            "nnhw layernorm --x \"1 2 3\" --gamma \"1 0.5 2\" --grad-output \"0.1 0.2 -0.3\" --format json",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try NormalizationSolver().solve(NormalizationProblem(values, axis: .features))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
