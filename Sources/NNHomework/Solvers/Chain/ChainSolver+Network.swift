import NNCore

extension ChainSolver {
    /// The most entries of δ⁽ˡ⁾ whose squares a norm step writes out; a longer δ⁽ˡ⁾ shows its norm alone.
    static let maximumWrittenSquares = 6

    /// The norm of every δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾ of one backward pass (NNCore's backward,
    /// the δ⁽ˡ⁾ `nnhw backward` prints), from the output layer down, and the
    /// ratio ‖δ⁽¹⁾‖ / ‖δ⁽ᴸ⁾‖ that says whether the gradient vanishes or explodes
    /// on its way to the input.
    ///
    /// - Throws: an ``InputError`` when the spec gives no target, or the pass or a gradient overflows.
    public func solve(_ problem: NetworkProblem) throws(InputError) -> Solution {
        guard let target = problem.target else {
            throw InputError(at: "target", .missingTarget(for: "backpropagation"))
        }
        var sheet = try NetworkWorksheet(problem: problem, notation: notation, rounding: nil, title: "Gradient flow")
        let gradients = problem.network.backward(sheet.pass, target: target)
        try NetworkWorksheet.requireFinite(gradients)
        let symbols = sheet.symbols
        let count = problem.network.layers.count
        let norms = gradients.deltas.map(\.frobeniusNorm)
        let delta = symbols.delta(named: "l")
        let entry = MathExpression.symbol(Symbol(problem.isBatch ? "Δ" : "δ", index: problem.isBatch ? "ij" : "i"))
        let outputLayer = MathExpression.norm(symbols.delta(named: "L"))
        sheet.solution.preamble += [
            "\(.equation(delta, symbols.gradient(symbols.a(named: "l")))) by backpropagation, as "
                + "\(code: "nnhw backward") computes it; \(.equation(.norm(delta), .apply(FunctionName("√"), [.summation(index: nil, .power(entry, .number(2)))]))) "
                + (problem.isBatch ? "is its Frobenius norm over the whole batch." : "is its Euclidean norm.")
                + " The ratio \(MathExpression.infix(.divide, [.norm(symbols.delta(1)), outputLayer])) is the gain "
                + "of the backward pass from the output layer \(Symbol("L")) down to layer \(1).",
            GainVerdict.thresholds,
        ]
        sheet.solution.beginSection("Norms")
        for layer in stride(from: count, through: 1, by: -1) {
            let values = gradients.deltas[layer - 1].elements
            var rhs: [MathExpression] = []
            if values.count <= Self.maximumWrittenSquares {
                let squares = values.map { MathExpression.power(.number($0), .number(2)) }
                rhs.append(.apply(FunctionName("√"), [squares.count == 1 ? squares[0] : .infix(.plus, squares)]))
            }
            rhs.append(.number(norms[layer - 1]))
            sheet.solution.addStep(
                .norm(symbols.delta(layer)), rhs, producing: ["layers[\(layer - 1)].delta_norm"])
        }
        let outputNorm = norms[count - 1]
        sheet.solution.beginSection("Verdict")
        var members = [JSONMember]()
        if outputNorm == 0 {
            sheet.solution.addRemark(
                "\(.equation(symbols.delta(count), .count(0))): the loss sends no gradient back at all, so no layer "
                    + "below it gets one either.")
            members.append(JSONMember("verdict", .string(GainVerdict.none.name)))
        } else {
            let gain = norms[0] / outputNorm
            let verdict = GainVerdict(gain: gain)
            sheet.solution.addStep(
                .infix(.divide, [.norm(symbols.delta(1)), .norm(symbols.delta(count))]),
                [.infix(.divide, [.number(norms[0]), .number(outputNorm)]), .number(gain)], producing: ["gain"])
            sheet.solution.addRemark(
                count == 1
                    ? "With one layer the ratio is \(1) by definition: the gradient passes through no other layer."
                    : "From layer \(count) down to layer \(1) the gradient \(verdict.words).")
            members += [JSONMember("gain", .number(gain)), JSONMember("verdict", .string(verdict.name))]
        }
        let layers = (0..<count).map { index in
            JSONValue.object([
                JSONMember("layer", .number(Double(index + 1))),
                JSONMember("delta", .array(gradients.deltas[index].elements.map(JSONValue.number))),
                JSONMember("delta_norm", .number(norms[index])),
            ])
        }
        sheet.solution.result = .object([JSONMember("layers", .array(layers))] + members)
        try sheet.solution.requireFinite(blaming: "layers")
        return sheet.solution
    }
}
