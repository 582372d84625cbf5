import NNCore

extension MathExpression {
    /// How a quotient u/v of the expression language is set.
    public enum Division: Sendable, Hashable {
        /// Numerator over denominator, ``MathExpression/fraction(_:_:)``: for a displayed step.
        case fraction
        /// u / v on one line, ``InfixOperator/divide``: for a title or a sentence.
        case slash
    }

    /// A formula of the expression language set as math, as a textbook writes it.
    ///
    /// - Numbers: an integer is a ``number(_:)``, any other number a ``given(_:)``,
    ///   written as the formula has it (0.5, not 0.5000).
    /// - Variables are symbols: `x`, a Greek letter written out or as itself
    ///   (`alpha` and `α` are α), and `x_1` is x₁.
    /// - A product is written side by side with its coefficient first (`3*x^2`
    ///   is 3x², `x*y` is x y), with · before a factor that starts with a digit
    ///   or a minus sign and next to a name of several letters (x · 2, rate · t).
    /// - u/v is a fraction (or u / v with `division: .slash`); −u is a minus
    ///   sign, in parentheses where a sum or product needs them; uᵛ is a power.
    /// - exp(u) is eᵘ (exp(u) when the formula has a variable named e), log is
    ///   ln, sqrt is √, abs(u) is |u|, sigmoid is σ, relu is ReLU; sin, cos,
    ///   tan, tanh, sign, step, max and min keep their names.
    ///
    /// An exponent writes its quotients with a slash: e^(−x/2).
    public init(_ expression: Expression, division: Division = .fraction) {
        let typesetting = ExpressionTypesetting(
            division: division, writesExpAsPower: !expression.variables.contains("e"))
        self = typesetting.math(expression)
    }

    /// The symbol a variable of the expression language is set as: `x`,
    /// `alpha` → α, `w_1` → w₁.
    public static func variable(_ name: String) -> MathExpression {
        .symbol(ExpressionTypesetting.symbol(name))
    }
}

/// The rules of ``MathExpression/init(_:division:)``.
private struct ExpressionTypesetting {
    var division: MathExpression.Division
    var writesExpAsPower: Bool

    func math(_ expression: Expression) -> MathExpression {
        switch expression {
        case .number(let value):
            return Self.number(value)
        case .variable(let name):
            return MathExpression.variable(name)
        case .negation(.number(let value)):
            return Self.number(-value)
        case .negation(let operand):
            return .product([.number(-1), math(operand)])
        case .binary(let binaryOperator, let left, let right):
            switch binaryOperator {
            case .add, .subtract: return sum(expression)
            case .multiply: return product(expression.factors)
            case .divide:
                return division == .fraction
                    ? .fraction(math(left), math(right)) : .infix(.divide, [math(left), math(right)])
            case .power:
                var exponent = self
                exponent.division = .slash
                return .power(math(left), exponent.math(right))
            }
        case .call(let function, let arguments):
            return call(function, arguments)
        }
    }

    /// An integer as a number; anything else as written.
    private static func number(_ value: Double) -> MathExpression {
        value.magnitude < 1e15 && value.rounded() == value ? .number(value == 0 ? 0 : value) : .given(value)
    }

    /// A chain of + and − with one operator as one n-ary operation: a + b + c.
    private func sum(_ expression: Expression) -> MathExpression {
        guard case .binary(let binaryOperator, let left, let right) = expression else { return math(expression) }
        let infixOperator: InfixOperator = binaryOperator == .add ? .plus : .minus
        let first = math(left)
        if case .binary(binaryOperator, _, _) = left, case .infix(infixOperator, let operands) = first {
            return .infix(infixOperator, operands + [math(right)])
        }
        return .infix(infixOperator, [first, math(right)])
    }

    /// Factors side by side, split by · where side by side would misread.
    private func product(_ factors: [Expression]) -> MathExpression {
        var groups: [[MathExpression]] = []
        var previous: Expression?
        for factor in factors {
            let needsDot =
                previous.map { factor.startsWithDigitOrMinus || $0.isLongName || factor.isLongName } ?? false
            if needsDot || groups.isEmpty {
                groups.append([math(factor)])
            } else {
                groups[groups.count - 1].append(math(factor))
            }
            previous = factor
        }
        let terms = groups.map { $0.count == 1 ? $0[0] : MathExpression.product($0) }
        return terms.count == 1 ? terms[0] : .infix(.times, terms)
    }

    private func call(_ function: ExpressionFunction, _ arguments: [Expression]) -> MathExpression {
        let shown = arguments.map(math)
        switch function {
        case .exp:
            guard writesExpAsPower else { return .apply(FunctionName("exp"), shown) }
            var exponent = self
            exponent.division = .slash
            return .power(.symbol(Symbol("e")), exponent.math(arguments[0]))
        case .log: return .apply(FunctionName("ln"), shown)
        case .sqrt: return .apply(FunctionName("√"), shown)
        case .abs: return .absoluteValue(shown[0])
        case .sigmoid: return .apply(FunctionName("σ"), shown)
        case .relu: return .apply(FunctionName("ReLU"), shown)
        case .sin, .cos, .tan, .tanh, .sign, .step, .max, .min: return .apply(FunctionName(function.rawValue), shown)
        }
    }

    /// The symbol of a variable: Greek names as letters, a `_` before an index.
    static func symbol(_ name: String) -> Symbol {
        if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
            let index = name[name.index(after: underscore)...]
            if !index.isEmpty { return Symbol(letter(String(name[..<underscore])), index: String(index)) }
        }
        return Symbol(letter(name))
    }

    private static func letter(_ name: String) -> String {
        greekLetters[name] ?? name
    }

    /// The Greek letters written out, as LaTeX names them.
    private static let greekLetters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
}

extension Expression {
    /// The factors of a product u·v·w, however it is grouped.
    fileprivate var factors: [Expression] {
        if case .binary(.multiply, let left, let right) = self { left.factors + right.factors } else { [self] }
    }

    /// Whether the formula, set as math, starts with a digit or a minus sign
    /// (so that side by side after another factor it would misread).
    fileprivate var startsWithDigitOrMinus: Bool {
        switch self {
        case .number, .negation: true
        case .binary(.power, let base, _), .binary(.multiply, let base, _): base.startsWithDigitOrMinus
        default: false
        }
    }

    /// Whether this is a variable named by several letters (or a power of one).
    fileprivate var isLongName: Bool {
        switch self {
        case .variable(let name): ExpressionTypesetting.symbol(name).base.count > 1
        case .binary(.power, let base, _): base.isLongName
        default: false
        }
    }
}
