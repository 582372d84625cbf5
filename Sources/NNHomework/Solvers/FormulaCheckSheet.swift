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

    /// g, the derivative from the formula.
    static let g = MathExpression.symbol(Symbol("g"))
    /// ĝ, the finite-difference estimate.
    static let gHat = MathExpression.symbol(Symbol("g", accent: .hat))
    /// |g − ĝ|.
    static let absoluteError = MathExpression.absoluteValue(.infix(.minus, [g, gHat]))
    /// τ max(1, |g|, |ĝ|), the bound of the pass rule.
    static let bound = MathExpression.product([
        .symbol(Symbol("τ")), .apply(FunctionName("max"), [.number(1), .absoluteValue(g), .absoluteValue(gHat)]),
    ])
    /// |g − ĝ| ≤ τ max(1, |g|, |ĝ|).
    static let passRule = MathExpression.infix(.lessThanOrEqual, [absoluteError, bound])

    /// Why a check is neither passed nor failed.
    enum Unjudged {
        /// An argument of abs, relu, … changes sign between x − ε and x + ε.
        case kink
        /// x ± ε rounds to (nearly) x in double precision, so the difference
        /// does not measure a step of ε.
        case lostStep
    }

    /// Adds the steps to the current section of `solution`; `unjudged` says
    /// why the check neither passes nor fails, if it does not.
    func write(into solution: inout Solution, derivative: Expression, passes: Bool, unjudged: Unjudged?) {
        let method = problem.method
        let epsilon = problem.epsilon
        let analytic = comparison.analytic
        let numeric = comparison.numeric
        let decimals = CheckDigits.decimals(
            resolving: comparison.absoluteError, of: max(analytic.magnitude, numeric.magnitude))
        let divisor = method.divisor(step: epsilon)
        let fDecimals = { (value: Double) in CheckDigits.decimals(decimals, dividedBy: divisor, for: value) }

        var derivativeForms = [MathExpression(derivative)]
        let substituted = derivative.substituting(problem.point)
        if substituted != derivative, !substituted.isNumber { derivativeForms.append(MathExpression(substituted)) }
        if case .number = derivative { derivativeForms = [] }
        solution.addStep(
            FormulaCheckSolver.partial(variable),
            derivativeForms + [.preciseNumber(analytic, decimals: decimals)],
            producing: ["\(resultPath).analytic", "derivative.\(variable)"])

        let epsilonSymbol = MathExpression.symbol(Symbol("ε"))
        let errorOrder = MathExpression.infix(
            .approximatelyEqual,
            [
                .apply(FunctionName("O"), [method.order == 2 ? .power(epsilonSymbol, .number(2)) : epsilonSymbol]),
                .number(method.order == 2 ? epsilon * epsilon : epsilon),
            ])
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
            note: "\(method.rawValue) difference, error \(errorOrder)",
            producing: ["\(resultPath).numeric"])

        solution.addStep(
            Self.absoluteError,
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
                [Self.absoluteError, .apply(FunctionName("max"), [.absoluteValue(Self.g), .absoluteValue(Self.gHat)])]),
            [
                .infix(
                    .divide,
                    [.number(comparison.absoluteError), .preciseNumber(largest, decimals: decimals)]),
                .number(comparison.relativeError),
            ], producing: ["\(resultPath).rel_error"])

        let sum = analytic.magnitude + numeric.magnitude
        solution.addStep(
            .infix(
                .divide,
                [
                    Self.absoluteError,
                    .parenthesized(.infix(.plus, [.absoluteValue(Self.g), .absoluteValue(Self.gHat)])),
                ]),
            [
                .infix(.divide, [.number(comparison.absoluteError), .preciseNumber(sum, decimals: decimals)]),
                .number(comparison.difference),
            ], producing: ["\(resultPath).difference"])

        let verdict: Prose =
            switch unjudged {
            case .kink: "not judged: kink"
            case .lostStep: "not judged: step lost in rounding"
            case nil: passes ? "pass: \(Self.absoluteError) is within" : "FAIL: \(Self.absoluteError) exceeds this"
            }
        solution.addStep(
            Self.bound,
            [
                .infix(
                    .times,
                    [
                        .number(tolerance),
                        .preciseNumber(comparison.scale, decimals: decimals),
                    ]),
                .number(tolerance * comparison.scale),
            ],
            note: verdict, producing: ["\(resultPath).pass", "\(resultPath).kink"])
        let v = MathExpression.variable(variable)
        let x = zip(problem.variables, problem.values).first { $0.0 == variable }?.1 ?? 0
        let step = MathExpression.symbol(Symbol("ε"))
        switch unjudged {
        case .kink:
            let functions = Prose.joined(
                ["abs", "relu", "sign", "step", "max", "min"].map { "\(code: $0)" }, separator: ", ", last: " or ")
            solution.addRemark(
                "kink: an argument of \(functions) changes sign between \(MathExpression.infix(.minus, [v, step])) and "
                    + "\(MathExpression.infix(.plus, [v, step])), so the numeric estimate is unreliable here; this check neither passes nor fails."
            )
        case .lostStep:
            solution.addRemark(
                "step lost: at \(MathExpression.equation(v, .given(x))) "
                    + "the doubles are spaced more widely than \(step) allows, so \(MathExpression.infix(.plus, [v, step])) "
                    + "and \(MathExpression.infix(.minus, [v, step])) round to (nearly) \(v) and the difference measures no step "
                    + "of \(step); this check neither passes nor fails. Give a larger \(code: "--eps")."
            )
        case nil: break
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
