import NNHomework

/// `nnhw examples`: the built-in example problems, or one example's spec.
enum ExamplesCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "examples",
        summary: "list the built-in example problems, or print one's spec",
        options: [
            .value(
                "--show", "NAME", .choice((BuiltInExample.all + BuiltInArchitecture.all).map(\.name)),
                "print the spec of one example, of any kind (JSON)")
        ],
        details: [
            "Solve a network example with: nnhw backward --example NAME;",
            "count an architecture's parameters with: nnhw examples --show NAME | nnhw params --arch -",
        ],
        examples: ["nnhw examples", "nnhw examples --show relu-3-layer > my-net.json", "nnhw examples --show lenet"],
        run: { values throws(InputError) in
            if let name = values.text("--show"),
                let example = BuiltInExample.named(name) ?? BuiltInArchitecture.named(name)
            {
                return Output(text: example.json)
            }
            let all = BuiltInExample.all + BuiltInArchitecture.all
            let width = all.map(\.name.count).max() ?? 0
            func lines(_ examples: [BuiltInExample]) -> [String] {
                examples.map { example in
                    "  \(example.name)\(String(repeating: " ", count: width - example.name.count + 2))\(example.summary)"
                }
            }
            let networks = "Built-in examples (nnhw backward --example NAME; the same files are in Examples/):"
            let architectures = "Architectures (nnhw params --arch; the same files are in Examples/architectures/):"
            let text = [networks] + lines(BuiltInExample.all) + [architectures] + lines(BuiltInArchitecture.all)
            return Output(text: text.joined(separator: "\n") + "\n")
        })
}
