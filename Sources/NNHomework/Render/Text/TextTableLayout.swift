/// Draws a ``Table`` as text: a heading row, a rule of ─, and one line per row,
/// columns two spaces apart, counts flush right.
///
/// ```
/// #  layer        output shape  parameters                      trainable
/// ─────────────────────────────────────────────────────────────────────────
/// 1  conv 10 k5   24×24×10      (5 · 5 · 1 + 1) · 10 = 260            260
/// ```
///
/// A table wider than `lineWidth` is drawn row by row instead: each row's
/// first cell on a line of its own, then one indented `heading: cell` line per
/// other column, so that nothing runs past the terminal's edge.
struct TextTableLayout: Sendable {
    /// How each cell's expressions are drawn.
    var expressionLayout: TextExpressionLayout
    /// How the column headings are written.
    var proseLayout: TextProseLayout
    /// The width the table must fit in.
    var lineWidth: Int

    /// The table's lines, without trailing spaces trimmed (the renderer trims).
    func lines(for table: Table) -> [String] {
        let cells = table.rows.map { row in
            row.map { chain in TextBlock.joined(chain.map(expressionLayout.block(for:)), separator: " = ") }
        }
        let titles = table.columns.map { proseLayout.text(for: $0.title) }
        let widths = table.columns.indices.map { column in
            max(titles[column].count, cells.map { $0[column].width }.max() ?? 0)
        }
        let tableWidth = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if tableWidth > lineWidth { return rowByRow(titles: titles, cells: cells) }
        func line(_ texts: [TextBlock]) -> [String] {
            let padded = texts.enumerated().map { column, block in
                let gap = TextBlock.space(widths[column] - block.width)
                return table.columns[column].alignment == .right
                    ? TextBlock.horizontal([gap, block]) : TextBlock.horizontal([block, gap])
            }
            return TextBlock.joined(padded, separator: "  ").lines
        }
        let heading = line(titles.map { TextBlock($0) })
        let rule = String(repeating: "─", count: tableWidth)
        return heading + [rule] + cells.flatMap(line)
    }

    /// Each row as a block of lines: its first cell, then `  heading: cell`
    /// for each other non-empty cell, a blank line between rows.
    private func rowByRow(titles: [String], cells: [[TextBlock]]) -> [String] {
        let titleWidth = titles.dropFirst().map(\.count).max() ?? 0
        var lines: [String] = []
        for (position, row) in cells.enumerated() {
            if position > 0 { lines.append("") }
            lines += TextBlock.horizontal([TextBlock(titles.first.map { $0 + " " } ?? ""), row[0]]).lines
            for (title, cell) in zip(titles.dropFirst(), row.dropFirst()) where cell.width > 0 {
                let label = TextBlock("  " + (title + ":").padded(toWidth: titleWidth + 1) + " ")
                lines += TextBlock.horizontal([label, cell]).lines
            }
        }
        return lines
    }
}
