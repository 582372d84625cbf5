extension Solution {
    /// Refuses a solution that would print ∞ or NaN as an answer: the first
    /// such number in a step or in ``result`` is reported at `place`, the input
    /// that caused it (a spec file, an option), naming the step and the result.
    ///
    /// Every solver ends with this check, so that no renderer is handed a
    /// number it cannot print.
    /// - Throws: an invalid-data ``InputError`` (exit 65) at `place`.
    public func requireFinite(blaming place: String) throws(InputError) {
        let path = result.numberPaths.first { result.value(atPath: $0).flatMap(\.numberValue)?.isFinite == false }
        let step =
            steps.first { step in !([step.lhs] + step.rhs).allSatisfy(\.isFinite) }
            ?? path.flatMap { self.step(producing: $0) }
        guard path != nil || step != nil else { return }
        throw InputError(at: place, .resultNotFinite(step: step?.number, path: path))
    }
}

extension MathExpression {
    /// Whether every number in the expression is finite.
    var isFinite: Bool {
        switch self {
        case .number(let x), .preciseNumber(let x, _), .given(let x): x.isFinite
        case .matrix(let matrix): matrix.isFinite
        case .inlineVector(let entries): entries.allSatisfy(\.isFinite)
        case .symbol, .text, .count: true
        case .vectorOf(let parts), .product(let parts), .infix(_, let parts), .apply(_, let parts), .set(let parts):
            parts.allSatisfy(\.isFinite)
        case .indexed(let base, let indices): base.isFinite && indices.allSatisfy(\.isFinite)
        case .fraction(let u, let v), .power(let u, let v), .partial(let u, let v): u.isFinite && v.isFinite
        case .parenthesized(let u), .summation(_, let u), .absoluteValue(let u), .floor(let u), .ceiling(let u),
            .quantity(let u, _):
            u.isFinite
        }
    }
}
