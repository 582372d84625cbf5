/// A formula that cannot be read, with the column (1-based, in characters) where reading stopped.
public struct ExpressionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The column of the offending character, counted from 1; one past the end when the formula ends too early.
    public var column: Int
    /// What was expected or is wrong: "expected ')'".
    public var message: String

    /// The error at `column`.
    public init(column: Int, _ message: String) {
        self.column = column
        self.message = message
    }

    /// `column 7: expected ')'`.
    public var description: String { "column \(column): \(message)" }
}

extension Expression {
    /// The longest formula read, in characters; longer ones are refused
    /// rather than risk deep recursion.
    public static let maximumLength = 1000

    /// Reads a formula by recursive descent.
    ///
    /// Grammar, loosest binding first (`^` binds tighter than unary minus, so
    /// `-x^2` is −(x²), and is right-associative, so `2^3^2` is 2⁹):
    /// ```
    /// sum     = product (("+" | "-") product)*
    /// product = unary (("*" | "/") unary)*
    /// unary   = ("-" | "+") unary | power
    /// power   = primary ("^" unary)?
    /// primary = number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
    /// ```
    /// Numbers are decimal with an optional exponent (`1e-3`); `·`, `×` and
    /// `−` are read as `*`, `*` and `-`. Spaces are ignored.
    /// - Throws: ``ExpressionSyntaxError`` naming the column where reading failed.
    public init(parsing text: String) throws(ExpressionSyntaxError) {
        var parser = ExpressionParser(text)
        self = try parser.parseFormula()
    }
}

/// The recursive-descent reader behind ``Expression/init(parsing:)``.
private struct ExpressionParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    private var column: Int { position + 1 }

    mutating func parseFormula() throws(ExpressionSyntaxError) -> Expression {
        guard characters.count <= Expression.maximumLength else {
            throw ExpressionSyntaxError(
                column: Expression.maximumLength + 1,
                "the formula is longer than \(Expression.maximumLength) characters")
        }
        skipSpaces()
        guard position < characters.count else { throw ExpressionSyntaxError(column: 1, "the formula is empty") }
        let expression = try parseSum()
        skipSpaces()
        if position < characters.count {
            if characters[position] == ")" { throw ExpressionSyntaxError(column: column, "unmatched ')'") }
            throw ExpressionSyntaxError(column: column, "expected an operator, found '\(characters[position])'")
        }
        return expression
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// The next non-space character, normalised (`·` and `×` → `*`, `−` → `-`), without consuming it.
    private mutating func peek() -> Character? {
        skipSpaces()
        guard position < characters.count else { return nil }
        switch characters[position] {
        case "·", "×": return "*"
        case "−": return "-"
        case let character: return character
        }
    }

    private mutating func parseSum() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseProduct()
        while let next = peek(), next == "+" || next == "-" {
            position += 1
            let right = try parseProduct()
            left = .binary(next == "+" ? .add : .subtract, left, right)
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseUnary()
        while let next = peek(), next == "*" || next == "/" {
            position += 1
            if next == "*", peek() == "*" {
                throw ExpressionSyntaxError(column: column - 1, "'**' is not an operator; write '^' for a power")
            }
            let right = try parseUnary()
            left = .binary(next == "*" ? .multiply : .divide, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        switch peek() {
        case "-":
            position += 1
            return .negation(try parseUnary())
        case "+":
            position += 1
            return try parseUnary()
        default:
            return try parsePower()
        }
    }

    private mutating func parsePower() throws(ExpressionSyntaxError) -> Expression {
        let base = try parsePrimary()
        guard peek() == "^" else { return base }
        position += 1
        return .binary(.power, base, try parseUnary())
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        guard let next = peek() else {
            throw ExpressionSyntaxError(column: column, "expected a number, a variable or '(', but the formula ends")
        }
        if (next.isASCII && next.isNumber) || next == "." { return .number(try parseNumber()) }
        if next.isLetter || next == "_" { return try parseName() }
        if next == "(" {
            position += 1
            let inner = try parseSum()
            try expect(")")
            return inner
        }
        throw ExpressionSyntaxError(column: column, "expected a number, a variable or '(', found '\(next)'")
    }

    private mutating func expect(_ character: Character) throws(ExpressionSyntaxError) {
        guard peek() == character else { throw ExpressionSyntaxError(column: column, "expected '\(character)'") }
        position += 1
    }

    private mutating func parseNumber() throws(ExpressionSyntaxError) -> Double {
        let start = position
        var digits = ""
        while position < characters.count, characters[position].isASCII, characters[position].isNumber {
            digits.append(characters[position])
            position += 1
        }
        if position < characters.count, characters[position] == "." {
            digits.append(".")
            position += 1
            var fraction = 0
            while position < characters.count, characters[position].isASCII, characters[position].isNumber {
                digits.append(characters[position])
                position += 1
                fraction += 1
            }
            if fraction == 0 && digits == "." {
                throw ExpressionSyntaxError(column: start + 1, "expected digits around '.'")
            }
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            let exponentStart = position
            var exponent = "e"
            position += 1
            if position < characters.count, characters[position] == "+" || characters[position] == "-" {
                exponent.append(characters[position])
                position += 1
            }
            var exponentDigits = 0
            while position < characters.count, characters[position].isASCII, characters[position].isNumber {
                exponent.append(characters[position])
                position += 1
                exponentDigits += 1
            }
            if exponentDigits == 0 {
                throw ExpressionSyntaxError(column: exponentStart + 1, "expected the digits of an exponent after 'e'")
            }
            digits += exponent
        }
        guard let value = Double(digits) else {
            throw ExpressionSyntaxError(column: start + 1, "'\(digits)' is not a number")
        }
        guard value.isFinite else {
            throw ExpressionSyntaxError(column: start + 1, "\(digits) is too large for a double")
        }
        return value
    }

    private mutating func parseName() throws(ExpressionSyntaxError) -> Expression {
        let start = position
        var name = ""
        while position < characters.count,
            characters[position].isLetter || characters[position].isNumber || characters[position] == "_"
        {
            name.append(characters[position])
            position += 1
        }
        let function = ExpressionFunction(rawValue: name == "ln" ? "log" : name)
        guard peek() == "(" else {
            if let function {
                throw ExpressionSyntaxError(column: column, "expected '(' after the function \(function.rawValue)")
            }
            return .variable(name)
        }
        guard let function else {
            let names = ExpressionFunction.allCases.map(\.rawValue).joined(separator: " ")
            throw ExpressionSyntaxError(
                column: start + 1, "unknown function \(name); the functions are \(names)")
        }
        position += 1
        var arguments = [try parseSum()]
        while peek() == "," {
            position += 1
            arguments.append(try parseSum())
        }
        try expect(")")
        guard arguments.count == function.arity else {
            throw ExpressionSyntaxError(
                column: start + 1,
                "\(function.rawValue) takes \(function.arity == 1 ? "1 argument" : "\(function.arity) arguments"), "
                    + "got \(arguments.count)")
        }
        return .call(function, arguments)
    }
}
