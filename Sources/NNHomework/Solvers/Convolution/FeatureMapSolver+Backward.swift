import NNCore

/// The backward pass of `nnhw conv` and `nnhw pool`: given δ = ∂L/∂Y, every
/// entry of ∂L/∂K, ∂L/∂b and ∂L/∂X as its sum, indices from 1.
extension FeatureMapSolver {
    /// Adds the convolution's gradients to `solution` and returns their JSON members:
    /// ∂L/∂K_o and ∂L/∂b_o for each filter o, and ∂L/∂X as the sum over the filters.
    ///
    /// - Throws: an ``InputError`` at `--grad-output` when δ is not shaped like Y.
    func addConvolutionBackward(
        filters: [Convolution2D], input: [Matrix], outputs: [Matrix], outputGradient: [Matrix],
        to solution: inout Solution
    ) throws(InputError) -> [JSONMember] {
        try Self.requireShape(outputGradient, like: outputs)
        var gradients: [ConvolutionGradient] = []
        for (filter, delta) in zip(filters, outputGradient) {
            do {
                gradients.append(try ConvolutionGradient(of: filter, input: input, outputGradient: delta))
            } catch {
                throw InputError(error, lines: "rows")
            }
        }
        let isBank = filters.count > 1
        let isMultichannel = input.count > 1
        let loss = MathExpression.symbol(Symbol("L"))
        let d = { (symbol: Symbol) in MathExpression.partial(of: loss, withRespectTo: .symbol(symbol)) }
        solution.beginSection("Backward pass")
        let position = { (index: String, offset: String) in
            MathExpression.infix(
                .plus,
                [
                    .product([
                        .parenthesized(.infix(.minus, [.symbol(Symbol(index)), .count(1)])), .symbol(Symbol("S")),
                    ]),
                    .symbol(Symbol(offset)),
                ])
        }
        let upstream = MathExpression.symbol(Symbol("δ", index: "ij"))
        let kernelEntry = MathExpression.equation(
            d(Symbol("w", index: "mn")),
            .summation(
                index: "ij",
                .infix(.times, [upstream, .indexed(.symbol(Symbol("x")), [position("i", "m"), position("j", "n")])])))
        solution.addRemark(
            "Given \(.equation(.symbol(Symbol("δ")), d(Symbol("Y")))), each weight collects the inputs it met: "
                + "\(kernelEntry), the input correlated with \(Symbol("δ"))"
                + (filters[0].isFlipped
                    ? " (and \(d(Symbol("K"))) is \(d(Symbol("w"))) rotated back by \(MathExpression.text("180°")))"
                    : "")
                + "; \(.equation(d(Symbol("b")), .summation(index: "ij", upstream)))."
                + " Each input entry collects \(upstream) times the weight it met, over every window that covers it; "
                + "with stride \(1) that is the full convolution of \(Symbol("δ")) with the kernel rotated by "
                + "\(MathExpression.text("180°"))."
                + (isBank
                    ? " Each output channel \(Symbol("o")) does this with its own \(Symbol("δ", index: "o")) and filter "
                        + "\(Symbol("K", index: "o")); an input entry adds up what it gets from every output channel, "
                        + "a sum over \(Symbol("o")) with one bracket per output channel below."
                    : ""))
        for (o, gradient) in gradients.enumerated() {
            let filter = isBank ? o : nil
            if isBank { solution.beginSection("Backward pass, output channel \(o + 1)") }
            let delta = outputGradient[o]
            solution.addStep(
                .symbol(Symbol("δ", index: Self.subscript(filter))),
                [d(Symbol("Y", index: Self.subscript(filter))), .matrix(delta)])
            addKernelGradient(gradient, filter: filter, isMultichannel: isMultichannel, to: &solution)
            solution.addStep(
                d(Symbol("b", index: Self.subscript(filter))),
                [
                    .summation(index: "ij", .symbol(Symbol("δ", index: filter.map { "\($0 + 1),ij" } ?? "ij"))),
                    delta.elements.count == 1
                        ? .number(delta.elements[0]) : .infix(.plus, delta.elements.map(Self.term)),
                    .number(gradient.bias),
                ], producing: [filter.map { "grad_bias[\($0)]" } ?? "grad_bias"])
        }
        if isBank { solution.beginSection("Backward pass, input gradient") }
        let inputGradient = input.indices.map { c in
            gradients.dropFirst().reduce(gradients[0].input[c]) { $0 + $1.input[c] }
        }
        for c in input.indices {
            let channel = isMultichannel ? "\(c + 1)," : ""
            let total = inputGradient[c]
            for r in 0..<total.rows {
                for s in 0..<total.columns {
                    let path = (isMultichannel ? "grad_input[\(c)]" : "grad_input") + "[\(r)][\(s)]"
                    let lhs = d(Symbol("x", index: "\(channel)\(r + 1),\(s + 1)"))
                    let contributions = gradients.compactMap { gradient in
                        let terms = gradient.inputTerms(channel: c, row: r, column: s)
                        return terms.isEmpty ? nil : (terms: terms, value: gradient.input[c][r, s])
                    }
                    if contributions.isEmpty {
                        solution.addStep(lhs, [.number(0)], note: "no window covers it", producing: [path])
                    } else if contributions.count == 1 {
                        solution.addStep(
                            lhs,
                            [Self.sum(contributions[0].terms.map { ($0.upstream, $0.factor) }), .number(total[r, s])],
                            producing: [path])
                    } else {
                        let grouped = contributions.map {
                            MathExpression.parenthesized(Self.sum($0.terms.map { ($0.upstream, $0.factor) }))
                        }
                        solution.addStep(
                            lhs,
                            [
                                .infix(.plus, grouped), .infix(.plus, contributions.map { Self.term($0.value) }),
                                .number(total[r, s]),
                            ], producing: [path])
                    }
                }
            }
            let suffix = isMultichannel ? "\(c + 1)" : nil
            solution.addStep(
                d(Symbol("X", index: suffix)), [.matrix(total)],
                producing: [isMultichannel ? "grad_input[\(c)]" : "grad_input"])
        }
        let kernels = { (gradient: ConvolutionGradient) in
            isMultichannel ? JSONValue.array(gradient.kernel.map(json)) : json(gradient.kernel[0])
        }
        return [
            JSONMember(
                "grad_kernel",
                isBank
                    ? .array(gradients.map { .array($0.kernel.map(json)) }) : kernels(gradients[0])),
            JSONMember(
                "grad_bias", isBank ? .array(gradients.map { .number($0.bias) }) : .number(gradients[0].bias)),
            JSONMember(
                "grad_input", isMultichannel ? .array(inputGradient.map(json)) : json(inputGradient[0])),
        ]
    }

    /// Every ∂L/∂K entry of one filter (`filter` from 0 in a bank) as its Σ δ · x, then each channel's matrix.
    private func addKernelGradient(
        _ gradient: ConvolutionGradient, filter: Int?, isMultichannel: Bool, to solution: inout Solution
    ) {
        let loss = MathExpression.symbol(Symbol("L"))
        let d = { (symbol: Symbol) in MathExpression.partial(of: loss, withRespectTo: .symbol(symbol)) }
        for (c, kernel) in gradient.kernel.enumerated() {
            let channel = isMultichannel ? c : nil
            let path =
                "grad_kernel" + (filter.map { "[\($0)]" } ?? "") + (channel.map { "[\($0)]" } ?? "")
                + (filter != nil && channel == nil ? "[0]" : "")
            let prefix = Self.subscript(filter, channel).map { "\($0)," } ?? ""
            for m in 0..<kernel.rows {
                for n in 0..<kernel.columns {
                    let terms = gradient.kernelTerms(channel: c, row: m, column: n)
                    solution.addStep(
                        d(Symbol("K", index: "\(prefix)\(m + 1),\(n + 1)")),
                        [Self.sum(terms.map { ($0.upstream, $0.factor) }), .number(kernel[m, n])],
                        producing: ["\(path)[\(m)][\(n)]"])
                }
            }
            solution.addStep(
                d(Symbol("K", index: Self.subscript(filter, channel))), [.matrix(kernel)], producing: [path])
        }
    }

    /// Adds ∂L/∂X of a pooling to `solution` and returns its JSON member `grad_input`.
    ///
    /// - Throws: an ``InputError`` at `--grad-output` when δ is not shaped like Y.
    func addPoolingBackward(
        pooling: Pooling2D, input: [Matrix], outputs: [Matrix], outputGradient: [Matrix],
        to solution: inout Solution
    ) throws(InputError) -> JSONMember {
        try Self.requireShape(outputGradient, like: outputs)
        let isMax = pooling.mode == .max
        let count = pooling.kernelHeight * pooling.kernelWidth
        let loss = MathExpression.symbol(Symbol("L"))
        let d = { (symbol: Symbol) in MathExpression.partial(of: loss, withRespectTo: .symbol(symbol)) }
        solution.beginSection("Backward pass")
        solution.addRemark(
            isMax
                ? "Each \(Symbol("δ", index: "ij")) goes to the entry that is its window's maximum (a maximum that "
                    + "occurs more than once: to the first, reading the window row by row, as PyTorch does); every "
                    + "other entry gets \(0), and only the entries that receive a share are listed."
                : "Each window passes \(.infix(.divide, [.symbol(Symbol("δ", index: "ij")), number(count)])) to every "
                    + "entry it covers; an entry in several windows adds their shares.")
        var gradients: [Matrix] = []
        for (c, channel) in input.enumerated() {
            let isMultichannel = input.count > 1
            let prefix = isMultichannel ? "\(c + 1)," : ""
            if isMultichannel { solution.beginSection("Backward pass, channel \(c + 1)") }
            let delta = outputGradient[c]
            let gradient: PoolingGradient
            do {
                gradient = try PoolingGradient(of: pooling, input: channel, outputGradient: delta)
            } catch {
                throw InputError(error, lines: "rows", kernelOption: "--size")
            }
            let suffix = isMultichannel ? "\(c + 1)" : nil
            solution.addStep(.symbol(Symbol("δ", index: suffix)), [d(Symbol("Y", index: suffix)), .matrix(delta)])
            for tie in gradient.ties {
                let first = Self.firstMaximum(of: channel, pooling, tie)
                solution.addRemark(
                    "The window of \(Symbol("y", index: "\(prefix)\(tie.row + 1),\(tie.column + 1)")) has its maximum "
                        + "\(.number(outputs[c][tie.row, tie.column])) more than once; "
                        + "\(Symbol("δ", index: "\(prefix)\(tie.row + 1),\(tie.column + 1)")) goes to the first, "
                        + "\(Symbol("x", index: "\(prefix)\(first.0 + 1),\(first.1 + 1)")).")
            }
            let path = isMultichannel ? "grad_input[\(c)]" : "grad_input"
            for r in 0..<channel.rows {
                for s in 0..<channel.columns {
                    let shares = gradient.shares(row: r, column: s)
                    guard !shares.isEmpty else { continue }
                    let upstream = shares.map { share in
                        MathExpression.symbol(
                            Symbol("δ", index: "\(prefix)\(share.outputRow + 1),\(share.outputColumn + 1)"))
                    }
                    let values = shares.map { Self.term($0.upstream) }
                    let rhs: [MathExpression] =
                        isMax
                        ? [upstream.count == 1 ? upstream[0] : .infix(.plus, upstream)]
                            + (values.count == 1 ? [] : [.infix(.plus, values)])
                        : [
                            .infix(
                                .divide,
                                [values.count == 1 ? values[0] : .parenthesized(.infix(.plus, values)), number(count)])
                        ]
                    solution.addStep(
                        d(Symbol("x", index: "\(prefix)\(r + 1),\(s + 1)")),
                        rhs + [.number(gradient.input[r, s])], producing: ["\(path)[\(r)][\(s)]"])
                }
            }
            solution.addStep(d(Symbol("X", index: suffix)), [.matrix(gradient.input)], producing: [path])
            gradients.append(gradient.input)
        }
        return JSONMember("grad_input", input.count > 1 ? .array(gradients.map(json)) : json(gradients[0]))
    }

    /// δ₁ · v₁ + δ₂ · v₂ + …: a gradient entry's products with the numbers put in.
    private static func sum(_ products: [(Double, Double)]) -> MathExpression {
        let terms = products.map { MathExpression.infix(.times, [.number($0.0), .number($0.1)]) }
        return terms.count == 1 ? terms[0] : .infix(.plus, terms)
    }

    /// The input position (from 0) of the first maximum of the window of y_ij, read row by row.
    private static func firstMaximum(of input: Matrix, _ pooling: Pooling2D, _ window: (row: Int, column: Int))
        -> (Int, Int)
    {
        var best = (window.row * pooling.strideHeight, window.column * pooling.strideWidth)
        for m in 0..<pooling.kernelHeight {
            for n in 0..<pooling.kernelWidth {
                let position = (window.row * pooling.strideHeight + m, window.column * pooling.strideWidth + n)
                if input[position.0, position.1] > input[best.0, best.1] { best = position }
            }
        }
        return best
    }

    /// A number as a summand.
    private static func term(_ value: Double) -> MathExpression { .number(value) }

    /// Refuses a δ whose channels or shape differ from the output's.
    private static func requireShape(_ delta: [Matrix], like output: [Matrix]) throws(InputError) {
        let shape = { (maps: [Matrix]) in (maps.count > 1 ? [maps.count] : []) + [maps[0].rows, maps[0].columns] }
        guard delta.count == output.count, delta[0].rows == output[0].rows, delta[0].columns == output[0].columns
        else {
            throw InputError(at: "--grad-output", .outputGradientShape(given: shape(delta), output: shape(output)))
        }
    }
}
