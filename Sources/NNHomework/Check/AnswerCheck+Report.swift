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
        var items: [Solution.Item] = [.remark("\(summary)")]
        for entry in entries where entry.verdict == .rounding {
            items.append(.remark("\(Self.roundingSentence(entry))"))
        }
        items.append(.table(table))
        result.prependSection(Solution.Section(title: "Your answers", items: items))
        result.result = json
        return result
    }

    /// The verdict in one or two sentences.
    var summary: String {
        let noun = checkedCount == 1 ? "value" : "values"
        guard let wrong = firstWrong else {
            if roundingCount == 0 {
                return checkedCount == 1
                    ? "✓ The value you wrote is right." : "✓ All \(checkedCount) values you wrote are right."
            }
            return
                "✓ No value is wrong: \(correctCount) of \(checkedCount) are right and \(roundingCount) \(roundingCount == 1 ? "differs" : "differ") only by rounding (≈ below)."
        }
        var text = "✗ \(wrongCount) of \(checkedCount) \(noun) \(wrongCount == 1 ? "is" : "are") wrong. "
        text += wrongCount == 1 ? "It is " : "The first is "
        text += "\(wrong.words): you wrote \(Self.writtenText(wrong)), it is \(Self.correctText(wrong))"
        if let step = wrong.step { text += "; redo step \(step.number)" }
        return text + "."
    }

    private static func roundingSentence(_ entry: Entry) -> String {
        let k = entry.roundingDecimals ?? 0
        return
            "≈ \(entry.words): you wrote \(writtenText(entry)), it is \(correctText(entry)); only rounding: matches when every intermediate is rounded to \(k == 1 ? "1 decimal" : "\(k) decimals")."
    }

    private static func writtenText(_ entry: Entry) -> String {
        entry.number?.text ?? plainText(entry.written, decimals: 0)
    }

    private static func correctText(_ entry: Entry) -> String {
        plainText(entry.correct, decimals: entry.number.map { $0.decimals + 1 } ?? 0)
    }

    /// A value in a sentence: a number with one decimal more than the student
    /// wrote (at least 4), words in quotes.
    private static func plainText(_ value: JSONValue, decimals: Int) -> String {
        switch value {
        case .number(let x): NumberFormat(precision: min(17, max(4, decimals))).text(x)
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
            let mark: String
            switch entry.verdict {
            case .correct: mark = "✓"
            case .wrong: mark = "✗"
            case .rounding: mark = "≈"
            }
            let correct: MathExpression
            if case .number(let x) = entry.correct {
                correct = .preciseNumber(x, decimals: (entry.number?.decimals ?? 0) + 1)
            } else {
                correct = .text(Self.plainText(entry.correct, decimals: 0))
            }
            let step = entry.step.map { [MathExpression.product([.text("(\($0.number))"), $0.lhs])] } ?? []
            return [[.text(mark)], [.text(entry.words)], [.text(Self.writtenText(entry))], [correct], step]
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
