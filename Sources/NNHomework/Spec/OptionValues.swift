/// The values given for a subcommand's options, by option name ("--grid"),
/// as the command line passed them: what a problem is parsed from, so that its
/// errors name the option.
public struct OptionValues: Sendable {
    private let values: [String: [String]]
    private let flags: Set<String>

    /// Options with their values in the order given, and the flags given.
    public init(_ values: [String: [String]], flags: Set<String> = []) {
        self.values = values
        self.flags = flags
    }

    /// The value of `name`, if it was given (the first, for a repeatable option).
    public subscript(_ name: String) -> String? { values[name]?.first }

    /// Every value given for `name`, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether the flag `name` was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// Whether the option or flag `name` was given at all.
    public func isGiven(_ name: String) -> Bool { has(name) || values[name] != nil }

    /// A finite number > 0 given for `name`, or nil when absent.
    ///
    /// - Throws: a usage error at `name` when it is not a number or not positive.
    public func positiveNumber(_ name: String) throws(InputError) -> Double? {
        guard let text = self[name] else { return nil }
        let value = try Self.number(text, at: name)
        guard value > 0 else { throw InputError(.usage, at: name, "must be positive, got \(text)") }
        return value
    }

    /// A whole number ≥ 1 given for `name`, or nil when absent.
    ///
    /// - Throws: a usage error at `name` when it is not a positive whole number.
    public func positiveCount(_ name: String) throws(InputError) -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw InputError(.usage, at: name, "expected a whole number of at least 1, got \"\(text)\"")
        }
        return value
    }

    /// A fraction in the open interval (0, 1) given for `name`, or nil when absent.
    ///
    /// - Throws: a usage error at `name` when it is not a number strictly between 0 and 1.
    public func openFraction(_ name: String) throws(InputError) -> Double? {
        guard let text = self[name] else { return nil }
        let value = try Self.number(text, at: name)
        guard value > 0 && value < 1 else {
            throw InputError(.usage, at: name, "must be strictly between 0 and 1, got \(text)")
        }
        return value
    }

    /// `text` as a finite number.
    ///
    /// - Throws: a usage error at `place` when it is not one.
    static func number(_ text: String, at place: String) throws(InputError) -> Double {
        guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
        else { throw InputError(.usage, at: place, "expected a number, got \"\(text)\"") }
        return value
    }
}
