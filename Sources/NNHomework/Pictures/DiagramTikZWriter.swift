/// Writes a ``Diagram`` as a TikZ picture at the coordinates of its layout
/// (1 pt of the SVG is 0.03 cm); standalone, a document pdflatex compiles.
public struct DiagramTikZWriter: Sendable {
    /// Whether to write a whole document rather than the picture alone.
    public var standalone: Bool

    /// A writer of a figure, or of a document with `standalone`.
    public init(standalone: Bool = false) {
        self.standalone = standalone
    }

    /// The LaTeX source, ending in a newline.
    public func latex(_ diagram: Diagram) -> String {
        let layout = DiagramLayout(diagram)
        let scale = 0.03
        func cm(_ value: Double) -> String { PictureNumber.ascii(value * scale, decimals: 3) }
        func point(_ x: Double, _ y: Double) -> String { "(\(cm(x)),\(cm(layout.height - y)))" }
        var lines = [
            #"\begin{tikzpicture}[font=\small, >=stealth]"#,
            "\\node[font=\\large] at \(point(layout.width / 2, 24)) {\(LaTeXText.escaped(diagram.title))};",
        ]
        for (index, title) in diagram.columnTitles.enumerated() where index < layout.columnCentres.count {
            lines.append(
                "\\node[font=\\footnotesize] at \(point(layout.columnCentres[index], layout.titleRow)) {\(LaTeXText.escaped(title))};"
            )
        }
        for node in diagram.nodes {
            guard let frame = layout.frames[node.id] else { continue }
            let body = ([node.label] + (node.shape == .box ? node.notes : [])).map(LaTeXText.escaped)
                .joined(separator: " \\\\ ")
            let style: String
            switch node.shape {
            case .circle:
                style = "draw=blue!60!black, fill=blue!5, circle, minimum size=\(cm(frame.width))cm, inner sep=1pt"
            case .box:
                style = "draw=brown!70!black, fill=yellow!8, rounded corners, align=center"
            case .operation:
                style = "draw=gray, fill=gray!12, ellipse, minimum height=\(cm(frame.height))cm"
            }
            lines.append("\\node[\(style)] (\(node.id)) at \(point(frame.x, frame.y)) {\(body)};")
            if node.shape == .circle && !node.notes.isEmpty {
                let notes = node.notes.map(LaTeXText.escaped).joined(separator: " \\\\[1pt] ")
                lines.append("\\node[below=1pt of \(node.id), font=\\scriptsize, align=center] {\(notes)};")
            }
        }
        for edge in diagram.edges {
            let label =
                edge.label.map {
                    " node[pos=0.3, fill=white, inner sep=1pt, font=\\scriptsize] {\(LaTeXText.escaped($0))}"
                } ?? ""
            lines.append("\\draw[->, gray!70!black] (\(edge.from).east) --\(label) (\(edge.to).west);")
        }
        lines.append(#"\end{tikzpicture}"#)
        guard standalone else { return PictureFragment.fitted(lines) }
        let document =
            [
                #"\documentclass[border=4pt]{standalone}"#, #"\usepackage[T1]{fontenc}"#, #"\usepackage{lmodern}"#,
                #"\usepackage{amsmath,amssymb}"#, #"\usepackage{tikz}"#,
                #"\usetikzlibrary{positioning,shapes.geometric}"#, #"\begin{document}"#,
            ] + lines + [#"\end{document}"#]
        return document.joined(separator: "\n") + "\n"
    }
}
