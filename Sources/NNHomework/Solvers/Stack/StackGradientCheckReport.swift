import NNCore

/// The written report of a gradient check of a network of typed layers:
/// the conventions, the first entry worked out, the table and the verdict.
///
/// Entries are shown as math counted from 1 (K₁,₂,₃,₁⁽¹⁾, x₄); JSON names them `K1[1,2,3,1]`, `x[4]`.
struct StackGradientCheckReport {
    let problem: StackProblem
    let check: GradientCheck
    let notation: Notation
    let entries: [StackGradientCheckSolver.Entry]
    var solution = Solution(title: "")

    /// Whether an entry passes: |a − n| ≤ atol + rtol·|n|.
    private func passes(_ entry: StackGradientCheckSolver.Entry) -> Bool {
        entry.absoluteError <= check.absoluteTolerance + check.relativeTolerance * abs(entry.numeric)
    }

    /// The entries that count: those not straddling a kink.
    private var counted: [StackGradientCheckSolver.Entry] { entries.filter { !$0.isNearKink } }

    /// Whether every counted entry passes.
    var passes: Bool { counted.allSatisfy(passes) }

    private var worst: StackGradientCheckSolver.Entry? {
        (counted.isEmpty ? entries : counted).max { $0.relativeError < $1.relativeError }
    }

    private static let (a, n, epsilon) = (GradientCheckReport.a, GradientCheckReport.n, GradientCheckReport.epsilon)
    private static let absoluteError = GradientCheckReport.absoluteError
    private static let relativeError = GradientCheckReport.relativeError

    /// Writes every part.
    mutating func write() {
        let names = problem.stack.layers.map { StackLayerNotation.name(of: $0) }
        let parameterCount = problem.stack.parameters.count
        solution = Solution(
            title:
                "Gradient check of \(Prose.joined(names, separator: ", ")) (\(parameterCount) parameters and \(entries.count - parameterCount) input values)",
            preamble: preamble)
        writeFirst()
        writeTable()
        writeVerdict()
        solution.result = json
    }

    private var preamble: [Prose] {
        var lines: [Prose] = []
        if let description = problem.description { lines.append(.written(description)) }
        let loss = FunctionName(notation.loss)
        let w = MathExpression.symbol(Symbol("w"))
        let estimate = MathExpression.infix(
            .divide,
            [
                .infix(
                    .minus,
                    [
                        .apply(loss, [.infix(.plus, [w, Self.epsilon])]),
                        .apply(loss, [.infix(.minus, [w, Self.epsilon])]),
                    ]),
                .product([.count(2), Self.epsilon]),
            ])
        lines.append(
            "Analytic \(Self.a): \(MathExpression.partial(of: .symbol(Symbol(notation.loss)), withRespectTo: w)) by backpropagation through every layer; numeric \(Self.n): the central difference \(estimate), for every parameter \(w) and every input value."
        )
        let rule = MathExpression.infix(
            .lessThanOrEqual,
            [
                Self.absoluteError,
                .infix(
                    .plus,
                    [.symbol(Symbol("atol")), .infix(.times, [.symbol(Symbol("rtol")), .absoluteValue(Self.n)])]),
            ])
        lines.append(
            "An entry passes when \(rule), with \(Self.epsilon) = \(given: check.epsilon), \(Symbol("atol")) = \(given: check.absoluteTolerance), \(Symbol("rtol")) = \(given: check.relativeTolerance); relative error = \(Self.relativeError)."
        )
        return lines
    }

    private mutating func writeFirst() {
        guard let first = entries.first else { return }
        solution.beginSection("The first parameter, \(first.symbol), worked out")
        let largest = max(abs(first.lossPlus), abs(first.lossMinus))
        let integerDigits = largest < 1 ? 0 : largest < 1e15 ? String(Int(largest)).count : 15
        let decimals = min(
            max(0, 15 - integerDigits), GradientCheckReport.decimalsResolving(abs(first.lossPlus - first.lossMinus)))
        solution.addStep(
            Self.a,
            [.partial(of: .symbol(Symbol(notation.loss)), withRespectTo: first.symbol), .number(first.analytic)],
            note: "backpropagation", producing: ["parameters[0].analytic"])
        solution.addStep(
            Self.n,
            GradientCheckReport.centralDifference(
                of: first.symbol, loss: notation.loss, lossPlus: first.lossPlus, lossMinus: first.lossMinus,
                numeric: first.numeric, epsilon: check.epsilon, decimals: decimals),
            producing: ["parameters[0].numeric"])
    }

    private mutating func writeTable() {
        solution.beginSection("Every parameter and input value")
        let columns = [
            Table.Column("entry"), Table.Column(Prose(Self.a), alignment: .right),
            Table.Column(Prose(Self.n), alignment: .right),
            Table.Column(Prose(Self.absoluteError), alignment: .right),
            Table.Column("relative", alignment: .right), Table.Column("verdict"),
        ]
        let shown = entries.count <= Self.rowsShown ? entries : shortlist
        let rows = shown.map { entry -> [[MathExpression]] in
            [
                [entry.symbol], [.number(entry.analytic)], [.preciseNumber(entry.numeric, decimals: 6)],
                [.number(entry.absoluteError)], [.number(entry.relativeError)], [.text(verdict(entry))],
            ]
        }
        solution.addTable(Table(columns: columns, rows: rows))
        if shown.count < entries.count {
            solution.addRemark(
                "\(entries.count - shown.count) more entries pass and are not listed; \(code: "--format json") lists every one."
            )
        }
        if entries.contains(where: \.isNearKink) {
            solution.addRemark(
                "kink: \(Self.epsilon) moves a pre-activation across a kink of its activation, or changes the value a max pool picks, so the numeric estimate is unreliable there; not counted as a failure."
            )
        }
    }

    /// Up to this many entries the table lists all; past it, those that fail or sit near a kink and the largest errors.
    private static let rowsShown = 40

    /// The failures, the kinks and the 20 largest relative errors, in order.
    private var shortlist: [StackGradientCheckSolver.Entry] {
        let largest = Set(entries.indices.sorted { entries[$0].relativeError > entries[$1].relativeError }.prefix(20))
        return entries.indices.filter { !passes(entries[$0]) || entries[$0].isNearKink || largest.contains($0) }.map {
            entries[$0]
        }
    }

    private func verdict(_ entry: StackGradientCheckSolver.Entry) -> String {
        entry.isNearKink ? "kink" : passes(entry) ? "pass" : "FAIL"
    }

    private mutating func writeVerdict() {
        solution.beginSection("Verdict")
        if let worst {
            solution.addRemark(
                "Largest relative error: \(worst.symbol), \(number: worst.relativeError) (\(Self.a) = \(number: worst.analytic), \(Self.n) = \(number: worst.numeric))."
            )
        }
        let failures = counted.filter { !passes($0) }
        let kinks = entries.count - counted.count
        var summary: Prose =
            failures.isEmpty
            ? "PASS: \(counted.count) of \(counted.count) entries agree"
            : "FAIL: \(failures.count) of \(counted.count) entries disagree: \(Prose.joined(failures.prefix(10).map { Prose($0.symbol) }, separator: ", "))"
        if kinks > 0 { summary = summary + "; \(kinks) near a kink, not counted" }
        solution.addRemark(summary + ".")
    }

    /// `{"eps", "atol", "rtol", "parameters": [{"name", "analytic", "numeric", "abs_error", "rel_error", "pass",
    /// "kink"}], "max_rel_error", "worst", "pass"}`; the input values are entries `x[i]` (`x[s,i]` in a batch).
    private var json: JSONValue {
        let list = entries.map { entry -> JSONValue in
            .object([
                JSONMember("name", .string(entry.name)),
                JSONMember("analytic", .number(entry.analytic)),
                JSONMember("numeric", .number(entry.numeric)),
                JSONMember("abs_error", .number(entry.absoluteError)),
                JSONMember("rel_error", .number(entry.relativeError)),
                JSONMember("pass", .bool(passes(entry))),
                JSONMember("kink", .bool(entry.isNearKink)),
            ])
        }
        return .object([
            JSONMember("eps", .number(check.epsilon)),
            JSONMember("atol", .number(check.absoluteTolerance)),
            JSONMember("rtol", .number(check.relativeTolerance)),
            JSONMember("parameters", .array(list)),
            JSONMember("max_rel_error", worst.map { .number($0.relativeError) } ?? .null),
            JSONMember("worst", worst.map { .string($0.name) } ?? .null),
            JSONMember("pass", .bool(passes)),
        ])
    }
}
