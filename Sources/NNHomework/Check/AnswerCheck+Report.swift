import NNCore

extension AnswerCheck {
    /// `solution` with the check in front of it, verdict first: a section
    /// "Your answers" (a summary, a sentence for each value explained by
    /// rounding or by a slip and each wrong formula, the values read in another shape, and
    /// a table of every value), and as its result the machine-readable report
    /// `{"checked", "right", "rounding", "slip", "wrong", "first_wrong", "reshaped",
    /// "entries": [{"path", "yours", "expected", "verdict", "rounding", "slip", "step", "differs_at"}]}`
    /// (`differs_at` only for a formula that differs: the point and both values there).
    public func report(for solution: Solution) -> Solution {
        var result = solution
        var items: [Solution.Item] = [.remark(summary)]
        for entry in entries where entry.verdict != .right && (entry.verdict != .wrong || entry.formula != nil) {
            items.append(.remark(Self.sentence(entry)))
        }
        for reshaping in reshaped {
            items.append(.remark(Self.sentence(reshaping)))
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
                "\(Prose.Mark.pass) No value is wrong: \(rightCount) of \(checkedCount) are right and \(roundingCount) \(roundingCount == 1 ? "is" : "are") right up to your rounding (\(Self.roundingMark) below)."
        }
        var text: Prose =
            "\(Prose.Mark.fail) \(wrongCount) of \(checkedCount) \(noun) \(wrongCount == 1 ? "is" : "are") wrong. "
        text = text + (wrongCount == 1 ? "It is " : "The first is ")
        text = text + "\(Self.name(wrong)): you wrote \(Self.written(wrong)), it is \(Self.correct(wrong))"
        if let step = wrong.step { text = text + "; redo step \(step.number)" }
        return text + "."
    }

    /// What the check says of a value that is not right.
    private static func sentence(_ entry: Entry) -> Prose {
        let start: Prose =
            "\(name(entry)): you wrote \(written(entry)), it is \(correct(entry))"
        switch entry.verdict {
        case .right:
            return start + "."
        case .rounding:
            let explanation = entry.rounding?.explanation ?? "only rounding"
            return "\(roundingMark) " + start + "; right up to your rounding: " + explanation + "."
        case .slip:
            guard let slip = entry.slip else { return "\(Prose.Mark.fail) " + start + "." }
            return "\(Prose.Mark.fail) " + start + ": you " + slip.did + "; the right step: " + slip.right + "."
        case .wrong:
            var text: Prose = "\(Prose.Mark.fail) " + start
            if let difference = entry.formula?.difference, let formula = entry.formula {
                let point = Prose.joined(
                    difference.point.map {
                        "\(MathExpression.equation(.symbol(Symbol($0.name)), .number($0.value)))"
                    }, separator: ", ")
                text =
                    text
                    + "; they differ at \(point): yours gives \(MathExpression.number(difference.yours)), \(MathExpression(formula.expected, division: .slash)) gives \(MathExpression.number(difference.expected))"
            }
            return text + "."
        }
    }

    /// The value's name in a sentence: ∂f/∂x for a formula, the path in words otherwise.
    private static func name(_ entry: Entry) -> Prose {
        entry.formula == nil ? phrase(entry.path) : "\(partial(entry.path))"
    }

    /// ∂f/∂v for the formula at `derivative.v`.
    private static func partial(_ path: String) -> MathExpression {
        FormulaCheckSolver.partial(String(key(of: path)))
    }

    private static func sentence(_ reshaping: Reshaping) -> Prose {
        switch reshaping.kind {
        case .rowAsColumn:
            "\(phrase(reshaping.path)) is a column vector; you wrote it as a row, and it is read as the column."
        case .columnAsRow:
            "\(phrase(reshaping.path)) is a flat list; you wrote it as a column, and it is read as the list."
        case .numberAsArray:
            "\(phrase(reshaping.path)) has one entry; your plain number is read as it."
        }
    }

    /// What the student wrote, as written: `0.600` keeps its zeros, a formula is typeset.
    private static func written(_ entry: Entry) -> Prose {
        if let formula = entry.formula { return "\(MathExpression(formula.yours, division: .slash))" }
        return .written(entry.number?.text ?? plainText(entry.written))
    }

    /// The solution's value in a sentence: a number with one decimal more than
    /// the student wrote (at least the precision), a formula typeset, words in quotes.
    private static func correct(_ entry: Entry) -> Prose {
        if let formula = entry.formula { return "\(MathExpression(formula.expected, division: .slash))" }
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
            case .right: mark = .text("✓")
            case .wrong, .slip: mark = .text("✗")
            case .rounding: mark = Self.roundingMark
            }
            let correct: MathExpression
            let written: MathExpression
            if let formula = entry.formula {
                correct = MathExpression(formula.expected, division: .slash)
                written = MathExpression(formula.yours, division: .slash)
            } else if case .number(let x) = entry.correct {
                correct = Self.correctNumber(x, entry)
                written = .text(entry.number?.text ?? Self.plainText(entry.written))
            } else {
                correct = .text(Self.plainText(entry.correct))
                written = .text(Self.plainText(entry.written))
            }
            let step = entry.step.map { [MathExpression.product([.parenthesized(.count($0.number)), $0.lhs])] } ?? []
            let value: MathExpression =
                entry.formula == nil ? .text(entry.words) : Self.partial(entry.path)
            return [[mark], [value], [written], [correct], step]
        }
        return Table(columns: columns, rows: rows)
    }

    /// The machine-readable report.
    var json: JSONValue {
        let items: [JSONValue] = entries.map { entry in
            var members = [
                JSONMember("path", .string(entry.path)),
                JSONMember("yours", entry.written),
                JSONMember("expected", entry.correct),
                JSONMember("verdict", .string(entry.verdict.rawValue)),
                JSONMember("rounding", entry.rounding?.json ?? .null),
                JSONMember("slip", entry.slip.map { .string($0.name) } ?? .null),
                JSONMember("step", entry.step.map { .number(Double($0.number)) } ?? .null),
            ]
            if let difference = entry.formula?.difference {
                members.append(
                    JSONMember(
                        "differs_at",
                        .object([
                            JSONMember(
                                "point", .object(difference.point.map { JSONMember($0.name, .number($0.value)) })),
                            JSONMember("yours", .number(difference.yours)),
                            JSONMember("expected", .number(difference.expected)),
                        ])))
            }
            return .object(members)
        }
        return .object([
            JSONMember("checked", .number(Double(checkedCount))),
            JSONMember("right", .number(Double(rightCount))),
            JSONMember("rounding", .number(Double(roundingCount))),
            JSONMember("slip", .number(Double(slipCount))),
            JSONMember("wrong", .number(Double(wrongCount - slipCount))),
            JSONMember("first_wrong", firstWrong.map { .string($0.path) } ?? .null),
            JSONMember(
                "reshaped",
                .array(
                    reshaped.map {
                        .object([
                            JSONMember("path", .string($0.path)), JSONMember("read_as", .string($0.kind.rawValue)),
                        ])
                    })),
            JSONMember("entries", .array(items)),
        ])
    }
}
