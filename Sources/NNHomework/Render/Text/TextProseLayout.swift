/// Writes ``Prose`` as one line of text: words as they are, math in the
/// text layout's Unicode notation (a⁽¹⁾ = 0.7), code and user text as typed,
/// and the marks ✓ ✗.
struct TextProseLayout: Sendable {
    /// How math runs are drawn.
    var expressionLayout: TextExpressionLayout

    /// `prose` on one line; a math run taller than a line is drawn with its
    /// lines side by side, which solvers avoid by keeping matrices out of prose.
    func text(for prose: Prose) -> String {
        prose.runs.map { run in
            switch run {
            case .text(let text), .code(let text), .written(let text): text
            case .math(let math): expressionLayout.block(for: math).trimmedLines.joined(separator: " ")
            case .mark(.pass): "✓"
            case .mark(.fail): "✗"
            }
        }.joined()
    }
}
