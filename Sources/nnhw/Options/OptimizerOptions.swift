import NNHomework

/// The options of an optimizer, shared by `nnhw optimize` (`--method`) and `nnhw train` (`--optimizer`).
enum OptimizerOptions {
    /// The options, the method's under `methodOption`.
    static func options(methodOption: String) -> [Option] {
        [
            .value(methodOption, nil, .choice(OptimizerChoice.methods), "the update rule", default: "sgd"),
            .value(
                "--convention", nil, .choice(OptimizerChoice.conventions),
                "how momentum and nesterov write the velocity", default: "torch"),
            .value("--lr", "η", .number(.positive), "the learning rate η₀ (default 0.001 for adam/adamw, else 0.01)"),
            .value(
                "--momentum", "μ", .number(.nonNegative),
                "momentum μ (β for --convention ema; default 0.9), or RMSprop's momentum (default 0)"),
            .value("--beta1", "β₁", .number(.openUnitInterval), "Adam's first-moment decay", default: "0.9"),
            .value("--beta2", "β₂", .number(.openUnitInterval), "Adam's second-moment decay", default: "0.999"),
            .value("--eps", "ε", .number(.positive), "ε of adagrad (default 1e-10), rmsprop and adam (default 1e-8)"),
            .value(
                "--alpha", "α", .number(.openUnitInterval), "RMSprop's decay (default 0.99)",
                presence: .atMostOneOf("decay")),
            .value("--rho", "ρ", .number(.openUnitInterval), "the same as --alpha", presence: .atMostOneOf("decay")),
            .flag("--eps-inside", "RMSprop: ε inside the root, √(v + ε), not after it"),
            .flag("--amsgrad", "Adam: the running maximum of v in v̂"),
            .value(
                "--weight-decay", "λ", .number(.nonNegative),
                "λ: the L2 term g + λw, or AdamW's decoupled decay (default 0.01 for adamw, else 0)"),
            .value(
                "--schedule", "S", .text, "step:K:γ | exp:γ | inverse:k | cosine:T | warmup:K; repeat to multiply",
                isRepeatable: true),
        ]
    }
}
