import NNCore

/// The second-derivative test of a formula f at each point given: f there,
/// the gradient ∇f (whether the point is critical), every second partial
/// ∂²f/∂xᵢ∂xⱼ symbolically and at the point, the Hessian H, det H, the
/// leading principal minors, the eigenvalues of H (cyclic Jacobi) and the
/// verdict: minimum, maximum, saddle or inconclusive (see ``SecondDerivativeTest``).
public struct HessianSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked test of `problem` at every one of its points.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--at` when f or a derivative is not finite at a point.
    public func solve(_ problem: HessianProblem) throws(InputError) -> Solution {
        let function = problem.function
        let variables = problem.variables
        let gradient = variables.map { function.derivative(withRespectTo: $0) }
        let hessian = function.hessian(in: variables)
        var solution = Solution(
            title: "Second-derivative test of \(Self.f) = \(MathExpression(function, division: .slash))",
            preamble: Self.preamble(tolerance: problem.tolerance))
        var points: [JSONValue] = []
        for (index, values) in problem.points.enumerated() {
            let point = Dictionary(zip(variables, values), uniquingKeysWith: { first, _ in first })
            let place = zip(variables, values).map { "\($0) = \(Expression.number($1))" }.joined(separator: ", ")
            let shown = Prose.joined(
                zip(variables, values).map { "\(MathExpression.variable($0)) = \(given: $1)" }, separator: ", ")
            solution.beginSection("At \(shown)")
            let path = "points[\(index)]"
            let value = try Self.value(of: function, at: point, place: place, what: "f")
            solution.addStep(
                .apply(FunctionName("f"), values.map(MathExpression.given)),
                JacobianSolver.forms(of: function, at: point) + [.number(value)], producing: ["\(path).value"])
            var gradientValues: [Double] = []
            for (i, variable) in variables.enumerated() {
                let g = try Self.value(of: gradient[i], at: point, place: place, what: "∂f/∂\(variable)")
                gradientValues.append(g)
                solution.addStep(
                    .partial(of: Self.f, withRespectTo: .variable(variable)),
                    JacobianSolver.forms(of: gradient[i], at: point) + [.number(g)],
                    producing: ["\(path).gradient[\(i)]"])
            }
            var h = Matrix(rows: variables.count, columns: variables.count)
            for i in variables.indices {
                for j in i..<variables.count {
                    let entry = hessian[i][j]
                    let what = "∂²f/∂\(variables[i])∂\(variables[j])"
                    let hij = try Self.value(of: entry, at: point, place: place, what: what)
                    h[i, j] = hij
                    h[j, i] = hij
                    solution.addStep(
                        Self.secondPartial(Self.f, variables[i], variables[j]),
                        JacobianSolver.forms(of: entry, at: point) + [.number(hij)],
                        producing: ["\(path).hessian[\(i)][\(j)]"])
                }
            }
            let test = SecondDerivativeTest(gradient: gradientValues, hessian: h, tolerance: problem.tolerance)
            let report = HessianReport(test: test, path: path)
            report.write(
                into: &solution, gradientSymbol: Self.gradient, partialSymbol: Self.partial, function: "\(Self.f)")
            points.append(
                report.result(
                    point: .object(zip(variables, values).map { JSONMember($0, .number($1)) }), value: value))
        }
        solution.result = .object([
            JSONMember("function", .string(function.description)),
            JSONMember("variables", .array(variables.map(JSONValue.string))),
            JSONMember(
                "symbolic",
                .object([
                    JSONMember("gradient", .array(gradient.map { .string($0.description) })),
                    JSONMember("hessian", .array(hessian.map { .array($0.map { .string($0.description) }) })),
                ])),
            JSONMember("tolerance", .number(problem.tolerance)),
            JSONMember("points", .array(points)),
        ])
        try solution.requireFinite(blaming: "--at")
        return solution
    }

    /// f.
    static let f = MathExpression.symbol(Symbol("f"))
    /// ∇f.
    static let gradient = MathExpression.product([.symbol(Symbol("∇")), f])
    /// ∂f/∂xᵢ.
    static let partial = MathExpression.partial(of: f, withRespectTo: .symbol(Symbol("x", index: "i")))

    /// ∂²f/∂xᵢ∂xⱼ (∂²f/∂x² when the two are one), for the variables named `first` and `second`.
    static func secondPartial(_ f: MathExpression, _ first: String, _ second: String) -> MathExpression {
        .secondPartial(of: f, withRespectTo: .variable(first), and: .variable(second))
    }

    private static func preamble(tolerance: Double) -> [Prose] {
        let tau = Symbol("τ")
        return [
            "\(MathExpression.equation(.symbol(Symbol("H", index: "ij")), secondPartial(f, "x_i", "x_j"))), from the symbolic derivatives; the order of differentiation does not matter for a smooth \(f), so \(Symbol("H")) is symmetric.",
            "A point is critical when every \(MathExpression.infix(.lessThanOrEqual, [.absoluteValue(partial), .symbol(tau)])) with \(tau) = \(given: tolerance); an eigenvalue \(Symbol("λ")) of \(Symbol("H")) counts as zero when \(MathExpression.infix(.lessThanOrEqual, [.absoluteValue(.symbol(Symbol("λ"))), .product([.symbol(tau), .apply(FunctionName("max"), [.number(1), .absoluteValue(.symbol(Symbol("λ", index: "max")))])])])).",
            "At a critical point: all eigenvalues positive (\(Symbol("H")) positive definite) is a minimum, all negative a maximum, both signs a saddle, a zero eigenvalue without both signs is inconclusive.",
        ]
    }

    /// `expression` at `point`, which must be finite.
    private static func value(of expression: Expression, at point: [String: Double], place: String, what: String)
        throws(InputError) -> Double
    {
        let value: Double
        do {
            value = try expression.value(at: point)
        } catch {
            throw InputError(at: "--at", .noValue(for: error.name, variables: nil))
        }
        guard value.isFinite else { throw InputError(at: "--at", .notFinite(what, at: place, isNaN: value.isNaN)) }
        return value
    }
}
