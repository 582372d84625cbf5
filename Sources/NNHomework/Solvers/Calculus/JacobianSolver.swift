import NNCore

/// The Jacobian J = ∂f/∂x of a vector function f = (f₁, …, fₘ) of x = (x₁, …, xₙ)
/// at a point, in numerator layout: J is m × n and Jᵢⱼ = ∂fᵢ/∂xⱼ, row i the
/// gradient of fᵢ (the denominator layout writes Jᵀ, n × m).
///
/// Each partial comes from the symbolic derivative, simplified, with the
/// numbers put in; the matrix is checked against central differences
/// Ĵᵢⱼ = (fᵢ(x + h eⱼ) − fᵢ(x − h eⱼ)) / 2h with h = ``step``.
public struct JacobianSolver: Sendable {
    /// h of the check, 10⁻⁵.
    public static let step = 1e-5
    /// The check passes when every |Jᵢⱼ − Ĵᵢⱼ| ≤ 10⁻⁶ · max(1, |Jᵢⱼ|).
    public static let tolerance = 1e-6

    /// A solver.
    public init() {}

    /// The worked Jacobian of `problem`.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--at` when a component or a
    ///   partial derivative is not finite at the point.
    public func solve(_ problem: JacobianProblem) throws(InputError) -> Solution {
        let m = problem.components.count
        let n = problem.variables.count
        let point = problem.point
        let shownPoint = Prose.joined(
            zip(problem.variables, problem.values).map { "\(MathExpression.variable($0)) = \(given: $1)" },
            separator: ", ")
        var solution = Solution(
            title: "Jacobian of \(Self.f) at \(shownPoint)",
            preamble: Self.preamble(m: m, n: n))
        var jacobian = Matrix(rows: m, columns: n)
        var symbolic: [JSONValue] = []
        for (i, component) in problem.components.enumerated() {
            solution.beginSection(
                "Row \(i + 1): \(MathExpression.equation(Self.component(i), MathExpression(component, division: .slash)))"
            )
            _ = try Self.value(of: component, at: point, problem, what: "f\(i + 1)")
            var row: [JSONValue] = []
            for (j, variable) in problem.variables.enumerated() {
                let derivative = component.derivative(withRespectTo: variable)
                row.append(.string(derivative.description))
                let value = try Self.value(of: derivative, at: point, problem, what: "∂f\(i + 1)/∂\(variable)")
                jacobian[i, j] = value
                solution.addStep(
                    .partial(of: Self.component(i), withRespectTo: .variable(variable)),
                    Self.forms(of: derivative, at: point) + [.number(value)],
                    producing: ["jacobian[\(i)][\(j)]", "symbolic[\(i)][\(j)]"])
            }
            symbolic.append(.array(row))
        }
        let numeric = try Self.centralDifferences(problem)
        solution.beginSection("The matrix")
        solution.addStep(
            .partial(of: Self.f, withRespectTo: Self.x), [.matrix(jacobian)], producing: ["jacobian"])
        solution.addRemark(Self.shapeRemark(m: m, n: n))
        solution.beginSection("Check by central differences")
        let error = zip(jacobian.elements, numeric.elements).map { ($0 - $1).magnitude }.max() ?? 0
        let passes = zip(jacobian.elements, numeric.elements).allSatisfy {
            ($0 - $1).magnitude <= Self.tolerance * max(1, $0.magnitude)
        }
        solution.addStep(
            .apply(FunctionName("max"), [.absoluteValue(.infix(.minus, [Self.entry, Self.entryHat]))]),
            [.number(error)], producing: ["check.max_abs_error"])
        solution.addRemark(
            passes
                ? "The symbolic Jacobian agrees with the central differences: every \(MathExpression.infix(.lessThanOrEqual, [.absoluteValue(.infix(.minus, [Self.entry, Self.entryHat])), Self.bound]))."
                : "The symbolic Jacobian and the central differences disagree beyond \(Self.bound): a kink of abs, relu, max or min at the point, or a step \(Symbol("h")) = \(given: Self.step) too coarse for f."
        )
        solution.result = .object([
            JSONMember("components", .array(problem.components.map { .string($0.description) })),
            JSONMember("point", .object(zip(problem.variables, problem.values).map { JSONMember($0, .number($1)) })),
            JSONMember("jacobian", .array(jacobian.rowArrays.map { .array($0.map(JSONValue.number)) })),
            JSONMember("shape", .array([.number(Double(m)), .number(Double(n))])),
            JSONMember("symbolic", .array(symbolic)),
            JSONMember("layout", .string("numerator")),
            JSONMember(
                "check",
                .object([
                    JSONMember("numeric", .array(numeric.rowArrays.map { .array($0.map(JSONValue.number)) })),
                    JSONMember("max_abs_error", .number(error)), JSONMember("pass", .bool(passes)),
                ])),
        ])
        try solution.requireFinite(blaming: "--at")
        return solution
    }

    /// f, the vector function.
    static let f = MathExpression.symbol(Symbol("f"))
    /// x, the vector of variables.
    static let x = MathExpression.symbol(Symbol("x"))
    /// Jᵢⱼ.
    static let entry = MathExpression.symbol(Symbol("J", index: "ij"))
    /// Ĵᵢⱼ.
    static let entryHat = MathExpression.symbol(Symbol("J", index: "ij", accent: .hat))
    /// 10⁻⁶ max(1, |Jᵢⱼ|).
    static let bound = MathExpression.product([
        .power(.number(10), .number(-6)), .apply(FunctionName("max"), [.number(1), .absoluteValue(entry)]),
    ])

    /// fᵢ, component `index` (0-based) written from 1.
    static func component(_ index: Int) -> MathExpression { .symbol(Symbol("f", index: "\(index + 1)")) }

    /// The derivative as a formula, with the numbers put in when that differs, before its value.
    static func forms(of derivative: Expression, at point: [String: Double]) -> [MathExpression] {
        if case .number = derivative { return [] }
        let substituted = derivative.substituting(point)
        if substituted == derivative || isNumber(substituted) {
            return [MathExpression(derivative)]
        }
        return [MathExpression(derivative), MathExpression(substituted)]
    }

    private static func isNumber(_ expression: Expression) -> Bool {
        if case .number = expression { true } else { false }
    }

    /// The layout and shape of ∂f/∂x, in words.
    static func shapeRemark(m: Int, n: Int) -> Prose {
        let shape = MathExpression.infix(.cross, [.count(m), .count(n)])
        let transposed = MathExpression.infix(.cross, [.count(n), .count(m)])
        return
            "Numerator layout: \(MathExpression.partial(of: f, withRespectTo: x)) is \(MathExpression.equation(.infix(.cross, [.symbol(Symbol("m")), .symbol(Symbol("n"))]), shape)), one row per component \(Symbol("f", index: "i")) and one column per variable \(Symbol("x", index: "j")); the denominator layout writes its transpose \(Symbol("J", isTransposed: true)), \(transposed)."
    }

    private static func preamble(m: Int, n: Int) -> [Prose] {
        [
            "\(MathExpression.equation(entry, .partial(of: .symbol(Symbol("f", index: "i")), withRespectTo: .symbol(Symbol("x", index: "j"))))): row \(Symbol("i")) of \(Symbol("J")) is the gradient of \(Symbol("f", index: "i")) (numerator layout), each partial from the symbolic derivative.",
            "Check: \(MathExpression.equation(entryHat, .infix(.divide, [.infix(.minus, [.apply(FunctionName("f", index: "i"), [.infix(.plus, [x, .product([.symbol(Symbol("h")), .symbol(Symbol("e", index: "j"))])])]), .apply(FunctionName("f", index: "i"), [.infix(.minus, [x, .product([.symbol(Symbol("h")), .symbol(Symbol("e", index: "j"))])])])]), .product([.number(2), .symbol(Symbol("h"))])]))) with \(Symbol("h")) = \(given: step).",
        ]
    }

    /// Ĵ, the central differences of every component in every variable.
    private static func centralDifferences(_ problem: JacobianProblem) throws(InputError) -> Matrix {
        var result = Matrix(rows: problem.components.count, columns: problem.variables.count)
        let point = problem.point
        for (i, component) in problem.components.enumerated() {
            for (j, variable) in problem.variables.enumerated() {
                let x = problem.values[j]
                let upper = try value(
                    of: component, at: point.merging([variable: x + step]) { $1 }, problem, what: "f\(i + 1)")
                let lower = try value(
                    of: component, at: point.merging([variable: x - step]) { $1 }, problem, what: "f\(i + 1)")
                result[i, j] = (upper - lower) / (2 * step)
            }
        }
        return result
    }

    /// `expression` at `point`, which must be finite.
    static func value(of expression: Expression, at point: [String: Double], _ problem: JacobianProblem, what: String)
        throws(InputError) -> Double
    {
        let value: Double
        do {
            value = try expression.value(at: point)
        } catch {
            throw InputError(at: "--at", .noValue(for: error.name, variables: nil))
        }
        guard value.isFinite else {
            let place = problem.variables.map { "\($0) = \(Expression.number(point[$0] ?? 0))" }.joined(separator: ", ")
            throw InputError(at: "--at", .notFinite(what, at: place, isNaN: value.isNaN))
        }
        return value
    }
}
