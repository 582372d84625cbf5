import NNHomework

/// Reading an input file as UTF-8 text.
enum SpecFile {
    /// The largest input nnhw reads: 10 MB (10⁷ bytes).
    static let maximumBytes = 10_000_000

    /// The text of the file at `path` ("-": standard input).
    ///
    /// - Throws: `.unreadable` when the file cannot be read, `.invalidData` when it is
    ///   larger than ``maximumBytes`` or not UTF-8.
    static func read(_ path: String) throws(InputError) -> String {
        let place = path == "-" ? "<stdin>" : path
        switch System.readBytes(atPath: path, limit: maximumBytes) {
        case .failure(let failure):
            throw InputError(.cannotRead(place, reason: failure.reason))
        case .success(let bytes):
            guard bytes.count <= maximumBytes else {
                throw InputError(.tooLarge(place))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(.notText(place))
            }
            return text
        }
    }
}
