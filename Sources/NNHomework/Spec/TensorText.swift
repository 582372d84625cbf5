import NNCore

/// A matrix or a stack of channel matrices, as given to `--input` and `--kernel`:
/// rows separated by `;` or line breaks and entries by spaces or commas
/// (`6 0 1; 3 4 1; 1 7 0`), or JSON: an H × W array of rows or a C × H × W
/// array of channels (`[[6,0,1],[3,4,1],[1,7,0]]`); a kernel may also be a
/// C_out × C × k × k array of filters.
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

    /// The filters written in `text`: a C_out × C × k × k JSON array gives C_out
    /// filters of C channels each; every other form of ``channels(parsing:place:)`` gives one filter.
    ///
    /// - Throws: the errors of ``channels(parsing:place:)``, and an invalid-data error at the
    ///   filter (`--kernel[1]`) whose channel count or shape is not filter 0's.
    public static func filters(parsing text: String, place: String) throws(InputError) -> [[Matrix]] {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("[") else { return [try channels(parsing: text, place: place)] }
        let root = try document(trimmed, place: place)
        let isBank = root.value.arrayValue?.first?.arrayValue?.first?.arrayValue?.first?.arrayValue != nil
        guard isBank else { return [try stack(root)] }
        var filters: [[Matrix]] = []
        for element in try root.elements() {
            let filter = try stack(element)
            if let first = filters.first,
                first.count != filter.count || first[0].rows != filter[0].rows || first[0].columns != filter[0].columns
            {
                throw element.error(
                    .filterShape(
                        [filter.count, filter[0].rows, filter[0].columns],
                        first: [first.count, first[0].rows, first[0].columns]))
            }
            filters.append(filter)
        }
        return filters
    }

    private static func json(_ text: String, place: String) throws(InputError) -> [Matrix] {
        try stack(document(text, place: place))
    }

    private static func document(_ text: String, place: String) throws(InputError) -> JSONCursor {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw InputError(at: place, .syntax(error))
        }
        return JSONCursor(value: value, path: place, rootName: place)
    }

    /// An H × W array of rows as one channel, or a C × H × W array as C channels of one shape.
    private static func stack(_ root: JSONCursor) throws(InputError) -> [Matrix] {
        let isStack = root.value.arrayValue?.first?.arrayValue?.first?.arrayValue != nil
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
