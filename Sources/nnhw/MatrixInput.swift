import NNCore
import NNHomework

/// Reading `--input` and `--kernel` matrices: a file when the value names one,
/// otherwise the value itself (`"6 0 1; 3 4 1"` or JSON).
enum MatrixInput {
    /// The channels given by `option`.
    ///
    /// - Throws: a usage error when the option is missing; the parser's errors,
    ///   naming the option or the file, when the matrix is malformed.
    static func channels(_ arguments: ParsedArguments, _ option: String, example: String) throws(InputError)
        -> [Matrix]
    {
        guard let value = arguments[option] else {
            throw InputError(.usage, at: option, "missing; give a matrix, e.g. \(option) \"\(example)\", or a file")
        }
        if value == "-" || System.fileExists(atPath: value) {
            return try TensorText.channels(parsing: SpecFile.read(value), place: value == "-" ? "<stdin>" : value)
        }
        return try TensorText.channels(parsing: value, place: option)
    }

    /// A size for rows and columns: `2` for both or `2x3`.
    static func pair(_ option: String, _ text: String) throws(InputError) -> [Int] {
        let sizes = try SizeText.sizes(parsing: text, option: option, counts: 1...2)
        return [sizes[0], sizes[sizes.count - 1]]
    }
}
