/// Writes a ``Plot`` for a terminal: the curves in Unicode braille (2 × 4 dots
/// a character), the markers as ● (value taken at a jump), ○ (limit not taken)
/// and ◆ (kink), tick labels on both axes, and a legend, `width` columns wide.
public struct PlotTextWriter: Sendable {
    /// The line width in characters.
    public var width: Int

    /// A writer of plots `width` characters wide (at least 30).
    public init(width: Int = 80) {
        self.width = max(30, width)
    }

    /// The plot as lines of text, each ending in a newline.
    public func text(_ plot: Plot) -> String {
        let yLabels = PictureNumber.tickLabels(plot.y.ticks)
        let gutter = (yLabels.map(\.count).max() ?? 1) + 2
        let columns = width - gutter - 1
        let rows = max(8, min(24, columns / 3))
        let dotWidth = columns * 2
        let dotHeight = rows * 4
        var dots = [[Bool]](repeating: [Bool](repeating: false, count: dotWidth), count: dotHeight)
        var cells: [Int: Character] = [:]
        func dx(_ x: Double) -> Int {
            Int(((x - plot.x.lower) / (plot.x.upper - plot.x.lower) * Double(dotWidth - 1)).rounded())
        }
        func dy(_ y: Double) -> Int {
            Int(((plot.y.upper - y) / (plot.y.upper - plot.y.lower) * Double(dotHeight - 1)).rounded())
        }
        func set(_ x: Int, _ y: Int) {
            guard x >= 0, x < dotWidth, y >= 0, y < dotHeight else { return }
            dots[y][x] = true
        }
        for series in plot.series {
            for segment in series.segments {
                for (a, b) in zip(segment, segment.dropFirst()) {
                    let (x0, y0, x1, y1) = (dx(a.x), dy(a.y), dx(b.x), dy(b.y))
                    let steps = max(abs(x1 - x0), abs(y1 - y0), 1)
                    for step in 0...steps {
                        let t = Double(step) / Double(steps)
                        set(x0 + Int((Double(x1 - x0) * t).rounded()), y0 + Int((Double(y1 - y0) * t).rounded()))
                    }
                }
            }
            if case .iterates = series.style {
                for point in series.segments.joined() { cells[(dy(point.y) / 4) * columns + dx(point.x) / 2] = "•" }
            }
            for marker in series.markers {
                let symbol: Character =
                    switch marker.kind {
                    case .filled: "●"
                    case .open: "○"
                    case .kink: "◆"
                    }
                cells[(dy(marker.point.y) / 4) * columns + dx(marker.point.x) / 2] = symbol
            }
        }
        var tickRows: [Int: String] = [:]
        for (tick, label) in zip(plot.y.ticks, yLabels) { tickRows[dy(tick) / 4] = label }
        var lines = [plot.title, plot.y.label]
        for row in 0..<rows {
            var line = ""
            let label = tickRows[row] ?? ""
            line +=
                String(repeating: " ", count: gutter - 2 - label.count) + label + (tickRows[row] == nil ? " │" : " ┤")
            for column in 0..<columns {
                if let symbol = cells[row * columns + column] {
                    line.append(symbol)
                    continue
                }
                line.append(Self.braille(dots, column: column, row: row))
            }
            lines.append(line.trimmingTrailingSpaces)
        }
        var axis = [Character](repeating: "─", count: columns)
        var labels = [Character](repeating: " ", count: columns + 8)
        for (tick, label) in zip(plot.x.ticks, PictureNumber.tickLabels(plot.x.ticks)) {
            let column = dx(tick) / 2
            guard column >= 0, column < columns else { continue }
            axis[column] = "┬"
            let start = max(0, column - label.count / 2)
            guard labels[start..<min(labels.count, start + label.count + 1)].allSatisfy({ $0 == " " }) else {
                continue
            }
            for (offset, character) in label.enumerated() where start + offset < labels.count {
                labels[start + offset] = character
            }
        }
        lines.append(String(repeating: " ", count: gutter - 1) + "└" + String(axis))
        lines.append(String(repeating: " ", count: gutter) + String(labels).trimmingTrailingSpaces)
        let labelIndent = max(0, gutter + (columns - plot.x.label.count) / 2)
        lines.append(String(repeating: " ", count: labelIndent) + plot.x.label)
        for series in plot.legend { lines.append("  ⠶ " + (series.name ?? "")) }
        if plot.series.contains(where: { !$0.markers.isEmpty }) {
            lines.append("  ● value taken at a jump  ○ limit not taken  ◆ kink")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The braille character of the 2 × 4 dots of cell (column, row).
    private static func braille(_ dots: [[Bool]], column: Int, row: Int) -> Character {
        let bits = [
            (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40),
            (1, 3, 0x80),
        ]
        var code = 0
        for (x, y, bit) in bits where dots[row * 4 + y][column * 2 + x] { code |= bit }
        guard code != 0, let scalar = Unicode.Scalar(0x2800 + code) else { return " " }
        return Character(scalar)
    }
}

extension String {
    /// The string without the spaces at its end.
    fileprivate var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
