import NNCore

/// Numbers written for `nnhw softmax --scores` and `nnhw activation --at`:
/// rows separated by `;` or line breaks, entries by spaces or commas, each a
/// decimal or a fraction of two decimals (`1/3`, `-2/7`); or JSON rows.
public enum NumberListText {
    /// The number `text` writes, a decimal or `p/q`, or nil.
    public static func number(_ text: some StringProtocol) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return NumberText.decimal(text) }
        guard let numerator = NumberText.decimal(parts[0]), let denominator = NumberText.decimal(parts[1]),
            denominator != 0
        else { return nil }
        let value = numerator / denominator
        return value.isFinite ? value : nil
    }

    /// The rows written in `text`, one sample each.
    ///
    /// - Throws: an invalid-data error at `place` naming the row and column
    ///   (from 1) of an entry that is not a finite number or fraction, a row of another length,
    ///   no rows at all, or a C × H × W stack.
    public static func rows(parsing text: String, place: String) throws(InputError) -> Matrix {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw InputError(at: place, .emptyMatrix) }
        if trimmed.hasPrefix("[") {
            let channels = try TensorText.channels(parsing: trimmed, place: place)
            guard channels.count == 1 else { throw InputError(at: place, .notAMatrix(channels: channels.count)) }
            return channels[0]
        }
        let matrix = try TensorText.rows(trimmed, place: place, number: number)
        guard matrix.rows > 0 else { throw InputError(at: place, .emptyMatrix) }
        return matrix
    }
}
