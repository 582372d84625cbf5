import NNHomework

/// One option of a subcommand, declared once: its name, its value's type,
/// default and placeholder, its help, and where the usage line puts it.
/// Parsing, usage, help and completions all read this declaration.
struct Option: Sendable {
    /// Whether the usage line shows an option as required, optional, or one of a group.
    enum Presence: Sendable, Hashable {
        /// `[--name VALUE]`.
        case optional
        /// `--name VALUE`.
        case required
        /// `(--a A | --b B)`: exactly one of the options sharing the group's name.
        case oneOf(String)
        /// `[--a A | --b B]`: at most one of the options sharing the group's name.
        case atMostOneOf(String)
    }

    /// The long name with its dashes: "--net"; for a positional argument, its placeholder: "SHELL".
    let name: String
    /// How the value is read and checked.
    let type: OptionType
    /// The value's placeholder in usage and help ("FILE"); nil for a flag.
    let valueName: String?
    /// One line of help.
    let help: String
    /// The value used when the option is not given, as it would be written; shown in help.
    var defaultValue: String?
    /// Whether the option may be given more than once (`--grid d=10 --grid p=5`).
    var isRepeatable = false
    /// How the usage line shows it.
    var presence = Presence.optional

    /// A flag: `--flip`.
    static func flag(_ name: String, _ help: String) -> Option {
        Option(name: name, type: .flag, valueName: nil, help: help)
    }

    /// An option with a value: `--kernel K`; a choice's placeholder is its names (`max|avg`).
    static func value(
        _ name: String, _ valueName: String? = nil, _ type: OptionType, _ help: String,
        default defaultValue: String? = nil,
        presence: Presence = .optional, isRepeatable: Bool = false
    ) -> Option {
        var placeholder = valueName ?? ""
        if valueName == nil, case .choice(let names) = type { placeholder = names.joined(separator: "|") }
        return Option(
            name: name, type: type, valueName: placeholder, help: help, defaultValue: defaultValue,
            isRepeatable: isRepeatable, presence: presence)
    }

    /// The same option where a required choice of a group becomes an optional one
    /// (`--net` and `--example` in gradcheck, which also has a formula mode).
    var optionalInUsage: Option {
        var option = self
        switch presence {
        case .required: option.presence = .optional
        case .oneOf(let group): option.presence = .atMostOneOf(group)
        case .optional, .atMostOneOf: break
        }
        return option
    }

    /// Whether this is a flag, which takes no value.
    var isFlag: Bool { type == .flag }

    /// `--net FILE`, or `--flip` for a flag.
    var label: String { valueName.map { "\(name) \($0)" } ?? name }

    /// The label in a usage line, with "…" when the option may be repeated.
    var usageLabel: String { isRepeatable ? label + "…" : label }

    /// The help line with the range of a bounded whole number and the default,
    /// where there are: "decimals shown in text (0–17, default 4)".
    var helpWithDefault: String {
        var notes: [String] = []
        if case .whole(let range) = type, range.upperBound != Int.max {
            notes.append("\(range.lowerBound)–\(range.upperBound)")
        }
        if let defaultValue { notes.append("default \(defaultValue)") }
        return notes.isEmpty ? help : "\(help) (\(notes.joined(separator: ", ")))"
    }

    /// The names a choice accepts; empty for any other type.
    var choices: [String] {
        if case .choice(let names) = type { return names }
        return []
    }

    /// Whether the value names a file, for completions.
    var takesFile: Bool { type == .file || type == .fileOrText }
}
