extension MathExpression {
    /// The most columns of any matrix or inline vector in the expression
    /// (0 when there is none): a limit on shown columns at or above it changes nothing.
    var mostColumns: Int {
        switch self {
        case .matrix(let matrix): matrix.columns
        case .inlineVector(let entries): entries.count
        case .symbol, .number, .preciseNumber, .text, .count, .given: 0
        case .vectorOf(let parts), .product(let parts), .infix(_, let parts), .apply(_, let parts), .set(let parts):
            parts.map(\.mostColumns).max() ?? 0
        case .indexed(let base, let indices): ([base] + indices).map(\.mostColumns).max() ?? 0
        case .fraction(let u, let v), .power(let u, let v), .partial(let u, let v):
            Swift.max(u.mostColumns, v.mostColumns)
        case .parenthesized(let u), .summation(_, let u), .absoluteValue(let u), .floor(let u), .ceiling(let u),
            .quantity(let u, _):
            u.mostColumns
        }
    }
}
