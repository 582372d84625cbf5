import NNCore

/// The written report of a network gradient check: conventions, drawn
/// weights, the first parameter worked out (a, n, |a − n|, the relative error
/// and the course-style difference |a − n| / (|a| + |n|)), the table, and the verdict.
///
/// Parameters are shown as math counted from 1, W₁,₃⁽²⁾; JSON names them as
/// `--params` takes them, `W2[1,3]`.
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

    static let a = MathExpression.symbol(Symbol("a"))
    static let n = MathExpression.symbol(Symbol("n"))
    static let epsilon = MathExpression.symbol(Symbol("ε"))
    /// |a − n|.
    static let absoluteError = MathExpression.absoluteValue(.infix(.minus, [a, n]))
    /// |a − n| / max(|a|, |n|).
    static let relativeError = MathExpression.infix(
        .divide, [absoluteError, .apply(FunctionName("max"), [.absoluteValue(a), .absoluteValue(n)])])
    /// |a − n| / (|a| + |n|).
    private static let difference = MathExpression.infix(
        .divide, [absoluteError, .parenthesized(.infix(.plus, [.absoluteValue(a), .absoluteValue(n)]))])

    /// Writes every part; `sampled` is (drawn, population, seed) when a sample was drawn.
    mutating func write(sampled: (Int, Int, UInt64)?) {
        let count = problem.network.layers.count
        solution = Solution(
            title:
                "Gradient check of \(count) dense \(count == 1 ? "layer" : "layers") (\(results.count) \(results.count == 1 ? "parameter" : "parameters"))",
            preamble: preamble(sampled: sampled))
        writeDrawnWeights()
        writeFirstParameter()
        writeTable()
        writeVerdict()
        solution.result = json
    }

    private func preamble(sampled: (Int, Int, UInt64)?) -> [Prose] {
        var lines: [Prose] = []
        if let description = problem.description { lines.append(.written(description)) }
        let loss = FunctionName(notation.loss)
        let w = MathExpression.symbol(Symbol("w"))
        let ellipsis = MathExpression.symbol(Symbol("…"))
        let estimate = MathExpression.infix(
            .divide,
            [
                .infix(
                    .minus,
                    [
                        .apply(loss, [ellipsis, .infix(.plus, [w, Self.epsilon]), ellipsis]),
                        .apply(loss, [ellipsis, .infix(.minus, [w, Self.epsilon]), ellipsis]),
                    ]),
                .product([.number(2), Self.epsilon]),
            ])
        let order = MathExpression.apply(FunctionName("O"), [.power(Self.epsilon, .number(2))])
        lines.append(
            "Analytic \(Self.a): \(MathExpression.partial(of: .symbol(Symbol(notation.loss)), withRespectTo: w)) by backpropagation. Numeric \(Self.n): the central difference \(estimate), whose error is \(order)."
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
            "A parameter passes when \(rule), with \(Self.epsilon) = \(given: check.epsilon), \(Symbol("atol")) = \(given: check.absoluteTolerance), \(Symbol("rtol")) = \(given: check.relativeTolerance); relative error = \(Self.relativeError); the course-style difference is \(Self.difference)."
        )
        if let (drawn, population, seed) = sampled {
            lines.append(
                "Checked \(drawn) of \(population) parameters, drawn at random with \(code: "--seed \(seed)")."
            )
        }
        return lines
    }

    private mutating func writeDrawnWeights() {
        let drawn = problem.initializations.enumerated().filter { $0.element != nil }
        guard !drawn.isEmpty else { return }
        solution.beginSection("Weights drawn at random with \(code: "--seed \(problem.seed)")")
        let r = MathExpression.symbol(Symbol("r"))
        let fanIn = MathExpression.symbol(Symbol("n", index: "in"))
        let fanOut = MathExpression.symbol(Symbol("n", index: "out"))
        for (index, rule) in drawn {
            guard let rule else { continue }
            let dense = problem.network.layers[index]
            let range: MathExpression =
                rule == .heUniform
                ? .apply(FunctionName("√"), [.infix(.divide, [.number(6), fanIn])])
                : .apply(FunctionName("√"), [.infix(.divide, [.number(6), .infix(.plus, [fanIn, fanOut])])])
            let method = rule == .heUniform ? "He uniform" : "Glorot uniform"
            let uniform = MathExpression.apply(FunctionName("U"), [.product([.number(-1), r]), r])
            solution.addStep(
                .symbol(Symbol("W", layer: index + 1)), [.matrix(dense.weights)],
                note:
                    "\(uniform) by \(method), \(r) = \(range); \(Symbol("b", layer: index + 1)) = \(0)")
        }
    }

    /// n for the first parameter, with L(w ± ε) shown to enough decimals that their difference reads.
    private mutating func writeFirstParameter() {
        guard let first = results.first else { return }
        let w = names.symbol(of: first.parameter)
        solution.beginSection("The first parameter, \(w), worked out")
        let decimals = Self.decimalsResolving(abs(first.lossPlus - first.lossMinus))
        solution.addStep(
            Self.a, [.partial(of: .symbol(Symbol(notation.loss)), withRespectTo: w), .number(first.analytic)],
            note: "backpropagation", producing: ["parameters[0].analytic"])
        solution.addStep(
            Self.n,
            Self.centralDifference(
                of: w, loss: notation.loss, lossPlus: first.lossPlus, lossMinus: first.lossMinus,
                numeric: first.numeric, epsilon: check.epsilon, decimals: decimals),
            producing: ["parameters[0].numeric"])
        solution.addStep(Self.absoluteError, [.number(first.absoluteError)], producing: ["parameters[0].abs_error"])
        solution.addStep(Self.relativeError, [.number(first.relativeError)], producing: ["parameters[0].rel_error"])
        solution.addStep(
            Self.difference, [.number(Self.difference(of: first))], producing: ["parameters[0].difference"])
    }

    /// n = (L(w + ε) − L(w − ε)) / 2ε, then with L(w ± ε) written to `decimals` decimals, then n.
    static func centralDifference(
        of w: MathExpression, loss: String, lossPlus: Double, lossMinus: Double, numeric: Double, epsilon: Double,
        decimals: Int
    ) -> [MathExpression] {
        let f = FunctionName(loss)
        return [
            .fraction(
                .infix(
                    .minus,
                    [.apply(f, [.infix(.plus, [w, Self.epsilon])]), .apply(f, [.infix(.minus, [w, Self.epsilon])])]),
                .product([.number(2), Self.epsilon])),
            .fraction(
                .infix(
                    .minus,
                    [.preciseNumber(lossPlus, decimals: decimals), .preciseNumber(lossMinus, decimals: decimals)]),
                .product([.number(2), .given(epsilon)])),
            .preciseNumber(numeric, decimals: 6),
        ]
    }

    /// |a − n| / (|a| + |n|) of one result, 0 when both are 0.
    private static func difference(of result: GradientCheck.Result) -> Double {
        DerivativeComparison(analytic: result.analytic, numeric: result.numeric).difference
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
            Table.Column("parameter"), Table.Column(Prose(Self.a), alignment: .right),
            Table.Column(Prose(Self.n), alignment: .right),
            Table.Column(Prose(Self.absoluteError), alignment: .right),
            Table.Column("relative", alignment: .right), Table.Column("difference", alignment: .right),
            Table.Column("verdict"),
        ]
        let shown = results.count <= 100 ? results : shortlist
        let rows = shown.map { result -> [[MathExpression]] in
            [
                [names.symbol(of: result.parameter)], [.number(result.analytic)],
                [.preciseNumber(result.numeric, decimals: 6)], [.number(result.absoluteError)],
                [.number(result.relativeError)], [.number(Self.difference(of: result))], [.text(verdict(result))],
            ]
        }
        solution.addTable(Table(columns: columns, rows: rows))
        if shown.count < results.count {
            solution.addRemark(
                "\(results.count - shown.count) more parameters pass and are not listed; \(code: "--format json") lists every one."
            )
        }
        if results.contains(where: \.isNearKink) {
            let w = MathExpression.symbol(Symbol("w"))
            let onlyReLU = problem.network.layers.allSatisfy { layer in
                switch layer.activation.function {
                case .relu, .leakyReLU: true
                default: layer.activation.function.kinks.isEmpty
                }
            }
            let across: Prose =
                onlyReLU ? "a ReLU pre-activation across \(0)" : "a pre-activation across a kink of its activation"
            solution.addRemark(
                "kink: \(MathExpression.infix(.plus, [w, Self.epsilon])) or \(MathExpression.infix(.minus, [w, Self.epsilon])) moves \(across), so the numeric estimate is unreliable here; not counted as a failure."
            )
        }
    }

    /// Past 100 parameters: the failures, the kinks and the 20 largest relative errors, in order.
    private var shortlist: [GradientCheck.Result] {
        let largest = Set(results.sorted { $0.relativeError > $1.relativeError }.prefix(20).map(\.parameter))
        return results.filter { !$0.passes || $0.isNearKink || largest.contains($0.parameter) }
    }

    private func verdict(_ result: GradientCheck.Result) -> String {
        if result.isNearKink { return "kink" }
        return result.passes ? "pass" : "FAIL"
    }

    private mutating func writeVerdict() {
        solution.beginSection("Verdict")
        if let worst {
            solution.addRemark(
                "Largest relative error: \(names.symbol(of: worst.parameter)), \(number: worst.relativeError) (\(Self.a) = \(number: worst.analytic), \(Self.n) = \(number: worst.numeric))."
            )
        }
        let failures = counted.filter { !$0.passes }
        let kinks = results.count - counted.count
        var summary: Prose
        if failures.isEmpty {
            summary = "PASS: \(counted.count) of \(counted.count) parameters agree"
        } else {
            let named = Prose.joined(failures.prefix(10).map { Prose(names.symbol(of: $0.parameter)) }, separator: ", ")
            summary =
                "FAIL: \(failures.count) of \(counted.count) parameters disagree: \(named)\(failures.count > 10 ? ", …" : "")"
        }
        if kinks > 0 { summary = summary + "; \(kinks) near a kink, not counted" }
        solution.addRemark(summary + ".")
    }

    /// `{"eps", "atol", "rtol", "parameters": [{"name", "analytic", "numeric", "abs_error", "rel_error",
    /// "difference", "pass", "kink"}], "max_rel_error", "worst", "pass"}`.
    private var json: JSONValue {
        let entries = results.map { result -> JSONValue in
            .object([
                JSONMember("name", .string(names.name(of: result.parameter))),
                JSONMember("analytic", .number(result.analytic)),
                JSONMember("numeric", .number(result.numeric)),
                JSONMember("abs_error", .number(result.absoluteError)),
                JSONMember("rel_error", .number(result.relativeError)),
                JSONMember("difference", .number(Self.difference(of: result))),
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
