import NNCore

/// A matrix or a stack of channel matrices, as given to `--input` and `--kernel`:
/// rows separated by `;` or line breaks and entries by spaces or commas
/// (`6 0 1; 3 4 1; 1 7 0`), or JSON: an H × W array of rows or a C × H × W
/// array of channels (`[[6,0,1],[3,4,1],[1,7,0]]`).
public enum TensorText {
    /// The channels written in `text`; the row form gives one channel.
    ///
    /// - Parameters:
    ///   - text: the option's value or the file's contents.
    ///   - place: the option or file name that errors name: `--input`.
    /// - Throws: an invalid-data error naming the place and the row and column
    ///   (counted from 1 in the row form, JSON paths from 0) that is wrong.
    public static func channels(parsing text: String, place: String) throws(InputError) -> [Matrix] {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw InputError(at: place, .emptyMatrix) }
        if trimmed.hasPrefix("[") { return try json(trimmed, place: place) }
        return [try rows(trimmed, place: place)]
    }

    /// The row form: rows separated by `;` or line breaks, entries by spaces or
    /// commas, each read by `number` (a decimal here; `NumberListText` also reads fractions).
    ///
    /// - Throws: an invalid-data error at `place` for an empty row, an entry `number`
    ///   does not read (row and column from 1), or a row of another length.
    static func rows(_ text: String, place: String, number: (Substring) -> Double? = { NumberText.decimal($0) })
        throws(InputError) -> Matrix
    {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingSpaces }
        while lines.last?.isEmpty ?? false { lines.removeLast() }
        var arrays: [[Double]] = []
        for (rowIndex, line) in lines.enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else {
                throw InputError(at: place, .emptyRow(rowIndex + 1))
            }
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

    private static func json(_ text: String, place: String) throws(InputError) -> [Matrix] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw InputError(at: place, .syntax(error))
        }
        let root = JSONCursor(value: value, path: place, rootName: place)
        let isStack = value.arrayValue?.first?.arrayValue?.first?.arrayValue != nil
        guard isStack else { return [try root.matrix()] }
        let channels = try root.elements()
        var matrices: [Matrix] = []
        for channel in channels {
            let matrix = try channel.matrix()
            if let first = matrices.first, first.rows != matrix.rows || first.columns != matrix.columns {
                throw channel.error(
                    .channelShape(
                        rows: matrix.rows, columns: matrix.columns, firstRows: first.rows, firstColumns: first.columns))
            }
            matrices.append(matrix)
        }
        return matrices
    }
}
