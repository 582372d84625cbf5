import NNCore

/// A worked solution of a check, and whether the check passed (exit status 1 when not).
public struct CheckedSolution: Sendable, Hashable {
    /// The worked solution.
    public var solution: Solution
    /// Whether every check passed; checks across a kink count as neither.
    public var passed: Bool
}

/// Checks the symbolic derivative of a formula against finite differences:
/// for each variable v, g = ∂f/∂v from the derivative, ĝ from the
/// difference quotient, |g − ĝ|, |g − ĝ| / max(|g|, |ĝ|), the course-style
/// difference |g − ĝ| / (|g| + |ĝ|), and the pass rule
/// |g − ĝ| ≤ τ·max(1, |g|, |ĝ|) with τ = ε (central) or √ε (forward), at least 10⁻⁶.
///
/// The formula and its derivatives are set as math (``MathExpression/init(_:division:)``);
/// JSON keeps them as text that `--f` reads back (`3·x^2`).
///
/// A check where the argument of abs, relu, sign, step, max or min changes
/// sign among the points the difference uses is marked as crossing a kink:
/// the estimate is unreliable there, and the check neither passes nor fails.
public struct FormulaCheckSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked check of every partial derivative of `problem.function`.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--at` when f or a derivative
    ///   is not finite at a point the check uses (outside the domain of log or sqrt, 1/0).
    public func check(_ problem: FormulaCheckProblem) throws(InputError) -> CheckedSolution {
        let method = problem.method
        let epsilon = problem.epsilon
        let tolerance = method.tolerance(step: epsilon)
        let function = problem.function
        let shownPoint = Prose.joined(
            zip(problem.variables, problem.values).map { "\(MathExpression.variable($0)) = \(given: $1)" },
            separator: ", ")
        var solution = Solution(
            title:
                "Gradient check of \(Symbol("f")) = \(MathExpression(function, division: .slash)) at \(shownPoint) (\(method.rawValue) difference, \(Symbol("ε")) = \(given: epsilon))",
            preamble: Self.preamble(method: method, tolerance: tolerance))
        var entries: [JSONValue] = []
        var derivatives: [JSONMember] = []
        var failures: [String] = []
        var kinks: [String] = []
        var lostSteps: [String] = []
        let point = problem.point
        try requireFinite(function, at: point, problem)
        for (index, (variable, x)) in zip(problem.variables, problem.values).enumerated() {
            let derivative = function.derivative(withRespectTo: variable)
            derivatives.append(JSONMember(variable, .string(derivative.description)))
            let analytic = try evaluate(derivative, at: point, problem, what: "∂f/∂\(variable)")
            let (upper, lower) = method.points(around: x, step: epsilon)
            let fUpper = try evaluate(function, at: point, setting: variable, to: upper, shown: "\(variable) + ε")
            let fLower = try evaluate(function, at: point, setting: variable, to: lower, shown: "\(variable) − ε")
            let divisor = method.divisor(step: epsilon)
            let numeric = (fUpper - fLower) / divisor
            let comparison = DerivativeComparison(analytic: analytic, numeric: numeric)
            let crossesKink = Self.crossesKink(function, point: point, variable: variable, at: [lower, x, upper])
            let losesStep = ((upper - lower) - divisor).magnitude > 0.01 * divisor
            let unjudged: FormulaCheckSheet.Unjudged? = crossesKink ? .kink : losesStep ? .lostStep : nil
            let passes = comparison.passes(tolerance: tolerance)
            switch unjudged {
            case .kink: kinks.append(variable)
            case .lostStep: lostSteps.append(variable)
            case nil: if !passes { failures.append(variable) }
            }
            solution.beginSection(Prose(Self.partial(variable)))
            let sheet = FormulaCheckSheet(
                problem: problem, variable: variable, resultPath: "variables[\(index)]", comparison: comparison,
                fUpper: fUpper, fLower: fLower,
                upper: upper, lower: lower, tolerance: tolerance)
            sheet.write(into: &solution, derivative: derivative, passes: passes, unjudged: unjudged)
            entries.append(
                .object([
                    JSONMember("name", .string(variable)),
                    JSONMember("analytic", .number(analytic)),
                    JSONMember("numeric", .number(numeric)),
                    JSONMember("abs_error", .number(comparison.absoluteError)),
                    JSONMember("rel_error", .number(comparison.relativeError)),
                    JSONMember("difference", .number(comparison.difference)),
                    JSONMember("pass", .bool(passes && unjudged == nil)),
                    JSONMember("kink", .bool(crossesKink)),
                    JSONMember("step_lost", .bool(losesStep && !crossesKink)),
                ]))
        }
        let passed = failures.isEmpty
        solution.beginSection("Verdict")
        solution.addRemark(
            Self.verdict(count: problem.variables.count, failures: failures, kinks: kinks, lostSteps: lostSteps))
        solution.result = .object([
            JSONMember("function", .string(function.description)),
            JSONMember("derivative", .object(derivatives)),
            JSONMember(
                "point", .object(zip(problem.variables, problem.values).map { JSONMember($0, .number($1)) })),
            JSONMember("eps", .number(epsilon)),
            JSONMember("method", .string(method.rawValue)),
            JSONMember("order", .number(Double(method.order))),
            JSONMember("tolerance", .number(tolerance)),
            JSONMember("variables", .array(entries)),
            JSONMember("pass", .bool(passed)),
        ])
        try solution.requireFinite(blaming: "--at")
        return CheckedSolution(solution: solution, passed: passed)
    }

    /// ∂f/∂v for the variable named `variable`.
    static func partial(_ variable: String) -> MathExpression {
        .partial(of: .symbol(Symbol("f")), withRespectTo: .variable(variable))
    }

    /// The conventions: what g and ĝ are, the pass rule, the digits shown and the kinks.
    private static func preamble(method: FiniteDifference, tolerance: Double) -> [Prose] {
        let f = FunctionName("f")
        let v = MathExpression.symbol(Symbol("v"))
        let epsilon = MathExpression.symbol(Symbol("ε"))
        let order = MathExpression.apply(FunctionName("O"), [method.order == 2 ? .power(epsilon, .number(2)) : epsilon])
        let upper = MathExpression.apply(f, [.infix(.plus, [v, epsilon])])
        let estimate: MathExpression =
            method == .central
            ? .infix(
                .divide,
                [
                    .infix(.minus, [upper, .apply(f, [.infix(.minus, [v, epsilon])])]),
                    .product([.number(2), epsilon]),
                ])
            : .infix(.divide, [.infix(.minus, [upper, .apply(f, [v])]), epsilon])
        let divisor: MathExpression = method == .central ? .product([.number(2), epsilon]) : epsilon
        let tau: MathExpression = method == .central ? epsilon : .apply(FunctionName("√"), [epsilon])
        let floor: Prose = tolerance == 1e-6 ? " (the floor \(MathExpression.power(.number(10), .number(-6))))" : ""
        let g = FormulaCheckSheet.g
        let gHat = FormulaCheckSheet.gHat
        let zero = MathExpression.number(0)
        return [
            "\(g) = \(MathExpression.partial(of: .symbol(Symbol("f")), withRespectTo: v)) from the symbolic derivative; \(gHat) = \(estimate), whose error is \(order).",
            "Pass rule: \(FormulaCheckSheet.passRule) with \(Symbol("τ")) = \(tau)\(floor), the geometric mean of the error \(order) of a right derivative and the error of order \(1) of a wrong one.",
            "\(gHat) is shown to \(4) significant digits of \(FormulaCheckSheet.absoluteError), and \(MathExpression.apply(f, [.symbol(Symbol("…"))])) with the extra digits the division by \(divisor) needs. Kinks: \(MathExpression.apply(FunctionName("ReLU", isDerivative: true), [zero])) = \(MathExpression.apply(FunctionName("step"), [zero])) = \(0), \(MathExpression.apply(FunctionName("abs", isDerivative: true), [zero])) = \(MathExpression.apply(FunctionName("sign"), [zero])) = \(0); max and min follow their second argument at a tie.",
        ]
    }

    private static func verdict(count: Int, failures: [String], kinks: [String], lostSteps: [String]) -> Prose {
        let partials = { (names: [String]) in Prose.joined(names.map { Prose(partial($0)) }, separator: ", ") }
        var text: Prose
        if failures.isEmpty {
            let agreeing = count - kinks.count - lostSteps.count
            text =
                count == 1 && kinks.isEmpty && lostSteps.isEmpty
                ? "pass: the derivative agrees with the finite difference within the rule"
                : "pass: \(agreeing) of \(count) \(count == 1 ? "partial derivative" : "partial derivatives") agreed within the rule"
        } else {
            text =
                "FAIL: \(partials(failures)) \(failures.count == 1 ? "disagrees" : "disagree") with the "
                + "finite difference beyond the rule"
        }
        if !kinks.isEmpty {
            text = text + "; \(partials(kinks)) crossed a kink and \(kinks.count == 1 ? "is" : "are") not judged"
        }
        if !lostSteps.isEmpty {
            text =
                text
                + "; \(partials(lostSteps)) \(lostSteps.count == 1 ? "is" : "are") not judged: the step \(Symbol("ε")) is lost in rounding"
        }
        return text + "."
    }

    /// Whether the argument of a kink changes sign (or is 0) among the points the difference uses.
    private static func crossesKink(_ function: Expression, point: [String: Double], variable: String, at xs: [Double])
        -> Bool
    {
        function.kinkArguments.contains { argument in
            let signs = xs.map { x -> Double in
                let value = (try? argument.value(at: point, setting: variable, to: x)) ?? 0
                return value > 0 ? 1 : value < 0 ? -1 : 0
            }
            return signs.contains(0) || Set(signs).count > 1
        }
    }

    private func requireFinite(_ function: Expression, at point: [String: Double], _ problem: FormulaCheckProblem)
        throws(InputError)
    {
        _ = try evaluate(function, at: point, problem, what: "f")
    }

    /// f at `point` with `variable` moved to `x`, a point of the difference written `shown` (`x + ε`).
    private func evaluate(
        _ function: Expression, at point: [String: Double], setting variable: String, to x: Double, shown: String
    ) throws(InputError) -> Double {
        var moved = point
        moved[variable] = x
        let value = try Self.value(of: function, at: moved)
        guard value.isFinite else {
            throw InputError(at: "--at", .notFiniteNearby(at: "\(shown) = \(Expression.number(x))", isNaN: value.isNaN))
        }
        return value
    }

    /// `what` (f or a partial derivative) at the point given, which must be finite.
    private func evaluate(
        _ expression: Expression, at point: [String: Double], _ problem: FormulaCheckProblem, what: String
    ) throws(InputError) -> Double {
        let value = try Self.value(of: expression, at: point)
        guard value.isFinite else {
            let place = problem.variables.map { "\($0) = \(Expression.number(point[$0] ?? 0))" }.joined(separator: ", ")
            throw InputError(at: "--at", .notFinite(what, at: place, isNaN: value.isNaN))
        }
        return value
    }

    /// The value of `expression` at `point`; a variable without a value is a usage error at `--at`.
    private static func value(of expression: Expression, at point: [String: Double]) throws(InputError) -> Double {
        do {
            return try expression.value(at: point)
        } catch {
            throw InputError(at: "--at", .noValue(for: error.name, variables: nil))
        }
    }
}
