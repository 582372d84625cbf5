import NNCore

/// Solves `nnhw ema`: each vₜ = βvₜ₋₁ + (1 − β)θₜ with the numbers put in, and
/// with bias correction each vₜ/(1 − βᵗ).
public struct AverageSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked average of `problem`.
    ///
    /// - Throws: an ``InputError`` when a value overflows.
    public func solve(_ problem: AverageProblem) throws(InputError) -> Solution {
        let beta = problem.average.beta
        let averages = problem.average.averages(of: problem.values)
        let corrected = problem.average.corrected(averages)
        let betaSymbol = MathExpression.symbol(Symbol("β"))
        func v(_ t: String, corrected: Bool = false) -> MathExpression {
            .symbol(Symbol("v", index: t, accent: corrected ? .hat : nil))
        }
        func theta(_ t: String) -> MathExpression { .symbol(Symbol("θ", index: t)) }
        func oneMinus(_ x: MathExpression) -> MathExpression { .parenthesized(.infix(.minus, [.number(1), x])) }
        let rule = MathExpression.equation(
            v("t"), .infix(.plus, [.product([betaSymbol, v("t−1")]), .product([oneMinus(betaSymbol), theta("t")])]))
        var preamble: [Prose] = [
            "\(rule) with \(MathExpression.equation(v("0"), .number(0))) and \(MathExpression.equation(betaSymbol, .given(beta))): "
                + "each average weighs the new value by \(oneMinus(betaSymbol)) and the old average by \(betaSymbol)."
        ]
        if problem.correctsBias {
            let correction = MathExpression.equation(
                v("t", corrected: true),
                .infix(.divide, [v("t"), oneMinus(.power(betaSymbol, .symbol(Symbol("t"))))]))
            preamble.append(
                "Starting from \(MathExpression.equation(v("0"), .number(0))) biases the first averages towards \(0); "
                    + "\(correction) corrects it.")
        }
        var solution = Solution(
            title: "Exponentially weighted average \(Prose.titleSeparator) \(counted(problem.values.count, "value")) "
                + "\(Prose.titleSeparator) \(MathExpression.equation(betaSymbol, .given(beta)))",
            preamble: preamble)
        solution.beginSection("Averages")
        var previous = 0.0
        for (index, value) in problem.values.enumerated() {
            let t = "\(index + 1)"
            solution.addStep(
                v(t),
                [
                    .infix(
                        .plus, [.product([betaSymbol, v("\(index)")]), .product([oneMinus(betaSymbol), theta(t)])]),
                    .infix(
                        .plus,
                        [
                            .product([.given(beta), .number(previous)]),
                            .product([oneMinus(.given(beta)), .number(value)]),
                        ]),
                    .number(averages[index]),
                ], producing: ["averages[\(index)]"])
            previous = averages[index]
        }
        var members = [JSONMember("averages", .array(averages.map(JSONValue.number)))]
        if problem.correctsBias {
            solution.beginSection("Bias correction")
            for (index, average) in averages.enumerated() {
                let t = "\(index + 1)"
                solution.addStep(
                    v(t, corrected: true),
                    [
                        .infix(.divide, [v(t), oneMinus(.power(betaSymbol, .count(index + 1)))]),
                        .infix(.divide, [.number(average), oneMinus(.power(.given(beta), .count(index + 1)))]),
                        .number(corrected[index]),
                    ], producing: ["corrected[\(index)]"])
            }
            members.append(JSONMember("corrected", .array(corrected.map(JSONValue.number))))
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--values")
        return solution
    }
}
