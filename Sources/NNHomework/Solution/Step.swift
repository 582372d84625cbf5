/// One numbered line of a worked solution: a left-hand side and the chain of
/// expressions it equals, typically the formula, the formula with numbers put
/// in, and the result: `lhs = rhs[0] = rhs[1] = …`.
public struct Step: Sendable, Hashable {
    /// The step's number, counted from 1 across the whole solution.
    public var number: Int
    /// What the step computes, e.g. a⁽¹⁾.
    public var lhs: MathExpression
    /// The expressions lhs equals, in order; the last is the result.
    public var rhs: [MathExpression]
    /// A short remark shown with the step, e.g. "fused softmax + cross-entropy".
    public var note: Prose?
    /// The places in `Solution.result` whose values this step computes, as JSON
    /// paths (`layers[1].grad_W`, `loss`), so an answer check can name the step
    /// to redo. Renderers ignore it.
    public var resultPaths: [String]

    /// A step `lhs = rhs[0] = …` computing the results at `resultPaths`.
    public init(
        number: Int, lhs: MathExpression, rhs: [MathExpression], note: Prose? = nil, resultPaths: [String] = []
    ) {
        self.number = number
        self.lhs = lhs
        self.rhs = rhs
        self.note = note
        self.resultPaths = resultPaths
    }
}
