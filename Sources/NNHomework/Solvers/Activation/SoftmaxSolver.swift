import NNCore

/// Solves `nnhw softmax`: for each sample the exponentials (written stably as
/// e^(βsᵢ − m), m = maxⱼ βsⱼ), their sum, the probabilities, the
/// log-probabilities and the argmax; for one sample of at most
/// ``maximumJacobianSize`` scores also the Jacobian.
public struct SoftmaxSolver: Sendable {
    /// A solver.
    public init() {}

    /// The softmax of every row of `problem.scores` at coldness β = 1/T.
    ///
    /// - Throws: an invalid-data ``InputError`` when a value is not finite.
    public func solve(_ problem: SoftmaxProblem) throws(InputError) -> Solution {
        let beta = problem.beta
        let samples = problem.scores.rows
        let isOne = samples == 1
        let s = { (index: String?) in MathExpression.symbol(Symbol("s", index: index)) }
        let p = { (index: String?) in MathExpression.symbol(Symbol("p", index: index)) }
        let betaSymbol = MathExpression.symbol(Symbol("β"))
        let m = MathExpression.symbol(Symbol("m"))
        let scaled = { (x: MathExpression) in beta == 1 ? x : MathExpression.product([betaSymbol, x]) }
        let scaledNumber = { (x: Double) in
            beta == 1 ? MathExpression.number(x) : .infix(.times, [.given(beta), .number(x)])
        }
        let coldness: Prose =
            problem.temperature.map {
                " at temperature \(MathExpression.equation(.symbol(Symbol("T")), .given($0)))"
            } ?? (beta == 1 ? "" : " at \(MathExpression.equation(betaSymbol, .given(beta)))")
        var preamble: [Prose] = [
            "\(MathExpression.equation(p("i"), .infix(.divide, [exp(scaled(s("i"))), .parenthesized(.summation(index: "j", exp(scaled(s("j")))))])))"
                + (beta == 1
                    ? ""
                    : " with \(MathExpression.equation(betaSymbol, .infix(.divide, [.count(1), .symbol(Symbol("T"))])))")
                + "; indices from \(1).",
            "Written stably: each exponent is shifted by \(MathExpression.equation(m, .apply(FunctionName("max"), [scaled(s("j"))]))), "
                + "\(MathExpression.equation(p("i"), .infix(.divide, [exp(.infix(.minus, [scaled(s("i")), m])), .parenthesized(.summation(index: "j", exp(.infix(.minus, [scaled(s("j")), m]))))]))), "
                + "which changes nothing (the factor \(exp(m)) cancels between numerator and denominator) but never overflows.",
        ]
        if problem.temperature != nil {
            let definition = MathExpression.infix(.divide, [.count(1), .symbol(Symbol("T"))])
            let numbers = MathExpression.infix(.divide, [.count(1), .given(problem.temperature ?? 1)])
            preamble.append("\(MathExpression.infix(.equals, [betaSymbol, definition, numbers, .number(beta)])).")
        }
        var solution = Solution(
            title:
                "Softmax \(Prose.titleSeparator) \(samples == 1 ? "\(problem.scores.columns) scores" : "\(samples) samples")\(coldness)",
            preamble: preamble)
        var probabilities: [[Double]] = []
        var logProbabilities: [[Double]] = []
        var argmaxes: [Int] = []
        for row in 0..<samples {
            let scores = problem.scores.row(row)
            let prefix = isOne ? "" : "[\(row)]"
            let exponents = scores.map { beta * $0 }
            let shift = exponents.max() ?? 0
            let shifted = exponents.map { $0 - shift }
            let e = shifted.map { Activation.exponential($0) }
            let total = e.reduce(0, +)
            let probability = Activation.softmax(scores, beta: beta)
            let logProbability = Activation.logSoftmax(scores, beta: beta)
            solution.beginSection(isOne ? "Probabilities" : "Sample \(row + 1)")
            solution.addStep(s(nil), [.inlineVector(scores)])
            solution.addStep(
                m,
                [.apply(FunctionName("max"), scores.map(scaledNumber)), .number(shift)])
            for i in scores.indices {
                let index = "\(i + 1)"
                solution.addStep(
                    exp(.infix(.minus, [scaled(s(index)), m])),
                    [
                        exp(.infix(.minus, [scaledNumber(scores[i]), .number(shift)])), exp(.number(shifted[i])),
                        .number(e[i]),
                    ])
            }
            solution.addStep(
                .summation(index: "j", exp(.infix(.minus, [scaled(s("j")), m]))),
                [.infix(.plus, e.map(MathExpression.number)), .number(total)])
            for i in scores.indices {
                solution.addStep(
                    p("\(i + 1)"), [.fraction(.number(e[i]), .number(total)), .number(probability[i])],
                    producing: ["probabilities\(prefix)[\(i)]"])
            }
            solution.addStep(p(nil), [.inlineVector(probability)], producing: ["probabilities\(prefix)"])
            let logSum = MathExpression.apply(
                FunctionName("ln"), [.summation(index: "j", exp(.infix(.minus, [scaled(s("j")), m])))])
            solution.addStep(
                .apply(FunctionName("ln"), [p("i")]),
                [.infix(.minus, [scaled(s("i")), m, logSum]), .inlineVector(logProbability)],
                note: "log-softmax, from the shifted exponents: finite even where \(p("i")) underflows to \(0)",
                producing: ["log_probabilities\(prefix)"])
            let best = probability.indices.max { probability[$0] < probability[$1] } ?? 0
            let first = probability.indices.first { probability[$0] == probability[best] } ?? best
            solution.addRemark(
                "The largest probability is \(MathExpression.equation(p("\(first + 1)"), .number(probability[first]))): "
                    + "the argmax is class \(first + 1) (index \(first) counted from \(0), as in JSON).")
            probabilities.append(probability)
            logProbabilities.append(logProbability)
            argmaxes.append(first)
        }
        var members = [
            JSONMember("beta", .number(beta)),
            JSONMember("probabilities", Self.json(probabilities, isOne: isOne)),
            JSONMember("log_probabilities", Self.json(logProbabilities, isOne: isOne)),
            JSONMember("argmax", isOne ? .number(Double(argmaxes[0])) : .array(argmaxes.map { .number(Double($0)) })),
        ]
        if isOne && problem.scores.columns <= Self.maximumJacobianSize {
            let jacobian = Activation(.softmax(beta: beta)).jacobian(at: problem.scores.row(0))
            solution.beginSection("Jacobian")
            let diagonal = MathExpression.infix(
                .minus,
                [.apply(FunctionName("diag"), [p(nil)]), .product([p(nil), .symbol(Symbol("p", isTransposed: true))])])
            let definition: MathExpression = beta == 1 ? diagonal : .product([betaSymbol, .parenthesized(diagonal)])
            solution.addStep(
                .partial(of: p(nil), withRespectTo: s(nil)), [definition, .matrix(jacobian)],
                note:
                    "entry \(MathExpression.equation(.symbol(Symbol("J", index: "ij")), .partial(of: p("i"), withRespectTo: s("j")))); rows sum to \(0)",
                producing: ["jacobian"])
            members.append(JSONMember("jacobian", .array(jacobian.rowArrays.map { .array($0.map(JSONValue.number)) })))
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--scores")
        return solution
    }

    /// The most scores whose Jacobian (n × n) a solution shows.
    public static let maximumJacobianSize = 100

    private func exp(_ exponent: MathExpression) -> MathExpression {
        .power(.symbol(Symbol("e")), exponent)
    }

    private static func json(_ rows: [[Double]], isOne: Bool) -> JSONValue {
        let arrays = rows.map { JSONValue.array($0.map(JSONValue.number)) }
        return isOne ? arrays[0] : .array(arrays)
    }
}
