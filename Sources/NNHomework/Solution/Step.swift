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
    public var note: String?

    /// A step `lhs = rhs[0] = …`.
    public init(number: Int, lhs: MathExpression, rhs: [MathExpression], note: String? = nil) {
        self.number = number
        self.lhs = lhs
        self.rhs = rhs
        self.note = note
    }
}
