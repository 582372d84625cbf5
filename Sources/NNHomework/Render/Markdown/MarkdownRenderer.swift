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

    private var stepLines: LaTeXStepLines {
        var lines = latex.stepLines
        lines.layout.dialect = .mathJax
        return lines
    }

    /// The solution as Markdown, its blocks separated by blank lines, ending in a newline.
    public func render(_ solution: Solution) -> String {
        var blocks: [String] = []
        if !solution.title.isEmpty { blocks.append("# " + Self.escaped(solution.title)) }
        blocks += solution.preamble.map(Self.escaped)
        for section in solution.sections {
            if !section.title.isEmpty { blocks.append("## " + Self.escaped(section.title)) }
            for item in section.items {
                switch item {
                case .step(let step): blocks.append(source(for: step))
                case .remark(let text): blocks.append(Self.escaped(text))
                case .table(let table): blocks.append(source(for: table))
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One step as `$$ … $$`: `\text{(n)}\quad lhs = …`, in `aligned` when it
    /// takes more than one line; its note follows as `\quad\text{[…]}`.
    func source(for step: Step) -> String {
        let layout = stepLines
        var lines = layout.lines(for: step)
        lines[0] = "\\text{(\(step.number))}\\quad " + lines[0]
        if let note = step.note {
            let text = "\\text{[" + note.replacing("\\", with: "∖") + "]}"
            if note.count > 40 { lines.append("& \\quad " + text) } else { lines[lines.count - 1] += " \\quad " + text }
        }
        if lines.count == 1 { return "$$\n" + lines[0].replacing("&=", with: "=") + "\n$$" }
        return (["$$", "\\begin{aligned}", lines.joined(separator: " \\\\\n"), "\\end{aligned}", "$$"])
            .joined(separator: "\n")
    }

    /// A table as a pipe table: the column titles, the alignment row, one
    /// line per row with each cell's chain in `$…$`; `|` inside a cell is escaped.
    func source(for table: Table) -> String {
        var layout = latex.expressionLayout
        layout.dialect = .mathJax
        let heading = table.columns.map { Self.escaped($0.title) }
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

    /// Text with Markdown's active characters escaped: `\ * _ ` $ < [ ] #`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\*_`$<[]#".contains(character) { result += "\\" }
            result.append(character)
        }
        return result
    }
}
