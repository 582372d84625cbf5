import Testing

@testable import NNHomework

@Suite("LaTeXText escapes text for pdflatex")
struct LaTeXTextTests {
    @Test(
        "Each special or notation character on its own",
        arguments: [
            ("#", "\\#"), ("$", "\\$"), ("%", "\\%"), ("&", "\\&"), ("_", "\\_"), ("{", "\\{"), ("}", "\\}"),
            ("~", "\\textasciitilde{}"), ("^", "\\textasciicircum{}"), ("\\", "\\textbackslash{}"),
            ("|", "\\textbar{}"), ("<", "\\textless{}"), (">", "\\textgreater{}"), ("…", "\\ldots{}"),
            ("δ", "$\\delta$"), ("Δ", "$\\Delta$"), ("ε", "$\\varepsilon$"), ("η", "$\\eta$"), ("σ", "$\\sigma$"),
            ("Φ", "$\\Phi$"), ("φ", "$\\varphi$"), ("β", "$\\beta$"), ("α", "$\\alpha$"), ("−", "$-$"),
            ("·", "$\\cdot$"), ("⊙", "$\\odot$"), ("∂", "$\\partial$"), ("Σ", "$\\Sigma$"), ("√", "$\\surd$"),
            ("⌊", "$\\lfloor$"), ("⌋", "$\\rfloor$"), ("⌈", "$\\lceil$"), ("⌉", "$\\rceil$"), ("≤", "$\\leq$"),
            ("≥", "$\\geq$"), ("×", "$\\times$"), ("≈", "$\\approx$"), ("←", "$\\leftarrow$"),
            ("→", "$\\rightarrow$"), ("′", "$^{\\prime}$"), ("ᵀ", "$^{\\top}$"), ("ŷ", "$\\hat{y}$"),
            ("ỹ", "$\\tilde{y}$"), ("W\u{0304}", "$\\bar{W}$"), ("½", "$\\tfrac{1}{2}$"), ("⋯", "$\\cdots$"),
            ("∞", "$\\infty$"), ("⁽", "$^{(}$"), ("ˡ", "$^{l}$"), ("⁾", "$^{)}$"), ("⁰", "$^{0}$"), ("⁹", "$^{9}$"),
            ("⁻", "$^{-}$"), ("₂", "$_{2}$"), ("ⱼ", "$_{j}$"), ("ℓ", "$\\ell$"), ("a", "a"), (" ", " "),
        ])
    func character(_ pair: (String, String)) {
        #expect(LaTeXText.escaped(pair.0) == pair.1)
    }

    @Test("A run of notation characters shares one $…$, scripts grouped")
    func runs() {
        #expect(LaTeXText.escaped("δ⁽¹⁾ = ∂L/∂a⁽¹⁾") == "$\\delta^{(1)}$ = $\\partial$L/$\\partial$a$^{(1)}$")
        #expect(LaTeXText.escaped("W⁽²⁾ᵀ") == "W$^{(2)\\top}$")
        #expect(LaTeXText.escaped("100% of $5 & more") == "100\\% of \\$5 \\& more")
        #expect(LaTeXText.escaped("t CO₂e") == "t CO$_{2}$e")
    }

    @Test("A character outside the table is kept as it is, never a ?, so the golden-file scan finds it")
    func unknown() {
        #expect(LaTeXText.escaped("☃") == "☃")
    }

    @Test(
        "A user's 32×32×1 in Markdown keeps the digits after × inside the math, which pandoc would not end before a digit"
    )
    func markdownDigitsAfterMath() {
        #expect(LaTeXProseLayout.markdownWritten("on 32×32×1 images") == "on 32$\\times 32\\times 1$ images")
        #expect(LaTeXProseLayout.markdownWritten("5×5 convolutions, δ") == "5$\\times 5$ convolutions, $\\delta$")
        #expect(LaTeXProseLayout.markdownWritten("a × b") == "a $\\times$ b")
    }
}
