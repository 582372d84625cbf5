/// Writes ``Prose`` as one line of text: words as they are, math in the
/// text layout's Unicode notation (a⁽¹⁾ = 0.7), code and user text as typed,
/// and the marks ✓ ✗.
struct TextProseLayout: Sendable {
    /// Stands for a space a line must not break at, until the wrapper restores it.
    static let unbreakableSpace: Character = "\u{E000}"

    /// How math runs are drawn.
    var expressionLayout: TextExpressionLayout

    /// `prose` on one line; a math run taller than a line is drawn with its
    /// lines side by side, which solvers avoid by keeping matrices out of prose.
    func text(for prose: Prose) -> String {
        text(for: prose, keepingMathTogether: false)
    }

    /// `prose` on one line with the spaces inside math and code runs written
    /// as ``unbreakableSpace``, for a wrapper that breaks lines at spaces.
    func wrappableText(for prose: Prose) -> String {
        text(for: prose, keepingMathTogether: true)
    }

    private func text(for prose: Prose, keepingMathTogether: Bool) -> String {
        func together(_ text: String) -> String {
            keepingMathTogether ? text.replacing(" ", with: String(Self.unbreakableSpace)) : text
        }
        return prose.runs.map { run in
            switch run {
            case .text(let text), .written(let text): text
            case .code(let code): together(code)
            case .math(let math): together(expressionLayout.block(for: math).trimmedLines.joined(separator: " "))
            case .mark(.pass): "✓"
            case .mark(.fail): "✗"
            }
        }.joined()
    }
}
