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
        default: parts.allSatisfy(\.isFinite)
        }
    }
}
