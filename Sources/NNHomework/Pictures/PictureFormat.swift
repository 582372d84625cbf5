/// The formats a picture is written in (`--format` of `nnhw plot` and `nnhw diagram`).
public enum PictureFormat: String, Sendable, CaseIterable {
    /// Hand-written SVG.
    case svg
    /// A TikZ picture (pgfplots for a plot).
    case latex
    /// A terminal picture (braille) for a plot; the staged table for a diagram.
    case text
    /// Graphviz DOT, for a diagram.
    case dot
    /// The sampled points, or the nodes and edges.
    case json
    /// A Markdown link to the picture `--output` writes (or, for a diagram, its table).
    case markdown

    /// The format a file name's extension names: .svg, .tex, .txt, .dot, .gv, .json, .md.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "svg": self = .svg
        case "tex": self = .latex
        case "txt": self = .text
        case "dot", "gv": self = .dot
        case "json": self = .json
        case "md": self = .markdown
        default: return nil
        }
    }
}
