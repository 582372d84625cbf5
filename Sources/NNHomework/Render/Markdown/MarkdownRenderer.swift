/// Draws a solution as Markdown that renders on GitHub and in Jupyter: the
/// title as `#`, sections as `##`, the preamble and remarks as paragraphs,
/// each step as a `$$…$$` display (its number in front, long steps in
/// `\begin{aligned}`), tables as pipe tables with formulas in `$…$`.
///
/// The formulas are the LaTeX renderer's (``LaTeXExpressionLayout`` in its
/// MathJax dialect: `\mathrm{ReLU}`, Unicode words in `\text{…}`).
public struct MarkdownRenderer: SolutionRenderer {
    /// The rounding and layout limits used.
    public var options: RenderOptions

    /// A renderer with the given options.
    ///
    /// - Precondition: `options.precision` is in 0...17 (see ``NumberFormat``).
    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    private var latex: LaTeXRenderer { LaTeXRenderer(options: options) }

    private var proseLayout: LaTeXProseLayout {
        var layout = latex.expressionLayout
        layout.dialect = .mathJax
        return LaTeXProseLayout(expressionLayout: layout)
    }

    /// The solution as Markdown, its blocks separated by blank lines, ending in a newline.
    public func render(_ solution: Solution) -> String {
        let prose = proseLayout
        var blocks: [String] = []
        if !solution.title.isEmpty { blocks.append("# " + prose.paragraph(for: solution.title)) }
        if options.includesPreamble { blocks += solution.preamble.map(prose.paragraph(for:)) }
        for section in solution.sections {
            if !section.title.isEmpty { blocks.append("## " + prose.paragraph(for: section.title)) }
            for item in section.items {
                switch item {
                case .step(let step): blocks.append(source(for: step))
                case .remark(let text): blocks.append(prose.paragraph(for: text))
                case .table(let table): blocks.append(source(for: table))
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One step as `$$ … $$`: `\text{(n)}\quad lhs = …`, in `aligned` when it
    /// takes more than one line; a short note follows as `\quad\text{[…]}`, a
    /// long one as a paragraph after the display.
    func source(for step: Step) -> String {
        var stepLines = latex.stepLines(for: step)
        stepLines.layout.dialect = .mathJax
        var lines = stepLines.lines(for: step)
        lines[0] = "\\text{(\(step.number))}\\quad " + lines[0]
        var after = ""
        if let note = step.note {
            if LaTeXRenderer.noteGoesAfter(step, note: note, options: options) {
                after = "\n\n[" + proseLayout.paragraph(for: note) + "]"
            } else {
                lines[lines.count - 1] += " \\quad " + proseLayout.mathSource(for: "[\(note)]")
            }
        }
        if lines.count == 1 { return "$$\n" + lines[0].replacing("&=", with: "=") + "\n$$" + after }
        return (["$$", "\\begin{aligned}", lines.joined(separator: " \\\\\n"), "\\end{aligned}", "$$"])
            .joined(separator: "\n") + after
    }

    /// A table as a pipe table: the column titles, the alignment row, one
    /// line per row with each cell's chain in `$…$`; `|` inside a cell is escaped.
    func source(for table: Table) -> String {
        let prose = proseLayout
        let layout = prose.expressionLayout
        let heading = table.columns.map { prose.paragraph(for: $0.title) }
        let rule = table.columns.map { $0.alignment == .right ? "---:" : ":---" }
        let rows = table.rows.map { row in
            row.map { chain in
                chain.isEmpty ? "" : "$" + chain.map(layout.source(for:)).joined(separator: " = ") + "$"
            }
        }
        return ([heading, rule] + rows).map { cells in
            "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |"
        }.joined(separator: "\n")
    }
}
