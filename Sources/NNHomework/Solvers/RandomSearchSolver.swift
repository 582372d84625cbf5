import NNCore

/// Solves a random-search budget: each trial lands in the good fraction p
/// independently, so P(at least one good in N) = 1 − (1 − p)ᴺ; for confidence
/// q the trials are N = ⌈ln(1 − q) / ln(1 − p)⌉, or for given N the probability.
public struct RandomSearchSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked solution; its result has `trials`, `probability`, `bound`
    /// (when a confidence is given) and with a schedule `total_epochs` and `total_minutes`.
    ///
    /// - Throws: an invalid-data error when the trials do not fit in a whole number.
    public func solve(_ problem: RandomSearchProblem) throws(InputError) -> Solution {
        let search = problem.search
        let p = MathExpression.symbol(Symbol("p"))
        let q = MathExpression.symbol(Symbol("q"))
        let n = MathExpression.symbol(Symbol("N"))
        let bound = MathExpression.symbol(Symbol("N*"))
        let pValue = MathExpression.given(problem.goodFraction)
        let fraction: Prose = "good fraction \(.equation(p, pValue))"
        let one = MathExpression.count(1)
        let ln = FunctionName("ln")
        let failures = { (base: MathExpression) in MathExpression.infix(.minus, [one, base]) }
        let chance = MathExpression.infix(.minus, [one, .power(failures(p), n)])
        let independence: Prose =
            "Each trial is good with probability \(p), independently, so "
            + "\(.equation(.apply(FunctionName("P"), [.product([.text("at least one good in"), n])]), chance))."
        var members: [JSONMember] = []
        let trials: Int
        var solution: Solution
        switch problem.question {
        case .trialsFor(let confidence):
            solution = Solution(
                title:
                    "Random search \(Prose.titleSeparator) trials for confidence \(.equation(q, .given(confidence))) \(Prose.titleSeparator) \(fraction)"
            )
            let logFailure = MathExpression.apply(ln, [failures(p)])
            let logMiss = MathExpression.apply(ln, [failures(q)])
            let equivalence = MathExpression.infix(
                .equivalent,
                [
                    .infix(.greaterThanOrEqual, [chance, q]),
                    .infix(.lessThanOrEqual, [.product([n, logFailure]), logMiss]),
                    .infix(.greaterThanOrEqual, [n, .infix(.divide, [logMiss, logFailure])]),
                ])
            solution.preamble = [
                independence, "\(equivalence), as \(.infix(.lessThan, [logFailure, .count(0)])).",
            ]
            solution.beginSection("Trials")
            let exact = search.bound(confidence: confidence)
            do {
                trials = try search.trials(confidence: confidence)
            } catch {
                throw InputError(at: "--good-fraction", .tooManyTrials)
            }
            solution.addStep(
                bound,
                [
                    .infix(
                        .divide,
                        [
                            .apply(ln, [.infix(.minus, [.number(1), q])]),
                            .apply(ln, [.infix(.minus, [.number(1), p])]),
                        ]),
                    .infix(
                        .divide,
                        [
                            .apply(ln, [.infix(.minus, [.number(1), .given(confidence)])]),
                            .apply(ln, [.infix(.minus, [.number(1), pValue])]),
                        ]),
                    .number(exact),
                ], producing: ["bound"])
            let whole = RandomSearch.isWhole(exact)
            let count = Quantity.count(trials, trials == 1 ? "trial" : "trials")
            let tolerance = MathExpression.power(.count(10), .number(-9))
            solution.addStep(
                n, whole ? [bound, count] : [.ceiling(bound), .ceiling(.number(exact)), count],
                note: whole
                    ? "\(bound) is a whole number (within a relative \(tolerance)), so \(.equation(n, bound))"
                    : "the ceiling: the smallest whole \(.infix(.greaterThanOrEqual, [n, bound]))",
                producing: ["trials"])
            members = [JSONMember("trials", .number(Double(trials))), JSONMember("bound", .number(exact))]
        case .probabilityOf(let given):
            trials = given
            solution = Solution(
                title:
                    "Random search \(Prose.titleSeparator) probability of a good trial in \(Quantity.count(given, given == 1 ? "trial" : "trials")) \(Prose.titleSeparator) \(fraction)"
            )
            solution.preamble = [independence]
            solution.beginSection("Probability")
            members = [JSONMember("trials", .number(Double(trials)))]
        }
        let probability = search.probability(trials: trials)
        var note: Prose?
        if case .trialsFor(let confidence) = problem.question {
            note = "at least \(.equation(q, .given(confidence)))"
            if trials > 1, let shown = note {
                let fewer = search.probability(trials: trials - 1)
                let fewerTrials = Quantity.count(trials - 1, trials == 2 ? "trial" : "trials")
                note =
                    "\(shown); \(fewerTrials) \(trials == 2 ? "gives" : "give") \(.infix(.lessThan, [.number(fewer), q]))"
            }
        }
        solution.addStep(
            .apply(FunctionName("P"), [.product([.text("at least one good in"), .count(trials)])]),
            [
                .infix(.minus, [.number(1), .power(.infix(.minus, [.number(1), p]), n)]),
                .infix(.minus, [.number(1), .power(.infix(.minus, [.number(1), pValue]), .number(Double(trials)))]),
                .number(probability),
            ], note: note, producing: ["probability"])
        members.append(JSONMember("probability", .number(probability)))
        if let schedule = problem.schedule {
            members += try SearchSchedule.write(runs: trials, unit: "trials", schedule: schedule, into: &solution)
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--epoch-time")
        return solution
    }
}
