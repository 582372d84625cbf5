import NNCore

/// The steps of the check of one partial derivative ∂f/∂v: g from the
/// derivative, ĝ from the difference quotient with the numbers put in, the
/// absolute and relative errors, and the bound of the pass rule.
struct FormulaCheckSheet {
    var problem: FormulaCheckProblem
    var variable: String
    /// Where the variable's entry sits in the result: `variables[k]`.
    var resultPath: String
    var comparison: DerivativeComparison
    var fUpper: Double
    var fLower: Double
    var upper: Double
    var lower: Double
    var tolerance: Double

    private static let g = MathExpression.symbol(Symbol("g"))
    private static let gHat = MathExpression.symbol(Symbol("g", accent: .hat))

    /// Adds the steps to the current section of `solution`.
    func write(into solution: inout Solution, derivative: Expression, passes: Bool, crossesKink: Bool) {
        let method = problem.method
        let epsilon = problem.epsilon
        let analytic = comparison.analytic
        let numeric = comparison.numeric
        let decimals = CheckDigits.decimals(
            resolving: comparison.absoluteError, of: max(analytic.magnitude, numeric.magnitude))
        let divisor = method.divisor(step: epsilon)
        let fDecimals = { (value: Double) in CheckDigits.decimals(decimals, dividedBy: divisor, for: value) }

        var derivativeForms = [MathExpression.text(derivative.description)]
        let substituted = derivative.substituting(problem.point)
        if substituted != derivative, !substituted.isNumber { derivativeForms.append(.text(substituted.description)) }
        if case .number = derivative { derivativeForms = [] }
        solution.addStep(
            .partial(of: .symbol(Symbol("f")), withRespectTo: .symbol(Symbol(variable))),
            derivativeForms + [.preciseNumber(analytic, decimals: decimals)],
            producing: ["\(resultPath).analytic", "derivative.\(variable)"])

        let exactEpsilon = MathExpression.preciseNumber(epsilon, decimals: CheckDigits.exactDecimals(epsilon))
        let shownDivisor: MathExpression =
            method == .central ? .parenthesized(.infix(.times, [.number(2), exactEpsilon])) : exactEpsilon
        solution.addStep(
            Self.gHat,
            [
                .infix(.divide, [.infix(.minus, [call(at: upper), call(at: lower)]), shownDivisor]),
                .infix(
                    .divide,
                    [
                        .infix(
                            .minus,
                            [
                                .preciseNumber(fUpper, decimals: fDecimals(fUpper)),
                                .preciseNumber(fLower, decimals: fDecimals(fLower)),
                            ]),
                        .preciseNumber(divisor, decimals: CheckDigits.exactDecimals(divisor)),
                    ]),
                .preciseNumber(numeric, decimals: decimals),
            ],
            note:
                "\(method.rawValue) difference, error O(\(method.order == 2 ? "ε²" : "ε")) ≈ \(number: method.order == 2 ? epsilon * epsilon : epsilon)",
            producing: ["\(resultPath).numeric"])

        solution.addStep(
            .absoluteValue(.infix(.minus, [Self.g, Self.gHat])),
            [
                .absoluteValue(
                    .infix(
                        .minus,
                        [.preciseNumber(analytic, decimals: decimals), .preciseNumber(numeric, decimals: decimals)])),
                .number(comparison.absoluteError),
            ], producing: ["\(resultPath).abs_error"])

        let largest = max(analytic.magnitude, numeric.magnitude)
        solution.addStep(
            .infix(
                .divide,
                [
                    .absoluteValue(.infix(.minus, [Self.g, Self.gHat])),
                    .apply(FunctionName("max"), [.absoluteValue(Self.g), .absoluteValue(Self.gHat)]),
                ]),
            [
                .infix(
                    .divide,
                    [.number(comparison.absoluteError), .preciseNumber(largest, decimals: decimals)]),
                .number(comparison.relativeError),
            ], producing: ["\(resultPath).rel_error"])

        let verdict =
            crossesKink
            ? "not judged: kink" : passes ? "pass: |g − ĝ| is within" : "FAIL: |g − ĝ| exceeds this"
        solution.addStep(
            .product([
                .symbol(Symbol("τ")),
                .apply(FunctionName("max"), [.number(1), .absoluteValue(Self.g), .absoluteValue(Self.gHat)]),
            ]),
            [
                .infix(
                    .times,
                    [
                        .number(tolerance),
                        .preciseNumber(comparison.scale, decimals: decimals),
                    ]),
                .number(tolerance * comparison.scale),
            ],
            note: "\(verdict)", producing: ["\(resultPath).pass", "\(resultPath).kink"])
        if crossesKink {
            solution.addRemark(
                "kink: an argument of abs, relu, sign, step, max or min changes sign between \(variable) − ε and "
                    + "\(variable) + ε, so the numeric estimate is unreliable here; this check neither passes nor fails."
            )
        }
    }

    /// f(…) at the point with `variable` moved to `x`, the other variables at their values.
    private func call(at x: Double) -> MathExpression {
        let arguments = zip(problem.variables, problem.values).map { name, value in
            let shown = name == variable ? x : value
            return MathExpression.preciseNumber(shown, decimals: CheckDigits.exactDecimals(shown))
        }
        return .apply(FunctionName("f"), arguments)
    }
}

extension Expression {
    fileprivate var isNumber: Bool {
        if case .number = self { true } else { false }
    }
}
