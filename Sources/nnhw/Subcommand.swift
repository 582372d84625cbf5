import NNHomework

/// One `nnhw <name>` subcommand: its options, its help, and what it runs.
struct Subcommand: Sendable {
    /// The word after `nnhw`.
    let name: String
    /// One line for `nnhw --help`.
    let summary: String
    /// The usage line, without "Usage: ".
    let usage: String
    /// The options it accepts, in the order help lists them.
    let options: [OptionSpec]
    /// Conventions and notes shown in its help.
    let details: [String]
    /// Runnable example command lines.
    let examples: [String]
    /// Runs the subcommand and returns what to print on standard output.
    let run: @Sendable (ParsedArguments) throws(InputError) -> CommandResult

    /// The full `--help` text.
    var help: String {
        var lines = ["nnhw \(name) — \(summary)", "", "Usage: \(usage)", "", "Options:"]
        let width = options.map { label($0).count }.max() ?? 0
        for option in options {
            let text = label(option)
            lines.append("  \(text)\(String(repeating: " ", count: width - text.count + 2))\(option.help)")
        }
        lines.append("  -h, --help\(String(repeating: " ", count: max(2, width - 8)))show this help")
        if !details.isEmpty { lines += [""] + details }
        lines += ["", examples.count == 1 ? "Example:" : "Examples:"] + examples.map { "  \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private func label(_ option: OptionSpec) -> String {
        option.valueName.map { "\(option.name) \($0)" } ?? option.name
    }
}

/// What a subcommand prints, and whether a check it made failed (exit status 1).
struct CommandResult: Sendable {
    /// Standard output.
    var output: String
    /// Whether a check failed: a gradient check or an answer check (exit status 1).
    var checkFailed = false
}
