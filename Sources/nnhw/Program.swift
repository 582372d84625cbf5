import NNHomework

/// The whole command line: dispatch to a subcommand, help, version, and the
/// exit status of what happened.
enum Program {
    /// The version `--version` prints.
    static let version = "0.1.0"

    /// What a run prints and its exit status.
    struct Outcome {
        /// Standard output.
        var output = ""
        /// Standard error.
        var error = ""
        /// The exit status.
        var status: Int32 = 0
        /// Files to write before standard output.
        var files: [WrittenFile] = []
    }

    /// Runs nnhw with `arguments` (without the program name).
    static func run(_ arguments: [String]) -> Outcome {
        guard let first = arguments.first else {
            return failure(
                InputError(.missingSubcommand(names: Registry.subcommands.map(\.name))),
                usage: "nnhw <subcommand> [options]; nnhw --help lists them")
        }
        switch first {
        case "-h", "--help":
            return Outcome(output: overview)
        case "--version", "-V":
            return Outcome(output: "nnhw \(version)\n")
        case "help":
            guard arguments.count > 1 else { return Outcome(output: overview) }
            guard let subcommand = Registry.subcommand(named: arguments[1]) else {
                return failure(unknownSubcommand(arguments[1]), usage: "nnhw help <subcommand>")
            }
            guard arguments.count == 2 else {
                return failure(InputError(.unexpectedArgument(arguments[2])), usage: "nnhw help <subcommand>")
            }
            return Outcome(output: subcommand.help)
        default:
            guard let subcommand = Registry.subcommand(named: first) else {
                return failure(unknownSubcommand(first), usage: "nnhw <subcommand> [options]; nnhw --help lists them")
            }
            do {
                switch try ArgumentParser(subcommand: subcommand).parse(Array(arguments.dropFirst())) {
                case .help:
                    return Outcome(output: subcommand.help)
                case .run(let values):
                    let output = try subcommand.run(values)
                    return Outcome(
                        output: output.text, error: output.notes, status: output.checkFailed ? 1 : 0,
                        files: output.files)
                }
            } catch {
                return failure(error, usage: subcommand.usage)
            }
        }
    }

    /// The exit status when standard output cannot be written: 74 (EX_IOERR).
    static let outputFailureStatus: Int32 = 74

    /// The exit status when a file cannot be written: 73 (EX_CANTCREAT).
    static let fileFailureStatus: Int32 = 73

    /// The line printed when the file at `path` cannot be written, for the C library's `reason`.
    static func fileFailure(_ path: String, _ reason: String) -> String {
        "nnhw: \(path.escapingControlCharacters): cannot write: \(reason)\n"
    }

    /// The line printed when standard output cannot be written, for the C library's `reason`.
    static func outputFailure(_ reason: String) -> String {
        "nnhw: <stdout>: cannot write: \(reason)\n"
    }

    /// One line naming the place and the problem, with any character of the
    /// user's text that would break the line escaped; usage errors add the usage line.
    private static func failure(_ error: InputError, usage: String) -> Outcome {
        var text = "nnhw: \(error.description.escapingControlCharacters)\n"
        if error.kind == .usage { text += "Usage: \(usage)\n" }
        return Outcome(error: text, status: error.kind.exitCode)
    }

    private static func unknownSubcommand(_ word: String) -> InputError {
        InputError(
            .unknownSubcommand(word, suggestion: closestMatch(to: word, among: Registry.subcommands.map(\.name))))
    }

    /// `nnhw --help`.
    static var overview: String {
        let width = Registry.subcommands.map(\.name.count).max() ?? 0
        var lines = [
            "nnhw \(version) — worked solutions to neural-network homework",
            "",
            "Usage: nnhw <subcommand> [options]",
            "",
            "Subcommands:",
        ]
        for subcommand in Registry.subcommands {
            let padding = String(repeating: " ", count: width - subcommand.name.count + 2)
            lines.append("  \(subcommand.name)\(padding)\(subcommand.summary)")
        }
        let rendering = Rendering.options.map(\.name).joined(separator: ", ")
        let renderingSubcommands = Registry.rendering.map(\.name).joined(separator: ", ")
        lines += [
            "",
            "Rendering options (\(rendering)):",
            "  taken by \(renderingSubcommands).",
            "Every subcommand takes --help; nnhw help <subcommand> shows its options and a runnable example.",
            "Exit status 74 (any subcommand): standard output could not be written.",
            "",
            "Example:",
            "  nnhw backward --example relu-3-layer",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
