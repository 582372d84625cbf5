/// Turns plain text with the Unicode notation nnhw writes (δ⁽¹⁾, ŷ, −, ⊙, ≤)
/// into LaTeX text-mode source that pdflatex sets without a missing character:
/// TeX specials are escaped (`#` → `\#`, `\` → `\textbackslash{}`) and every
/// notation character becomes math: `δ⁽¹⁾ = ∂L/∂a⁽¹⁾` → `$\delta^{(1)}$ = $\partial$L/…`.
///
/// Neighbouring math characters share one `$…$`, and a run of superscript or
/// subscript characters becomes one `^{…}` or `_{…}`: `W⁽²⁾ᵀ` → `W$^{(2)\top}$`.
/// A character outside the table is written as itself, never replaced by a
/// placeholder: the output is plain ASCII exactly when every character is
/// mapped, and a test over every golden output checks that it is.
public enum LaTeXText {
    /// How one character is written.
    enum Piece: Sendable, Equatable {
        /// Text-mode source: `\#`, `a`, `---`.
        case text(String)
        /// Math-mode source: `\delta`, `-`.
        case math(String)
        /// Math-mode source of a superscript: `(`, `1`, `\top`.
        case superscript(String)
        /// Math-mode source of a subscript: `j`, `2`.
        case `subscript`(String)
    }

    /// A stretch of text, as words or as math.
    enum Segment: Sendable, Equatable {
        /// Words: the characters as written, and their text-mode source.
        case text(original: String, source: String)
        /// Math-mode source for a run of notation characters: `\delta^{(1)}`.
        case math(String)
    }

    /// `text` as LaTeX text-mode source.
    public static func escaped(_ text: String) -> String {
        segments(of: text).map { segment in
            switch segment {
            case .text(_, let source): source
            case .math(let source): "$" + source + "$"
            }
        }.joined()
    }

    /// `text` cut into words and math: neighbouring notation characters share
    /// one math segment, neighbouring word characters one text segment.
    static func segments(of text: String) -> [Segment] {
        var result: [Segment] = []
        var math: [Piece] = []
        var original = ""
        var source = ""
        func flushText() {
            guard !original.isEmpty else { return }
            result.append(.text(original: original, source: source))
            original = ""
            source = ""
        }
        func flushMath() {
            guard !math.isEmpty else { return }
            result.append(.math(mathSource(math)))
            math = []
        }
        for character in text {
            let piece = self.piece(for: character)
            if case .text(let written) = piece {
                flushMath()
                original.append(character)
                source += written
            } else {
                flushText()
                math.append(piece)
            }
        }
        flushText()
        flushMath()
        return result
    }

    /// Math-mode source for a run of math pieces: commands side by side, and
    /// each run of superscripts or subscripts as one `^{…}` or `_{…}`.
    static func mathSource(_ pieces: [Piece]) -> String {
        var result = ""
        var script: (isSuperscript: Bool, source: String)?
        func flushScript() {
            guard let pending = script else { return }
            result += (pending.isSuperscript ? "^{" : "_{") + pending.source + "}"
            script = nil
        }
        for piece in pieces {
            switch piece {
            case .superscript(let source):
                if script?.isSuperscript == false { flushScript() }
                script = (true, (script?.source ?? "") + source)
            case .subscript(let source):
                if script?.isSuperscript == true { flushScript() }
                script = (false, (script?.source ?? "") + source)
            case .math(let source), .text(let source):
                flushScript()
                result += source
            }
        }
        flushScript()
        return result
    }

    /// How `character` is written: from the table, or as itself (printable
    /// ASCII, or a character with no mapping, which a test then finds).
    static func piece(for character: Character) -> Piece {
        if let piece = table[character] { return piece }
        if character == "\n" || character == "\t" { return .text(" ") }
        return .text(String(character))
    }

    /// Every character that is not written as itself.
    static let table: [Character: Piece] = {
        var table: [Character: Piece] = [
            "#": .text("\\#"), "$": .text("\\$"), "%": .text("\\%"), "&": .text("\\&"), "_": .text("\\_"),
            "{": .text("\\{"), "}": .text("\\}"), "~": .text("\\textasciitilde{}"),
            "^": .text("\\textasciicircum{}"), "\\": .text("\\textbackslash{}"), "|": .text("\\textbar{}"),
            "<": .text("\\textless{}"), ">": .text("\\textgreater{}"), "\"": .text("''"),
            "…": .text("\\ldots{}"), "—": .text("---"), "–": .text("--"), "’": .text("'"), "‘": .text("`"),
            "“": .text("``"), "”": .text("''"), "\u{00A0}": .text("~"), "°": .math("^{\\circ}"),
            "─": .text("-"),
            "−": .math("-"), "·": .math("\\cdot"), "×": .math("\\times"), "⊙": .math("\\odot"),
            "∂": .math("\\partial"), "∇": .math("\\nabla"), "√": .math("\\surd"), "⌊": .math("\\lfloor"),
            "⌋": .math("\\rfloor"),
            "⌈": .math("\\lceil"), "⌉": .math("\\rceil"), "≤": .math("\\leq"), "≥": .math("\\geq"),
            "≈": .math("\\approx"), "≠": .math("\\neq"), "±": .math("\\pm"), "←": .math("\\leftarrow"),
            "→": .math("\\rightarrow"), "⇔": .math("\\Leftrightarrow"), "∞": .math("\\infty"),
            "⋯": .math("\\cdots"), "✓": .math("\\checkmark"), "✗": .math("\\times"), "⋮": .math("\\vdots"),
            "⋱": .math("\\ddots"), "½": .math("\\tfrac{1}{2}"),
            "ℓ": .math("\\ell"), "′": .superscript("\\prime"), "ŷ": .math("\\hat{y}"), "Ŷ": .math("\\hat{Y}"),
            "ỹ": .math("\\tilde{y}"), "ĝ": .math("\\hat{g}"), "W\u{0304}": .math("\\bar{W}"),
            "∑": .math("\\sum"), "∈": .math("\\in"),
        ]
        for (letter, command) in greekLetters { table[letter] = .math(command) }
        for (plain, scripted) in zip("0123456789+-−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾") {
            table[scripted] = .superscript(plain == "−" ? "-" : String(plain))
        }
        for (plain, scripted) in zip(
            "abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRUVW", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵁⱽᵂ")
        {
            table[scripted] = .superscript(String(plain))
        }
        table["ᵀ"] = .superscript("\\top")
        for (plain, scripted) in zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ") {
            table[scripted] = .subscript(String(plain))
        }
        for (plain, scripted) in zip(["\\beta", "\\gamma", "\\rho", "\\varphi", "\\chi"], "ᵦᵧᵨᵩᵪ") {
            table[scripted] = .subscript(plain)
        }
        return table
    }()

    /// The Greek letters and their LaTeX commands: δ → `\delta`, Φ → `\Phi`.
    static let greekLetters: [Character: String] = [
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "ζ": "\\zeta",
        "η": "\\eta", "θ": "\\theta", "ι": "\\iota", "κ": "\\kappa", "λ": "\\lambda", "μ": "\\mu", "ν": "\\nu",
        "ξ": "\\xi", "π": "\\pi", "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau", "υ": "\\upsilon", "φ": "\\varphi",
        "χ": "\\chi", "ψ": "\\psi", "ω": "\\omega", "Γ": "\\Gamma", "Δ": "\\Delta", "Θ": "\\Theta",
        "Λ": "\\Lambda", "Ξ": "\\Xi", "Π": "\\Pi", "Σ": "\\Sigma", "Υ": "\\Upsilon", "Φ": "\\Phi", "Ψ": "\\Psi",
        "Ω": "\\Omega",
    ]
}
