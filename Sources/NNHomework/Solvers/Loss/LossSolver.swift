import NNCore

/// Solves `nnhw loss`: each sample's loss ℓᵢ with its numbers put in, the
/// reduction L = (1/N) Σᵢ ℓᵢ (or the sum, or none), and the gradient ∂L/∂ŷ
/// entry by entry, in the shape the numbers were given.
public struct LossSolver: Sendable {
    /// A solver.
    public init() {}

    /// Up to this many outputs a sample's loss is written with every number put in.
    static let termsShown = 8

    /// The worked loss of `problem`.
    ///
    /// - Throws: an invalid-data error when a loss or gradient is infinite
    ///   (a logarithm of a probability 0).
    public func solve(_ problem: LossProblem) throws(InputError) -> Solution {
        let notation = LossSheet(problem: problem)
        let losses = problem.loss.sampleLosses(prediction: problem.prediction, target: problem.target)
        let gradient = problem.loss.gradient(prediction: problem.prediction, target: problem.target)
        let reduced = problem.loss.reductionFactor(samples: losses.count) * losses.reduce(0, +)
        var solution = Solution(
            title: "\(LossNotation.words(problem.loss.function)) \(Prose.titleSeparator) "
                + "\(losses.count) \(losses.count == 1 ? "sample" : "samples") \(Prose.titleSeparator) reduction \(problem.reduction.rawValue)",
            preamble: notation.conventions)
        solution.beginSection("Loss of each sample")
        solution.addRemark("\(notation.sampleLoss("i")) = \(notation.formula)")
        for (i, value) in losses.enumerated() {
            let work = notation.work(sample: i)
            solution.addStep(
                notation.sampleLoss("\(i + 1)"), work.rhs + [.number(value)], note: work.note,
                producing: ["losses[\(i)]"])
        }
        solution.beginSection("Reduction")
        let terms = MathExpression.infix(.plus, losses.map { .number($0) })
        let total = MathExpression.symbol(Symbol("L"))
        switch problem.reduction {
        case .mean:
            let factor = MathExpression.fraction(.count(1), .count(losses.count))
            if losses.count == 1 {
                solution.addStep(
                    total, [.product([factor, .summation(index: "i", notation.sampleLoss("i"))]), .number(reduced)],
                    producing: ["loss"])
                break
            }
            solution.addStep(
                total,
                [
                    .product([factor, .summation(index: "i", notation.sampleLoss("i"))]),
                    .product([factor, .parenthesized(terms)]), .number(reduced),
                ], producing: ["loss"])
        case .sum:
            solution.addStep(
                total, [.summation(index: "i", notation.sampleLoss("i")), terms, .number(reduced)], producing: ["loss"])
        case .none:
            solution.addRemark(
                "Reduction none: the losses \(notation.sampleLoss("i")) are the answer, one per sample, and each "
                    + "gradient below is that sample's own \(MathExpression.partial(of: notation.sampleLoss("i"), withRespectTo: notation.predictionSymbol("i")))."
            )
        }
        solution.beginSection("Gradient")
        if let rule = notation.gradientRule { solution.addRemark(rule) }
        let shown = problem.givenAsRow ? Matrix(row: gradient.elements) : gradient
        solution.addStep(
            problem.reduction == .none
                ? .partial(of: .symbol(Symbol("ℓ")), withRespectTo: notation.predictionMatrix)
                : .partial(of: total, withRespectTo: notation.predictionMatrix),
            [.matrix(shown)], note: notation.gradientNote, producing: ["grad"])
        let lossValue: JSONValue =
            problem.reduction == .none ? .array(losses.map { .number($0) }) : .number(reduced)
        solution.result = .object([
            JSONMember("name", .string(problem.name)),
            JSONMember("reduction", .string(problem.reduction.rawValue)),
            JSONMember("loss", lossValue),
            JSONMember("losses", .array(losses.map { .number($0) })),
            JSONMember("grad", .array(shown.rowArrays.map { .array($0.map { .number($0) }) })),
        ])
        try solution.requireFinite(blaming: notation.place)
        return solution
    }
}
