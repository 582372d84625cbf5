/// Draws a ``Table`` as text: a heading row, a rule of ─, and one line per row,
/// columns two spaces apart, counts flush right.
///
/// ```
/// #  layer        output shape  parameters                      trainable
/// ─────────────────────────────────────────────────────────────────────────
/// 1  conv 10 k5   24×24×10      (5 · 5 · 1 + 1) · 10 = 260            260
/// ```
struct TextTableLayout: Sendable {
    /// How each cell's expressions are drawn.
    var expressionLayout: TextExpressionLayout

    /// The table's lines, without trailing spaces trimmed (the renderer trims).
    func lines(for table: Table) -> [String] {
        let cells = table.rows.map { row in
            row.map { chain in TextBlock.joined(chain.map(expressionLayout.block(for:)), separator: " = ") }
        }
        let widths = table.columns.indices.map { column in
            max(table.columns[column].title.count, cells.map { $0[column].width }.max() ?? 0)
        }
        func line(_ texts: [TextBlock]) -> [String] {
            let padded = texts.enumerated().map { column, block in
                let gap = TextBlock.space(widths[column] - block.width)
                return table.columns[column].alignment == .right
                    ? TextBlock.horizontal([gap, block]) : TextBlock.horizontal([block, gap])
            }
            return TextBlock.joined(padded, separator: "  ").lines
        }
        let heading = line(table.columns.map { TextBlock($0.title) })
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        return heading + [rule] + cells.flatMap(line)
    }
}
