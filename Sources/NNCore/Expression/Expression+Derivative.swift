extension Expression {
    /// The partial derivative ∂f/∂`variable`, by the rules of differentiation,
    /// simplified (d/dx x^3 = `3·x^2`).
    ///
    /// The rules: (u ± v)′ = u′ ± v′, (uv)′ = u′v + uv′,
    /// (u/v)′ = (u′v − uv′)/v², (uᶜ)′ = c·uᶜ⁻¹·u′ for a constant c,
    /// (cᵛ)′ = cᵛ·ln c·v′ for a constant c ≠ 0 and (0ᵛ)′ = 0 (0ᵛ = 0 wherever v > 0), (uᵛ)′ = uᵛ·(v′·ln u + v·u′/u),
    /// and the chain rule through every function: exp′ = exp, log′(u) = 1/u,
    /// sqrt′(u) = 1/(2√u), sin′ = cos, cos′ = −sin, tan′(u) = 1/cos²u,
    /// tanh′(u) = 1 − tanh²u, σ′(u) = σ(u)(1 − σ(u)), abs′ = sign,
    /// relu′ = step, sign′ = step′ = 0, max(u, v)′ = step(u − v)·u′ + (1 − step(u − v))·v′
    /// and min(u, v)′ = step(v − u)·u′ + (1 − step(v − u))·v′
    /// (see ``ExpressionFunction`` for the values at the kinks).
    public func derivative(withRespectTo variable: String) -> Expression {
        unsimplifiedDerivative(withRespectTo: variable).simplified()
    }

    /// The derivative by the rules, kept small as it is built: a part without
    /// `x` has derivative 0, and sums and products drop the zeros and ones that
    /// produces, so that the derivative of a product of n variables has n terms
    /// of n − 1 factors, not a tree of n³ nodes waiting to be simplified.
    private func unsimplifiedDerivative(withRespectTo x: String) -> Expression {
        guard mentions(x) else { return .number(0) }
        switch self {
        case .number:
            return .number(0)
        case .variable(let name):
            return .number(name == x ? 1 : 0)
        case .negation(let u):
            return .negation(u.unsimplifiedDerivative(withRespectTo: x))
        case .binary(let binaryOperator, let u, let v):
            let du = u.unsimplifiedDerivative(withRespectTo: x)
            let dv = v.unsimplifiedDerivative(withRespectTo: x)
            switch binaryOperator {
            case .add: return du + dv
            case .subtract: return du - dv
            case .multiply: return du * v + u * dv
            case .divide: return (du * v - u * dv) / .binary(.power, v, .number(2))
            case .power:
                if !v.variables.contains(x) {
                    return v * .binary(.power, u, v - .number(1)) * du
                }
                if case .number(0) = u {
                    return .number(0)
                }
                if !u.variables.contains(x) {
                    return self * .call(.log, [u]) * dv
                }
                return self * (dv * .call(.log, [u]) + v * du / u)
            }
        case .call(let function, let arguments):
            let u = arguments[0]
            let du = u.unsimplifiedDerivative(withRespectTo: x)
            switch function {
            case .exp: return self * du
            case .log: return du / u
            case .sqrt: return du / (.number(2) * self)
            case .abs: return .call(.sign, [u]) * du
            case .sin: return .call(.cos, [u]) * du
            case .cos: return .negation(.call(.sin, [u])) * du
            case .tan: return du / .binary(.power, .call(.cos, [u]), .number(2))
            case .tanh: return (.number(1) - .binary(.power, self, .number(2))) * du
            case .sigmoid: return self * (.number(1) - self) * du
            case .relu: return .call(.step, [u]) * du
            case .sign, .step: return .number(0)
            case .max, .min:
                let v = arguments[1]
                let dv = v.unsimplifiedDerivative(withRespectTo: x)
                let firstWins = Expression.call(.step, [function == .max ? u - v : v - u])
                return firstWins * du + (.number(1) - firstWins) * dv
            }
        }
    }

    /// The arguments at which a function in the formula has a kink: u for
    /// abs(u), relu(u), sign(u), step(u), and u − v for max(u, v), min(u, v).
    /// Where one of them changes sign, the derivative jumps.
    public var kinkArguments: [Expression] {
        switch self {
        case .number, .variable: return []
        case .negation(let operand): return operand.kinkArguments
        case .binary(_, let left, let right): return left.kinkArguments + right.kinkArguments
        case .call(let function, let arguments):
            let inner = arguments.flatMap(\.kinkArguments)
            guard function.hasKink else { return inner }
            return inner + [arguments.count == 2 ? arguments[0] - arguments[1] : arguments[0]]
        }
    }

    /// Whether the variable `x` occurs in the formula.
    private func mentions(_ x: String) -> Bool {
        switch self {
        case .number: false
        case .variable(let name): name == x
        case .negation(let operand): operand.mentions(x)
        case .binary(_, let left, let right): left.mentions(x) || right.mentions(x)
        case .call(_, let arguments): arguments.contains { $0.mentions(x) }
        }
    }

    private var isZero: Bool { if case .number(0) = self { true } else { false } }
    private var isOne: Bool { if case .number(1) = self { true } else { false } }

    fileprivate static func + (u: Expression, v: Expression) -> Expression {
        u.isZero ? v : v.isZero ? u : .binary(.add, u, v)
    }
    fileprivate static func - (u: Expression, v: Expression) -> Expression {
        v.isZero ? u : .binary(.subtract, u, v)
    }
    fileprivate static func * (u: Expression, v: Expression) -> Expression {
        u.isZero || v.isZero ? .number(0) : u.isOne ? v : v.isOne ? u : .binary(.multiply, u, v)
    }
    fileprivate static func / (u: Expression, v: Expression) -> Expression { .binary(.divide, u, v) }
}
