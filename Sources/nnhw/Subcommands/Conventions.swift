/// The conventions every network subcommand states in its help.
enum Conventions {
    /// Lines for `--help`.
    static let network = [
        "Conventions:",
        "  Weights are out × in and a single sample is a column vector: a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾,",
        "  z⁽ˡ⁾ = f(a⁽ˡ⁾), z⁽⁰⁾ = x; a batch has one sample per row: A = Z Wᵀ + 1 bᵀ.",
        "  δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾. ReLU′(0) = 0; leaky ReLU′(0) = α (default α = 0.01).",
        "  GELU is x·Φ(x) with the exact erf form; {\"name\": \"gelu\", \"approximate\": \"tanh\"} for the tanh form.",
        "  Softmax and sigmoid are computed stably (max subtracted; no overflow for large |a|).",
        "  Softmax + cross-entropy and sigmoid + binary cross-entropy use the fused δ⁽ᴸ⁾ = ŷ − y.",
        "  Over a batch the loss is the mean of the per-sample losses unless \"reduction\": \"sum\".",
        "  Typed layers (forward, backward, gradcheck): {\"type\": \"conv2d\" | \"max_pool\" | \"avg_pool\" | \"flatten\" |",
        "  \"batch_norm\" | \"layer_norm\" | \"dropout\" | \"residual\", …}; ⋆ is cross-correlation, a flatten reads",
        "  channel after channel, batch norm uses the biased variance (docs/layers.md).",
        "",
        "Exit status: 0 solved; 64 usage error; 65 invalid spec; 66 unreadable file.",
    ]
}
