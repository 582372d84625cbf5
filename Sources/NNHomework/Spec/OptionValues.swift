import NNCore

/// The typed values of a subcommand's options, by option name ("--grid"):
/// what a problem is made from, so that its errors name the option.
///
/// Each value has been read by its option's ``OptionType``; a value the
/// command line did not give is its declared default, if any.
public struct OptionValues: Sendable {
    private var given: [String: [OptionValue]]
    private var defaults: [String: OptionValue]
    private let readFile: @Sendable (String) throws(InputError) -> String

    /// Values given, by option name in the order given, the defaults of options
    /// not given, and how to read a file (the command line reads files; a
    /// problem reads one only when it needs it, after checking its options).
    public init(
        _ given: [String: [OptionValue]] = [:], defaults: [String: OptionValue] = [:],
        readFile: @escaping @Sendable (String) throws(InputError) -> String = { path throws(InputError) in
            throw InputError(at: path, .noFiles)
        }
    ) {
        self.given = given
        self.defaults = defaults
        self.readFile = readFile
    }

    /// Adds `value` given for `name`, after any given before.
    public mutating func append(_ value: OptionValue, for name: String) {
        given[name, default: []].append(value)
    }

    /// Whether the option or flag `name` was given on the command line (not only defaulted).
    public func isGiven(_ name: String) -> Bool { given[name] != nil }

    /// Whether the flag `name` was given.
    public func has(_ name: String) -> Bool { given[name] != nil }

    /// The value of `name`: the first given, else the default.
    public func value(_ name: String) -> OptionValue? { given[name]?.first ?? defaults[name] }

    /// The text of `name` (a choice, a formula), if any.
    public func text(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        guard case .text(let text) = value else { preconditionFailure("\(name) is not text but \(value)") }
        return text
    }

    /// Every text given for a repeatable option, in order.
    public func texts(_ name: String) -> [String] {
        (given[name] ?? []).map { value in
            guard case .text(let text) = value else { preconditionFailure("\(name) is not text but \(value)") }
            return text
        }
    }

    /// The document of `name` (a file's contents, or the option's text) and
    /// where it came from for errors (the path, `<stdin>`, the option), if any.
    ///
    /// - Throws: the file reader's error when the file cannot be read.
    public func document(_ name: String) throws(InputError) -> (text: String, source: String)? {
        guard let value = value(name) else { return nil }
        switch value {
        case .file(let path): return (try readFile(path), path == "-" ? "<stdin>" : path)
        case .document(let text, let source): return (text, source)
        default: preconditionFailure("\(name) is not a document but \(value)")
        }
    }

    /// The whole number of `name`, if any.
    public func whole(_ name: String) -> Int? {
        guard let value = value(name) else { return nil }
        guard case .whole(let number) = value else { preconditionFailure("\(name) is not whole but \(value)") }
        return number
    }

    /// The seed of `name`, if any.
    public func seed(_ name: String) -> UInt64? {
        guard let value = value(name) else { return nil }
        guard case .seed(let seed) = value else { preconditionFailure("\(name) is not a seed but \(value)") }
        return seed
    }

    /// The number of `name`, if any.
    public func number(_ name: String) -> Double? {
        guard let value = value(name) else { return nil }
        guard case .number(let number) = value else { preconditionFailure("\(name) is not a number but \(value)") }
        return number
    }

    /// The sizes of `name` (`36x36x3` → [36, 36, 3]), if any.
    public func sizes(_ name: String) -> [Int]? {
        guard let value = value(name) else { return nil }
        guard case .sizes(let sizes) = value else { preconditionFailure("\(name) is not sizes but \(value)") }
        return sizes
    }

    /// A size for rows and columns from `name`: `3` for both or `3x5`, as [rows, columns].
    public func pair(_ name: String) -> [Int]? {
        sizes(name).map { [$0[0], $0[$0.count - 1]] }
    }

    /// The padding of rows and columns of `name`, if any.
    public func padding(_ name: String) -> (height: Padding, width: Padding)? {
        guard let value = value(name) else { return nil }
        guard case .padding(let height, let width) = value else {
            preconditionFailure("\(name) is not a padding but \(value)")
        }
        return (height, width)
    }
}
