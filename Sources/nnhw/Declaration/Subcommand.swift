import NNHomework

/// One `nnhw <name>` subcommand, declared once: its summary, options, notes
/// and examples, and what it runs. Its usage line and help are derived here.
struct Subcommand: Sendable {
    /// The word after `nnhw`.
    let name: String
    /// One line for `nnhw --help`.
    let summary: String
    /// Positional arguments, in order (`nnhw completions SHELL`); most subcommands have none.
    var arguments: [Option] = []
    /// The options it accepts, in the order usage and help list them.
    let options: [Option]
    /// Conventions and notes shown in its help.
    let details: [String]
    /// Runnable example command lines, each starting with `nnhw <name>`.
    let examples: [String]
    /// Runs the subcommand on the values of its options.
    let run: @Sendable (OptionValues) throws(InputError) -> Output

    /// The usage line, without "Usage: ": every argument and option, required
    /// ones bare, optional ones in brackets, a group of alternatives in parentheses.
    var usage: String {
        var terms =
            ["nnhw", name]
            + arguments.map { argument in
                let term =
                    (argument.choices.isEmpty ? argument.name : argument.choices.joined(separator: "|"))
                    + (argument.isRepeatable ? "…" : "")
                return argument.presence == .required ? term : "[\(term)]"
            }
        var groupsShown: Set<String> = []
        for option in options {
            switch option.presence {
            case .required:
                terms.append(option.usageLabel)
            case .optional:
                terms.append("[\(option.usageLabel)]")
            case .oneOf(let group), .atMostOneOf(let group):
                guard groupsShown.insert(group).inserted else { continue }
                let members = options.filter { $0.presence == option.presence }.map(\.usageLabel)
                let alternatives = members.joined(separator: " | ")
                terms.append(option.presence == .oneOf(group) ? "(\(alternatives))" : "[\(alternatives)]")
            }
        }
        return terms.joined(separator: " ")
    }

    /// The widest option label that keeps its help on the same line.
    private static let labelColumn = 24

    /// The full `--help` text.
    var help: String {
        var lines = ["nnhw \(name) — \(summary)", "", "Usage: \(usage)", "", "Options:"]
        let labels = options.map(\.label) + ["-h, --help"]
        let width = min(labels.map(\.count).max() ?? 0, Self.labelColumn)
        let helps = options.map(\.helpWithDefault) + ["show this help"]
        for (label, help) in zip(labels, helps) {
            if label.count > width {
                lines += ["  \(label)", String(repeating: " ", count: width + 4) + help]
            } else {
                lines.append("  \(label)\(String(repeating: " ", count: width - label.count + 2))\(help)")
            }
        }
        if !details.isEmpty { lines += [""] + details }
        lines += ["", examples.count == 1 ? "Example:" : "Examples:"] + examples.map { "  \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What a subcommand prints on standard output, and whether a check it made failed (exit status 1).
struct Output: Sendable {
    /// Standard output.
    var text: String
    /// Whether a check failed: a gradient check or an answer check (exit status 1).
    var checkFailed = false
    /// Lines for the user to read on standard error, such as a template's comments; empty for none.
    var notes = ""
    /// Files to write before standard output (`--output FILE`, `--diagram FILE`).
    var files: [WrittenFile] = []
}

/// A file a subcommand writes: its path and its whole contents.
struct WrittenFile: Sendable, Equatable {
    /// Where, as given on the command line.
    var path: String
    /// The text written.
    var contents: String
}
