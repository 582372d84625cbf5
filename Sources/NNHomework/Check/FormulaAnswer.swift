import NNCore

/// A formula a student wrote (`3*x^2`) compared with the solution's: equal when
/// they simplify alike, or when their values agree at the point and at points
/// around it in every variable.
struct FormulaAnswer: Sendable, Hashable {
    /// The student's formula.
    let yours: Expression
    /// The solution's formula.
    let expected: Expression
    /// Where the two differ, the first such point and both values there; nil when they agree.
    let difference: Difference?

    /// A point where the formulas give different values.
    struct Difference: Sendable, Hashable {
        /// The variables and their values, in the order of the check.
        let point: [Variable]
        /// The student's formula there.
        let yours: Double
        /// The solution's formula there.
        let expected: Double
    }

    /// A variable with its value.
    struct Variable: Sendable, Hashable {
        let name: String
        let value: Double
    }

    /// Offsets from the point at which the formulas are compared; the first is the point itself.
    private static let offsets: [Double] = [0, 0.5, -0.7, 1.3, -1.9, 2.6, -3.1]

    /// `text` read as a formula and compared with `expected` around `point`.
    ///
    /// - Throws: the parser's error when `text` is not a formula.
    init(_ text: String, expected: Expression, around point: [(name: String, value: Double)])
        throws(ExpressionSyntaxError)
    {
        let yours = try Expression(parsing: text)
        self.yours = yours
        self.expected = expected
        if yours.simplified() == expected.simplified() {
            self.difference = nil
            return
        }
        var found: Difference?
        for offset in Self.offsets {
            let variables = point.enumerated().map { index, variable in
                Variable(name: variable.name, value: variable.value + offset * (1 + 0.37 * Double(index)))
            }
            let values = Dictionary(variables.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard let right = try? expected.value(at: values), right.isFinite else { continue }
            let mine = (try? yours.value(at: values)) ?? .nan
            let scale = max(1, right.magnitude, mine.magnitude)
            if !((mine - right).magnitude <= 1e-9 * scale) {
                found = Difference(point: variables, yours: mine, expected: right)
                break
            }
        }
        self.difference = found
    }
}
