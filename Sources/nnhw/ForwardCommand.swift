import NNHomework

/// `nnhw forward`: the forward pass and the loss of a network spec.
enum ForwardCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "forward",
        summary: "the forward pass of a dense network and its loss, as a worked solution",
        usage:
            "nnhw forward (--net FILE | --example NAME) [--round-intermediates K] [--check MINE.json] [--format \(OutputFormat.choices)] [--precision N]",
        options: NetworkInput.options + RoundingOption.options + AnswerCheckOption.options,
        details: Conventions.network,
        examples: [
            "nnhw forward --example relu-3-layer", "nnhw forward --net Examples/tanh-augmented.json --precision 6",
        ],
        run: { arguments throws(InputError) in
            try NetworkInput.solve(arguments, requiresLoss: false) { solver, problem throws(InputError) in
                try solver.forward(problem)
            }
        })
}
