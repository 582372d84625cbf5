import NNHomework

/// `nnhw backward`: backpropagation through a network spec, with an update when it gives a learning rate.
enum BackwardCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "backward",
        summary: "backpropagation: every δ⁽ˡ⁾, ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ and ∂L/∂x, as a worked solution",
        options: NetworkOptions.all,
        details: Conventions.network + [
            "", "With \"learning_rate\": η in the spec, one gradient-descent step follows: W ← W − η ∂L/∂W.",
        ],
        examples: [
            "nnhw backward --example relu-3-layer",
            "nnhw backward --net Examples/relu-3-layer.json --format json",
            "nnhw backward --example small-cnn",
        ],
        run: { values throws(InputError) in
            try NetworkOptions.solve(
                values, stack: { solver, problem throws(InputError) in try solver.backward(problem) }
            ) { solver, problem throws(InputError) in try solver.backward(problem) }
        })
}
