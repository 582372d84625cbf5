import NNHomework

/// Reads a subcommand's command line against its declaration: `--name value`,
/// `--name=value`, flags and positional arguments, each value read by its option's type.
struct ArgumentParser {
    /// The subcommand whose declaration is followed.
    let subcommand: Subcommand

    /// What a command line asks for.
    enum Request {
        /// `-h` or `--help` anywhere.
        case help
        /// A run with these values.
        case run(OptionValues)
    }

    /// Parses `arguments` (after the subcommand's name).
    ///
    /// Every value is read by its type; files are read later, when the problem
    /// asks for them, so a usage error is reported as one even when a file is
    /// also bad. The options declared with a default and not given get the default.
    /// - Throws: a usage error for an unknown or repeated option, a missing or
    ///   malformed value or a stray argument.
    func parse(_ arguments: [String]) throws(InputError) -> Request {
        if arguments.contains(where: { $0 == "-h" || $0 == "--help" }) { return .help }
        var given: [(option: Option, text: String?)] = []
        var positionals = subcommand.arguments[...]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                let repeated = subcommand.arguments.last.flatMap { $0.isRepeatable && positionals.isEmpty ? $0 : nil }
                guard let positional = positionals.popFirst() ?? repeated else {
                    throw InputError(.unexpectedArgument(argument))
                }
                given.append((positional, argument))
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard let option = subcommand.options.first(where: { $0.name == name }) else {
                throw InputError(
                    .unknownOption(name, suggestion: closestMatch(to: name, among: subcommand.options.map(\.name))))
            }
            if !option.isRepeatable && given.contains(where: { $0.option.name == name }) {
                throw InputError(.repeated(name))
            }
            if option.isFlag {
                if parts.count == 2 { throw InputError(.flagWithValue(name)) }
                given.append((option, nil))
            } else if parts.count == 2 {
                given.append((option, String(parts[1])))
            } else if index < arguments.count,
                !Self.looksLikeOption(arguments[index]) || (option.type == .text && !arguments[index].hasPrefix("--"))
            {
                given.append((option, arguments[index]))
                index += 1
            } else {
                throw InputError(.missingValue(name, placeholder: option.valueName ?? ""))
            }
        }
        if let missing = positionals.first(where: { $0.presence == .required }) {
            throw InputError(.missingArgument(missing.name, expected: missing.valueName ?? missing.name))
        }
        var read: [(option: Option, value: OptionValue)] = []
        for (option, text) in given {
            read.append(
                (
                    option,
                    try text.map { text throws(InputError) in try option.type.read(text, for: option.name) } ?? .flag
                ))
        }
        return .run(try values(read))
    }

    /// The values, with the files named for reading, and the defaults of the options not given.
    private func values(_ read: [(option: Option, value: OptionValue)]) throws(InputError) -> OptionValues {
        var defaults: [String: OptionValue] = [:]
        for option in subcommand.options {
            guard let text = option.defaultValue else { continue }
            defaults[option.name] = try option.type.read(text, for: option.name)
        }
        var values = OptionValues(defaults: defaults, readFile: SpecFile.read)
        var readsStandardInput: String?
        for (option, value) in read {
            guard case .text(let text) = value, option.takesFile else {
                values.append(value, for: option.name)
                continue
            }
            if option.type == .file && text.isEmpty { throw InputError(.emptyFileName(option.name)) }
            if text == "-" {
                if let first = readsStandardInput { throw InputError(.standardInputTwice(option.name, first: first)) }
                readsStandardInput = option.name
            }
            let isFile = option.type == .file || text == "-" || System.fileExists(atPath: text)
            values.append(isFile ? .file(text) : .document(text, source: option.name), for: option.name)
        }
        return values
    }

    /// Whether a word is an option rather than a value; "-" (standard input) and negative numbers are values,
    /// and so is any word with a single leading dash after an option taking text (`--f "-ln(p)"`).
    private static func looksLikeOption(_ word: String) -> Bool {
        word.hasPrefix("--") || (word.hasPrefix("-") && word.count > 1 && !(word.dropFirst().first?.isNumber ?? false))
    }
}
