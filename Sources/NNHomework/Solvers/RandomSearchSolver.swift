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
        let pValue = MathExpression.number(problem.goodFraction)
        var members: [JSONMember] = []
        let trials: Int
        var solution: Solution
        switch problem.question {
        case .trialsFor(let confidence):
            solution = Solution(
                title:
                    "Random search · trials for confidence q = \(plain(confidence)) · good fraction p = \(plain(problem.goodFraction))"
            )
            solution.preamble = [
                "Each trial is good with probability p, independently, so P(at least one good in N) = 1 − (1 − p)ᴺ.",
                "1 − (1 − p)ᴺ ≥ q ⇔ N ln(1 − p) ≤ ln(1 − q) ⇔ N ≥ ln(1 − q) / ln(1 − p), as ln(1 − p) < 0.",
            ]
            solution.beginSection("Trials")
            let exact = search.bound(confidence: confidence)
            do {
                trials = try search.trials(confidence: confidence)
            } catch {
                throw InputError(
                    .invalidData, at: "--good-fraction", "the number of trials exceeds 2⁶² (p is too small)")
            }
            let ln = FunctionName("ln")
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
                            .apply(ln, [.infix(.minus, [.number(1), .number(confidence)])]),
                            .apply(ln, [.infix(.minus, [.number(1), pValue])]),
                        ]),
                    .number(exact),
                ], producing: ["bound"])
            let whole = RandomSearch.isWhole(exact)
            let count = Quantity.of(Double(trials), trials == 1 ? "trial" : "trials")
            solution.addStep(
                n, whole ? [bound, count] : [.ceiling(bound), .ceiling(.number(exact)), count],
                note: whole
                    ? "N* is a whole number (within a relative 10⁻⁹), so N = N*"
                    : "the ceiling: the smallest whole N ≥ N*", producing: ["trials"])
            members = [JSONMember("trials", .number(Double(trials))), JSONMember("bound", .number(exact))]
        case .probabilityOf(let given):
            trials = given
            solution = Solution(
                title:
                    "Random search · probability of a good trial in \(counted(given, "trial")) · good fraction p = \(plain(problem.goodFraction))"
            )
            solution.preamble = [
                "Each trial is good with probability p, independently, so P(at least one good in N) = 1 − (1 − p)ᴺ."
            ]
            solution.beginSection("Probability")
            members = [JSONMember("trials", .number(Double(trials)))]
        }
        let probability = search.probability(trials: trials)
        var note: String?
        if case .trialsFor(let confidence) = problem.question {
            note = "≥ q = \(plain(confidence))"
            if trials > 1 {
                let fewer = search.probability(trials: trials - 1)
                note =
                    "≥ q = \(plain(confidence)); \(counted(trials - 1, "trial")) \(trials == 2 ? "gives" : "give") \(NumberFormat(precision: 4).text(fewer)) < q"
            }
        }
        solution.addStep(
            .apply(FunctionName("P"), [.text("at least one good in \(trials)")]),
            [
                .infix(.minus, [.number(1), .power(.infix(.minus, [.number(1), p]), n)]),
                .infix(.minus, [.number(1), .power(.infix(.minus, [.number(1), pValue]), .number(Double(trials)))]),
                .number(probability),
            ], note: note.map { "\($0)" }, producing: ["probability"])
        members.append(JSONMember("probability", .number(probability)))
        if let schedule = problem.schedule {
            members += try SearchSchedule.write(runs: trials, unit: "trials", schedule: schedule, into: &solution)
        }
        solution.result = .object(members)
        return solution
    }

    /// A given input as the user would write it, in its shortest exact form: 0.05, 0.995.
    private func plain(_ x: Double) -> String {
        specText(x)
    }
}
