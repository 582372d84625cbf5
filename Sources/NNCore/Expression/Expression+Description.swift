extension Expression: CustomStringConvertible {
    /// The formula as text a student writes and ``init(parsing:)`` reads back
    /// to the same value: `3·x^2`, `−x^2`, `(a + b)·c`, `2^3^2`, `x^(−1)`.
    ///
    /// Products are written with `·`, the minus sign is `−`, and there are
    /// only the parentheses precedence needs, plus parentheses around a
    /// negative right operand (`a − (−b)`, `a·(−b)`) so that no two operator
    /// signs meet.
    public var description: String { text(atLeast: 0) }

    /// Binding strength of the outermost operation: 1 sum, 2 product, 3 unary
    /// minus (and a negative number), 4 power, 5 a number, variable or call.
    private var precedence: Int {
        switch self {
        case .number(let value): value < 0 ? 3 : 5
        case .variable, .call: 5
        case .negation: 3
        case .binary(let binaryOperator, _, _): binaryOperator.precedence
        }
    }

    /// Whether the text starts with a minus sign.
    private var isNegative: Bool {
        switch self {
        case .number(let value): value < 0
        case .negation: true
        case .binary(let binaryOperator, let left, _): binaryOperator != .power && left.isNegative
        default: false
        }
    }

    /// The text, in parentheses when binding less tightly than `level`.
    private func text(atLeast level: Int) -> String {
        let body: String
        switch self {
        case .number(let value):
            body = Self.text(for: value)
        case .variable(let name):
            body = name
        case .negation(let operand):
            body = "−" + operand.operandText(atLeast: 2)
        case .binary(let binaryOperator, let left, let right):
            switch binaryOperator {
            case .add: body = left.text(atLeast: 1) + " + " + right.operandText(atLeast: 2)
            case .subtract: body = left.text(atLeast: 1) + " − " + right.operandText(atLeast: 2)
            case .multiply: body = left.text(atLeast: 2) + "·" + right.operandText(atLeast: 3)
            case .divide: body = left.text(atLeast: 2) + "/" + right.operandText(atLeast: 3)
            case .power: body = left.text(atLeast: 5) + "^" + right.operandText(atLeast: 3)
            }
        case .call(let function, let arguments):
            body = function.rawValue + "(" + arguments.map { $0.text(atLeast: 0) }.joined(separator: ", ") + ")"
        }
        return precedence < level ? "(" + body + ")" : body
    }

    /// The text of a right operand: in parentheses when it starts with a minus sign.
    private func operandText(atLeast level: Int) -> String {
        isNegative && precedence >= level ? "(" + text(atLeast: 0) + ")" : text(atLeast: level)
    }

    /// A number as the shortest decimal that reads back to it: `2`, `0.001`,
    /// `1e-05`, `−3`; integers below 10¹⁵ without a decimal point, −0 as `0`.
    static func text(for value: Double) -> String {
        let magnitude = value.magnitude
        let digits =
            magnitude < 1e15 && magnitude.rounded(.towardZero) == magnitude
            ? String(Int64(magnitude)) : "\(magnitude)"
        return value < 0 ? "−" + digits : digits
    }
}
