import NNCore
import Testing

@Suite("Expression: symbolic derivative and simplification")
struct ExpressionDerivativeTests {
    /// Derivatives by hand, written as a student simplifies them.
    @Test(
        "derivatives print in simplified homework form",
        arguments: [
            ("x^3", "x", "3·x^2"),
            ("-x^3", "x", "−3·x^2"),
            ("5*x^2 + 2*x + 7", "x", "10·x + 2"),
            ("a*b + b^2", "a", "b"),
            ("a*b + b^2", "b", "a + 2·b"),
            ("x*x", "x", "2·x"),
            ("exp(2*x)", "x", "2·exp(2·x)"),
            ("log(x)", "x", "1/x"),
            ("relu(x)", "x", "step(x)"),
            ("abs(x)", "x", "sign(x)"),
            ("max(x, 0)", "x", "step(x)"),
            ("sin(x)", "x", "cos(x)"),
            ("x^2 - x^2", "x", "0"),
            ("3", "x", "0"),
        ])
    func derivative(formula: String, variable: String, expected: String) throws {
        #expect(try Expression(parsing: formula).derivative(withRespectTo: variable).description == expected)
    }

    static let formulas = [
        "x^3", "sin(x)*cos(y)", "exp(x*y)/(1 + x^2)", "log(x^2 + 1) - sqrt(y^2 + 2)", "tanh(x - y)^2",
        "sigmoid(3*x + y)", "x^y", "2^x", "relu(x)*y + abs(y)", "max(x, y)*min(x, 2*y)", "tan(x/3)",
        "-x^2*(y - 3*x)/4", "(x*y*2)*(3*x)", "x - (-(y))", "x + -3*y",
    ]

    /// Independent reference: central differences with ε = 10⁻⁵ (error ~10⁻¹⁰·f‴).
    @Test("every derivative agrees with central differences at seeded random points", arguments: formulas)
    func agreesWithFiniteDifferences(formula: String) throws {
        let f = try Expression(parsing: formula)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let point = [
                "x": Double.random(in: 0.3...2, using: &generator), "y": Double.random(in: 0.3...2, using: &generator),
            ]
            for variable in ["x", "y"] {
                let analytic = try f.derivative(withRespectTo: variable).value(at: point)
                let numeric = try FiniteDifference.central.derivative(
                    of: { (v: Double) throws(UndefinedVariableError) in try f.value(at: point, setting: variable, to: v)
                    },
                    at: point[variable] ?? 0, step: 1e-5)
                if f.kinkArguments.contains(where: { (try? $0.value(at: point).magnitude) ?? 0 < 1e-3 }) { continue }
                expectApproximatelyEqual(analytic, numeric, absoluteTolerance: 1e-5, relativeTolerance: 1e-5)
            }
        }
    }

    @Test("simplification never changes the value (property test, 200 seeded points per formula)", arguments: formulas)
    func simplificationPreservesValue(formula: String) throws {
        let f = try Expression(parsing: formula)
        let raw = try Expression(parsing: formula + " + 0*x*1 - 0")
        var generator = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let point = [
                "x": Double.random(in: -3...3, using: &generator), "y": Double.random(in: -3...3, using: &generator),
            ]
            for expression in [f, raw, f.derivative(withRespectTo: "x")] {
                let original = try expression.value(at: point)
                guard original.isFinite else { continue }
                expectApproximatelyEqual(
                    try expression.simplified().value(at: point), original, absoluteTolerance: 1e-12,
                    relativeTolerance: 1e-12)
                let reread = try Expression(parsing: expression.description)
                expectApproximatelyEqual(
                    try reread.value(at: point), original, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)
            }
        }
    }

    @Test("kink conventions: relu′(0) = abs′(0) = 0, max(x, 0)′(0) = 0")
    func kinks() throws {
        for formula in ["relu(x)", "abs(x)", "max(x, 0)"] {
            #expect(try Expression(parsing: formula).derivative(withRespectTo: "x").value(at: ["x": 0]) == 0)
        }
        #expect(try Expression(parsing: "relu(x - 1) + y").kinkArguments.count == 1)
    }
}
