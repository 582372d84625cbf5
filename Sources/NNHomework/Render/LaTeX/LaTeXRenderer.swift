/// Draws a solution as LaTeX that needs amsmath only: the title as
/// `\section*`, the preamble and remarks as paragraphs, each section as
/// `\subsection*`, each step as one `align*` block numbered with `\tag{n}`
/// (long steps broken onto `&= …` lines), tables as `tabular`.
///
/// ```
/// \begin{align*}
/// a^{(1)} &= W^{(1)} z^{(0)} + b^{(1)} \tag{2} \\
/// &= \begin{bmatrix} 1 & 0 \\ 3 & 4 \\ 1 & 2 \end{bmatrix} \begin{bmatrix} 2 \\ 1 \end{bmatrix} + …
/// \end{align*}
/// ```
///
/// The output is a fragment for `\input`, or, with `standalone`, a complete
/// `article` document. It is plain ASCII: text goes through ``LaTeXText``.
public struct LaTeXRenderer: SolutionRenderer {
    /// The rounding and layout limits used.
    public var options: RenderOptions
    /// Whether the fragment is wrapped in a complete document.
    public var isStandalone: Bool

    /// A renderer with the given options, writing a fragment or, when
    /// `standalone`, a complete document.
    ///
    /// - Precondition: `options.precision` is in 0...17 (see ``NumberFormat``).
    public init(options: RenderOptions = RenderOptions(), standalone: Bool = false) {
        self.options = options
        self.isStandalone = standalone
    }

    /// The lines a complete document starts with.
    public static let documentStart = [
        "\\documentclass{article}", "\\usepackage[utf8]{inputenc}", "\\usepackage{amsmath}", "\\begin{document}",
    ]

    /// The width, in text characters, of a typeset line on an article page:
    /// matrices and scripts make a formula about as wide as its text drawing.
    static let lineWidth = 56

    var expressionLayout: LaTeXExpressionLayout {
        LaTeXExpressionLayout(
            numberFormat: NumberFormat(precision: options.precision, groupsThousands: options.groupsThousands),
            maxColumns: options.maxColumns, maxRows: options.maxRows)
    }

    var stepLines: LaTeXStepLines {
        let numberFormat = NumberFormat(precision: options.precision, groupsThousands: options.groupsThousands)
        let textLayout = TextExpressionLayout(
            numberFormat: numberFormat,
            matrixLayout: TextMatrixLayout(
                numberFormat: numberFormat, maxColumns: options.maxColumns, maxRows: options.maxRows))
        return LaTeXStepLines(
            layout: expressionLayout, textLayout: textLayout, lineWidth: min(options.lineWidth, Self.lineWidth))
    }

    /// The solution as LaTeX source, its parts separated by blank lines, ending in a newline.
    public func render(_ solution: Solution) -> String {
        var parts: [String] = []
        if isStandalone { parts.append(Self.documentStart.joined(separator: "\n")) }
        if !solution.title.isEmpty { parts.append("\\section*{\(LaTeXText.escaped(solution.title))}") }
        parts += solution.preamble.map(LaTeXText.escaped)
        for section in solution.sections {
            if !section.title.isEmpty { parts.append("\\subsection*{\(LaTeXText.escaped(section.title))}") }
            for item in section.items {
                switch item {
                case .step(let step): parts.append(source(for: step))
                case .remark(let text): parts.append(LaTeXText.escaped(text))
                case .table(let table): parts.append(source(for: table))
                }
            }
        }
        if isStandalone { parts.append("\\end{document}") }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One step as an `align*` block: `\tag{n}` on its first line, its note
    /// in `\text{[…]}` after the last line.
    func source(for step: Step) -> String {
        var lines = stepLines.lines(for: step)
        lines[0] += " \\tag{\(step.number)}"
        if let note = step.note {
            let text = "\\text{[" + LaTeXText.escaped(note) + "]}"
            if note.count > 40 { lines.append("& \\quad " + text) } else { lines[lines.count - 1] += " \\quad " + text }
        }
        return (["\\begin{align*}"] + [lines.joined(separator: " \\\\\n")] + ["\\end{align*}"]).joined(separator: "\n")
    }

    /// A table as `tabular`: a ruled heading row, then one row per line, each
    /// cell's chain in `$…$`, counts flush right.
    func source(for table: Table) -> String {
        let layout = expressionLayout
        let specification = table.columns.map { $0.alignment == .right ? "r" : "l" }.joined()
        var lines = ["\\begin{tabular}{\(specification)}", "\\hline"]
        lines.append(table.columns.map { LaTeXText.escaped($0.title) }.joined(separator: " & ") + " \\\\")
        lines.append("\\hline")
        for row in table.rows {
            let cells = row.map { chain in
                chain.isEmpty ? "" : "$" + chain.map(layout.source(for:)).joined(separator: " = ") + "$"
            }
            lines.append(cells.joined(separator: " & ") + " \\\\")
        }
        lines += ["\\hline", "\\end{tabular}"]
        return lines.joined(separator: "\n")
    }
}
