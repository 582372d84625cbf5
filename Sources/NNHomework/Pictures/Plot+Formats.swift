extension Plot {
    /// The plot in `format`, `width` characters wide as text; LaTeX a whole document with `standalone`.
    ///
    /// - Precondition: `format` is not `.dot` or `.markdown`, which a plot is not written in.
    public func rendered(_ format: PictureFormat, width: Int = 80, standalone: Bool = false) -> String {
        switch format {
        case .svg: PlotSVGWriter().svg(self)
        case .latex: PlotTikZWriter(standalone: standalone).latex(self)
        case .text: PlotTextWriter(width: width).text(self)
        case .json: json.serialized() + "\n"
        case .dot, .markdown: preconditionFailure("A plot is not written as \(format.rawValue)")
        }
    }
}
