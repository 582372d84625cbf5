/// The output formats of `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Plain text for people: Unicode notation, bracket-drawn matrices, rounded to `--precision`.
    case text
    /// The named results at full precision, with stable keys.
    case json
    /// Markdown with `$$…$$` math, for GitHub and Jupyter.
    case markdown
    /// LaTeX needing amsmath only: a fragment, or a document with `standalone`.
    case latex

    /// The renderer that draws a solution in this format.
    /// `standalone` makes LaTeX a complete document; the other formats ignore it.
    public func renderer(options: RenderOptions, standalone: Bool = false) -> any SolutionRenderer {
        switch self {
        case .text: TextRenderer(options: options)
        case .json: JSONRenderer()
        case .markdown: MarkdownRenderer(options: options)
        case .latex: LaTeXRenderer(options: options, standalone: standalone)
        }
    }
}
