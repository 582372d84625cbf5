extension Expression {
    /// An equal formula written as a student would simplify it:
    /// `3*x^(3-1)*1` becomes `3·x^2`.
    ///
    /// Bottom up, it folds arithmetic on numbers (a quotient or power only
    /// when the result is an integer, so no 0.3333… appears), drops the
    /// identities u + 0, u − 0, 0 − u → −u, u·1, u·0 → 0, u/1, 0/u → 0, u^1,
    /// u^0 → 1, 1^u, −(−u), gathers the numeric factors of a product into one
    /// leading coefficient, merges powers of one base (x·x^2 → x^3), combines
    /// like terms (2·x + x → 3·x), and writes u + (−v) as u − v.
    ///
    /// The value is unchanged wherever the formula is finite (u·0 → 0 and
    /// 0/u → 0 may give a value where the original was NaN).
    public func simplified() -> Expression {
        switch self {
        case .number, .variable:
            return self
        case .negation(let operand):
            return Self.negated(operand.simplified())
        case .binary(.multiply, _, _):
            return Self.product(of: multiplicationOperands.map { $0.simplified() })
        case .binary(.add, let u, let v):
            return Self.sum(u.simplified(), v.simplified(), sign: 1)
        case .binary(.subtract, let u, let v):
            return Self.sum(u.simplified(), v.simplified(), sign: -1)
        case .binary(.divide, let u, let v):
            return Self.quotient(u.simplified(), v.simplified())
        case .binary(.power, let u, let v):
            return Self.power(u.simplified(), v.simplified())
        case .call(let function, let arguments):
            let simplifiedArguments = arguments.map { $0.simplified() }
            let numbers = simplifiedArguments.compactMap(\.numberValue)
            if numbers.count == arguments.count {
                let value = function.apply(numbers)
                if Self.isSmallInteger(value) { return .number(value) }
            }
            return .call(function, simplifiedArguments)
        }
    }

    private var numberValue: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    private static func isSmallInteger(_ value: Double) -> Bool {
        value.isFinite && value.magnitude < 1e15 && value.rounded() == value
    }

    /// −u, with −(number) folded, −(−u) = u and −(c·u) = (−c)·u.
    private static func negated(_ u: Expression) -> Expression {
        switch u {
        case .number(let value): return .number(value == 0 ? 0 : -value)
        case .negation(let inner): return inner
        default:
            let (coefficient, rest) = u.splitCoefficient()
            if coefficient != 1, let rest { return withCoefficient(-coefficient, rest) }
            return .negation(u)
        }
    }

    /// u + sign·v, with numbers folded, zeros dropped, like terms combined
    /// and a negative term written as a subtraction.
    private static func sum(_ u: Expression, _ v: Expression, sign: Double) -> Expression {
        if let a = u.numberValue, let b = v.numberValue { return .number(a + sign * b) }
        if v.numberValue == 0 { return u }
        if u.numberValue == 0 { return sign > 0 ? v : negated(v) }
        let (a, uRest) = u.splitCoefficient()
        let (b, vRest) = v.splitCoefficient()
        if let uRest, let vRest, uRest == vRest {
            return product(of: [.number(a + sign * b), uRest])
        }
        let signedB = sign * b
        let term = vRest.map { withCoefficient(signedB.magnitude, $0) } ?? .number(signedB.magnitude)
        return .binary(signedB < 0 ? .subtract : .add, u, term)
    }

    /// The product of `factors`: one numeric coefficient first, then the other
    /// factors in order, powers of the same base merged.
    private static func product(of factors: [Expression]) -> Expression {
        var coefficient = 1.0
        var bases: [(base: Expression, exponent: Expression)] = []
        var firstPowerOf: [Expression: Int] = [:]  // base → its first entry in `bases`
        for factor in factors.flatMap(\.productFactors) {
            if let value = factor.numberValue {
                coefficient *= value
                continue
            }
            let (base, exponent) = factor.powerParts
            if let index = firstPowerOf[base], let added = exponent.numberValue,
                let old = bases[index].exponent.numberValue
            {
                bases[index].exponent = .number(old + added)
            } else {
                if firstPowerOf[base] == nil { firstPowerOf[base] = bases.count }
                bases.append((base, exponent))
            }
        }
        if coefficient == 0 { return .number(0) }
        let rest = bases.filter { $0.exponent.numberValue != 0 }.map { power($0.base, $0.exponent) }
        guard let first = rest.first else { return .number(coefficient) }
        let body = rest.dropFirst().reduce(first) { .binary(.multiply, $0, $1) }
        return withCoefficient(coefficient, body)
    }

    /// c·u written as u, −u or c·u.
    private static func withCoefficient(_ coefficient: Double, _ u: Expression) -> Expression {
        switch coefficient {
        case 1: u
        case -1: .negation(u)
        default: .binary(.multiply, .number(coefficient), u)
        }
    }

    /// The operands of a chain of multiplications, in order: a·b·c → [a, b, c],
    /// so that a long product is simplified once, not once per ·.
    private var multiplicationOperands: [Expression] {
        var operands: [Expression] = []
        var pending = [self]
        while let next = pending.popLast() {
            if case .binary(.multiply, let left, let right) = next {
                pending.append(right)
                pending.append(left)
            } else {
                operands.append(next)
            }
        }
        return operands
    }

    /// The factors of a product, negations turned into a factor −1.
    private var productFactors: [Expression] {
        switch self {
        case .binary(.multiply, let left, let right): left.productFactors + right.productFactors
        case .negation(let operand): [.number(-1)] + operand.productFactors
        default: [self]
        }
    }

    /// (base, exponent) of uⁿ; (u, 1) for anything else.
    private var powerParts: (Expression, Expression) {
        if case .binary(.power, let base, let exponent) = self { (base, exponent) } else { (self, .number(1)) }
    }

    /// The numeric coefficient c and the rest r of c·r (r nil for a number).
    private func splitCoefficient() -> (Double, Expression?) {
        switch self {
        case .number(let value): return (value, nil)
        case .negation(let operand):
            let (coefficient, rest) = operand.splitCoefficient()
            return (-coefficient, rest)
        case .binary(.multiply, .number(let value), let rest): return (value, rest)
        default: return (1, self)
        }
    }

    /// u/v with numbers folded when the quotient is an integer, u/1 = u,
    /// 0/v = 0, (c·u)/d = (c/d)·u for an integer c/d, (−u)/v = −(u/v).
    private static func quotient(_ u: Expression, _ v: Expression) -> Expression {
        if let a = u.numberValue, let b = v.numberValue, isSmallInteger(a / b) { return .number(a / b) }
        if v.numberValue == 1 { return u }
        if u.numberValue == 0 { return .number(0) }
        let (c, rest) = u.splitCoefficient()
        if let d = v.numberValue, let rest, c != 1, isSmallInteger(c / d) { return withCoefficient(c / d, rest) }
        if case .negation(let inner) = u { return .negation(quotient(inner, v)) }
        return .binary(.divide, u, v)
    }

    /// uᵛ with numbers folded when the power is an integer, u^1 = u, u^0 = 1,
    /// 1^v = 1 and (uᵐ)ⁿ = uᵐⁿ for an integer n.
    private static func power(_ u: Expression, _ v: Expression) -> Expression {
        if let a = u.numberValue, let b = v.numberValue {
            let value = BinaryOperator.power.apply(a, b)
            if isSmallInteger(value) && isSmallInteger(b) { return .number(value) }
        }
        if v.numberValue == 1 { return u }
        if v.numberValue == 0 || u.numberValue == 1 { return .number(1) }
        if case .binary(.power, let base, .number(let m)) = u, let n = v.numberValue, isSmallInteger(n) {
            return power(base, .number(m * n))
        }
        return .binary(.power, u, v)
    }
}
