import NNHomework

/// An option a subcommand accepts: `--net FILE`, or a flag without a value.
struct OptionSpec: Sendable {
    /// The long name with its dashes: "--net".
    let name: String
    /// The value's placeholder ("FILE"), or nil for a flag.
    let valueName: String?
    /// One line of help.
    let help: String
    /// Whether the option may be given more than once (`--grid d=10 --grid p=5`).
    var isRepeatable = false
}

/// The options given on a command line, after checking them against the specs.
struct ParsedArguments: Sendable {
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// The value given for `name`, if any (the first, for a repeatable option).
    subscript(_ name: String) -> String? { values[name]?.first }

    /// The values and flags given, for a problem to parse.
    var optionValues: OptionValues { OptionValues(values, flags: flags) }

    /// Whether the flag `name` was given.
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Parses `arguments` against `options`: `--name value`, `--name=value` and flags.
    ///
    /// `-h` and `--help` are always accepted, as the flag "--help".
    /// - Throws: a usage error for an unknown or repeated option, a missing value or a stray argument.
    init(_ arguments: [String], options: [OptionSpec]) throws(InputError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-h" || argument == "--help" {
                flags.insert("--help")
                continue
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                throw InputError(.usage, at: argument, "unexpected argument; options start with --")
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard let spec = options.first(where: { $0.name == name }) else {
                var message = "unknown option"
                if let guess = closestMatch(to: name, among: options.map(\.name)) {
                    message += " (did you mean \(guess)?)"
                }
                throw InputError(.usage, at: name, message)
            }
            if (values[name] != nil && !spec.isRepeatable) || flags.contains(name) {
                throw InputError(.usage, at: name, "given more than once")
            }
            guard let valueName = spec.valueName else {
                if parts.count == 2 { throw InputError(.usage, at: name, "takes no value") }
                flags.insert(name)
                continue
            }
            if parts.count == 2 {
                values[name, default: []].append(String(parts[1]))
            } else if index < arguments.count, !Self.looksLikeOption(arguments[index]) {
                values[name, default: []].append(arguments[index])
                index += 1
            } else {
                throw InputError(.usage, at: name, "missing value \(valueName)")
            }
        }
    }

    /// Whether a word is an option rather than a value; "-" (standard input) and negative numbers are values.
    private static func looksLikeOption(_ word: String) -> Bool {
        word.hasPrefix("--") || (word.hasPrefix("-") && word.count > 1 && !(word.dropFirst().first?.isNumber ?? false))
    }
}
