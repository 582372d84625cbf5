import NNHomework

/// `nnhw examples`: the built-in example problems, or one example's spec.
enum ExamplesCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "examples",
        summary: "list the built-in example problems, or print one's spec",
        usage: "nnhw examples [--show NAME]",
        options: [OptionSpec(name: "--show", valueName: "NAME", help: "print the spec of one example (JSON)")],
        details: ["Solve an example with: nnhw backward --example NAME"],
        examples: ["nnhw examples", "nnhw examples --show relu-3-layer > my-net.json"],
        run: { arguments throws(InputError) in
            if let name = arguments["--show"] {
                guard let example = BuiltInExample.named(name) else {
                    let names = BuiltInExample.all.map(\.name).joined(separator: ", ")
                    throw InputError(.usage, at: "--show", "no example called \"\(name)\"; the examples are \(names)")
                }
                return CommandResult(output: example.json)
            }
            let width = BuiltInExample.all.map(\.name.count).max() ?? 0
            let lines = BuiltInExample.all.map { example in
                "  \(example.name)\(String(repeating: " ", count: width - example.name.count + 2))\(example.summary)"
            }
            let heading = "Built-in examples (nnhw backward --example NAME; the same files are in Examples/):"
            return CommandResult(output: ([heading] + lines).joined(separator: "\n") + "\n")
        })
}
