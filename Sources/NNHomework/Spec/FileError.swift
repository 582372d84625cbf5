/// What can stop nnhw from reading an input file (exit 66, EX_NOINPUT);
/// ``InputError/init(at:_:)`` words each case.
public enum FileError: Sendable, Hashable {
    /// A problem given no way to read files (a library caller's default).
    case noFiles
}
