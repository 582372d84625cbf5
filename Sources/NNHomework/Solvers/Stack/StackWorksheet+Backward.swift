import NNCore

extension StackWorksheet {
    /// δ⁽ᴸ⁾ or ∂L/∂ŷ from the loss, then for l = L … 1 each layer's gradients
    /// and ∂L/∂z⁽ˡ⁻¹⁾, ending with ∂L/∂x.
    mutating func writeBackwardPass(_ gradients: StackGradients, target: Matrix) {
        solution.beginSection("Backward pass: the output")
        writeOutput(gradients, target: target)
        for layer in stride(from: layerCount, through: 1, by: -1) {
            solution.beginSection(
                "Backward, layer \(layer): \(StackLayerNotation.name(of: problem.stack.layers[layer - 1]))")
            let gradient = gradients.layers[layer - 1]
            switch problem.stack.layers[layer - 1] {
            case .dense(let dense): writeDense(dense, gradient, gradients, layer: layer)
            case .convolution(let convolution): writeConvolution(convolution, gradient, gradients, layer: layer)
            case .pooling(let pooling):
                let note: Prose =
                    pooling.mode == .max
                    ? "each window sends its gradient to the entry that was its maximum (the first, on a tie)"
                    : "each window spreads its gradient evenly over its \(pooling.size * pooling.size) entries"
                let parts = inputGradient(layer, gradients) { _ in ([], note) }
                addInputGradient(parts, layer: layer)
            case .flatten:
                let parts = inputGradient(layer, gradients) { _ in ([], "the vector's gradient put back into maps") }
                addInputGradient(parts, layer: layer)
            case .normalization(let stage): writeNormalization(stage, gradient, gradients, layer: layer)
            case .dropout(let dropout): writeDropout(dropout, gradients, layer: layer)
            case .residual(let residual): writeResidual(residual, gradient, gradients, layer: layer)
            }
        }
    }

    /// ∂L/∂q where q is z⁽ˡ⁾ (ŷ for the output layer) at `index`.
    func upstreamSymbol(_ layer: Int, at index: MapIndex?) -> MathExpression {
        partial(layer == layerCount && index == nil ? symbols.prediction : z(layer, at: index))
    }

    /// ∂L/∂z⁽ˡ⁾, what layer l receives from above.
    func upstream(_ layer: Int, _ gradients: StackGradients) -> Matrix? {
        layer == layerCount ? gradients.outputGradient : gradients.activationGradients[layer]
    }

    /// Whether layer l's δ comes straight from a fused output rule (softmax or sigmoid with cross-entropy).
    func isFusedOutput(_ layer: Int) -> Bool {
        layer == layerCount && problem.stack.outputRule.isFused
    }

    private mutating func writeOutput(_ gradients: StackGradients, target: Matrix) {
        let layer = layerCount
        let sample = sampleSymbols()
        guard isFusedOutput(layer), let delta = gradients.layers[layer - 1].delta else {
            guard let outputGradient = gradients.outputGradient else { return }
            let notation = LossNotation(loss: problem.stack.loss, symbols: symbols)
            var rhs = notation.gradientFormula(outputs: pass.output.columns, samples: samples).map { [$0] } ?? []
            rhs.append(result(outputGradient))
            solution.addStep(partial(symbols.prediction), rhs, producing: ["grad_output"])
            return
        }
        let difference = MathExpression.infix(.minus, [symbols.prediction, symbols.target])
        let numbers = MathExpression.infix(.minus, [operand(pass.output), operand(target)])
        let factor: [MathExpression] =
            isBatch && problem.stack.loss.reduction == .mean ? [.fraction(.count(1), .count(samples))] : []
        let wrap = { (body: MathExpression) in
            factor.isEmpty ? body : MathExpression.product(factor + [.parenthesized(body)])
        }
        let note: Prose =
            problem.stack.outputActivation.function == .sigmoid
            ? "sigmoid + binary cross-entropy: \(sample.gradient(sample.prediction)) times the sigmoid's derivative simplifies to \(MathExpression.infix(.minus, [sample.prediction, sample.target]))"
            : "softmax + cross-entropy: the Jacobian of softmax times \(sample.gradient(sample.prediction)) simplifies to \(MathExpression.infix(.minus, [sample.prediction, sample.target]))"
        solution.addStep(
            symbols.delta(layer), [partial(symbols.a(layer)), wrap(difference), wrap(numbers), result(delta)],
            note: note,
            producing: [path(layer, "delta")])
    }

    /// δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ ⊙ f′(a⁽ˡ⁾), unless a fused output rule gave it.
    private mutating func writeDelta(_ layer: Int, _ gradient: LayerGradient, _ gradients: StackGradients) {
        guard !isFusedOutput(layer), let delta = gradient.delta, let g = upstream(layer, gradients) else { return }
        let notation = activation(layer)
        let preActivation = pass.layers[layer - 1].preActivation ?? output(layer)
        let derivative =
            notation.map { $0.activation.isElementwise ? $0.activation.derivative(at: preActivation) : nil } ?? nil
        let parts = steps(shapedLike: layer) { index in
            let lhs = named(isBatch && index == nil ? "Δ" : "δ", layer, shapedLike: layer, at: index)
            guard !isIdentity(layer), let notation else {
                return (
                    lhs, [upstreamSymbol(layer, at: index), shown(delta, like: layer, at: index, asResult: true)], nil
                )
            }
            guard let derivative else {
                let jacobian = MathExpression.symbol(Symbol("J", layer: layer, isTransposed: true))
                return (
                    lhs,
                    [
                        .product([jacobian, upstreamSymbol(layer, at: index)]),
                        shown(delta, like: layer, at: index, asResult: true),
                    ],
                    "the Jacobian of \(notation.summary) at \(symbols.a(layer))"
                )
            }
            return (
                lhs,
                [
                    .infix(
                        .hadamard, [upstreamSymbol(layer, at: index), notation.derivative(of: a(layer, at: index))]),
                    .infix(.hadamard, [shown(g, like: layer, at: index), shown(derivative, like: layer, at: index)]),
                    shown(delta, like: layer, at: index, asResult: true),
                ], nil
            )
        }
        add(parts, producing: [path(layer, "delta")])
    }

    /// ∂L/∂z⁽ˡ⁻¹⁾ (∂L/∂x for l = 1) through layer l, plus δ⁽ʳ⁾ of each residual r that adds z⁽ˡ⁻¹⁾;
    /// `own` gives the right-hand sides before the value of layer l's own part, and a note.
    private func inputGradient(
        _ layer: Int, _ gradients: StackGradients, own: (MapIndex?) -> (rhs: [MathExpression], note: Prose?)
    ) -> [StepParts] {
        let part = gradients.layers[layer - 1].input
        let total = gradients.activationGradients[layer - 1]
        let skips = problem.stack.layers.indices.filter { r in
            if case .residual(let residual) = problem.stack.layers[r], residual.source == layer - 1 {
                true
            } else {
                false
            }
        }
        let parts = steps(shapedLike: layer - 1) { index in
            let lhs = partial(layer == 1 && index == nil ? symbols.input : z(layer - 1, at: index))
            var (rhs, note) = own(index)
            guard !skips.isEmpty else {
                return (lhs, rhs + [shown(part, like: layer - 1, at: index, asResult: true)], note)
            }
            let letter = isBatch && index == nil ? "Δ" : "δ"
            let skipSymbols = skips.map { named(letter, $0 + 1, shapedLike: layer - 1, at: index) }
            let deltas = skips.compactMap { gradients.layers[$0].delta }
            if let first = rhs.first { rhs[0] = .infix(.plus, [first] + skipSymbols) }
            rhs.append(
                .infix(
                    .plus,
                    [shown(part, like: layer - 1, at: index)] + deltas.map { shown($0, like: layer - 1, at: index) }))
            rhs.append(shown(total, like: layer - 1, at: index, asResult: true))
            let names = Prose.joined(skipSymbols.map { Prose($0) }, separator: ", ")
            let connection: Prose = skips.count == 1 ? "connection that adds" : "connections that add"
            note = "\(names) from the skip \(connection) \(z(layer - 1, at: nil))"
            return (lhs, rhs, note)
        }
        return parts
    }

    /// Adds the steps of ∂L/∂z⁽ˡ⁻¹⁾; for l = 1 they give ∂L/∂x.
    private mutating func addInputGradient(_ parts: [StepParts], layer: Int) {
        add(parts, producing: layer == 1 ? ["grad_input"] : [])
    }

    private mutating func writeDense(
        _ dense: Dense, _ gradient: LayerGradient, _ gradients: StackGradients, layer: Int
    ) {
        writeDelta(layer, gradient, gradients)
        let delta = gradient.delta ?? Matrix(rows: samples, columns: dense.outputCount)
        let input = output(layer - 1)
        let weightGradient = Matrix(
            rows: dense.outputCount, columns: dense.inputCount, elements: gradient.parameters[0])
        let d = symbols.delta(layer)
        if isBatch {
            solution.addStep(
                partial(symbols.weights(layer)),
                [
                    .product([symbols.delta(layer, transposed: true), symbols.z(layer - 1)]),
                    .product([.matrix(delta.transposed()), .matrix(input)]), .matrix(weightGradient),
                ],
                producing: [path(layer, "grad_W")])
            solution.addStep(
                partial(symbols.bias(layer)),
                [
                    .product([symbols.delta(layer, transposed: true), symbols.ones]),
                    .inlineVector(gradient.parameters[1]),
                ],
                note: "the column sums of \(d)", producing: [path(layer, "grad_b")])
        } else {
            solution.addStep(
                partial(symbols.weights(layer)),
                [
                    .product([d, symbols.z(layer - 1, transposed: true)]), .product([operand(delta), .matrix(input)]),
                    .matrix(weightGradient),
                ],
                producing: [path(layer, "grad_W")])
            solution.addStep(
                partial(symbols.bias(layer)), [d, .inlineVector(gradient.parameters[1])],
                producing: [path(layer, "grad_b")])
        }
        let weights = dense.weights
        let parts = inputGradient(layer, gradients) { _ in
            isBatch
                ? ([.product([d, symbols.weights(layer)]), .product([.matrix(delta), .matrix(weights)])], nil)
                : (
                    [
                        .product([symbols.weights(layer, transposed: true), d]),
                        .product([.matrix(weights.transposed()), operand(delta)]),
                    ], nil
                )
        }
        addInputGradient(parts, layer: layer)
    }

    private mutating func writeConvolution(
        _ convolution: ConvolutionStage, _ gradient: LayerGradient, _ gradients: StackGradients, layer: Int
    ) {
        writeDelta(layer, gradient, gradients)
        let (inputs, outputs) = (convolution.inputChannels, convolution.outputChannels)
        let (height, width) = convolution.kernelSize
        let size = height * width
        let sampleSum: Prose = isBatch ? ", summed over the samples" : ""
        solution.addRemark(
            "\(partial(.symbol(Symbol("K", layer: layer, index: "o,c")))) = \(MathExpression.infix(.correlation, [.symbol(Symbol("z", layer: layer - 1, index: "c")), .symbol(Symbol("δ", layer: layer, index: "o"))])): the input map correlated with the output channel's \(Symbol("δ")) (its entries spaced by the stride)\(sampleSum)."
        )
        for o in 0..<outputs {
            for c in 0..<inputs {
                let start = (o * inputs + c) * size
                let kernel = Matrix(
                    rows: height, columns: width, elements: Array(gradient.parameters[0][start..<start + size]))
                let isLast = o == outputs - 1 && c == inputs - 1
                solution.addStep(
                    partial(.symbol(Symbol("K", layer: layer, index: inputs > 1 ? "\(o + 1),\(c + 1)" : "\(o + 1)"))),
                    [.matrix(kernel)], producing: isLast ? [path(layer, "grad_K")] : [])
            }
        }
        solution.addStep(
            partial(symbols.bias(layer)), [.inlineVector(gradient.parameters[1])],
            note: "each output channel's \(Symbol("δ")) summed over its positions\(sampleSum)",
            producing: [path(layer, "grad_b")])
        let rotated = MathExpression.apply(FunctionName("rot180"), [.symbol(Symbol("K", layer: layer, index: "o,c"))])
        let parts = inputGradient(layer, gradients) { index in
            (
                [],
                index?.channel == 0 && index?.sample == 0
                    ? "\(MathExpression.summation(index: "o", .infix(.correlation, [rotated, .symbol(Symbol("δ", layer: layer, index: "o"))]))), the full correlation of each \(Symbol("δ")) with the kernel rotated by 180 degrees (by stride and padding)"
                    : nil
            )
        }
        addInputGradient(parts, layer: layer)
    }

    private mutating func writeNormalization(
        _ stage: NormalizationStage, _ gradient: LayerGradient, _ gradients: StackGradients, layer: Int
    ) {
        writeDelta(layer, gradient, gradients)
        guard let norm = gradient.normalization else { return }
        let g = symbols.delta(layer)
        let xHat = Self.normalized(layer, isBatch: isBatch)
        let over: Prose = stage.normalization.axis == .batch ? "summed over the batch" : "summed over the samples"
        solution.addStep(
            partial(Self.beta(layer)), [.summation(index: nil, g), .inlineVector(norm.beta)], note: over,
            producing: [path(layer, "grad_beta")])
        solution.addStep(
            partial(Self.gamma(layer)),
            [.summation(index: nil, .infix(.hadamard, [g, xHat])), .inlineVector(norm.gamma)],
            note: over, producing: [path(layer, "grad_gamma")])
        let sigma2 = Self.variance(layer)
        let epsilon = MathExpression.symbol(Symbol("ε"))
        let root = MathExpression.apply(FunctionName("√"), [.infix(.plus, [sigma2, epsilon])])
        let gamma = Self.gamma(layer)
        let formula: MathExpression
        if stage.running != nil {
            formula = .fraction(.product([gamma, g]), root)
        } else {
            let m = MathExpression.symbol(Symbol("M"))
            formula = .product([
                .fraction(gamma, .product([m, root])),
                .parenthesized(
                    .infix(
                        .minus,
                        [
                            .product([m, g]), .summation(index: nil, g),
                            .product([xHat, .summation(index: nil, .infix(.hadamard, [g, xHat]))]),
                        ])),
            ])
        }
        let parts = inputGradient(layer, gradients) { index in
            (
                index == nil ? [formula] : [],
                index.map { $0.sample == 0 && $0.channel == 0 } ?? true
                    ? (stage.running != nil
                        ? "the running statistics are constants"
                        : "the sums run over the \(Symbol("M")) values normalized together") : nil
            )
        }
        addInputGradient(parts, layer: layer)
    }

    private mutating func writeDropout(_ dropout: DropoutStage, _ gradients: StackGradients, layer: Int) {
        guard let mask = dropout.mask else {
            let parts = inputGradient(layer, gradients) { _ in
                ([upstreamSymbol(layer, at: nil)], "evaluation mode: the identity")
            }
            addInputGradient(parts, layer: layer)
            return
        }
        let fullMask = Matrix((0..<samples).map { mask.row(mask.rows == 1 ? 0 : $0) })
        let scale = MathExpression.fraction(
            .count(1), .parenthesized(.infix(.minus, [.count(1), .number(dropout.probability)])))
        let m = MathExpression.symbol(Symbol(isBatch ? "M" : "m", layer: layer))
        let g = upstream(layer, gradients)
        let parts = inputGradient(layer, gradients) { index in
            var rhs: [MathExpression] = [.product([scale, .infix(.hadamard, [m, upstreamSymbol(layer, at: index)])])]
            if let g {
                rhs.append(
                    .product([
                        scale,
                        .infix(.hadamard, [shown(fullMask, like: layer, at: index), shown(g, like: layer, at: index)]),
                    ]))
            }
            return (rhs, nil)
        }
        addInputGradient(parts, layer: layer)
    }

    private mutating func writeResidual(
        _ residual: ResidualStage, _ gradient: LayerGradient, _ gradients: StackGradients, layer: Int
    ) {
        writeDelta(layer, gradient, gradients)
        let d = isBatch ? "Δ" : "δ"
        solution.addRemark(
            "\(symbols.a(layer)) = \(symbols.z(layer - 1)) + \(symbols.z(residual.source)) has derivative \(1) in both, so \(named(d, layer, shapedLike: layer, at: nil)) flows to both unchanged."
        )
        let parts = inputGradient(layer, gradients) { index in
            ([named(d, layer, shapedLike: layer, at: index)], "through the main path")
        }
        addInputGradient(parts, layer: layer)
    }
}
