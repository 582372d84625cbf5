import NNCore

/// A student's answers checked against a worked solution, one entry per value
/// they wrote (`--check MINE.json`), graded as a person grades.
///
/// A number is right when it lies within half a unit of its last written
/// digit of the solution's value. When it is not, the check looks for the
/// rounding that explains it — the decimals the student wrote, applied to
/// every intermediate, or to the student's own earlier values — and then for a
/// common slip that reproduces it. A formula is right when it equals the
/// solution's around the point; words and true/false must be equal.
public struct AnswerCheck: Sendable, Hashable {
    /// What the check found for one value.
    public enum Verdict: String, Sendable, Hashable {
        /// Within half a unit of the last written digit.
        case right
        /// Off by more, but explained by rounding (``Entry/rounding`` says which).
        case rounding
        /// Wrong, by a named slip (``Entry/slip``).
        case slip
        /// Wrong, and no rounding or slip explains it.
        case wrong
    }

    /// One value the student wrote.
    public struct Entry: Sendable, Hashable {
        /// Its JSON path in the solution: `layers[1].grad_W[1][1]`.
        public var path: String
        /// The path in words: "grad_W of layer 2, row 2, column 2".
        public var words: String
        /// What the student wrote: a number, a string, true or false.
        public var written: JSONValue
        /// The number as written, with its decimals; nil for words and true/false.
        public var number: WrittenNumber?
        /// The solution's value.
        public var correct: JSONValue
        /// The verdict.
        public var verdict: Verdict
        /// For a rounding verdict, the rounding that explains the value.
        public var rounding: RoundingFound?
        /// For a slip verdict, the slip that reproduces the value.
        public var slip: Slip?
        /// The step of the solution that computes the value, if one is named.
        public var step: Step?
        /// For a formula, both formulas and where they differ.
        var formula: FormulaAnswer?
    }

    /// Every value the student wrote, in the order written.
    public var entries: [Entry]
    /// Values read in another shape than the solution's: a row for a column vector.
    public var reshaped: [Reshaping]

    /// Checks `answers` against `solution`.
    ///
    /// - Parameters:
    ///   - answers: the student's values, any part of `solution.result`.
    ///   - solution: the worked solution at full precision.
    ///   - grading: what the subcommand knows about rounding, the student's own values and slips.
    /// - Throws: `.invalidData` at `<source>: <path>` for a key the solution
    ///   does not have, an array of another length, a value of another kind,
    ///   or a formula that does not parse.
    public init(
        _ answers: StudentAnswers, against solution: Solution, grading: Grading = Grading()
    ) throws(InputError) {
        var collector = AnswerCollector(answers: answers, formulaPoint: grading.formulaPoint)
        let canonical = try collector.collect(answers.value, correct: solution.result, path: "", written: "")
        entries = collector.entries
        reshaped = collector.reshaped
        for index in entries.indices {
            entries[index].step = solution.step(producing: entries[index].path)
        }
        try roundEveryIntermediate(grading)
        let slips = grading.slips + Slip.generic(sampleCount: grading.sampleCount)
        var distrusted: Set<String> = []
        for _ in 0..<8 {
            try explain(from: canonical, distrusting: distrusted, grading: grading, slips: slips, solution: solution)
            let wrong = Set(entries.filter { $0.verdict == .wrong }.map(\.path))
            if wrong.isSubset(of: distrusted) { break }
            distrusted.formUnion(wrong)
        }
        for index in entries.indices where collector.transposed.contains(entries[index].path) {
            entries[index].verdict = .slip
            entries[index].rounding = nil
            entries[index].slip = .transposed
        }
    }

    /// How many values were checked.
    public var checkedCount: Int { entries.count }
    /// How many are right.
    public var rightCount: Int { entries.count { $0.verdict == .right } }
    /// How many are off only by rounding.
    public var roundingCount: Int { entries.count { $0.verdict == .rounding } }
    /// How many are wrong by a named slip.
    public var slipCount: Int { entries.count { $0.verdict == .slip } }
    /// How many are wrong, by a slip or not.
    public var wrongCount: Int { entries.count { $0.verdict == .wrong || $0.verdict == .slip } }
    /// The first wrong value (by a slip or not), in the order written.
    public var firstWrong: Entry? { entries.first { $0.verdict == .wrong || $0.verdict == .slip } }
    /// Whether every value is right or off only by rounding (exit status 0).
    public var passes: Bool { wrongCount == 0 }

    /// Rounding verdicts for values equal to the computation with every
    /// intermediate rounded to the decimals the student wrote.
    private mutating func roundEveryIntermediate(_ grading: Grading) throws(InputError) {
        var results: [Int: JSONValue?] = [:]
        for index in entries.indices {
            guard entries[index].verdict == .wrong, let number = entries[index].number,
                (0...15).contains(number.decimals)
            else { continue }
            if results[number.decimals] == nil { results[number.decimals] = try grading.roundedResult(number.decimals) }
            guard let rounded = results[number.decimals] ?? nil,
                let value = rounded.value(atPath: entries[index].path)?.numberValue, number.accepts(value)
            else { continue }
            entries[index].verdict = .rounding
            entries[index].rounding = RoundingFound(number, source: .everyIntermediate, value: value)
        }
    }

    /// Explains the values not yet explained: by the student's own earlier
    /// values (all but the `distrusted` ones), else by a slip.
    private mutating func explain(
        from canonical: JSONValue, distrusting distrusted: Set<String>, grading: Grading, slips: [Slip],
        solution: Solution
    ) throws(InputError) {
        for index in entries.indices where entries[index].rounding?.source != .everyIntermediate {
            if entries[index].verdict != .right {
                entries[index].verdict = .wrong
                entries[index].rounding = nil
                entries[index].slip = nil
            }
        }
        if let reworked = grading.reworked {
            var results: [String: JSONValue] = [:]
            for index in entries.indices where entries[index].verdict == .wrong {
                guard let number = entries[index].number else { continue }
                let quantity = String(Self.quantity(of: entries[index].path))
                if results[quantity] == nil {
                    let trusted = canonical.keepingNumbers { path in
                        !distrusted.contains(path) && Self.quantity(of: path) != quantity
                    }
                    // Values of the student's that overflow explain nothing.
                    results[quantity] = (try? reworked(trusted)) ?? .null
                }
                guard let value = results[quantity]?.value(atPath: entries[index].path)?.numberValue,
                    number.accepts(value)
                else { continue }
                entries[index].verdict = .rounding
                entries[index].rounding = RoundingFound(number, source: .yourValues, value: value)
            }
        }
        for index in entries.indices where entries[index].verdict == .wrong {
            guard let number = entries[index].number, let exact = entries[index].correct.numberValue else { continue }
            let path = entries[index].path
            let found = slips.first { slip in
                guard let value = slip.value(at: path, in: solution.result), value.isFinite,
                    (value - exact).magnitude > number.tolerance
                else { return false }
                return (number.value - value).magnitude <= max(number.tolerance, 0.005 * value.magnitude) * (1 + 1e-9)
            }
            if let found {
                entries[index].verdict = .slip
                entries[index].slip = found
            }
        }
    }

    /// The quantity a path belongs to: the path without its trailing indices
    /// (`layers[1].delta` for `layers[1].delta[0]`).
    static func quantity(of path: String) -> Substring {
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "]",
            let open = path[..<end].lastIndex(of: "[")
        {
            end = open
        }
        return path[..<end]
    }

    /// The key a path ends in: `delta` for `layers[1].delta[0]`.
    static func key(of path: String) -> Substring {
        let quantity = quantity(of: path)
        guard let dot = quantity.lastIndex(of: ".") else { return quantity }
        return quantity[quantity.index(after: dot)...]
    }
}

extension AnswerCheck {
    /// A value the student wrote in another shape, read as the solution's.
    public struct Reshaping: Sendable, Hashable {
        /// How it was read.
        public enum Kind: String, Sendable, Hashable {
            /// A row (or flat list) where the solution has a column vector.
            case rowAsColumn = "row_as_column"
            /// A column where the solution has a row or flat list.
            case columnAsRow = "column_as_row"
            /// A plain number for a one-element array.
            case numberAsArray = "number_as_array"
        }

        /// The path in the solution.
        public var path: String
        /// How it was read.
        public var kind: Kind
    }
}

extension JSONValue {
    /// The value with every number at a path `keep` refuses replaced by null.
    func keepingNumbers(_ keep: (String) -> Bool, prefix: String = "") -> JSONValue {
        switch self {
        case .number: keep(prefix) ? self : .null
        case .array(let elements):
            .array(elements.enumerated().map { $1.keepingNumbers(keep, prefix: "\(prefix)[\($0)]") })
        case .object(let members):
            .object(
                members.map {
                    JSONMember(
                        $0.key, $0.value.keepingNumbers(keep, prefix: prefix.isEmpty ? $0.key : "\(prefix).\($0.key)"))
                })
        case .null, .bool, .string: self
        }
    }
}
