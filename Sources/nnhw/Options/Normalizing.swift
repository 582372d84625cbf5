import NNHomework

/// The options `nnhw batchnorm` and `nnhw layernorm` share, and those of batch norm alone.
enum Normalizing {
    /// The options, in the order the help lists them; `forBatch` adds `--feature` and the running statistics.
    static func options(forBatch: Bool) -> [Option] {
        var options: [Option] = [
            .value(
                "--x", "M", .fileOrText,
                "the batch, one sample per row: \"1.2 -0.5; 0.8 2.1\", JSON rows, or a file",
                presence: forBatch ? .oneOf("input") : .required)
        ]
        if forBatch {
            options.append(
                .value(
                    "--feature", "V", .fileOrText, "one feature's values across the batch: \"1 2 3 4\"",
                    presence: .oneOf("input")))
        }
        options += [
            .value("--gamma", "V", .fileOrText, "γ, one per feature (default 1)"),
            .value("--beta", "V", .fileOrText, "β, one per feature (default 0)"),
            .value("--eps", "ε", .number(.nonNegative), "added to σ² under the root", default: "1e-5"),
            .value("--grad-output", "M", .fileOrText, "g = ∂L/∂Y, shaped like X: adds the backward pass"),
        ]
        if forBatch {
            options += [
                .value(
                    "--mode", nil, .choice(["train", "eval"]), "batch statistics, or the running ones", default: "train"
                ),
                .value("--running-mean", "V", .fileOrText, "μ_run, one per feature (eval; train: default 0)"),
                .value("--running-var", "V", .fileOrText, "σ²_run, one per feature (eval; train: default 1)"),
                .value(
                    "--momentum", "m", .number(.openUnitInterval),
                    "update the running statistics, PyTorch's way (default 0.1 when they are given)"),
            ]
        }
        return options
    }
}
