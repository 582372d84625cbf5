import NNCore
import Testing

@testable import NNHomework

@Suite("A formula of the expression language set as math")
struct MathExpressionExpressionTests {
    static let text = TextRenderer().layout
    static let latex = LaTeXExpressionLayout(numberFormat: NumberFormat(precision: 4), maxColumns: 8, maxRows: 12)

    static func math(_ formula: String) throws -> MathExpression {
        MathExpression(try Expression(parsing: formula))
    }

    static func text(_ math: MathExpression) -> String {
        text.block(for: math).trimmedLines.joined(separator: "\n")
    }

    /// Each row: the formula as typed, its text layout and its LaTeX source, written by hand
    /// as a textbook sets them.
    @Test(
        "case by case, in text and LaTeX",
        arguments: [
            ("x^3", "x³", "x^{3}"),
            ("3*x^2", "3x²", "3x^{2}"),
            ("2*x", "2x", "2x"),
            ("0.5*x", "0.5x", "0.5x"),
            ("x*y", "x y", "x y"),
            ("x*2", "x · 2", "x \\cdot 2"),
            ("2*3*x", "2 · 3x", "2 \\cdot 3x"),
            ("a*(-b)", "a · (−b)", "a \\cdot (-b)"),
            ("rate*t", "rate · t", "\\text{rate} \\cdot t"),
            ("alpha*x + β", "α x + β", "\\alpha x + \\beta"),
            ("w_1*x_1", "w₁ x₁", "w_{1} x_{1}"),
            ("sigmoid(x)", "σ(x)", "\\sigma(x)"),
            ("sigmoid(x)*(1 - sigmoid(x))", "σ(x) (1 − σ(x))", "\\sigma(x) (1 - \\sigma(x))"),
            ("tanh(x)^2", "tanh(x)²", "\\tanh(x)^{2}"),
            ("exp(x)", "eˣ", "e^{x}"),
            ("exp(-x/2)", "e^(−x / 2)", "e^{-x / 2}"),
            ("e*exp(x)", "e exp(x)", "e \\exp(x)"),
            ("log(1 + x)", "ln(1 + x)", "\\ln(1 + x)"),
            ("sqrt(x)", "√(x)", "\\sqrt{x}"),
            ("abs(x - 1)", "|x − 1|", "\\left\\lvert x - 1 \\right\\rvert"),
            ("relu(x)", "ReLU(x)", "\\operatorname{ReLU}(x)"),
            ("max(x, 0) + min(x, y)", "max(x, 0) + min(x, y)", "\\max(x, 0) + \\min(x, y)"),
            ("step(x)*sign(x)", "step(x) sign(x)", "\\operatorname{step}(x) \\operatorname{sign}(x)"),
            ("1/x", "1/x", "\\frac{1}{x}"),
            ("-x^2", "−x²", "-x^{2}"),
            ("(-x)^2", "(−x)²", "(-x)^{2}"),
            ("-(a + b)", "−(a + b)", "-(a + b)"),
            ("a - (b - c)", "a − (b − c)", "a - (b - c)"),
            ("a - b - c + d", "a − b − c + d", "a - b - c + d"),
            ("a + -b", "a + (−b)", "a + (-b)"),
            ("x^-1", "x⁻¹", "x^{-1}"),
            ("2^3^2", "2^(3²)", "2^{3^{2}}"),
            ("(a + b)*c", "(a + b) c", "(a + b) c"),
        ])
    func typeset(formula: String, text: String, latex: String) throws {
        let math = try Self.math(formula)
        #expect(Self.text(math) == text)
        #expect(Self.latex.source(for: math) == latex)
    }

    /// d/dx x³ = 3x², as acceptance D asks of the LaTeX output.
    @Test("the symbolic derivatives of the gradient check are typeset as math")
    func derivatives() throws {
        let cube = try Expression(parsing: "x^3").derivative(withRespectTo: "x")
        #expect(Self.latex.source(for: MathExpression(cube)) == "3x^{2}")
        #expect(Self.text(MathExpression(cube)) == "3x²")
        let sum = try Expression(parsing: "a*b + b^2").derivative(withRespectTo: "b")
        #expect(Self.text(MathExpression(sum)) == "a + 2b")
        let logistic = try Expression(parsing: "sigmoid(w*x + b)").derivative(withRespectTo: "w")
        #expect(Self.latex.source(for: MathExpression(logistic)) == "\\sigma(w x + b) (1 - \\sigma(w x + b)) x")
        let quotient = try Expression(parsing: "log(1 + exp(x)) / x").derivative(withRespectTo: "x")
        #expect(Self.latex.source(for: MathExpression(quotient)).hasPrefix("\\frac{"))
    }

    @Test("a quotient on one line with division: .slash, for titles and sentences")
    func slash() throws {
        let math = MathExpression(try Expression(parsing: "(a + b)/(c - d)"), division: .slash)
        #expect(Self.text(math) == "(a + b) / (c − d)")
        #expect(Self.latex.source(for: try Self.math("(a + b)/(c - d)")) == "\\frac{a + b}{c - d}")
    }

    /// JSON keeps Expression.description (`3·x^2`); read back, it is the same formula: the
    /// same text again, and the same value wherever the formula is defined.
    @Test(
        "a formula and each derivative read back from their description",
        arguments: [
            "x^3", "a*b + b^2", "sigmoid(w*x + b)", "log(1 + exp(x)) / x - sqrt(abs(x))", "-x^2", "x^-1",
            "2^3^2", "a - (b - c)", "max(x, 0)*min(x, 2) - relu(-x)", "x/(y*z)", "tanh(x/2)^2", "0.001*x - 1e-5",
        ])
    func roundTrip(formula: String) throws {
        let expression = try Expression(parsing: formula)
        let variables = expression.variables
        for form in [expression] + variables.map({ expression.derivative(withRespectTo: $0) }) {
            let readBack = try Expression(parsing: form.description)
            #expect(readBack.description == form.description)
            for point in [0.7, 1.3, 2.9] {
                let values = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, point + Double($0)) })
                let expected = try form.value(at: values)
                #expect(try readBack.value(at: values).isApproximatelyEqual(to: expected, relativeTolerance: 1e-15))
            }
        }
    }
}
