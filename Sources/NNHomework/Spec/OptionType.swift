import NNCore

/// What an option's value is: how it is read and checked, and how help and
/// shell completions describe it. The one place where the wording of a
/// malformed option value lives.
public enum OptionType: Sendable, Hashable {
    /// No value: the option is given or not.
    case flag
    /// Text a problem reads itself (a formula, a grid, a notation name).
    case text
    /// A file's path ("-": standard input); the command line reads the file.
    case file
    /// A file's path when a file of that name exists, otherwise the text itself (a matrix).
    case fileOrText
    /// One of the names listed.
    case choice([String])
    /// A whole number in the range.
    case whole(ClosedRange<Int>)
    /// A whole number from 0 to 2⁶⁴ − 1.
    case seed
    /// A finite number with the bound.
    case number(NumberBound)
    /// Whole numbers separated by `x` or `×`, as many as the range allows: `3`, `3x5`, `36x36x3`.
    case sizes(ClosedRange<Int>)
    /// A padding: a number P, `PxQ`, `same`, `valid` or `full`.
    case padding

    /// The bound a number option must keep.
    public enum NumberBound: Sendable, Hashable {
        /// Any finite x, negative or not.
        case finite
        /// x > 0.
        case positive
        /// x ≥ 0.
        case nonNegative
        /// 0 < x < 1.
        case openUnitInterval
    }

    /// The value of `text` given for `option`. ``file`` and ``fileOrText``
    /// give the text as it is, for the command line to name the file; a flag,
    /// which has no value (the command line refuses `--flag=value`), is ``OptionValue/flag``.
    ///
    /// - Throws: a usage error at `option` saying what was expected.
    public func read(_ text: String, for option: String) throws(InputError) -> OptionValue {
        switch self {
        case .flag:
            return .flag
        case .text, .file, .fileOrText:
            return .text(text)
        case .choice(let names):
            guard names.contains(text) else {
                throw InputError(
                    at: option, .expectedChoice(names, got: text, suggestion: closestMatch(to: text, among: names)))
            }
            return .text(text)
        case .whole(let range):
            let expected =
                range.upperBound == Int.max
                ? "a whole number of at least \(range.lowerBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            guard let value = NumberText.whole(text), range.contains(value) else {
                throw InputError(at: option, .expected(expected, got: text))
            }
            return .whole(value)
        case .seed:
            guard let value = UInt64(text) else {
                throw InputError(at: option, .expected("a whole number from 0 to \(UInt64.max)", got: text))
            }
            return .seed(value)
        case .number(let bound):
            guard let value = NumberText.decimal(text) else {
                throw InputError(at: option, .expected("a number", got: text))
            }
            switch bound {
            case .positive where value <= 0:
                throw InputError(at: option, .notPositive(text))
            case .nonNegative where value < 0:
                throw InputError(at: option, .negative(text))
            case .openUnitInterval where value <= 0 || value >= 1:
                throw InputError(at: option, .notInOpenUnitInterval(text))
            default:
                return .number(value)
            }
        case .sizes(let counts):
            return .sizes(try SizeText.sizes(parsing: text, option: option, counts: counts))
        case .padding:
            let padding = try SizeText.padding(parsing: text, option: option)
            return .padding(height: padding.height, width: padding.width)
        }
    }

    /// The names shown for a choice: "max or avg", "text, json, markdown or latex".
    public static func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}

/// One option's value, read as its ``OptionType`` says.
public enum OptionValue: Sendable, Hashable {
    /// A flag that was given.
    case flag
    /// Text: a choice, a formula, a grid.
    case text(String)
    /// The path of a file to read when a problem asks for it ("-": standard input).
    case file(String)
    /// A text that stands for a file's contents, with where it came from for errors: an option's name.
    case document(String, source: String)
    /// A whole number.
    case whole(Int)
    /// A seed.
    case seed(UInt64)
    /// A finite number.
    case number(Double)
    /// Sizes: `3x5` → [3, 5].
    case sizes([Int])
    /// The padding of rows and of columns.
    case padding(height: Padding, width: Padding)
}
