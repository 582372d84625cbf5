import NNCore
import Testing

@testable import NNHomework

@Suite("LaTeXExpressionLayout writes every MathExpression case")
struct LaTeXExpressionLayoutTests {
    static let layout = LaTeXExpressionLayout(numberFormat: NumberFormat(precision: 4), maxColumns: 8, maxRows: 12)

    @Test(
        "Each case",
        arguments: [
            (.symbol(Symbol("a", layer: 1)), "a^{(1)}"),
            (.symbol(Symbol("W", layer: 3, isTransposed: true)), "W^{(3)\\top}"),
            (.symbol(Symbol("δ", layer: 1, index: "2")), "\\delta_{2}^{(1)}"),
            (.symbol(Symbol("y", accent: .hat)), "\\hat{y}"),
            (.symbol(Symbol("y", accent: .tilde)), "\\tilde{y}"),
            (.symbol(Symbol("W", accent: .bar)), "\\bar{W}"),
            (.symbol(Symbol("f", isPrime: true)), "f^{\\prime}"),
            (.number(-152), "-152"),
            (.number(0.44853), "0.4485"),
            (.number(-1.23456789e-7), "-1.2346 \\cdot 10^{-7}"),
            (.number(-0.0), "0"),
            (.preciseNumber(8.012006001, decimals: 9), "8.012006001"),
            (.inlineVector([2, 8, 9]), "(2, 8, 9)^{\\top}"),
            (.vectorOf([.number(1), .symbol(Symbol("x"))]), "(1, x)^{\\top}"),
            (
                .product([
                    .number(2),
                    .parenthesized(.infix(.minus, [.symbol(Symbol("y", accent: .hat)), .symbol(Symbol("y"))])),
                ]), "2 (\\hat{y} - y)"
            ),
            (.product([.number(2), .number(3)]), "2 \\cdot 3"),
            (.infix(.times, [.number(-4), .number(-3)]), "-4 \\cdot (-3)"),
            (.infix(.hadamard, [.symbol(Symbol("u")), .symbol(Symbol("v"))]), "u \\odot v"),
            (.apply(FunctionName("ReLU"), [.symbol(Symbol("a", layer: 1))]), "\\operatorname{ReLU}(a^{(1)})"),
            (.apply(FunctionName("ReLU").derivative, [.number(8)]), "\\operatorname{ReLU}'(8)"),
            (.apply(FunctionName("tanh"), [.number(0.7)]), "\\tanh(0.7)"),
            (.apply(FunctionName("σ"), [.symbol(Symbol("x"))]), "\\sigma(x)"),
            (.fraction(.number(1), .number(3)), "\\frac{1}{3}"),
            (.power(.number(-2), .number(2)), "(-2)^{2}"),
            (
                .partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol("W", layer: 2))),
                "\\frac{\\partial L}{\\partial W^{(2)}}"
            ),
            (
                .secondPartial(
                    of: .symbol(Symbol("f")), withRespectTo: .symbol(Symbol("x")), and: .symbol(Symbol("y"))),
                "\\frac{\\partial^{2} f}{\\partial x \\partial y}"
            ),
            (
                .secondPartial(
                    of: .symbol(Symbol("f")), withRespectTo: .symbol(Symbol("x")), and: .symbol(Symbol("x"))),
                "\\frac{\\partial^{2} f}{\\partial x^{2}}"
            ),
            (.summation(index: "j", .symbol(Symbol("y", index: "j"))), "\\sum_{j} y_{j}"),
            (.absoluteValue(.number(-3)), "\\left\\lvert -3 \\right\\rvert"),
            (.floor(.symbol(Symbol("x"))), "\\left\\lfloor x \\right\\rfloor"),
            (.ceiling(.symbol(Symbol("x"))), "\\left\\lceil x \\right\\rceil"),
            (.text("kWh & 50%"), "\\text{kWh \\& 50\\%}"),
            (.count(138_357_544), "138{,}357{,}544"),
            (
                .matrix(Matrix(rows: 2, columns: 2, elements: [1, 0, 3, -4])),
                "\\begin{bmatrix} 1 & 0 \\\\ 3 & -4 \\end{bmatrix}"
            ),
        ] as [(MathExpression, String)])
    func expression(_ pair: (MathExpression, String)) {
        #expect(Self.layout.source(for: pair.0) == pair.1)
    }

    @Test("Past maxColumns a matrix shows its first and last columns around \\cdots; wide ones use array")
    func elision() {
        let wide = Matrix(rows: 1, columns: 20, elements: (1...20).map(Double.init))
        // First 4 and last 3 of 20 columns at a limit of 8, as the text layout shows them.
        #expect(
            Self.layout.source(for: .matrix(wide))
                == "\\begin{bmatrix} 1 & 2 & 3 & 4 & \\cdots & 18 & 19 & 20 \\end{bmatrix}")
        var unlimited = Self.layout
        unlimited.maxColumns = 20
        #expect(unlimited.source(for: .matrix(wide)).hasPrefix("\\left[\\begin{array}{cccccccccccccccccccc} 1 & 2"))
    }

    @Test("Markdown's MathJax dialect sets function names with \\mathrm, notation among words as math")
    func mathJax() {
        var layout = Self.layout
        layout.dialect = .mathJax
        #expect(layout.source(for: .apply(FunctionName("ReLU"), [.number(8)])) == "\\mathrm{ReLU}(8)")
        #expect(layout.source(for: .text("24×24×10")) == "\\text{24}\\times\\text{24}\\times\\text{10}")
        #expect(layout.source(for: .text("n_out 50%")) == "\\text{n}\\_\\text{out 50}\\%")
    }
}
