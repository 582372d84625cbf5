import NNHomework

/// `nnhw examples`: the built-in example problems, or one example's spec.
enum ExamplesCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "examples",
        summary: "list the built-in example problems, or print one's spec",
        options: [
            .value("--show", "NAME", .choice(BuiltInExample.all.map(\.name)), "print the spec of one example (JSON)")
        ],
        details: ["Solve an example with: nnhw backward --example NAME"],
        examples: ["nnhw examples", "nnhw examples --show relu-3-layer > my-net.json"],
        run: { values throws(InputError) in
            if let example = values.text("--show").flatMap(BuiltInExample.named) {
                return Output(text: example.json)
            }
            let width = BuiltInExample.all.map(\.name.count).max() ?? 0
            let lines = BuiltInExample.all.map { example in
                "  \(example.name)\(String(repeating: " ", count: width - example.name.count + 2))\(example.summary)"
            }
            let heading = "Built-in examples (nnhw backward --example NAME; the same files are in Examples/):"
            return Output(text: ([heading] + lines).joined(separator: "\n") + "\n")
        })
}
