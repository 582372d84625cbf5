extension AnswerCheck {
    /// `solution` with the check in front of it, verdict first: a section
    /// "Your answers" (a summary, the first wrong value with the step to redo,
    /// each rounding-only value, and a table of every value), and as its
    /// result the machine-readable report
    /// `{"checked", "correct", "rounding", "wrong", "first_wrong", "entries":
    /// [{"path", "you_wrote", "correct_value", "verdict", "step", "rounded_to", "rounded_value"}]}`
    /// (`rounded_to` and `rounded_value` only for a rounding verdict; `step` null when no step computes it).
    public func report(for solution: Solution) -> Solution {
        var result = solution
        var items: [Solution.Item] = [.remark(summary)]
        for entry in entries where entry.verdict == .rounding {
            items.append(.remark(Self.roundingSentence(entry)))
        }
        items.append(.table(table))
        result.prependSection(Solution.Section(title: "Your answers", items: items))
        result.result = json
        return result
    }

    /// ≈, the mark of a value off only by rounding.
    static let roundingMark = MathExpression.text("≈")

    /// The verdict in one or two sentences.
    var summary: Prose {
        let noun = checkedCount == 1 ? "value" : "values"
        guard let wrong = firstWrong else {
            if roundingCount == 0 {
                return checkedCount == 1
                    ? "\(Prose.Mark.pass) The value you wrote is right."
                    : "\(Prose.Mark.pass) All \(checkedCount) values you wrote are right."
            }
            return
                "\(Prose.Mark.pass) No value is wrong: \(correctCount) of \(checkedCount) are right and \(roundingCount) \(roundingCount == 1 ? "differs" : "differ") only by rounding (\(Self.roundingMark) below)."
        }
        var text: Prose =
            "\(Prose.Mark.fail) \(wrongCount) of \(checkedCount) \(noun) \(wrongCount == 1 ? "is" : "are") wrong. "
        text = text + (wrongCount == 1 ? "It is " : "The first is ")
        text = text + "\(Self.phrase(wrong.path)): you wrote \(Self.written(wrong)), it is \(Self.correct(wrong))"
        if let step = wrong.step { text = text + "; redo step \(step.number)" }
        return text + "."
    }

    private static func roundingSentence(_ entry: Entry) -> Prose {
        let k = entry.roundingDecimals ?? 0
        return
            "\(roundingMark) \(phrase(entry.path)): you wrote \(written(entry)), it is \(correct(entry)); only rounding: matches when every intermediate is rounded to \(k) \(k == 1 ? "decimal" : "decimals")."
    }

    /// What the student wrote, as written: `0.600` keeps its zeros.
    private static func written(_ entry: Entry) -> Prose {
        .written(entry.number?.text ?? plainText(entry.written))
    }

    /// The solution's value in a sentence: a number with one decimal more than
    /// the student wrote (at least the precision), words in quotes.
    private static func correct(_ entry: Entry) -> Prose {
        if case .number(let x) = entry.correct { return "\(correctNumber(x, entry))" }
        return .written(plainText(entry.correct))
    }

    private static func correctNumber(_ x: Double, _ entry: Entry) -> MathExpression {
        .preciseNumber(x, decimals: (entry.number?.decimals ?? 0) + 1)
    }

    /// A value that is not a number as the student or the solution wrote it: words in quotes, true or false.
    private static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .bool(let flag): flag ? "true" : "false"
        default: value.serialized(indent: nil)
        }
    }

    /// Every value: ✓, ✗ or ≈, where it is, what was written, the solution's value and its step.
    var table: Table {
        let columns = [
            Table.Column(""), Table.Column("value"), Table.Column("you wrote", alignment: .right),
            Table.Column("correct", alignment: .right), Table.Column("step"),
        ]
        let rows: [[[MathExpression]]] = entries.map { entry in
            let mark: MathExpression
            switch entry.verdict {
            case .correct: mark = .text("✓")
            case .wrong: mark = .text("✗")
            case .rounding: mark = Self.roundingMark
            }
            let correct: MathExpression
            if case .number(let x) = entry.correct {
                correct = Self.correctNumber(x, entry)
            } else {
                correct = .text(Self.plainText(entry.correct))
            }
            let written = MathExpression.text(entry.number?.text ?? Self.plainText(entry.written))
            let step = entry.step.map { [MathExpression.product([.parenthesized(.count($0.number)), $0.lhs])] } ?? []
            return [[mark], [.text(entry.words)], [written], [correct], step]
        }
        return Table(columns: columns, rows: rows)
    }

    /// The machine-readable report.
    var json: JSONValue {
        let items: [JSONValue] = entries.map { entry in
            var members = [
                JSONMember("path", .string(entry.path)),
                JSONMember("you_wrote", entry.written),
                JSONMember("correct_value", entry.correct),
                JSONMember("verdict", .string(entry.verdict.rawValue)),
                JSONMember("step", entry.step.map { .number(Double($0.number)) } ?? .null),
            ]
            if let k = entry.roundingDecimals, let value = entry.roundedValue {
                members.append(JSONMember("rounded_to", .number(Double(k))))
                members.append(JSONMember("rounded_value", .number(value)))
            }
            return .object(members)
        }
        return .object([
            JSONMember("checked", .number(Double(checkedCount))),
            JSONMember("correct", .number(Double(correctCount))),
            JSONMember("rounding", .number(Double(roundingCount))),
            JSONMember("wrong", .number(Double(wrongCount))),
            JSONMember("first_wrong", firstWrong.map { .string($0.path) } ?? .null),
            JSONMember("entries", .array(items)),
        ])
    }
}
