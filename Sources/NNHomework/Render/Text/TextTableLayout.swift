/// Draws a ``Table`` as text: a heading row, a rule of ─, and one line per row,
/// columns two spaces apart, counts flush right.
///
/// ```
/// #  layer        output shape  parameters                      trainable
/// ─────────────────────────────────────────────────────────────────────────
/// 1  conv 10 k5   24×24×10      (5 · 5 · 1 + 1) · 10 = 260            260
/// ```
///
/// A table wider than `lineWidth` first narrows the columns whose cells are
/// chains `e₁ = e₂ = …`: a chain that no longer fits its column goes on as
/// `= e₂` on the next line, as a step does. When even that is too wide, the
/// table is drawn row by row instead: each row's first cell on a line of its
/// own, then one indented `heading: cell` line per other column, so that
/// nothing runs past the terminal's edge.
struct TextTableLayout: Sendable {
    /// How each cell's expressions are drawn.
    var expressionLayout: TextExpressionLayout
    /// How the column headings are written.
    var proseLayout: TextProseLayout
    /// The width the table must fit in.
    var lineWidth: Int

    /// The table's lines, without trailing spaces trimmed (the renderer trims).
    func lines(for table: Table) -> [String] {
        let chains = table.rows.map { row in row.map { chain in chain.map(expressionLayout.block(for:)) } }
        let titles = table.columns.map { proseLayout.text(for: $0.title) }
        var widths = table.columns.indices.map { column in
            max(titles[column].count, chains.map { Self.joined($0[column]).width }.max() ?? 0)
        }
        let gaps = 2 * max(0, widths.count - 1)
        var excess = widths.reduce(0, +) + gaps - lineWidth
        if excess > 0 {
            let narrowest = table.columns.indices.map { column in
                max(titles[column].count, chains.map { Self.narrowestWidth(of: $0[column]) }.max() ?? 0)
            }
            for column in widths.indices.sorted(by: { widths[$0] - narrowest[$0] > widths[$1] - narrowest[$1] }) {
                let cut = min(excess, widths[column] - narrowest[column])
                widths[column] -= cut
                excess -= cut
            }
            if excess > 0 {
                return rowByRow(titles: titles, cells: chains.map { $0.map(Self.joined) })
            }
        }
        func line(_ texts: [TextBlock]) -> [String] {
            let padded = texts.enumerated().map { column, block in
                let gap = TextBlock.space(widths[column] - block.width)
                return table.columns[column].alignment == .right
                    ? TextBlock.horizontal([gap, block]) : TextBlock.horizontal([block, gap])
            }
            return TextBlock.joined(padded, separator: "  ").lines
        }
        let heading = line(titles.map { TextBlock($0) })
        let rule = String(repeating: "─", count: widths.reduce(0, +) + gaps)
        return heading + [rule]
            + chains.flatMap { row in line(row.enumerated().map { Self.packed($1, width: widths[$0]) }) }
    }

    /// A chain on one line: `e₁ = e₂ = …`.
    private static func joined(_ chain: [TextBlock]) -> TextBlock {
        TextBlock.joined(chain, separator: " = ")
    }

    /// The width of `chain` with each expression on a line of its own: `e₁`, `= e₂`, ….
    private static func narrowestWidth(of chain: [TextBlock]) -> Int {
        chain.enumerated().map { position, block in block.width + (position == 0 ? 0 : 2) }.max() ?? 0
    }

    /// `chain` packed onto lines at most `width` wide (when its expressions
    /// allow), each line after the first starting with `= `; the block's
    /// baseline is its first row, so that the row's other cells sit beside it.
    private static func packed(_ chain: [TextBlock], width: Int) -> TextBlock {
        var lines: [TextBlock] = []
        var pending: [TextBlock] = []
        func drawn(_ parts: [TextBlock]) -> TextBlock {
            let body = joined(parts)
            return lines.isEmpty ? body : TextBlock.horizontal([TextBlock("= "), body])
        }
        for block in chain {
            if !pending.isEmpty && drawn(pending + [block]).width > width {
                lines.append(drawn(pending))
                pending = []
            }
            pending.append(block)
        }
        if !pending.isEmpty || lines.isEmpty { lines.append(drawn(pending)) }
        return TextBlock(lines: lines.flatMap(\.lines), baseline: 0)
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
