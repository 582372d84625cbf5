import NNCore

/// Walks a student's answers alongside the solution's result, collecting one
/// entry per value and reading forgiving shapes and key spellings as the
/// solution's: a number for a one-element array, a row for a column vector,
/// a transposed matrix (a slip), `gradW` or `Grad-W` for `grad_W`.
struct AnswerCollector {
    let answers: StudentAnswers
    /// The variables and point of a formula check, where answers under `derivative` are formulas.
    let formulaPoint: [(name: String, value: Double)]
    var entries: [AnswerCheck.Entry] = []
    var reshaped: [AnswerCheck.Reshaping] = []
    /// Paths of entries read from a matrix written transposed.
    var transposed: Set<String> = []

    init(answers: StudentAnswers, formulaPoint: [(name: String, value: Double)]) {
        self.answers = answers
        self.formulaPoint = formulaPoint
    }

    /// Collects the entries of `mine` (at `written` in the student's document)
    /// against `correct` (at `path` in the solution), and returns `mine` in the solution's shape.
    mutating func collect(_ mine: JSONValue, correct: JSONValue, path: String, written: String) throws(InputError)
        -> JSONValue
    {
        let place = written.isEmpty ? answers.source : "\(answers.source): \(written)"
        switch (mine, correct) {
        case (.object(let members), .object(let solutionMembers)):
            var canonical: [JSONMember] = []
            for member in members {
                guard let found = Self.member(member.key, in: solutionMembers) else {
                    let keys = solutionMembers.map(\.key)
                    throw InputError(
                        at: place,
                        .unknownAnswerKey(
                            member.key, suggestion: closestMatch(to: member.key, among: keys), keys: keys))
                }
                let childPath = path.isEmpty ? found.key : "\(path).\(found.key)"
                let childWritten = written.isEmpty ? member.key : "\(written).\(member.key)"
                canonical.append(
                    JSONMember(
                        found.key,
                        try collect(member.value, correct: found.value, path: childPath, written: childWritten)))
            }
            return .object(canonical)
        case (.array(let elements), .array(let solutionElements)):
            if let reading = Self.reading(elements, as: solutionElements) {
                reshaped.append(AnswerCheck.Reshaping(path: path, kind: reading.kind))
                return try collectReshaped(reading.pairs, correct: solutionElements, path: path, written: written)
            }
            if let rows = Self.transposedRows(elements, of: solutionElements) {
                let before = entries.count
                let canonical = try collectMatrix(rows, correct: solutionElements, path: path, written: written)
                transposed.formUnion(entries[before...].map(\.path))
                return canonical
            }
            guard elements.count == solutionElements.count else {
                throw InputError(
                    at: place,
                    .answerCount(
                        elements.count, noun: solutionElements.allSatisfy { $0.arrayValue != nil } ? "row" : "entry",
                        expected: solutionElements.count,
                        ofObjects: solutionElements.allSatisfy { $0.members != nil }))
            }
            var canonical: [JSONValue] = []
            for (index, pair) in zip(elements, solutionElements).enumerated() {
                canonical.append(
                    try collect(pair.0, correct: pair.1, path: "\(path)[\(index)]", written: "\(written)[\(index)]"))
            }
            return .array(canonical)
        case (.number, .array(let solutionElements)) where solutionElements.count == 1:
            reshaped.append(AnswerCheck.Reshaping(path: path, kind: .numberAsArray))
            return .array([try collect(mine, correct: solutionElements[0], path: "\(path)[0]", written: written)])
        case (.number(let value), .number(let exact)):
            let number = WrittenNumber(literal: answers.literals[written] ?? specText(value), value: value)
            append(path, mine, number: number, correct: correct, right: number.accepts(exact))
            return mine
        case (.string(let text), .string(let exact)):
            if path.hasPrefix("derivative."), !formulaPoint.isEmpty, let expected = try? Expression(parsing: exact) {
                let formula: FormulaAnswer
                do {
                    formula = try FormulaAnswer(text, expected: expected, around: formulaPoint)
                } catch {
                    throw InputError(at: place, .notAFormula(error.description))
                }
                append(path, mine, correct: correct, right: formula.difference == nil)
                entries[entries.count - 1].formula = formula
            } else {
                append(path, mine, correct: correct, right: text == exact)
            }
            return mine
        case (.bool(let flag), .bool(let exact)):
            append(path, mine, correct: correct, right: flag == exact)
            return mine
        default:
            throw InputError(at: place, .answerKind(expected: Self.kind(of: correct), found: mine.typeName))
        }
    }

    private mutating func append(
        _ path: String, _ written: JSONValue, number: WrittenNumber? = nil, correct: JSONValue, right: Bool
    ) {
        entries.append(
            AnswerCheck.Entry(
                path: path, words: AnswerCheck.words(path), written: written, number: number, correct: correct,
                verdict: right ? .right : .wrong))
    }

    /// Entries written at other places, each against the solution's column entry `[i][0]`, or entry `[i]`.
    private mutating func collectReshaped(
        _ pairs: [(value: JSONValue, written: String)], correct: [JSONValue], path: String, written: String
    ) throws(InputError) -> JSONValue {
        var canonical: [JSONValue] = []
        for (index, pair) in pairs.enumerated() {
            if case .array(let column) = correct[index], column.count == 1 {
                canonical.append(
                    .array([
                        try collect(
                            pair.value, correct: column[0], path: "\(path)[\(index)][0]",
                            written: written + pair.written)
                    ]))
            } else {
                canonical.append(
                    try collect(
                        pair.value, correct: correct[index], path: "\(path)[\(index)]", written: written + pair.written)
                )
            }
        }
        return .array(canonical)
    }

    /// A matrix read from the transpose the student wrote: entry [i][j] is what they wrote at [j][i].
    private mutating func collectMatrix(
        _ rows: [[JSONValue]], correct: [JSONValue], path: String, written: String
    ) throws(InputError) -> JSONValue {
        var canonical: [JSONValue] = []
        for (i, row) in rows.enumerated() {
            guard case .array(let solutionRow) = correct[i] else { continue }
            var canonicalRow: [JSONValue] = []
            for (j, pair) in zip(row, solutionRow).enumerated() {
                canonicalRow.append(
                    try collect(pair.0, correct: pair.1, path: "\(path)[\(i)][\(j)]", written: "\(written)[\(j)][\(i)]")
                )
            }
            canonical.append(.array(canonicalRow))
        }
        return .array(canonical)
    }

    /// The solution's member for a key written in any case style: exactly, or
    /// equal once case, `_` and `-` are ignored (`gradW`, `Grad-W`, `GRAD_W` for `grad_W`).
    static func member(_ key: String, in members: [JSONMember]) -> JSONMember? {
        members.first { $0.key == key } ?? members.first { normalized($0.key) == normalized(key) }
    }

    private static func normalized(_ key: String) -> String {
        String(key.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// A vector written in the other orientation, as (value, written path suffix)
    /// pairs for the solution's entries: a flat list or one row for a column
    /// n × 1, a column for a flat list or one row.
    private static func reading(_ elements: [JSONValue], as solution: [JSONValue]) -> (
        kind: AnswerCheck.Reshaping.Kind, pairs: [(value: JSONValue, written: String)]
    )? {
        let n = solution.count
        guard n > 1 else { return nil }
        let solutionIsColumn = solution.allSatisfy { $0.arrayValue?.count == 1 }
        let solutionIsFlat = solution.allSatisfy { $0.numberValue != nil }
        let flat = elements.count == n && elements.allSatisfy { $0.numberValue != nil }
        let column = elements.count == n && elements.allSatisfy { $0.arrayValue?.count == 1 }
        if solutionIsColumn, flat {
            return (.rowAsColumn, elements.enumerated().map { ($1, "[\($0)]") })
        }
        if solutionIsColumn || solutionIsFlat, elements.count == 1, let row = elements[0].arrayValue,
            row.count == n, row.allSatisfy({ $0.numberValue != nil })
        {
            return (solutionIsColumn ? .rowAsColumn : .columnAsRow, row.enumerated().map { ($1, "[0][\($0)]") })
        }
        if solutionIsFlat, column {
            return (.columnAsRow, elements.enumerated().map { ($1.arrayValue?[0] ?? .null, "[\($0)][0]") })
        }
        return nil
    }

    /// The rows of `elements` read transposed, when they are a c × r matrix where the solution has r × c (r ≠ c).
    private static func transposedRows(_ elements: [JSONValue], of solution: [JSONValue]) -> [[JSONValue]]? {
        let rows = elements.compactMap(\.arrayValue)
        let solutionRows = solution.compactMap(\.arrayValue)
        guard rows.count == elements.count, solutionRows.count == solution.count,
            let columns = solutionRows.first?.count,
            columns != solution.count, columns > 1, solution.count > 1, rows.count == columns,
            rows.allSatisfy({ $0.count == solution.count }), solutionRows.allSatisfy({ $0.count == columns })
        else { return nil }
        return (0..<solution.count).map { i in rows.map { $0[i] } }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            elements.allSatisfy({ if case .array = $0 { true } else { false } }) && !elements.isEmpty
                ? "an array of rows" : "an array"
        case .object: "an object"
        case .number: "a number"
        case .string: "a string"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
