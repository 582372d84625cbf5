extension MathExpression {
    /// The expressions directly inside this one (none for a symbol, a number, a
    /// matrix, a vector of numbers, text or a count), for walks over the whole tree.
    var parts: [MathExpression] {
        switch self {
        case .symbol, .number, .preciseNumber, .matrix, .inlineVector, .text, .count, .given: []
        case .vectorOf(let parts), .product(let parts), .infix(_, let parts), .apply(_, let parts), .set(let parts):
            parts
        case .indexed(let base, let indices): [base] + indices
        case .fraction(let u, let v), .power(let u, let v), .partial(let u, let v): [u, v]
        case .secondPartial(let f, let x, let y): [f, x, y]
        case .parenthesized(let u), .summation(_, let u), .absoluteValue(let u), .norm(let u), .floor(let u),
            .ceiling(let u),
            .quantity(let u, _):
            [u]
        }
    }
}
