import NNCore
import Testing

@testable import NNHomework

/// The symbols of the 3-layer ReLU example in /work/shared/OUTPUT-EXAMPLES.md.
private enum Notation {
    static func a(_ layer: Int) -> MathExpression { .symbol(Symbol("a", layer: layer)) }
    static func z(_ layer: Int) -> MathExpression { .symbol(Symbol("z", layer: layer)) }
    static func weights(_ layer: Int) -> MathExpression { .symbol(Symbol("W", layer: layer)) }
    static func b(_ layer: Int) -> MathExpression { .symbol(Symbol("b", layer: layer)) }
    static func δ(_ layer: Int) -> MathExpression { .symbol(Symbol("δ", layer: layer)) }
    static let yHat = MathExpression.symbol(Symbol("y", accent: .hat))
    static let y = MathExpression.symbol(Symbol("y"))
    static let relu = FunctionName("ReLU")
}

@Suite("TextRenderer")
struct TextRendererTests {
    let renderer = TextRenderer()

    @Test(
        "symbols carry accents, subscripts, layer superscripts, primes and transpose marks",
        arguments: [
            (Symbol("W", layer: 3, isTransposed: true), "W⁽³⁾ᵀ"),
            (Symbol("δ", layer: 1, index: "2"), "δ₂⁽¹⁾"),
            (Symbol("y", accent: .hat), "y\u{0302}"),
            (Symbol("y", accent: .tilde), "y\u{0303}"),
            (Symbol("a", layer: 12, index: "j"), "aⱼ⁽¹²⁾"),
            (Symbol("w", index: "q"), "w_q"),
            (Symbol("f", isPrime: true), "f′"),
        ])
    func symbols(symbol: Symbol, expected: String) {
        #expect(renderer.render(.symbol(symbol)) == expected)
    }

    @Test("a hat accent makes one character, so widths stay right")
    func accentWidth() {
        #expect(TextBlock(TextNotation.text(for: Symbol("y", accent: .hat))).width == 1)
    }

    @Test("matrix times vector plus vector is drawn as in OUTPUT-EXAMPLES.md step (2)")
    func matrixProduct() {
        let expression = MathExpression.infix(
            .plus,
            [
                .product([.matrix(Matrix([[1, 0], [3, 4], [1, 2]])), .matrix(Matrix(column: [2, 1]))]),
                .matrix(Matrix(column: [0, -2, 5])),
            ])
        #expect(
            renderer.render(expression) == """
                ⎡1  0⎤ ⎡2⎤   ⎡ 0⎤
                ⎢3  4⎥ ⎣1⎦ + ⎢−2⎥
                ⎣1  2⎦       ⎣ 5⎦
                """)
    }

    @Test("a single row is drawn in square brackets")
    func row() {
        #expect(renderer.render(.matrix(Matrix(row: [-152, -88]))) == "[−152  −88]")
    }

    @Test("a column is aligned on the decimal point")
    func decimalAlignment() {
        #expect(
            renderer.render(.matrix(Matrix(column: [0.5, 12.25, -3]))) == """
                ⎡ 0.5 ⎤
                ⎢12.25⎥
                ⎣−3   ⎦
                """)
    }

    @Test("a 1 × 1 matrix and a one-entry vector are drawn as their number")
    func singleEntries() {
        #expect(renderer.render(.matrix(Matrix([[-4]]))) == "−4")
        #expect(renderer.render(.inlineVector([0.25])) == "0.25")
        #expect(renderer.render(.inlineVector([2, 8, 9])) == "(2, 8, 9)ᵀ")
    }

    @Test("a wide matrix shows its first 4 and last 3 columns around ⋯")
    func columnElision() {
        let matrix = Matrix(rows: 3, columns: 20, elements: (0..<60).map(Double.init))
        #expect(
            renderer.render(.matrix(matrix)) == """
                ⎡ 0   1   2   3  ⋯  17  18  19⎤
                ⎢20  21  22  23  ⋯  37  38  39⎥
                ⎣40  41  42  43  ⋯  57  58  59⎦
                """)
    }

    @Test("a tall matrix shows its first and last rows around ⋮")
    func rowElision() {
        let small = TextRenderer(options: RenderOptions(maxColumns: 4, maxRows: 3))
        let matrix = Matrix(rows: 5, columns: 5, elements: (0..<25).map { Double($0) / 2 })
        #expect(
            small.render(.matrix(matrix)) == """
                ⎡ 0   0.5  ⋯   2⎤
                ⎢ ⋮   ⋮    ⋱   ⋮⎥
                ⎣10  10.5  ⋯  12⎦
                """)
    }

    @Test(
        "negative numbers after an operator, and negative power bases, get parentheses",
        arguments: [
            (MathExpression.infix(.times, [.number(-4), .number(-3)]), "−4 · (−3)"),
            (.product([.number(2), .infix(.minus, [.number(8), .number(10)])]), "2(8 − 10)"),
            (
                .infix(.times, [.product([.number(2), .infix(.minus, [.number(8), .number(10)])]), .number(1)]),
                "2(8 − 10) · 1"
            ),
            (.power(.number(-2), .number(2)), "(−2)²"),
            (.power(.infix(.minus, [Notation.yHat, Notation.y]), .number(2)), "(y\u{0302} − y)²"),
            (.infix(.plus, [.number(1), .matrix(Matrix([[-0.5]]))]), "1 + (−0.5)"),
            (.product([.matrix(Matrix(row: [1, 2])), .number(-4)]), "[1  2] (−4)"),
            (.product([.number(2), .number(3)]), "2 · 3"),
            (.infix(.times, [.infix(.plus, [.number(1), .number(2)]), .number(3)]), "(1 + 2) · 3"),
            (.infix(.minus, [.number(1), .infix(.minus, [.number(2), .number(3)])]), "1 − (2 − 3)"),
        ])
    func parentheses(expression: MathExpression, expected: String) {
        #expect(renderer.render(expression) == expected)
    }

    @Test(
        "functions, fractions, powers, partials, sums and text",
        arguments: [
            (MathExpression.apply(Notation.relu, [Notation.a(1)]), "ReLU(a⁽¹⁾)"),
            (.apply(Notation.relu.derivative, [Notation.a(2)]), "ReLU′(a⁽²⁾)"),
            (.apply(FunctionName("max"), [.number(0), .symbol(Symbol("x"))]), "max(0, x)"),
            (.fraction(.number(1), .number(3)), "1/3"),
            (.power(.symbol(Symbol("x")), .number(3)), "x³"),
            (.power(.symbol(Symbol("x")), .symbol(Symbol("n"))), "xⁿ"),
            (.power(.number(10), .number(0.5)), "10^0.5"),
            (.partial(of: .symbol(Symbol("L")), withRespectTo: Notation.weights(3)), "∂L/∂W⁽³⁾"),
            (
                .secondPartial(
                    of: .symbol(Symbol("f")), withRespectTo: .symbol(Symbol("x")), and: .symbol(Symbol("y"))),
                "∂²f/∂x∂y"
            ),
            (
                .secondPartial(
                    of: .symbol(Symbol("f")), withRespectTo: .symbol(Symbol("x")), and: .symbol(Symbol("x"))),
                "∂²f/∂x²"
            ),
            (.summation(index: "j", .symbol(Symbol("x", index: "j"))), "Σⱼ xⱼ"),
            (.summation(index: nil, .symbol(Symbol("x"))), "Σ x"),
            (.text("if a > 0"), "if a > 0"),
        ])
    func notation(expression: MathExpression, expected: String) {
        #expect(renderer.render(expression) == expected)
    }

    @Test("a fraction of compound terms is stacked, its bar on the baseline")
    func stackedFraction() {
        let expression = MathExpression.infix(
            .plus,
            [
                .number(1),
                .fraction(.infix(.plus, [.number(1), .number(2)]), .number(3)),
            ])
        #expect(
            renderer.render(expression) == """
                    1 + 2
                1 + ─────
                      3
                """)
    }

    @Test("parentheses grow around a tall argument")
    func tallParentheses() {
        #expect(
            renderer.render(.apply(Notation.relu, [.matrix(Matrix(column: [-2, 3, 1]))])) == """
                    ⎛⎡−2⎤⎞
                ReLU⎜⎢ 3⎥⎟
                    ⎝⎣ 1⎦⎠
                """)
    }

    @Test("a step that fits stays on one line with its number right-aligned")
    func oneLineStep() {
        let step = Step(
            number: 9, lhs: .symbol(Symbol("L")),
            rhs: [
                .power(.infix(.minus, [Notation.yHat, Notation.y]), .number(2)),
                .power(.infix(.minus, [.number(8), .number(10)]), .number(2)), .number(4),
            ])
        #expect(renderer.lines(for: step, labelWidth: 4) == [" (9) L = (y\u{0302} − y)² = (8 − 10)² = 4"])
    }

    @Test("a step too long for the line wraps onto `= …` lines under the first `=`")
    func wrappedStep() {
        let narrow = TextRenderer(options: RenderOptions(lineWidth: 30))
        let step = Step(
            number: 3, lhs: Notation.z(1),
            rhs: [
                .apply(Notation.relu, [Notation.a(1)]),
                .apply(Notation.relu, [.inlineVector([2, 8, -9])]),
                .inlineVector([2, 8, 0]),
            ],
            note: "elementwise")
        #expect(
            narrow.lines(for: step, labelWidth: 3) == [
                "(3) z⁽¹⁾ = ReLU(a⁽¹⁾)",
                "         = ReLU((2, 8, −9)ᵀ)",
                "         = (2, 8, 0)ᵀ",
                "           [elementwise]",
            ])
    }

    @Test("step (2) of OUTPUT-EXAMPLES.md wraps after the formula at 50 columns")
    func exampleStep() {
        let narrow = TextRenderer(options: RenderOptions(lineWidth: 50))
        #expect(
            narrow.lines(for: Self.affineStep, labelWidth: 4) == [
                " (2) a⁽¹⁾ = W⁽¹⁾ z⁽⁰⁾ + b⁽¹⁾",
                "            ⎡1  0⎤ ⎡2⎤   ⎡ 0⎤   ⎡ 2⎤   ⎡ 0⎤   ⎡2⎤",
                "          = ⎢3  4⎥ ⎣1⎦ + ⎢−2⎥ = ⎢10⎥ + ⎢−2⎥ = ⎢8⎥",
                "            ⎣1  2⎦       ⎣ 5⎦   ⎣ 4⎦   ⎣ 5⎦   ⎣9⎦",
            ])
    }

    @Test("a wrapped step packs parts greedily, multi-row blocks on a shared baseline")
    func wrappedMatrixStep() {
        let narrow = TextRenderer(options: RenderOptions(lineWidth: 46))
        #expect(
            narrow.lines(for: Self.affineStep, labelWidth: 4) == [
                " (2) a⁽¹⁾ = W⁽¹⁾ z⁽⁰⁾ + b⁽¹⁾",
                "            ⎡1  0⎤ ⎡2⎤   ⎡ 0⎤   ⎡ 2⎤   ⎡ 0⎤",
                "          = ⎢3  4⎥ ⎣1⎦ + ⎢−2⎥ = ⎢10⎥ + ⎢−2⎥",
                "            ⎣1  2⎦       ⎣ 5⎦   ⎣ 4⎦   ⎣ 5⎦",
                "            ⎡2⎤",
                "          = ⎢8⎥",
                "            ⎣9⎦",
            ])
    }

    @Test("a table too wide for the line breaks its chains onto `= …` lines before going row by row")
    func narrowedTable() {
        // By hand: "25,089 · 4,096 = 102,764,544" is 28 columns; with "#" (1), the count (11) and two gaps of 2
        // the table is 44 wide. At 30 the formula column narrows to 14, its widest part, and the result moves
        // under it; at 29 nothing can narrow further and the table goes row by row.
        let table = Table(
            columns: [
                Table.Column("#", alignment: .right), Table.Column("parameters"), Table.Column("n", alignment: .right),
            ],
            rows: [
                [
                    [.count(1)], [.infix(.times, [.count(25089), .count(4096)]), .count(102_764_544)],
                    [.count(102_764_544)],
                ]
            ])
        var solution = Solution(title: "")
        solution.addTable(table)
        let narrowed = TextRenderer(options: RenderOptions(lineWidth: 30)).render(solution)
        #expect(
            narrowed.split(separator: "\n").map(String.init) == [
                "#  parameters                n", String(repeating: "─", count: 30),
                "1  25,089 · 4,096  102,764,544", "   = 102,764,544",
            ])
        let rowByRow = TextRenderer(options: RenderOptions(lineWidth: 29)).render(solution)
        #expect(
            rowByRow.split(separator: "\n").map(String.init) == [
                "# 1", "  parameters: 25,089 · 4,096 = 102,764,544", "  n:          102,764,544",
            ])
    }

    static let affineStep = Step(
        number: 2, lhs: Notation.a(1),
        rhs: [
            .infix(.plus, [.product([Notation.weights(1), Notation.z(0)]), Notation.b(1)]),
            .infix(
                .plus,
                [
                    .product([.matrix(Matrix([[1, 0], [3, 4], [1, 2]])), .matrix(Matrix(column: [2, 1]))]),
                    .matrix(Matrix(column: [0, -2, 5])),
                ]),
            .infix(.plus, [.matrix(Matrix(column: [2, 10, 4])), .matrix(Matrix(column: [0, -2, 5]))]),
            .matrix(Matrix(column: [2, 8, 9])),
        ])

    @Test("a small solution is rendered exactly, ending in one newline")
    func solution() {
        var solution = Solution(
            title: "Backward pass · 1 dense layer, ReLU · loss L = (ŷ − y)²",
            preamble: ["Weights are out × in; a sample is a column vector."])
        solution.beginSection("Forward pass")
        solution.addStep(Notation.z(0), [.symbol(Symbol("x")), .matrix(Matrix(column: [2, 1]))])
        solution.addStep(
            Notation.a(1),
            [
                .infix(.plus, [.product([Notation.weights(1), Notation.z(0)]), Notation.b(1)]),
                .infix(
                    .plus,
                    [
                        .product([.matrix(Matrix(row: [0.5, -1])), .matrix(Matrix(column: [2, 1]))]),
                        .number(0.25),
                    ]),
                .number(0.25),
            ])
        solution.addRemark("ReLU passes positive values unchanged.")
        solution.beginSection("Backward pass")
        for _ in 0..<7 {
            solution.addStep(.symbol(Symbol("η")), [.number(0.1)])
        }
        solution.addStep(
            .partial(of: .symbol(Symbol("L")), withRespectTo: Notation.weights(1)),
            [
                .product([Notation.δ(1), Notation.z(0).transposedSymbol]),
                .product([.number(-0.5), .matrix(Matrix(row: [2, 1]))]),
                .matrix(Matrix(row: [-1, -0.5])),
            ],
            note: "outer product")
        #expect(
            TextRenderer().render(solution) == """
                Backward pass · 1 dense layer, ReLU · loss L = (ŷ − y)²

                Weights are out × in; a sample is a column vector.

                Forward pass
                 (1) z⁽⁰⁾ = x = ⎡2⎤
                                ⎣1⎦

                 (2) a⁽¹⁾ = W⁽¹⁾ z⁽⁰⁾ + b⁽¹⁾ = [0.5  −1] ⎡2⎤ + 0.25 = 0.25
                                                         ⎣1⎦

                     ReLU passes positive values unchanged.

                Backward pass
                 (3) η = 0.1
                 (4) η = 0.1
                 (5) η = 0.1
                 (6) η = 0.1
                 (7) η = 0.1
                 (8) η = 0.1
                 (9) η = 0.1
                (10) ∂L/∂W⁽¹⁾ = δ⁽¹⁾ z⁽⁰⁾ᵀ = −0.5 [2  1] = [−1  −0.5]   [outer product]

                """)
    }
}

extension MathExpression {
    /// The symbol with a transpose mark, for building test expressions.
    fileprivate var transposedSymbol: MathExpression {
        if case .symbol(let symbol) = self { .symbol(symbol.transposed) } else { self }
    }
}
