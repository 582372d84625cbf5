extension MathExpression {
    /// The most columns of any matrix or inline vector in the expression
    /// (0 when there is none): a limit on shown columns at or above it changes nothing.
    var mostColumns: Int {
        switch self {
        case .matrix(let matrix): matrix.columns
        case .inlineVector(let entries): entries.count
        default: parts.map(\.mostColumns).max() ?? 0
        }
    }
}
