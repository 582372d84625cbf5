/// A TikZ picture as a fragment to `\input`: scaled down to the line's width
/// when it is wider (graphicx's `\resizebox`, which TikZ loads), never up.
enum PictureFragment {
    /// The picture's lines wrapped so it fits the line, ending in a newline.
    static func fitted(_ lines: [String]) -> String {
        let wrapped =
            [#"\noindent\resizebox{\ifdim\width>\linewidth\linewidth\else\width\fi}{!}{%"#] + lines + ["}"]
        return wrapped.joined(separator: "\n") + "\n"
    }
}
