import NNCore

/// Draws a matrix as a bracketed block of text with its columns aligned on
/// the decimal point, eliding the middle rows and columns of a large one.
///
/// ```
/// ⎡ 16   64    72⎤      [−152  −88]
/// ⎣−24  −96  −108⎦
/// ```
struct TextMatrixLayout: Sendable {
    /// How the entries are written.
    var numberFormat: NumberFormat
    /// Past this many columns only the first and last ones are shown, around ⋯.
    var maxColumns: Int
    /// Past this many rows only the first and last ones are shown, around ⋮.
    var maxRows: Int

    /// The matrix as a block whose baseline is its middle row, the upper
    /// middle one for an even count ((rows − 1) / 2), so that a column of two
    /// sits on the line of the step it belongs to.
    ///
    /// Integer parts are right-aligned and fractional parts left-aligned in
    /// each column, two spaces apart. A single row uses [ ], more rows use
    /// ⎡ ⎢ ⎣ and ⎤ ⎥ ⎦.
    /// - Complexity: O(shown rows · shown columns).
    func block(for matrix: Matrix) -> TextBlock {
        guard matrix.rows > 0, matrix.columns > 0 else { return TextBlock("[]") }
        let rows = Self.shownIndices(count: matrix.rows, limit: maxRows)
        let columns = Self.shownIndices(count: matrix.columns, limit: maxColumns)
        let shownValues = rows.compactMap { $0 }.flatMap { row in columns.compactMap { $0 }.map { matrix[row, $0] } }
        let texts = numberFormat.formatEntries(shownValues).map(numberFormat.text)
        let shownColumnCount = columns.compactMap { $0 }.count
        let shownRows = rows.compactMap { $0 }
        let shownColumnsIndices = columns.compactMap { $0 }
        func text(row: Int, column: Int) -> String {
            let rowPosition = shownRows.firstIndex(of: row) ?? 0
            let columnPosition = shownColumnsIndices.firstIndex(of: column) ?? 0
            return texts[rowPosition * shownColumnCount + columnPosition]
        }
        let shownColumns = columns.map { column in
            column.map { cells(ofColumn: $0, rows: rows, text: text) }
                ?? rows.map { $0 == nil ? "⋱" : "⋯" }
        }
        let lines = rows.indices.map { row in shownColumns.map { $0[row] }.joined(separator: "  ") }
        let bracketed = lines.indices.map { row in
            let (left, right): (String, String) =
                if lines.count == 1 {
                    ("[", "]")
                } else {
                    switch row {
                    case 0: ("⎡", "⎤")
                    case lines.count - 1: ("⎣", "⎦")
                    default: ("⎢", "⎥")
                    }
                }
            return left + lines[row] + right
        }
        return TextBlock(lines: bracketed, baseline: (bracketed.count - 1) / 2)
    }

    /// The entries of one column in the shown rows (`text(row, column)` writes one), aligned on the decimal
    /// point and padded to one width; an elided row shows ⋮ under the units digit.
    private func cells(ofColumn column: Int, rows: [Int?], text: (Int, Int) -> String) -> [String] {
        let parts = rows.map { row in
            row.map { Self.split(text($0, column)) }
        }
        let integerWidth = parts.map { $0?.integer.count ?? 1 }.max() ?? 1
        let fractionWidth = parts.map { $0?.fraction.count ?? 0 }.max() ?? 0
        return parts.map { part in
            let (integer, fraction) = part.map { ($0.integer, $0.fraction) } ?? ("⋮", "")
            return integer.leftPadded(toWidth: integerWidth) + fraction.padded(toWidth: fractionWidth)
        }
    }

    /// A number's text cut before its decimal point: "−12.25" → ("−12", ".25").
    private static func split(_ text: String) -> (integer: String, fraction: String) {
        guard let point = text.firstIndex(of: ".") else { return (text, "") }
        return (String(text[..<point]), String(text[point...]))
    }

    /// The indices 0..<count, or, past `limit`, the first ⌈(limit − 1)/2⌉ and
    /// last ⌊(limit − 1)/2⌋ of them with nil standing for the elided middle
    /// (first 4 and last 3 of 20 for a limit of 8). Limits below 3 act as 3:
    /// at least one index shows on each side of the gap.
    static func shownIndices(count: Int, limit: Int) -> [Int?] {
        guard count > max(limit, 3) else { return Array(0..<count) }
        let shown = max(limit - 1, 2)
        let head = (shown + 1) / 2
        let tail = shown / 2
        return Array(0..<head) + [nil] + Array(count - tail..<count)
    }
}
