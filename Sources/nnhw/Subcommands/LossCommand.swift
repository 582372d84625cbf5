import NNHomework

/// `nnhw loss`: a loss on given numbers, each sample's loss worked out, the reduction and the gradient.
enum LossCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "loss",
        summary: "a loss on given numbers: each sample's loss, the reduction and the gradient",
        options: [
            .value(
                "--name", "NAME", .text,
                "the loss: cross_entropy, nll, binary_cross_entropy, mse, squared_error, mae (l1), huber, smooth_l1, "
                    + "hinge, squared_hinge, multiclass_hinge, perceptron, logistic, kl_divergence, entropy, focal",
                presence: .required),
            .value("--scores", "M", .text, "raw scores or logits, one sample per row: \"1 2 3; 0.5 -1 2\""),
            .value(
                "--probs", "M", .text, "probabilities, one sample per row (cross_entropy, nll, binary_cross_entropy)"),
            .value(
                "--labels", "L", .text,
                "one label per sample: 0-based classes \"2,0,1\", or ±1 / 0, 1 for binary losses"),
            .value("--pred", "M", .text, "predicted values, one sample per row (regression losses)"),
            .value("--target", "M", .text, "target values of --pred's shape; or probability rows instead of --labels"),
            .value("--p", "M", .text, "the distribution p, one per row (kl_divergence, entropy)"),
            .value("--q", "M", .text, "the distribution q of --p's shape (kl_divergence: KL(p ‖ q))"),
            .value("--margin", "M", .number(.positive), "hinge margin m, multiclass margin Δ (default 1)"),
            .value("--delta", "D", .number(.positive), "Huber δ (default 1)"),
            .value("--beta", "B", .number(.positive), "smooth L1 β (default 1)"),
            .value("--scale", "C", .number(.positive), "squared_error: c in c Σ(ŷ − y)² (default 1)"),
            .value("--gamma", "G", .number(.nonNegative), "focal γ (default 2)"),
            .value("--alpha", "A", .text, "focal α from 0 to 1, or none (default 0.25)"),
            .value("--base", "B", .text, "logarithm base of kl_divergence and entropy: e (default), 2 for bits, 10"),
            .value(
                "--reduction", nil, .choice(LossProblem.Reduction.allCases.map(\.rawValue)),
                "mean of the per-sample losses, their sum, or none", default: "mean"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions (PyTorch's definitions where one exists; docs/loss.md has the table):",
            "  Rows are samples; entries separated by spaces or commas, rows by ;. Numbers may be fractions: 1/3.",
            "  cross_entropy --scores: −s_y + ln Σ_j e^(s_j) by log-sum-exp (PyTorch cross_entropy); --probs: −ln p_y.",
            "  nll takes probabilities (−ln p_y); PyTorch's nll_loss takes log-probabilities.",
            "  binary_cross_entropy --probs (PyTorch binary_cross_entropy) or --scores = logits (..._with_logits), labels 0/1.",
            "  mse, mae (l1), huber (δ = 1), smooth_l1 (β = 1): a sample's loss is the mean over its entries, as PyTorch.",
            "  squared_error: c Σ_j (ŷ_j − y_j)², c = --scale (½ for the Adaline loss).",
            "  hinge max(0, m − y s), squared_hinge max(0, m − y s)², perceptron max(0, −y s), logistic ln(1 + e^(−y s)):",
            "  labels ±1, one score per sample (a row or a column); at a corner the derivative is taken as 0.",
            "  multiclass_hinge: Σ_{j≠y} max(0, s_j − s_y + Δ), Weston–Watkins as CS231n (PyTorch's multi_margin_loss /n).",
            "  kl_divergence: Σ_j p_j ln(p_j/q_j), gradient ∂/∂q; entropy: −Σ_j p_j ln p_j; 0 ln 0 = 0; --base 2 for bits.",
            "  focal: torchvision sigmoid_focal_loss from logits, −α_t (1 − p_t)^γ ln p_t, γ = 2, α = 0.25.",
            "  --reduction mean (default) averages the per-sample losses (KL and entropy: PyTorch's batchmean);",
            "  sum adds them; none reports each. JSON: loss, losses (per sample), grad (the shape of the input).",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error (options that do not fit the loss); 65 labels, shapes or probabilities that do not fit.",
        ],
        examples: [
            "nnhw loss --name multiclass_hinge --scores \"1 2 3; 0.5 -1 2; 2 1 0.5\" --labels 2,0,1",
            "nnhw loss --name cross_entropy --scores \"2 1 0.1\" --labels 0 --format json",
            "nnhw loss --name huber --pred \"2.5 0.2\" --target \"1 0\" --delta 1",
            "nnhw loss --name logistic --scores \"0.5 -2\" --labels 1,-1",
            "nnhw loss --name kl_divergence --p \"1/2 1/4 1/4\" --q \"1/3 1/3 1/3\" --base 2",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try LossSolver().solve(LossProblem(values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
