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
    ///   (from 1) of an entry that is not a finite number or fraction, or a row of another length.
    public static func rows(parsing text: String, place: String) throws(InputError) -> Matrix {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw InputError(at: place, .emptyMatrix) }
        if trimmed.hasPrefix("[") {
            let channels = try TensorText.channels(parsing: trimmed, place: place)
            return channels[0]
        }
        var lines = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingSpaces }
        while lines.last?.isEmpty ?? false { lines.removeLast() }
        var arrays: [[Double]] = []
        for (rowIndex, line) in lines.enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else { throw InputError(at: place, .emptyRow(rowIndex + 1)) }
            var row: [Double] = []
            for (columnIndex, word) in words.enumerated() {
                guard let value = number(word) else {
                    throw InputError(
                        at: place, .notAFiniteEntry(String(word), row: rowIndex + 1, column: columnIndex + 1))
                }
                row.append(value)
            }
            if let first = arrays.first, first.count != row.count {
                throw InputError(
                    at: place, .rowLength(row: rowIndex + 1, count: row.count, firstRow: 1, expected: first.count))
            }
            arrays.append(row)
        }
        return Matrix(arrays)
    }
}
