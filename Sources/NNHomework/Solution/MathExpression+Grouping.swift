extension InfixOperator {
    /// How tightly the operator binds: 1 for + and −, 2 for ·, ⊙ and /.
    var precedence: Int {
        switch self {
        case .plus, .minus: 1
        case .times, .hadamard, .divide: 2
        }
    }
}

extension MathExpression {
    /// Whether this expression needs parentheses as an operand of `parent`
    /// (its first operand when `isFirst`), whatever the output format: a sum Σ
    /// always; an operation of lower precedence ((a + b) · c); of the same
    /// precedence, a different operator on the left of · or / (a ⊙ b / c reads
    /// ambiguously), and on the right any other operator or a non-associative
    /// one (a − (b − c), a / (b / c)).
    func needsParentheses(asOperandOf parent: InfixOperator, isFirst: Bool) -> Bool {
        if case .summation = self { return true }
        guard case .infix(let child, _) = self else { return false }
        if child.precedence != parent.precedence { return child.precedence < parent.precedence }
        if isFirst { return parent.precedence > 1 && child != parent }
        return child != parent || parent == .minus || parent == .divide
    }
}
