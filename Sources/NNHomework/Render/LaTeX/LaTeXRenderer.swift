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
        "\\documentclass{article}", "\\usepackage[utf8]{inputenc}", "\\usepackage{amsmath}", "\\usepackage{amssymb}",
        "\\begin{document}",
    ]

    /// The width, in text characters, of a typeset line on an article page:
    /// matrices and scripts make a formula about as wide as its text drawing.
    static let lineWidth = 56

    /// A note longer than this many characters goes on a paragraph of its own after its step.
    static let longNote = 40

    var expressionLayout: LaTeXExpressionLayout {
        expressionLayout(options)
    }

    func expressionLayout(_ options: RenderOptions) -> LaTeXExpressionLayout {
        LaTeXExpressionLayout(
            numberFormat: options.numberFormat, maxColumns: options.maxColumns, maxRows: options.maxRows)
    }

    var proseLayout: LaTeXProseLayout { LaTeXProseLayout(expressionLayout: expressionLayout) }

    /// The step lines of `step`, with matrices and vectors cut to fewer columns
    /// when one of its expressions would not fit on a line.
    func stepLines(for step: Step) -> LaTeXStepLines {
        let width = min(options.lineWidth, Self.lineWidth)
        let fitted = TextRenderer(options: options).options(fitting: step, in: width)
        return LaTeXStepLines(
            layout: expressionLayout(fitted), textLayout: TextRenderer(options: fitted).layout, lineWidth: width)
    }

    /// The solution as LaTeX source, its parts separated by blank lines, ending in a newline.
    public func render(_ solution: Solution) -> String {
        let prose = proseLayout
        var parts: [String] = []
        if isStandalone { parts.append(Self.documentStart.joined(separator: "\n")) }
        if !solution.title.isEmpty, let command = Self.headingCommand(options.headingLevel, depth: 0) {
            parts.append("\\\(command)*{\(prose.heading(for: solution.title))}")
        }
        if options.includesPreamble { parts += solution.preamble.map(prose.paragraph(for:)) }
        for section in solution.sections {
            if !section.title.isEmpty, let command = Self.headingCommand(options.headingLevel, depth: 1) {
                parts.append("\\\(command)*{\(prose.heading(for: section.title))}")
            }
            for item in section.items {
                switch item {
                case .step(let step): parts.append(source(for: step))
                case .remark(let text): parts.append(prose.paragraph(for: text))
                case .table(let table): parts.append(source(for: table))
                }
            }
        }
        if isStandalone { parts.append("\\end{document}") }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The heading command at `depth` below the title's level, or nil for no heading.
    static func headingCommand(_ level: HeadingLevel, depth: Int) -> String? {
        let commands = ["section", "subsection", "subsubsection", "paragraph"]
        let start: Int? =
            switch level {
            case .section: 0
            case .subsection: 1
            case .subsubsection: 2
            case .none: depth == 0 ? nil : 3 - depth
            }
        guard let start else { return nil }
        return commands[min(start + depth, commands.count - 1)]
    }

    /// One step as an `align*` block: `\tag{n}` on its first line, a short
    /// note in `\text{[…]}` after the last line; a long note follows the block
    /// as a paragraph of its own, so that it wraps like any sentence.
    func source(for step: Step) -> String {
        let prose = proseLayout
        var lines = stepLines(for: step).lines(for: step)
        lines[0] += " \\tag{\(step.number)}"
        var after = ""
        if let note = step.note {
            if Self.noteGoesAfter(step, note: note, options: options) {
                after = "\n\\noindent\\hspace*{2em}[" + prose.paragraph(for: note) + "]"
            } else {
                lines[lines.count - 1] += " \\quad " + prose.mathSource(for: "[\(note)]")
            }
        }
        return (["\\begin{align*}"] + [lines.joined(separator: " \\\\\n")] + ["\\end{align*}"]).joined(separator: "\n")
            + after
    }

    /// Whether the note of `step` is set as a paragraph after the step rather
    /// than beside its last line: when it is long, or when beside the last
    /// line it would not fit on a typeset line.
    static func noteGoesAfter(_ step: Step, note: Prose, options: RenderOptions) -> Bool {
        let text = TextRenderer(options: options)
        let noteWidth = text.proseLayout.text(for: note).count
        let width = min(options.lineWidth, lineWidth)
        var unnoted = step
        unnoted.note = nil
        let lastLine = text.lines(for: unnoted, labelWidth: 0).last?.count ?? 0
        return noteWidth > longNote || lastLine + noteWidth + 6 > width
    }

    /// A table as `tabular`: a ruled heading row, then one row per line, each
    /// cell's chain in `$…$`, counts flush right.
    func source(for table: Table) -> String {
        let layout = expressionLayout
        let prose = proseLayout
        let specification = table.columns.map { $0.alignment == .right ? "r" : "l" }.joined()
        var lines = ["\\begin{tabular}{\(specification)}", "\\hline"]
        lines.append(table.columns.map { prose.paragraph(for: $0.title) }.joined(separator: " & ") + " \\\\")
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
