import NNCore

/// Sizes and padding as written on the command line: `36x36x3`, `3x5`, `3`
/// (also with `×`), and `0`, `2x1`, `same`, `valid`, `full`.
public enum SizeText {
    /// The whole numbers of `text`, separated by `x` or `×`: `36x36x3` → [36, 36, 3].
    ///
    /// Negative numbers are read (`-3`), so that the solver can say why they do not fit.
    /// - Parameters:
    ///   - text: what follows the option.
    ///   - option: the option's name, for errors: `--kernel`.
    ///   - counts: how many numbers may be given.
    /// - Throws: a usage error naming the option when a part is not a whole number
    ///   or the count of numbers is not in `counts`.
    public static func sizes(parsing text: String, option: String, counts: ClosedRange<Int>) throws(InputError)
        -> [Int]
    {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "xX×".contains($0) })
        var sizes: [Int] = []
        for part in parts {
            guard let size = NumberText.whole(part.trimmingSpaces) else {
                throw InputError(at: option, .notASize(String(part), example: example(counts)))
            }
            sizes.append(size)
        }
        guard counts.contains(sizes.count) else {
            throw InputError(
                at: option, .sizeCount(text, expected: Array(counts), example: example(counts), got: sizes.count))
        }
        return sizes
    }

    /// The padding of rows and of columns: a number P (both), `PxQ` (rows, columns),
    /// or `same`, `valid`, `full` (both).
    ///
    /// - Throws: a usage error naming the option for anything else.
    public static func padding(parsing text: String, option: String) throws(InputError) -> (
        height: Padding, width: Padding
    ) {
        switch text.lowercased() {
        case "same": return (.same, .same)
        case "valid": return (.valid, .valid)
        case "full": return (.full, .full)
        default:
            guard text.first.map({ $0.isNumber || $0 == "-" || $0 == "−" }) ?? false else {
                throw InputError(at: option, .notAPadding(text))
            }
            let sizes = try Self.sizes(parsing: text, option: option, counts: 1...2)
            return (.symmetric(sizes[0]), .symmetric(sizes[sizes.count - 1]))
        }
    }

    private static func example(_ counts: ClosedRange<Int>) -> String {
        let examples = ["3", "3x5", "36x36x3"]
        return counts.map { examples[min($0, 3) - 1] }.joined(separator: " or ")
    }
}
