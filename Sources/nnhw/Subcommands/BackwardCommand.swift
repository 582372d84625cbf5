import NNHomework

/// `nnhw backward`: backpropagation through a network spec, with an update when it gives a learning rate.
enum BackwardCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "backward",
        summary: "backpropagation: every δ⁽ˡ⁾, ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ and ∂L/∂x, as a worked solution",
        options: NetworkOptions.all + [
            .value(
                "--diagram", "FILE.svg", .text,
                "also write the network diagram with the solution's a, z and δ to FILE (.svg, .tex, .dot, .json)")
        ],
        details: Conventions.network + [
            "", "With \"learning_rate\": η in the spec, one gradient-descent step follows: W ← W − η ∂L/∂W.",
            "--diagram FILE writes the network with each unit's a, z and δ of this solution beside it (nnhw diagram --values).",
        ],
        examples: [
            "nnhw backward --example relu-3-layer",
            "nnhw backward --net Examples/relu-3-layer.json --format json",
            "nnhw backward --example small-cnn",
            "nnhw backward --example relu-3-layer --diagram /tmp/relu-3-layer.svg",
        ],
        run: { values throws(InputError) in
            var diagram: WrittenFile?
            var output = try NetworkOptions.solve(
                values,
                stack: { solver, problem throws(InputError) in
                    if values.isGiven("--diagram") { throw InputError(at: "--diagram", .diagramDenseOnly) }
                    return try solver.backward(problem)
                }
            ) { solver, problem throws(InputError) in
                let solution = try solver.backward(problem)
                if let path = values.text("--diagram"), diagram == nil {
                    diagram = try BackwardDiagram.file(path, problem: problem, solution: solution, values)
                }
                return solution
            }
            if let diagram { output.files.append(diagram) }
            return output
        })
}
