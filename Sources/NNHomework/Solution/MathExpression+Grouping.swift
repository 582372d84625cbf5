extension InfixOperator {
    /// How tightly the operator binds: 0 for the relations (= < ≤ ≥ ≈ ⇔), 1 for + and −, 2 for ·, ⊙, / and ×.
    var precedence: Int {
        switch self {
        case .equals, .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual, .approximatelyEqual, .equivalent:
            0
        case .plus, .minus: 1
        case .times, .hadamard, .divide, .cross, .correlation: 2
        }
    }
}

extension MathExpression {
    /// Whether this is an operation written between operands: a + b, u ⊙ v.
    var isInfix: Bool { if case .infix = self { true } else { false } }

    /// Whether this is an operation or a product: what needs parentheses after ∂.
    var isInfixOrProduct: Bool {
        switch self {
        case .infix, .product: true
        default: false
        }
    }

    /// Whether this is a sum or difference (an operation of the lowest precedence).
    var isSum: Bool { if case .infix(let infixOperator, _) = self { infixOperator.precedence == 1 } else { false } }

    /// Whether this is a summation Σ.
    var isSummation: Bool { if case .summation = self { true } else { false } }

    /// Whether this is words set upright inside a formula.
    var isText: Bool { if case .text = self { true } else { false } }

    /// Whether this is a fraction.
    var isFraction: Bool { if case .fraction = self { true } else { false } }

    /// Whether this is a number written as a numeral, computed or given: a coefficient's form.
    var isNumeral: Bool {
        switch self {
        case .number, .given: true
        default: false
        }
    }

    /// Whether a number before this factor is written against it, as a
    /// coefficient: a symbol or a power of one (3x, 3x², 2eˣ).
    var takesCoefficient: Bool {
        switch self {
        case .symbol: true
        case .power(.symbol, _): true
        default: false
        }
    }

    /// Whether this expression needs parentheses as an operand of `parent`
    /// (its first operand when `isFirst`), whatever the output format: never
    /// as a side of a relation (a = b, a ≤ b, a ⇔ b); a sum Σ always; an
    /// operation of lower precedence ((a + b) · c); of the same precedence, a different operator on the left of · or / (a ⊙ b / c reads
    /// ambiguously), and on the right any other operator or a non-associative
    /// one (a − (b − c), a / (b / c)).
    func needsParentheses(asOperandOf parent: InfixOperator, isFirst: Bool) -> Bool {
        if parent.precedence == 0 { return false }
        if isSummation { return true }
        guard case .infix(let child, _) = self else { return false }
        if child.precedence != parent.precedence { return child.precedence < parent.precedence }
        if isFirst { return parent.precedence > 1 && child != parent }
        return child != parent || parent == .minus || parent == .divide
    }
}
