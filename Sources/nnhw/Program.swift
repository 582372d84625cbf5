import NNHomework

/// The whole command line: dispatch to a subcommand, help, version, and the
/// exit status of what happened.
enum Program {
    /// The version `--version` prints.
    static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them.
    static let subcommands = [
        ForwardCommand.subcommand, BackwardCommand.subcommand, GradcheckCommand.subcommand, ConvSizeCommand.subcommand,
        ConvCommand.subcommand, PoolCommand.subcommand, ParamsCommand.subcommand,
        HyperparameterCountCommand.subcommand, TrainCostCommand.subcommand, NotationCommand.subcommand,
        ExamplesCommand.subcommand,
    ]

    /// What a run prints and its exit status.
    struct Outcome {
        var output = ""
        var error = ""
        var status: Int32 = 0
    }

    /// Runs nnhw with `arguments` (without the program name).
    static func run(_ arguments: [String]) -> Outcome {
        guard let first = arguments.first else {
            let names = subcommands.map(\.name).joined(separator: ", ")
            return failure(
                InputError(.usage, at: "", "missing subcommand; expected one of \(names)"),
                usage: "nnhw <subcommand> [options]; nnhw --help lists them")
        }
        switch first {
        case "-h", "--help":
            return Outcome(output: overview)
        case "--version", "-V":
            return Outcome(output: "nnhw \(version)\n")
        case "help":
            guard arguments.count > 1 else { return Outcome(output: overview) }
            guard let subcommand = subcommands.first(where: { $0.name == arguments[1] }) else {
                return failure(unknownSubcommand(arguments[1]), usage: "nnhw help <subcommand>")
            }
            return Outcome(output: subcommand.help)
        default:
            guard let subcommand = subcommands.first(where: { $0.name == first }) else {
                return failure(unknownSubcommand(first), usage: "nnhw <subcommand> [options]; nnhw --help lists them")
            }
            do {
                let parsed = try ParsedArguments(Array(arguments.dropFirst()), options: subcommand.options)
                if parsed.has("--help") { return Outcome(output: subcommand.help) }
                let result = try subcommand.run(parsed)
                return Outcome(output: result.output, status: result.checkFailed ? 1 : 0)
            } catch {
                return failure(error, usage: subcommand.usage)
            }
        }
    }

    /// One line naming the place and the problem; usage errors add the usage line.
    private static func failure(_ error: InputError, usage: String) -> Outcome {
        var text = "nnhw: \(error.description)\n"
        if error.kind == .usage { text += "Usage: \(usage)\n" }
        return Outcome(error: text, status: error.kind.exitCode)
    }

    private static func unknownSubcommand(_ word: String) -> InputError {
        var message = "not a subcommand"
        if word.hasPrefix("-") { message = "unknown option; a subcommand comes first" }
        if let guess = closestMatch(to: word, among: subcommands.map(\.name)) { message += " (did you mean \(guess)?)" }
        return InputError(.usage, at: word, message)
    }

    /// `nnhw --help`.
    static var overview: String {
        let width = subcommands.map(\.name.count).max() ?? 0
        var lines = [
            "nnhw \(version) — worked solutions to neural-network homework",
            "",
            "Usage: nnhw <subcommand> [options]",
            "",
            "Subcommands:",
        ]
        for subcommand in subcommands {
            lines.append(
                "  \(subcommand.name)\(String(repeating: " ", count: width - subcommand.name.count + 2))\(subcommand.summary)"
            )
        }
        lines += [
            "",
            "Every subcommand takes --format \(OutputFormat.choices), --precision N and --help.",
            "nnhw help <subcommand> shows its options and a runnable example.",
            "",
            "Example:",
            "  nnhw backward --example relu-3-layer",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
