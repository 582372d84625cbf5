import NNCore

extension StackWorksheet {
    /// z⁽⁰⁾ = x, then each layer's values in its own section, in the course's notation.
    mutating func writeForwardPass() {
        solution.beginSection("Forward pass")
        let parts = steps(shapedLike: 0) { index in
            (
                z(0, at: index),
                index == nil ? [symbols.input, result(output(0))] : [shown(output(0), like: 0, at: index)], nil
            )
        }
        add(parts)
        for layer in 1...layerCount {
            solution.beginSection("Layer \(layer): \(StackLayerNotation.name(of: problem.stack.layers[layer - 1]))")
            switch problem.stack.layers[layer - 1] {
            case .dense(let dense): writeDense(dense, layer: layer)
            case .convolution(let convolution): writeConvolution(convolution, layer: layer)
            case .pooling(let pooling): writePooling(pooling, layer: layer)
            case .flatten: writeFlatten(layer: layer)
            case .normalization(let stage): writeNormalization(stage, layer: layer)
            case .dropout(let dropout): writeDropout(dropout, layer: layer)
            case .residual(let residual): writeResidual(residual, layer: layer)
            }
            if problem.stack.layers[layer - 1].activation != nil { writeActivation(layer) }
        }
    }

    /// a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾ (A⁽ˡ⁾ = Z⁽ˡ⁻¹⁾ W⁽ˡ⁾ᵀ + 1 b⁽ˡ⁾ᵀ for a batch).
    private mutating func writeDense(_ dense: Dense, layer: Int) {
        let input = output(layer - 1)
        let a = pass.layers[layer - 1].preActivation ?? input
        let (product, numbers): (MathExpression, MathExpression)
        let bias: MathExpression
        let biasValue: MathExpression
        if isBatch {
            product = .product([symbols.z(layer - 1), symbols.weights(layer, transposed: true)])
            numbers = .product([.matrix(input), .matrix(dense.weights.transposed())])
            bias = .product([symbols.ones, symbols.bias(layer, transposed: true)])
            biasValue = .matrix(Matrix(rows: a.rows, columns: a.columns).addingToEachRow(dense.bias))
        } else {
            product = .product([symbols.weights(layer), symbols.z(layer - 1)])
            numbers = .product([.matrix(dense.weights), operand(input)])
            bias = symbols.bias(layer)
            biasValue = operand(Matrix(row: dense.bias))
        }
        solution.addStep(
            symbols.a(layer),
            [.infix(.plus, [product, bias]), .infix(.plus, [numbers, biasValue]), result(a)],
            producing: [path(layer, "a")])
    }

    /// a⁽ˡ⁾ₒ = Σ_c K⁽ˡ⁾ₒ,c ⋆ z⁽ˡ⁻¹⁾c + b⁽ˡ⁾ₒ for each output channel o of each sample.
    private mutating func writeConvolution(_ convolution: ConvolutionStage, layer: Int) {
        let inputs = convolution.inputChannels
        let (height, width) = convolution.kernelSize
        let size = MathExpression.infix(.cross, [.count(height), .count(width)])
        let stride = convolution.stride
        solution.addRemark(
            "\(convolution.outputChannels) \(convolution.outputChannels == 1 ? "kernel" : "kernels") of \(inputs) \(inputs == 1 ? "channel" : "channels") of \(size) each, "
                + "stride \(stride), padding \(convolution.padding)"
                + (convolution.padding > 0 ? " (zeros around each map before the kernel slides)." : "."))
        let a = pass.layers[layer - 1].preActivation ?? output(layer)
        let parts = steps(shapedLike: layer) { index in
            guard let index else { preconditionFailure("A convolution gives maps") }
            let (s, o) = (index.sample, index.channel)
            let input = maps(output(layer - 1), layer: layer - 1, sample: s)
            let kernel = { (c: Int) in
                MathExpression.symbol(
                    Symbol("K", layer: layer, index: inputs > 1 ? "\(o + 1),\(c + 1)" : "\(o + 1)"))
            }
            let terms = (0..<inputs).map { c in
                MathExpression.infix(.correlation, [kernel(c), zMap(layer - 1, sample: s, channel: c)])
            }
            let bias = MathExpression.symbol(Symbol("b", layer: layer, index: "\(o + 1)"))
            let numbers = (0..<inputs).map {
                MathExpression.infix(.correlation, [.matrix(convolution.kernels[o][$0]), .matrix(input[$0])])
            }
            var rhs: [MathExpression] = [
                .infix(.plus, terms + [bias]), .infix(.plus, numbers + [.number(convolution.bias[o])]),
            ]
            if inputs > 1 {
                let channelParts = (0..<inputs).map { c in
                    MathExpression.matrix(convolution.correlation(output: o, input: c, of: input[c]))
                }
                rhs.append(.infix(.plus, channelParts + [.number(convolution.bias[o])]))
            }
            rhs.append(shown(a, like: layer, at: index))
            return (aMap(layer, sample: s, channel: o), rhs, nil)
        }
        add(parts, producing: [path(layer, "a")])
    }

    /// z⁽ˡ⁾c = maxpool(z⁽ˡ⁻¹⁾c) (or the average) of each channel of each sample.
    private mutating func writePooling(_ pooling: PoolingStage, layer: Int) {
        let size = MathExpression.infix(.cross, [.count(pooling.size), .count(pooling.size)])
        let what: Prose = pooling.mode == .max ? "the largest value" : "the mean"
        solution.addRemark("Each \(size) window, stride \(pooling.stride), gives \(what) of its entries.")
        let name = FunctionName(pooling.mode == .max ? "maxpool" : "avgpool")
        let parts = steps(shapedLike: layer) { index in
            guard let index else { preconditionFailure("Pooling gives maps") }
            let input = shown(output(layer - 1), like: layer - 1, at: index)
            return (
                z(layer, at: index),
                [
                    .apply(name, [z(layer - 1, at: index)]), .apply(name, [input]),
                    shown(output(layer), like: layer, at: index),
                ],
                nil
            )
        }
        add(parts, producing: [path(layer, "z")])
    }

    /// z⁽ˡ⁾ = vec(z⁽ˡ⁻¹⁾): the maps' values in one vector.
    private mutating func writeFlatten(layer: Int) {
        solution.addStep(
            symbols.z(layer),
            [.apply(FunctionName("vec"), [symbols.z(layer - 1)]), result(output(layer))],
            note: "channel after channel, each map row by row", producing: [path(layer, "z")])
    }

    /// μ, σ², x̂ = (z − μ)/√(σ² + ε) and a⁽ˡ⁾ = γ ⊙ x̂ + β.
    private mutating func writeNormalization(_ stage: NormalizationStage, layer: Int) {
        guard let normalization = pass.layers[layer - 1].normalization else { return }
        let norm = stage.normalization
        let (mu, sigma2) = (Self.mean(layer), Self.variance(layer))
        let x = symbols.z(layer - 1)
        let isBatchNorm = norm.axis == .batch
        let over: Prose =
            isBatchNorm
            ? (shape(layer).isImage
                ? "over the batch and the positions of each channel" : "over the batch, per feature")
            : "over the values of each sample"
        if let running = stage.running {
            solution.addStep(mu, [.inlineVector(running.mean)], note: "the running mean (evaluation mode)")
            solution.addStep(sigma2, [.inlineVector(running.variance)], note: "the running variance (evaluation mode)")
        } else {
            let m = MathExpression.symbol(Symbol("M"))
            solution.addStep(
                mu,
                [.product([.fraction(.count(1), m), .summation(index: nil, x)]), .inlineVector(normalization.mean)],
                note:
                    "\(over); \(Symbol("M")) = \(isBatchNorm ? normalization.input.rows : normalization.input.columns) values each",
                producing: [path(layer, "mean")])
            solution.addStep(
                sigma2,
                [
                    .product([
                        .fraction(.count(1), m),
                        .summation(index: nil, .power(.parenthesized(.infix(.minus, [x, mu])), .number(2))),
                    ]),
                    .inlineVector(normalization.variance),
                ], note: "the biased variance, as used to normalize", producing: [path(layer, "variance")])
        }
        let epsilon = MathExpression.symbol(Symbol("ε"))
        let xHat = Self.normalized(layer, isBatch: isBatch)
        let xHatValue = stage.restored(normalization.normalized, shape: shape(layer), samples: samples)
        let formula = MathExpression.fraction(
            .infix(.minus, [x, mu]), .apply(FunctionName("√"), [.infix(.plus, [sigma2, epsilon])]))
        solution.addRemark("\(epsilon) = \(number: norm.epsilon).")
        let parts = steps(shapedLike: layer) { index in
            var lhs = xHat
            if let index, case .symbol(var symbol) = self.zMap(layer, sample: index.sample, channel: index.channel) {
                symbol.base = "x"
                symbol.accent = .hat
                lhs = .symbol(symbol)
            }
            return (
                lhs, (index == nil ? [formula] : []) + [shown(xHatValue, like: layer, at: index, asResult: true)], nil
            )
        }
        add(parts, producing: [path(layer, "x_hat")])
        let (gamma, beta) = (Self.gamma(layer), Self.beta(layer))
        solution.addStep(gamma, [.inlineVector(norm.gamma)])
        solution.addStep(beta, [.inlineVector(norm.beta)])
        let a = pass.layers[layer - 1].preActivation ?? output(layer)
        let shifted = steps(shapedLike: layer) { index in
            (
                self.a(layer, at: index),
                [
                    .infix(.plus, [.infix(.hadamard, [gamma, xHat]), beta]),
                    shown(a, like: layer, at: index, asResult: true),
                ], nil
            )
        }
        add(shifted, producing: [path(layer, "a")])
    }

    /// z⁽ˡ⁾ = m⁽ˡ⁾ ⊙ z⁽ˡ⁻¹⁾ / (1 − p), the identity without a mask.
    private mutating func writeDropout(_ dropout: DropoutStage, layer: Int) {
        let p = dropout.probability
        guard let mask = dropout.mask else {
            solution.addStep(
                symbols.z(layer), [symbols.z(layer - 1)],
                note: "no mask given: evaluation mode, where dropout passes its input on", producing: [path(layer, "z")]
            )
            return
        }
        let m = MathExpression.symbol(Symbol(isBatch ? "M" : "m", layer: layer))
        let scale = MathExpression.fraction(.count(1), .parenthesized(.infix(.minus, [.count(1), .number(p)])))
        solution.addRemark(
            "Inverted dropout: each kept value (\(Symbol("m")) = \(1)) is scaled by \(scale) = \(number: 1 / (1 - p)), so the expected value is unchanged."
        )
        let fullMask = Matrix((0..<samples).map { mask.row(mask.rows == 1 ? 0 : $0) })
        let parts = steps(shapedLike: layer) { index in
            (
                self.z(layer, at: index),
                [
                    .product([scale, .infix(.hadamard, [m, self.z(layer - 1, at: index)])]),
                    .product([
                        scale,
                        .infix(
                            .hadamard,
                            [
                                self.shown(fullMask, like: layer, at: index),
                                self.shown(self.output(layer - 1), like: layer, at: index),
                            ]),
                    ]),
                    self.shown(self.output(layer), like: layer, at: index, asResult: true),
                ], nil
            )
        }
        add(parts, producing: [path(layer, "z")])
    }

    /// a⁽ˡ⁾ = z⁽ˡ⁻¹⁾ + z⁽ᴷ⁾.
    private mutating func writeResidual(_ residual: ResidualStage, layer: Int) {
        let source = residual.source
        let a = pass.layers[layer - 1].preActivation ?? output(layer)
        let parts = steps(shapedLike: layer) { index in
            (
                self.a(layer, at: index),
                [
                    .infix(.plus, [self.z(layer - 1, at: index), self.z(source, at: index)]),
                    .infix(
                        .plus,
                        [
                            self.shown(self.output(layer - 1), like: layer, at: index),
                            self.shown(self.output(source), like: layer, at: index),
                        ]),
                    self.shown(a, like: layer, at: index, asResult: true),
                ],
                source == 0 ? "the skip connection adds the input" : "the skip connection adds layer \(source)'s output"
            )
        }
        add(parts, producing: [path(layer, "a")])
    }

    /// z⁽ˡ⁾ = f(a⁽ˡ⁾), or ŷ = z⁽ᴸ⁾ for the output layer.
    private mutating func writeActivation(_ layer: Int) {
        guard let notation = activation(layer) else { return }
        let isOutput = layer == layerCount
        let paths = isOutput ? [path(layer, "z"), "output"] : [path(layer, "z")]
        if isIdentity(layer) {
            let lhs = isOutput ? symbols.prediction : symbols.z(layer)
            let rhs: [MathExpression] = (isOutput ? [symbols.z(layer)] : []) + [symbols.a(layer)]
            solution.addStep(lhs, rhs, note: "no activation", producing: paths)
            return
        }
        let parts = steps(shapedLike: layer) { index in
            let lhs = isOutput && index == nil ? symbols.prediction : z(layer, at: index)
            return (
                lhs,
                [
                    notation.applied(to: a(layer, at: index)),
                    shown(output(layer), like: layer, at: index, asResult: true),
                ],
                nil
            )
        }
        add(parts, producing: paths)
    }

    static func mean(_ layer: Int) -> MathExpression { .symbol(Symbol("μ", layer: layer)) }
    static func variance(_ layer: Int) -> MathExpression { .power(.symbol(Symbol("σ", layer: layer)), .number(2)) }
    static func gamma(_ layer: Int) -> MathExpression { .symbol(Symbol("γ", layer: layer)) }
    static func beta(_ layer: Int) -> MathExpression { .symbol(Symbol("β", layer: layer)) }
    static func normalized(_ layer: Int, isBatch: Bool) -> MathExpression {
        .symbol(Symbol(isBatch ? "X" : "x", layer: layer, accent: .hat))
    }
}
