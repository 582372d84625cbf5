/// Writes ``Prose`` as LaTeX: in a paragraph, words escaped and math in
/// `$…$`; inside a formula, words in `\text{…}` and math as it is. Options
/// and other code are set in `\texttt` with their hyphens kept apart
/// (`-{}-flip`, not an en dash); ✓ and ✗ are `\checkmark` and `\times`.
///
/// The Markdown renderer uses the same layout in its MathJax dialect, where
/// a paragraph is Markdown: words escaped for Markdown, code in backticks.
struct LaTeXProseLayout: Sendable {
    /// How math runs are written; its dialect says LaTeX or Markdown.
    var expressionLayout: LaTeXExpressionLayout

    /// `prose` as paragraph text: LaTeX text-mode source, or Markdown.
    func paragraph(for prose: Prose) -> String {
        text(for: prose, keepingMathWhole: false)
    }

    /// `prose` as a heading: a paragraph whose math LaTeX may not break
    /// across lines (`${…}$` around math with an operator in it), so a title
    /// never ends a line on `−`.
    func heading(for prose: Prose) -> String {
        text(for: prose, keepingMathWhole: expressionLayout.dialect != .mathJax)
    }

    private func text(for prose: Prose, keepingMathWhole: Bool) -> String {
        let isMarkdown = expressionLayout.dialect == .mathJax
        return prose.runs.map { run in
            switch run {
            case .text(let text): isMarkdown ? Self.markdownEscaped(text) : LaTeXText.escaped(text)
            case .math(let math):
                Self.inlineMath(expressionLayout.source(for: math), keepingWhole: keepingMathWhole)
            case .code(let code): isMarkdown ? "`" + code + "`" : Self.typewriter(code)
            case .written(let text): isMarkdown ? Self.markdownWritten(text) : LaTeXText.escaped(text)
            case .mark(let mark): "$" + Self.source(for: mark) + "$"
            }
        }.joined()
    }

    /// `$source$`, or `${source}$` when it is to be kept whole and has a
    /// place TeX could break it: a space, which the layout puts around operators.
    private static func inlineMath(_ source: String, keepingWhole: Bool) -> String {
        keepingWhole && source.contains(" ") ? "${" + source + "}$" : "$" + source + "$"
    }

    /// `prose` as math-mode source, for a note inside a displayed formula;
    /// neighbouring words share one `\text{…}`.
    func mathSource(for prose: Prose) -> String {
        var runs: [Prose.Run] = []
        for run in prose.runs {
            switch (runs.last, run) {
            case (.text(let previous)?, .text(let next)), (.text(let previous)?, .written(let next)):
                runs[runs.count - 1] = .text(previous + next)
            default: runs.append(run)
            }
        }
        return runs.map { run in
            switch run {
            case .text(let text), .written(let text): expressionLayout.textSource(text)
            case .math(let math): expressionLayout.source(for: math)
            case .code(let code): "\\texttt{" + Self.typewriterBody(code) + "}"
            case .mark(let mark): Self.source(for: mark)
            }
        }.joined()
    }

    private static func source(for mark: Prose.Mark) -> String {
        switch mark {
        case .pass: "\\checkmark"
        case .fail: "\\times"
        }
    }

    /// Code in `\texttt`: escaped, each hyphen kept from forming a dash.
    static func typewriter(_ code: String) -> String {
        "\\texttt{" + typewriterBody(code) + "}"
    }

    private static func typewriterBody(_ code: String) -> String {
        LaTeXText.escaped(code).replacing("-", with: "-{}").replacing("$-{}$", with: "$-$")
    }

    /// Text with Markdown's active characters escaped: `\ * _ ` $ < [ ] #`.
    static func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\*_`$<[]#".contains(character) { result += "\\" }
            result.append(character)
        }
        return result
    }

    /// A user's text as Markdown: its words escaped, its notation (z⁽²⁾, δ,
    /// −) as `$…$` math, so no Unicode super- or subscript is left for a
    /// LaTeX engine to drop.
    ///
    /// Digits right after a piece of math join it (`32$\\times 32\\times 1$`
    /// for 32×32×1), since pandoc does not end math at a `$` followed by a digit.
    static func markdownWritten(_ text: String) -> String {
        var result = ""
        var math: String?
        for segment in LaTeXText.segments(of: text) {
            switch segment {
            case .math(let source):
                math = (math ?? "") + source
            case .text(let original, _):
                var words = Substring(original.replacing("─", with: "-"))
                if let open = math {
                    let digits = words.prefix { $0.isASCII && $0.isNumber }
                    words = words.dropFirst(digits.count)
                    math = open + (digits.isEmpty ? "" : " " + digits)
                    if words.isEmpty { continue }
                    result += "$" + (math ?? "") + "$"
                    math = nil
                }
                result += markdownEscaped(String(words))
            }
        }
        if let math { result += "$" + math + "$" }
        return result
    }
}
