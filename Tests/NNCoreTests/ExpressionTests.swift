import NNCore
import Testing

@Suite("Expression: parsing, printing, evaluation")
struct ExpressionTests {
    /// (formula, point, value by hand).
    @Test(
        "precedence and associativity as in the homework: ^ right-associative, tighter than unary minus",
        arguments: [
            ("-x^2", 3.0, -9.0),  // −(3²) = −9, not (−3)² = 9
            ("2^3^2", 0, 512),  // 2^(3^2) = 2⁹
            ("1 + 2*3", 0, 7),
            ("(1 + 2)*3", 0, 9),
            ("8/4/2", 0, 1),  // (8/4)/2
            ("10 - 4 - 3", 0, 3),  // (10 − 4) − 3
            ("2*-x", 3, -6),
            ("1e-3*x", 2000, 2),
            ("2·x − 1", 2, 3),  // the printed form reads back
            ("max(x, 1) + min(x, 1)", 3, 4),
            ("relu(x) + abs(x)", -2, 2),
            ("x^-1", 4, 0.25),
        ])
    func value(formula: String, x: Double, expected: Double) throws {
        #expect(try Expression(parsing: formula).value(at: ["x": x]) == expected)
    }

    @Test(
        "printing uses minimal parentheses, · and −",
        arguments: [
            ("x^3", "x^3"), ("-x^2", "−x^2"), ("(-x)^2", "(−x)^2"), ("(a+b)*c", "(a + b)·c"),
            ("a-(b-c)", "a − (b − c)"), ("a*(-b)", "a·(−b)"), ("2^3^2", "2^3^2"), ("(2^3)^2", "(2^3)^2"),
            ("x^(-1)", "x^(−1)"), ("max(a, b+1)", "max(a, b + 1)"), ("a/(b*c)", "a/(b·c)"),
        ])
    func printing(formula: String, expected: String) throws {
        #expect(try Expression(parsing: formula).description == expected)
    }

    @Test(
        "syntax errors name the column",
        arguments: [
            ("x^", "column 3: expected a number, a variable or '(', but the formula ends"),
            ("(x", "column 3: expected ')'"),
            ("2*(x+3", "column 7: expected ')'"),
            ("2**x", "column 2: '**' is not an operator; write '^' for a power"),
            (
                "foo(x)",
                "column 1: unknown function foo; the functions are exp log sqrt abs sin cos tan tanh sigmoid relu sign step max min"
            ),
            ("max(x)", "column 1: max takes 2 arguments, got 1"),
            ("exp x", "column 5: expected '(' after the function exp"),
            ("x y", "column 3: expected an operator, found 'y'"),
            ("x)", "column 2: unmatched ')'"),
            ("", "column 1: the formula is empty"),
            ("1e", "column 2: expected the digits of an exponent after 'e'"),
            ("1e999", "column 1: 1e999 is too large for a double"),
            ("x $ 2", "column 3: expected an operator, found '$'"),
        ])
    func syntaxError(formula: String, expected: String) {
        #expect(throws: ExpressionSyntaxError.self) { try Expression(parsing: formula) }
        do {
            _ = try Expression(parsing: formula)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("deep nesting and long input are refused or handled, never a crash")
    func limits() throws {
        let deep = String(repeating: "(", count: 400) + "x" + String(repeating: ")", count: 400)
        #expect(try Expression(parsing: deep).value(at: ["x": 2]) == 2)
        #expect(throws: ExpressionSyntaxError.self) {
            try Expression(parsing: String(repeating: "x+", count: 600) + "x")
        }
    }

    @Test("an undefined variable is an error naming it")
    func undefinedVariable() throws {
        let f = try Expression(parsing: "x*y")
        #expect(throws: UndefinedVariableError(name: "y")) { try f.value(at: ["x": 1]) }
        #expect(f.variables == ["x", "y"])
    }
}
