/// A scalar formula in variables, as a homework writes it: `x^3`,
/// `sigmoid(w*x + b)`, `max(a, b) - a*b`.
///
/// Parse one with ``init(parsing:)``, evaluate it with ``value(at:)``,
/// differentiate it with ``derivative(withRespectTo:)`` and print it back
/// with ``description`` (`3·x^2`).
public indirect enum Expression: Sendable, Hashable {
    /// A number: `2`, `0.5`, `1e-3`.
    case number(Double)
    /// A variable: `x`, `w1`.
    case variable(String)
    /// −u.
    case negation(Expression)
    /// u ∘ v for one of + − · / ^.
    case binary(BinaryOperator, Expression, Expression)
    /// A function applied to its arguments: exp(u), max(u, v).
    case call(ExpressionFunction, [Expression])

    /// The variables the expression uses, sorted by name.
    public var variables: [String] {
        var names: Set<String> = []
        collectVariables(into: &names)
        return names.sorted()
    }

    private func collectVariables(into names: inout Set<String>) {
        switch self {
        case .number: break
        case .variable(let name): names.insert(name)
        case .negation(let operand): operand.collectVariables(into: &names)
        case .binary(_, let left, let right):
            left.collectVariables(into: &names)
            right.collectVariables(into: &names)
        case .call(_, let arguments):
            for argument in arguments { argument.collectVariables(into: &names) }
        }
    }

    /// The formula with each variable that `values` has replaced by its
    /// number: 3·x^2 with x = 2 is 3·2^2, the formula with numbers put in.
    public func substituting(_ values: [String: Double]) -> Expression {
        switch self {
        case .number: self
        case .variable(let name): values[name].map(Expression.number) ?? self
        case .negation(let operand): .negation(operand.substituting(values))
        case .binary(let binaryOperator, let left, let right):
            .binary(binaryOperator, left.substituting(values), right.substituting(values))
        case .call(let function, let arguments): .call(function, arguments.map { $0.substituting(values) })
        }
    }

    /// The value at `point`, a value for each variable, in IEEE arithmetic:
    /// outside a function's domain the value is NaN or ±∞ (log(−1), 1/0).
    ///
    /// - Throws: ``UndefinedVariableError`` when the expression uses a variable `point` has no value for.
    public func value(at point: [String: Double]) throws(UndefinedVariableError) -> Double {
        switch self {
        case .number(let value):
            return value
        case .variable(let name):
            guard let value = point[name] else { throw UndefinedVariableError(name: name) }
            return value
        case .negation(let operand):
            return -(try operand.value(at: point))
        case .binary(let binaryOperator, let left, let right):
            return binaryOperator.apply(try left.value(at: point), try right.value(at: point))
        case .call(let function, let arguments):
            var values: [Double] = []
            for argument in arguments { values.append(try argument.value(at: point)) }
            return function.apply(values)
        }
    }

    /// The value with every variable but `variable` held at `point` and
    /// `variable` set to `x`: the one-dimensional slice x ↦ f(…, x, …).
    ///
    /// - Throws: ``UndefinedVariableError`` as ``value(at:)``.
    public func value(at point: [String: Double], setting variable: String, to x: Double)
        throws(UndefinedVariableError) -> Double
    {
        var moved = point
        moved[variable] = x
        return try value(at: moved)
    }
}

/// A variable the point of evaluation has no value for.
public struct UndefinedVariableError: Error, Sendable, Hashable {
    /// The variable's name.
    public var name: String

    /// The error for the variable `name`.
    public init(name: String) {
        self.name = name
    }
}

/// The infix operators of ``Expression``.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    /// u + v.
    case add = "+"
    /// u − v.
    case subtract = "-"
    /// u · v.
    case multiply = "*"
    /// u / v.
    case divide = "/"
    /// uᵛ, right-associative: 2^3^2 = 2^(3^2).
    case power = "^"

    /// The operator applied to two numbers; xʸ is the C library's `pow`.
    public func apply(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        case .power: Math.pow(x, y)
        }
    }

    /// Binding strength: + − 1, · / 2, ^ 4 (unary minus is 3, between them).
    public var precedence: Int {
        switch self {
        case .add, .subtract: 1
        case .multiply, .divide: 2
        case .power: 4
        }
    }
}
