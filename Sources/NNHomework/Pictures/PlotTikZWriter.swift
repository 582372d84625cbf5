/// Writes a ``Plot`` as a pgfplots `axis` in a `tikzpicture`; standalone, a
/// document that pdflatex compiles (`standalone` class, `pgfplots` package).
public struct PlotTikZWriter: Sendable {
    /// Whether to write a whole document rather than the picture alone.
    public var standalone: Bool

    /// A writer of a figure, or of a document with `standalone`.
    public init(standalone: Bool = false) {
        self.standalone = standalone
    }

    /// The LaTeX source, ending in a newline.
    public func latex(_ plot: Plot) -> String {
        func n(_ value: Double) -> String { PictureNumber.ascii(value, decimals: 6) }
        let xTicks = plot.x.ticks.map(n).joined(separator: ",")
        let yTicks = plot.y.ticks.map(n).joined(separator: ",")
        var lines = [
            #"\begin{tikzpicture}"#,
            #"\begin{axis}["#,
            "  width=12cm, height=7.5cm, grid=major, grid style={gray!25},",
            "  title={\(LaTeXText.escaped(plot.title))},",
            "  xlabel={\(LaTeXText.escaped(plot.x.label))}, ylabel={\(LaTeXText.escaped(plot.y.label))},",
            "  xmin=\(n(plot.x.lower)), xmax=\(n(plot.x.upper)), ymin=\(n(plot.y.lower)), ymax=\(n(plot.y.upper)),",
            "  xtick={\(xTicks)}, ytick={\(yTicks)},",
            "  legend pos=\(plot.legendOnRight ? "north east" : "north west"), legend cell align=left, clip=true,",
            "]",
        ]
        var curveIndex = 0
        for series in plot.series {
            let colour: String
            let style: String
            switch series.style {
            case .curve:
                colour = Self.colour(SVGText.colour(curveIndex))
                curveIndex += 1
                style = "color=\(colour), thick, no marks"
            case .contour:
                colour = "gray"
                style = "color=gray, thin, no marks"
            case .iterates:
                colour = "black"
                style = "color=black, mark=*, mark size=1.2pt"
            }
            for (index, segment) in series.segments.enumerated() {
                let forget = series.name == nil || index > 0 ? ", forget plot" : ""
                let points = segment.map { "(\(n($0.x)),\(n($0.y)))" }.joined(separator: " ")
                lines.append("\\addplot[\(style)\(forget)] coordinates {\(points)};")
                if forget.isEmpty, let name = series.name {
                    lines.append("\\addlegendentry{\(LaTeXText.escaped(name))}")
                }
            }
            for marker in series.markers {
                let mark: String
                switch marker.kind {
                case .filled: mark = "mark=*, mark options={fill=\(colour)}"
                case .open: mark = "mark=*, mark options={fill=white}"
                case .kink: mark = "mark=diamond*, mark options={fill=white}"
                }
                lines.append(
                    "\\addplot[only marks, color=\(colour), \(mark), mark size=2.5pt, forget plot] coordinates {(\(n(marker.point.x)),\(n(marker.point.y)))};"
                )
            }
        }
        lines += [#"\end{axis}"#, #"\end{tikzpicture}"#]
        guard standalone else { return PictureFragment.fitted(lines) }
        let document =
            [
                #"\documentclass[border=4pt]{standalone}"#, #"\usepackage[T1]{fontenc}"#, #"\usepackage{lmodern}"#,
                #"\usepackage{amsmath,amssymb}"#, #"\usepackage{pgfplots}"#, #"\pgfplotsset{compat=1.18}"#,
                #"\begin{document}"#,
            ] + lines + [#"\end{document}"#]
        return document.joined(separator: "\n") + "\n"
    }

    /// An xcolor colour of the SVG colour `#rrggbb`: `{rgb,255:red,31;green,119;blue,180}`.
    static func colour(_ hex: String) -> String {
        let digits = Array(hex.dropFirst())
        func channel(_ index: Int) -> Int { Int(String(digits[index..<index + 2]), radix: 16) ?? 0 }
        return "{rgb,255:red,\(channel(0));green,\(channel(2));blue,\(channel(4))}"
    }
}
