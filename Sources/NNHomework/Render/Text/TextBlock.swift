/// A rectangle of text with a baseline, the unit of the text renderer's 2-D layout.
///
/// Every line has exactly `width` characters (counted as Swift `Character`s;
/// all glyphs used are one column wide, and a combining accent belongs to its
/// letter's `Character`). The baseline is the row that operators, commas and
/// neighbouring one-line blocks sit on when blocks are put side by side.
struct TextBlock: Sendable, Hashable {
    /// The rows of text, top to bottom, each padded to `width`.
    private(set) var lines: [String]
    /// The number of characters in every line.
    private(set) var width: Int
    /// The row, counted from 0 at the top, that lines up with neighbours.
    private(set) var baseline: Int

    /// The number of rows.
    var height: Int { lines.count }

    /// A one-line block.
    init(_ text: String) {
        self.init(lines: [text], baseline: 0)
    }

    /// A block of the given rows, padded on the right to the longest one.
    ///
    /// - Precondition: `lines` is not empty and `baseline` is one of its rows.
    init(lines: [String], baseline: Int) {
        precondition(!lines.isEmpty, "A text block has at least one line")
        precondition(lines.indices.contains(baseline), "Baseline \(baseline) outside \(lines.count) lines")
        let width = lines.map(\.count).max() ?? 0
        self.lines = lines.map { $0.padded(toWidth: width) }
        self.width = width
        self.baseline = baseline
    }

    /// A block of spaces, `width` wide and one line high.
    static func space(_ width: Int) -> TextBlock {
        TextBlock(String(repeating: " ", count: max(0, width)))
    }

    /// The blocks side by side, their baselines on one row.
    ///
    /// - Complexity: O(total characters).
    static func horizontal(_ blocks: [TextBlock]) -> TextBlock {
        guard let first = blocks.first else { return TextBlock("") }
        if blocks.count == 1 { return first }
        let above = blocks.map(\.baseline).max() ?? 0
        let below = blocks.map { $0.height - $0.baseline - 1 }.max() ?? 0
        var rows = [String](repeating: "", count: above + below + 1)
        for block in blocks {
            let blank = String(repeating: " ", count: block.width)
            let top = above - block.baseline
            for row in rows.indices {
                let inside = row - top
                rows[row] += block.lines.indices.contains(inside) ? block.lines[inside] : blank
            }
        }
        return TextBlock(lines: rows, baseline: above)
    }

    /// The blocks side by side with `separator` between each two, on the baseline.
    static func joined(_ blocks: [TextBlock], separator: String) -> TextBlock {
        var pieces: [TextBlock] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { pieces.append(TextBlock(separator)) }
            pieces.append(block)
        }
        return horizontal(pieces)
    }

    /// The blocks stacked top to bottom, each centred (extra space on the
    /// right), with the baseline on row `baseline` of the result.
    static func vertical(_ blocks: [TextBlock], baseline: Int) -> TextBlock {
        let width = blocks.map(\.width).max() ?? 0
        let rows = blocks.flatMap { block in
            let left = String(repeating: " ", count: (width - block.width) / 2)
            return block.lines.map { left + $0 }
        }
        return TextBlock(lines: rows, baseline: baseline)
    }

    /// This block with its baseline moved to row `row`, adding blank rows
    /// below when it has fewer; used to line up the tops of tall blocks.
    func withBaseline(_ row: Int) -> TextBlock {
        let blank = String(repeating: " ", count: width)
        let rows = lines + Array(repeating: blank, count: max(0, row + 1 - height))
        return TextBlock(lines: rows, baseline: row)
    }

    /// This block with `text` attached to the right of its top row, as an exponent.
    func withSuperscript(_ text: String) -> TextBlock {
        var rows = lines
        rows[0] += text
        return TextBlock(lines: rows, baseline: baseline)
    }

    /// This block in parentheses that grow to its height: ( ) for one line,
    /// ⎛ ⎜ ⎝ and ⎞ ⎟ ⎠ for more.
    func parenthesized() -> TextBlock {
        if height == 1 { return TextBlock("(" + lines[0] + ")") }
        let rows = lines.indices.map { row in
            switch row {
            case 0: "⎛" + lines[row] + "⎞"
            case height - 1: "⎝" + lines[row] + "⎠"
            default: "⎜" + lines[row] + "⎟"
            }
        }
        return TextBlock(lines: rows, baseline: baseline)
    }

    /// Whether the baseline row begins with a minus sign, so that the block
    /// needs parentheses after an operator: 2 · (−3).
    var startsWithMinus: Bool { lines[baseline].first == "−" }

    /// Whether the block is drawn inside parentheses from its first column: (a − b).
    var startsWithParenthesis: Bool {
        guard let first = lines[baseline].first else { return false }
        return "(⎛⎜⎝".contains(first)
    }

    /// The rows with trailing spaces removed, ready to print.
    var trimmedLines: [String] {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }
}

extension String {
    /// The string with spaces appended up to `width` characters.
    func padded(toWidth width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    /// The string with spaces prepended up to `width` characters.
    func leftPadded(toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
