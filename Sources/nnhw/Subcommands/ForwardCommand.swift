import NNHomework

/// `nnhw forward`: the forward pass and the loss of a network spec.
enum ForwardCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "forward",
        summary: "the forward pass of a dense network and its loss, as a worked solution",
        options: NetworkOptions.all,
        details: Conventions.network,
        examples: [
            "nnhw forward --example relu-3-layer", "nnhw forward --net Examples/tanh-augmented.json --precision 6",
        ],
        run: { values throws(InputError) in
            try NetworkOptions.solve(
                values, requiresLoss: false,
                stack: { solver, problem throws(InputError) in try solver.forward(problem) }
            ) { solver, problem throws(InputError) in
                try solver.forward(problem)
            }
        })
}
