/// Input that nnhw cannot use, with the place it was found and what is wrong,
/// printed as one line: `nnhw: <place>: <message>`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, which decides the exit code.
    public enum Kind: Sendable, Hashable {
        /// The command line is wrong (exit 64, EX_USAGE).
        case usage
        /// The input data is malformed or inconsistent (exit 65, EX_DATAERR).
        case invalidData
        /// The input file cannot be read (exit 66, EX_NOINPUT).
        case unreadable

        /// The sysexits code for this kind.
        public var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .invalidData: 65
            case .unreadable: 66
            }
        }
    }

    /// The kind of failure.
    public var kind: Kind
    /// Where: a JSON path (`layers[1].weights`), an option (`--precision`) or a file name.
    public var place: String
    /// What is wrong, in words a user can act on.
    public var message: String

    /// An error at `place` worded `message`, for a module's wording file only
    /// (`InputError+Wording.swift`, the CLI's `CommandLineError.swift`); a
    /// throw site names a typed case (``OptionError``, ``DataError``, ``FileError``).
    public init(_ kind: Kind, at place: String, _ message: String) {
        self.kind = kind
        self.place = place
        self.message = message
    }

    /// `<place>: <message>`, or the message alone when there is no place.
    public var description: String {
        place.isEmpty ? message : "\(place): \(message)"
    }
}

/// `x` as a spec error message quotes it: as JSON writes it (`3`, `-1`, `0.5`),
/// never Swift's `3.0`, so a message quotes the number the user wrote.
func specText(_ x: Double) -> String {
    x.isFinite ? JSONValue.number(x).serialized(indent: nil) : "\(x)"
}

/// `count` followed by the singular or plural noun: "1 value", "2 values".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
