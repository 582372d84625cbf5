import NNHomework

/// `nnhw backward`: backpropagation through a network spec, with an update when it gives a learning rate.
enum BackwardCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "backward",
        summary: "backpropagation: every δ⁽ˡ⁾, ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ and ∂L/∂x, as a worked solution",
        usage:
            "nnhw backward (--net FILE | --example NAME) [--round-intermediates K] [--check MINE.json] [--format \(OutputFormat.choices)] [--precision N]",
        options: NetworkInput.options + RoundingOption.options + AnswerCheckOption.options,
        details: Conventions.network + [
            "", "With \"learning_rate\": η in the spec, one gradient-descent step follows: W ← W − η ∂L/∂W.",
        ],
        examples: [
            "nnhw backward --example relu-3-layer",
            "nnhw backward --net Examples/relu-3-layer.json --format json",
        ],
        run: { arguments throws(InputError) in
            try NetworkInput.solve(arguments) { solver, problem throws(InputError) in try solver.backward(problem) }
        })
}
