import NNCore

/// The written report of a network gradient check: conventions, drawn
/// weights, the first parameter worked out, the table, and the verdict.
struct GradientCheckReport {
    let problem: NetworkProblem
    let check: GradientCheck
    let names: ParameterNames
    let results: [GradientCheck.Result]
    var solution = Solution(title: "")

    /// The results that count: those not straddling a kink.
    private var counted: [GradientCheck.Result] { results.filter { !$0.isNearKink } }

    /// Whether every counted parameter passes.
    var passes: Bool { counted.allSatisfy(\.passes) }

    /// The counted result with the largest relative error (any result if none counts).
    private var worst: GradientCheck.Result? {
        (counted.isEmpty ? results : counted).max { $0.relativeError < $1.relativeError }
    }

    let notation: Notation

    init(
        problem: NetworkProblem, check: GradientCheck, names: ParameterNames, results: [GradientCheck.Result],
        notation: Notation
    ) {
        self.notation = notation
        self.problem = problem
        self.check = check
        self.names = names
        self.results = results
    }

    /// Writes every part; `sampled` is (drawn, population, seed) when a sample was drawn.
    mutating func write(sampled: (Int, Int, UInt64)?) {
        let format = NumberFormat(precision: 4)
        let count = problem.network.layers.count
        solution = Solution(
            title:
                "Gradient check · \(count) dense \(count == 1 ? "layer" : "layers") · \(results.count) \(results.count == 1 ? "parameter" : "parameters")",
            preamble: preamble(format: format, sampled: sampled).map { "\($0)" })
        writeDrawnWeights()
        writeFirstParameter()
        writeTable()
        writeVerdict(format: format)
        solution.result = json
    }

    private func preamble(format: NumberFormat, sampled: (Int, Int, UInt64)?) -> [String] {
        var lines: [String] = []
        if let description = problem.description { lines.append(description) }
        lines.append(
            "Analytic a: ∂\(notation.loss)/∂w by backpropagation. Numeric n: the central difference "
                + "(\(notation.loss)(…, w + ε, …) − \(notation.loss)(…, w − ε, …)) / 2ε, whose error is O(ε²)."
        )
        lines.append(
            "A parameter passes when |a − n| ≤ atol + rtol·|n|, with ε = \(format.text(check.epsilon)), atol = \(format.text(check.absoluteTolerance)), rtol = \(format.text(check.relativeTolerance)); relative error = |a − n| / max(|a|, |n|)."
        )
        if let (drawn, population, seed) = sampled {
            lines.append("Checked \(drawn) of \(population) parameters, drawn at random with seed \(seed).")
        }
        return lines
    }

    private mutating func writeDrawnWeights() {
        let drawn = problem.initializations.enumerated().filter { $0.element != nil }
        guard !drawn.isEmpty else { return }
        solution.beginSection("Weights drawn at random (seed \(given: Double(problem.seed)))")
        for (index, rule) in drawn {
            guard let rule else { continue }
            let dense = problem.network.layers[index]
            let method = rule == .heUniform ? "He uniform, r = √(6/in)" : "Glorot uniform, r = √(6/(in + out))"
            solution.addStep(
                .symbol(Symbol("W", layer: index + 1)), [.matrix(dense.weights)],
                note: "U(−r, r) by \(method); b⁽\(NetworkWorksheet.superscript(index + 1))⁾ = 0")
        }
    }

    /// n for the first parameter, with L(w ± ε) shown to enough decimals that their difference reads.
    private mutating func writeFirstParameter() {
        guard let first = results.first else { return }
        let name = names.name(of: first.parameter)
        solution.beginSection("The first parameter, \(name), worked out")
        let w = MathExpression.text(name)
        let epsilon = MathExpression.symbol(Symbol("ε"))
        let decimals = Self.decimalsResolving(abs(first.lossPlus - first.lossMinus))
        solution.addStep(
            .text("a"), [.partial(of: .symbol(Symbol(notation.loss)), withRespectTo: w), .number(first.analytic)],
            note: "backpropagation", producing: ["parameters[0].analytic"])
        solution.addStep(
            .text("n"),
            [
                .fraction(
                    .infix(
                        .minus,
                        [
                            .apply(FunctionName(notation.loss), [.infix(.plus, [w, epsilon])]),
                            .apply(FunctionName(notation.loss), [.infix(.minus, [w, epsilon])]),
                        ]),
                    .product([.number(2), epsilon])),
                .fraction(
                    .infix(
                        .minus,
                        [
                            .preciseNumber(first.lossPlus, decimals: decimals),
                            .preciseNumber(first.lossMinus, decimals: decimals),
                        ]),
                    .product([.number(2), .number(check.epsilon)])),
                .preciseNumber(first.numeric, decimals: 6),
            ], producing: ["parameters[0].numeric"])
        solution.addStep(.text("|a − n|"), [.number(first.absoluteError)], producing: ["parameters[0].abs_error"])
        solution.addStep(
            .text("|a − n| / max(|a|, |n|)"), [.number(first.relativeError)], producing: ["parameters[0].rel_error"])
    }

    /// Decimals that show a difference of `size` to four significant digits (at least 4, at most 17).
    static func decimalsResolving(_ size: Double) -> Int {
        guard size > 0, size.isFinite else { return 4 }
        var scaled = size
        var leading = 0
        while scaled < 1 && leading < 14 {
            scaled *= 10
            leading += 1
        }
        return min(17, max(4, leading + 3))
    }

    private mutating func writeTable() {
        solution.beginSection("Every parameter")
        let columns = [
            Table.Column("parameter"), Table.Column("analytic a", alignment: .right),
            Table.Column("numeric n", alignment: .right), Table.Column("|a − n|", alignment: .right),
            Table.Column("relative", alignment: .right), Table.Column("verdict"),
        ]
        let shown = results.count <= 100 ? results : shortlist
        let rows = shown.map { result -> [[MathExpression]] in
            [
                [.text(names.name(of: result.parameter))], [.number(result.analytic)],
                [.preciseNumber(result.numeric, decimals: 6)], [.number(result.absoluteError)],
                [.number(result.relativeError)], [.text(verdict(result))],
            ]
        }
        solution.addTable(Table(columns: columns, rows: rows))
        if shown.count < results.count {
            solution.addRemark(
                "\(results.count - shown.count) more parameters pass and are not listed; --format json lists every one."
            )
        }
        if results.contains(where: \.isNearKink) {
            solution.addRemark(
                "kink: w ± ε moves a ReLU pre-activation across 0, so the numeric estimate is unreliable here; not counted as a failure."
            )
        }
    }

    /// Past 100 parameters: the failures, the kinks and the 20 largest relative errors, in order.
    private var shortlist: [GradientCheck.Result] {
        let largest = Set(results.sorted { $0.relativeError > $1.relativeError }.prefix(20).map(\.parameter))
        return results.filter { !$0.passes || $0.isNearKink || largest.contains($0.parameter) }
    }

    private func verdict(_ result: GradientCheck.Result) -> String {
        if result.isNearKink { return "kink: unreliable" }
        return result.passes ? "pass" : "FAIL"
    }

    private mutating func writeVerdict(format: NumberFormat) {
        solution.beginSection("Verdict")
        if let worst {
            solution.addRemark(
                "Largest relative error: \(names.name(of: worst.parameter)), \(format.text(worst.relativeError)) (a = \(format.text(worst.analytic)), n = \(format.text(worst.numeric)))."
            )
        }
        let failures = counted.filter { !$0.passes }
        let kinks = results.count - counted.count
        var summary =
            failures.isEmpty
            ? "PASS: \(counted.count) of \(counted.count) parameters agree"
            : "FAIL: \(failures.count) of \(counted.count) parameters disagree: \(failures.prefix(10).map { names.name(of: $0.parameter) }.joined(separator: ", "))\(failures.count > 10 ? ", …" : "")"
        if kinks > 0 { summary += "; \(kinks) near a kink, not counted" }
        solution.addRemark("\(summary).")
    }

    /// `{"eps", "atol", "rtol", "parameters": [{"name", "analytic", "numeric", "abs_error", "rel_error", "pass", "kink"}], "max_rel_error", "worst", "pass"}`.
    private var json: JSONValue {
        let entries = results.map { result -> JSONValue in
            .object([
                JSONMember("name", .string(names.name(of: result.parameter))),
                JSONMember("analytic", .number(result.analytic)),
                JSONMember("numeric", .number(result.numeric)),
                JSONMember("abs_error", .number(result.absoluteError)),
                JSONMember("rel_error", .number(result.relativeError)),
                JSONMember("pass", .bool(result.passes)),
                JSONMember("kink", .bool(result.isNearKink)),
            ])
        }
        return .object([
            JSONMember("eps", .number(check.epsilon)),
            JSONMember("atol", .number(check.absoluteTolerance)),
            JSONMember("rtol", .number(check.relativeTolerance)),
            JSONMember("parameters", .array(entries)),
            JSONMember("max_rel_error", worst.map { .number($0.relativeError) } ?? .null),
            JSONMember("worst", worst.map { .string(names.name(of: $0.parameter)) } ?? .null),
            JSONMember("pass", .bool(passes)),
        ])
    }
}
