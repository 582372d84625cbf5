import NNCore

extension LossSheet {
    /// One sample's loss between its formula and its value: the numbers put
    /// in, then the terms' values where that says more; the note names the
    /// class and the terms clipped at 0.
    struct Work {
        var rhs: [MathExpression]
        var note: Prose?
    }

    private static let ln = FunctionName("ln")
    private static func ln(_ x: MathExpression) -> MathExpression { .apply(ln, [x]) }
    private static func max0(_ x: MathExpression) -> MathExpression { .apply(FunctionName("max"), [.count(0), x]) }
    private static func exp(_ x: MathExpression) -> MathExpression { .power(.symbol(Symbol("e")), x) }
    private static func sum(_ terms: [MathExpression]) -> MathExpression {
        terms.count == 1 ? terms[0] : .infix(.plus, terms)
    }
    private static func grouped(_ terms: [MathExpression]) -> MathExpression {
        terms.count == 1 ? terms[0] : .parenthesized(.infix(.plus, terms))
    }
    private static let half = MathExpression.fraction(.count(1), .number(2))

    /// A given number as the user wrote it when it has at most four decimals
    /// (0.5, −2), else rounded like a result (1/3 as 0.3333).
    private static func entry(_ x: Double) -> MathExpression {
        let scaled = x * 10_000
        return scaled == scaled.rounded() && abs(scaled) < 1e15 ? .given(x) : .number(x)
    }

    /// c · x, or x alone for c = 1.
    private static func scaled(_ c: Double, _ x: MathExpression) -> MathExpression {
        c == 1 ? x : .product([entry(c), x])
    }

    /// y × s with a negative factor in parentheses.
    private static func times(_ y: Double, _ s: Double) -> MathExpression {
        .infix(.times, [y < 0 ? .parenthesized(entry(y)) : entry(y), s < 0 ? .parenthesized(entry(s)) : entry(s)])
    }

    /// A network sample's loss with its numbers put in, for the losses beyond
    /// squared error and (binary) cross-entropy, which ``LossNotation`` writes;
    /// nil for those, beyond `limit` outputs, and for a loss on one score per
    /// sample given several outputs.
    static func networkTerms(
        _ loss: Loss, prediction: [Double], target: [Double], classIndex: Int?, limit: Int = 6
    ) -> [MathExpression]? {
        switch loss.function {
        case .squaredError, .meanSquaredError, .crossEntropy, .binaryCrossEntropy: return nil
        case .hinge, .squaredHinge, .perceptron, .logistic, .binaryCrossEntropyFromLogits, .focal:
            guard prediction.count == 1 else { return nil }
        default: guard prediction.count <= limit else { return nil }
        }
        let problem = LossProblem(sampleOf: loss, prediction: prediction, target: target, classIndex: classIndex)
        let rhs = LossSheet(problem: problem).work(sample: 0).rhs
        return rhs.isEmpty ? nil : rhs
    }

    /// The work of sample i (from 0).
    func work(sample i: Int) -> Work {
        let x = problem.prediction.row(i)
        let t = problem.target.row(i)
        let k = problem.classes?[i]
        let classNote: Prose? = k.map { "class \($0), the \($0 + 1)\(LossNotation.ordinalSuffix($0 + 1)) output" }
        guard x.count <= LossSolver.termsShown else { return Work(rhs: [], note: classNote) }
        let n = MathExpression.fraction(.count(1), .count(x.count))
        let meanOf = { (terms: [MathExpression]) -> MathExpression in
            x.count == 1 ? terms[0] : .product([n, Self.grouped(terms)])
        }
        let d = zip(x, t).map { $0 - $1 }
        let differences = zip(x, t).map { MathExpression.infix(.minus, [Self.entry($0), Self.entry($1)]) }
        switch problem.loss.function {
        case .squaredError(let c):
            let squares = differences.map { MathExpression.power(.parenthesized($0), .number(2)) }
            let factor: MathExpression? = c == 1 ? nil : c == 0.5 ? Self.half : Self.entry(c)
            return Work(rhs: [factor.map { .product([$0, Self.grouped(squares)]) } ?? Self.sum(squares)])
        case .meanSquaredError:
            return Work(rhs: [meanOf(differences.map { .power(.parenthesized($0), .number(2)) })])
        case .meanAbsoluteError:
            return Work(rhs: [meanOf(differences.map { .absoluteValue($0) }), meanOf(d.map { .number(abs($0)) })])
        case .huber(let delta):
            let terms = d.map { d in
                abs(d) <= delta
                    ? MathExpression.product([Self.half, .power(.parenthesized(.number(d)), .number(2))])
                    : Self.scaled(delta, .parenthesized(.infix(.minus, [.number(abs(d)), Self.entry(delta / 2)])))
            }
            return Work(rhs: [meanOf(terms)], note: branchNote(d, limit: delta, symbol: "δ"))
        case .smoothL1(let beta):
            let terms = d.map { d in
                abs(d) < beta
                    ? MathExpression.fraction(
                        .power(.parenthesized(.number(d)), .number(2)), .product([.count(2), Self.entry(beta)]))
                    : .infix(.minus, [.number(abs(d)), Self.entry(beta / 2)])
            }
            return Work(rhs: [meanOf(terms)], note: branchNote(d, limit: beta, symbol: "β"))
        case .crossEntropy:
            if let k { return Work(rhs: [.product([.number(-1), Self.ln(Self.entry(x[k]))])], note: classNote) }
            let terms = zip(x, t).filter { $0.1 != 0 }.map {
                MathExpression.product([Self.entry($0.1), Self.ln(Self.entry($0.0))])
            }
            return Work(rhs: [.product([.number(-1), Self.grouped(terms)])])
        case .crossEntropyFromScores:
            let normalizer = Self.ln(Self.sum(x.map { Self.exp(Self.entry($0)) }))
            if let k {
                return Work(
                    rhs: [
                        .infix(.minus, [normalizer, Self.entry(x[k])]),
                        .infix(.minus, [.number(Activation.logSumExp(x)), Self.entry(x[k])]),
                    ], note: classNote)
            }
            let terms = zip(x, t).filter { $0.1 != 0 }.map { Self.times($0.1, $0.0) }
            return Work(rhs: [.infix(.minus, [normalizer, Self.grouped(terms)])])
        case .binaryCrossEntropy:
            let (p, y) = (x[0], t[0])
            if y == 1 { return Work(rhs: [.product([.number(-1), Self.ln(Self.entry(p))])]) }
            if y == 0 {
                return Work(rhs: [.product([.number(-1), Self.ln(.infix(.minus, [.count(1), Self.entry(p)]))])])
            }
            return Work(rhs: [
                .product([
                    .number(-1),
                    .parenthesized(
                        .infix(
                            .plus,
                            [
                                .product([Self.entry(y), Self.ln(Self.entry(p))]),
                                .product([.number(1 - y), Self.ln(.infix(.minus, [.count(1), Self.entry(p)]))]),
                            ])),
                ])
            ])
        case .binaryCrossEntropyFromLogits:
            let softplus = Self.ln(.infix(.plus, [.count(1), Self.exp(Self.entry(x[0]))]))
            return Work(rhs: [
                t[0] == 0 ? softplus : .infix(.minus, [softplus, .product([Self.entry(x[0]), Self.entry(t[0])])])
            ])
        case .hinge(let m), .squaredHinge(let m):
            let slack = m - t[0] * x[0]
            let square = { (e: MathExpression) -> MathExpression in
                problem.loss.function == .hinge(margin: m) ? e : .power(e, .number(2))
            }
            return Work(
                rhs: [
                    square(Self.max0(.infix(.minus, [Self.entry(m), Self.times(t[0], x[0])]))),
                    square(Self.max0(.number(slack))),
                ], note: slack <= 0 ? "clipped at \(0): the margin is met" : nil)
        case .perceptron:
            let value = -t[0] * x[0]
            return Work(
                rhs: [
                    Self.max0(.product([.number(-1), .parenthesized(Self.times(t[0], x[0]))])),
                    Self.max0(.number(value)),
                ],
                note: value <= 0 ? "clipped at \(0): the score is on the label's side" : nil)
        case .logistic:
            return Work(rhs: [
                Self.ln(
                    .infix(
                        .plus, [.count(1), Self.exp(.product([.number(-1), .parenthesized(Self.times(t[0], x[0]))]))])),
                Self.ln(.infix(.plus, [.count(1), Self.exp(.number(-t[0] * x[0]))])),
            ])
        case .multiclassHinge(let margin):
            let k = k ?? 0
            let others = x.indices.filter { $0 != k }
            guard !others.isEmpty else { return Work(rhs: [], note: classNote) }
            let margins = others.map { x[$0] - x[k] + margin }
            let written = others.map {
                Self.max0(.infix(.plus, [.infix(.minus, [Self.entry(x[$0]), Self.entry(x[k])]), Self.entry(margin)]))
            }
            let clipped = zip(others, margins).filter { $0.1 <= 0 }.map(\.0)
            var note = classNote ?? ""
            if !clipped.isEmpty {
                let list = Prose.joined(clipped.map { c -> Prose in "\(c)" }, separator: ", ", last: " and ")
                note = note + "; clipped at \(0): \(clipped.count == 1 ? "class" : "classes") \(list)"
            }
            return Work(
                rhs: [
                    Self.sum(written), Self.sum(margins.map { Self.max0(.number($0)) }),
                    Self.sum(margins.map { .number(max(0, $0)) }),
                ], note: note)
        case .klDivergence(let base):
            let log = logFunction(base)
            let terms = zip(x, t).filter { $0.1 != 0 }.map {
                MathExpression.product([Self.entry($0.1), .apply(log, [.fraction(Self.entry($0.1), Self.entry($0.0))])])
            }
            return Work(rhs: [Self.sum(terms)])
        case .entropy(let base):
            let log = logFunction(base)
            let terms = x.filter { $0 != 0 }.map {
                MathExpression.product([Self.entry($0), .apply(log, [Self.entry($0)])])
            }
            return Work(rhs: [.product([.number(-1), Self.grouped(terms)])])
        case .focal(let gamma, let alpha):
            let p = Activation.sigmoid(x[0])
            let y = t[0]
            let pt = p * y + (1 - p) * (1 - y)
            let weight = alpha.map { $0 * y + (1 - $0) * (1 - y) } ?? 1
            let body = MathExpression.product([
                .power(.parenthesized(.infix(.minus, [.count(1), .number(pt)])), .number(gamma)), Self.ln(.number(pt)),
            ])
            guard pt > 0 else {
                return Work(
                    rhs: [],
                    note: "\(Symbol("p", index: "t")) rounds to \(0): computed from the logit, "
                        + "\(MathExpression.apply(FunctionName("ln"), [.symbol(Symbol("p", index: "t"))])) = \(number: -Loss.logitCrossEntropy(x[0], y))"
                )
            }
            let pNote: Prose =
                "\(MathExpression.equation(.symbol(Symbol("p")), .apply(FunctionName("σ"), [Self.entry(x[0])]))) = \(number: p), "
                + "\(MathExpression.equation(.symbol(Symbol("p", index: "t")), .number(pt)))"
            return Work(
                rhs: [.product([.number(-1), alpha == nil ? body : .product([.number(weight), body])])], note: pNote)
        }
    }

    /// "quadratic for entries 1, 2; linear for entry 3 (|d| > δ)".
    private func branchNote(_ d: [Double], limit: Double, symbol: String) -> Prose? {
        let linear = d.indices.filter { abs(d[$0]) > limit || (symbol == "β" && abs(d[$0]) == limit) }
        guard !linear.isEmpty else { return nil }
        let list = Prose.joined(linear.map { j -> Prose in "\(j + 1)" }, separator: ", ", last: " and ")
        let deviation = MathExpression.absoluteValue(.infix(.minus, [.symbol(Symbol("ŷ")), .symbol(Symbol("y"))]))
        return
            "linear where \(deviation) is beyond \(Symbol(symbol)): \(linear.count == 1 ? "entry" : "entries") \(list)"
    }

    /// ln, log₂ or log_b.
    private func logFunction(_ base: Double) -> FunctionName {
        if base == Loss.naturalBase { return FunctionName("ln") }
        if base == 2 || base == 10 { return FunctionName("log", index: base == 2 ? "2" : "10") }
        return FunctionName("log", index: "b")
    }
}
