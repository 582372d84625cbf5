import NNHomework

/// What can be wrong with a command line before a problem is read, and a
/// file that cannot be read: the errors of the nnhw module, worded here only.
enum CommandLineError: Sendable, Hashable {
    /// No subcommand; `names` are the subcommands.
    case missingSubcommand(names: [String])
    /// A first word that is not a subcommand (an option, when it starts with -), with a likely one.
    case unknownSubcommand(String, suggestion: String?)
    /// An option the subcommand does not declare, with a likely one.
    case unknownOption(String, suggestion: String?)
    /// An option given twice that may be given once.
    case repeated(String)
    /// A flag written with `=value`.
    case flagWithValue(String)
    /// An option at the end, or before another option, without its value.
    case missingValue(String, placeholder: String)
    /// A word that is neither an option nor a positional argument.
    case unexpectedArgument(String)
    /// A positional argument not given, with what it may be.
    case missingArgument(String, expected: String)
    /// An option that needs `--format latex`.
    case latexOnly(String)
    /// Two options of which at most one may be given.
    case exclusive(String, String)
    /// An option that applies in one mode only, given with one of another mode.
    case otherMode(option: String, mode: String, otherOption: String, otherMode: String)
    /// An option of one mode given with a flag that selects another (`--grid` with `--random`).
    case conflictsWith(String, flag: String)
    /// An option that needs a flag to apply (`--trials` without `--random`).
    case needsFlag(String, flag: String, purpose: String)
    /// A required option of a mode not given.
    case missingInMode(String, mode: String, what: String)
    /// `--check` given where there is no single problem to check.
    case nothingToCheck(String, give: String)
    /// A file that cannot be read: the C library's reason.
    case cannotRead(String, reason: String)
    /// A file larger than nnhw reads.
    case tooLarge(String)
    /// A file that is not UTF-8 text.
    case notText(String)
    /// A file option given an empty file name.
    case emptyFileName(String)
    /// A second option reading standard input (`-`), after `first` read it.
    case standardInputTwice(String, first: String)
    /// An option of `nnhw new` that shapes a network spec, for a subcommand that reads another kind.
    case notForTemplate(String, subcommand: String)
}

extension InputError {
    /// The error a user sees for `error`: its place, its words, and its kind (exit status).
    init(_ error: CommandLineError) {
        switch error {
        case .missingSubcommand(let names):
            self.init(.usage, at: "", "missing subcommand; expected one of \(names.joined(separator: ", "))")
        case .unknownSubcommand(let word, let suggestion):
            let what = word.hasPrefix("-") ? "unknown option; a subcommand comes first" : "not a subcommand"
            self.init(
                .usage, at: word.isEmpty ? "''" : word, what + (suggestion.map { " (did you mean \($0)?)" } ?? ""))
        case .unknownOption(let name, let suggestion):
            self.init(.usage, at: name, "unknown option" + (suggestion.map { " (did you mean \($0)?)" } ?? ""))
        case .repeated(let name):
            self.init(.usage, at: name, "given more than once")
        case .flagWithValue(let name):
            self.init(.usage, at: name, "takes no value")
        case .missingValue(let name, let placeholder):
            self.init(.usage, at: name, "missing value \(placeholder)")
        case .unexpectedArgument(let word):
            self.init(.usage, at: word, "unexpected argument; options start with --")
        case .missingArgument(let name, let expected):
            self.init(.usage, at: "", "missing \(name); expected \(expected)")
        case .latexOnly(let name):
            self.init(.usage, at: name, "only goes with --format latex")
        case .exclusive(let name, let other):
            self.init(.usage, at: name, "give either \(name) or \(other), not both")
        case .otherMode(let option, let mode, let otherOption, let otherMode):
            self.init(
                .usage, at: option,
                "is for \(mode) mode and \(otherOption) for \(otherMode) mode; give one or the other")
        case .conflictsWith(let name, let flag):
            self.init(.usage, at: name, "cannot be used with \(flag)")
        case .needsFlag(let name, let flag, let purpose):
            self.init(.usage, at: name, "is for \(purpose); add \(flag)")
        case .missingInMode(let name, let mode, let what):
            self.init(.usage, at: name, "missing; \(mode) mode checks \(what)")
        case .nothingToCheck(let name, let give):
            self.init(.usage, at: name, "checks one problem; give \(give)")
        case .cannotRead(let place, let reason):
            self.init(.unreadable, at: place, "cannot read: \(reason)")
        case .tooLarge(let place):
            self.init(.invalidData, at: place, "is larger than 10 MB, the most nnhw reads")
        case .notText(let place):
            self.init(.invalidData, at: place, "is not UTF-8 text")
        case .emptyFileName(let name):
            self.init(.usage, at: name, "the file name is empty; give a file, or - for standard input")
        case .standardInputTwice(let name, let first):
            self.init(.usage, at: name, "standard input (-) is already read by \(first); give a file")
        case .notForTemplate(let name, let subcommand):
            self.init(.usage, at: name, "shapes a network spec; nnhw \(subcommand) reads another kind, give no options")
        }
    }
}
