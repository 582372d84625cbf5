import NNCore

extension NetworkWorksheet {
    /// δ⁽ᴸ⁾ from the loss, then for l = L … 1 the gradients of W⁽ˡ⁾ and b⁽ˡ⁾ and
    /// δ⁽ˡ⁻¹⁾ (or ∂L/∂x for l = 1).
    mutating func writeBackwardPass(_ gradients: Gradients, target: Matrix) {
        solution.beginSection("Backward pass")
        writeOutputDelta(gradients, target: target)
        for layer in stride(from: layerCount, through: 1, by: -1) {
            writeWeightGradient(gradients, layer: layer)
            if layer > 1 {
                writeHiddenDelta(gradients, layer: layer - 1)
            } else {
                writeInputGradient(gradients)
            }
        }
    }

    private mutating func writeOutputDelta(_ gradients: Gradients, target: Matrix) {
        let beta: Double
        let note: Prose
        let sample = NetworkSymbols(notation: symbols.notation, isBatch: false)
        let yHat = sample.prediction
        let lossGradient = sample.gradient(yHat)
        switch problem.network.outputRule {
        case .chainRule:
            writeOutputDeltaByChainRule(gradients, target: target)
            return
        case .softmaxCrossEntropy(let coldness):
            beta = coldness
            let difference = MathExpression.infix(.minus, [yHat, sample.target])
            note = "softmax + cross-entropy: the Jacobian of softmax times \(lossGradient) simplifies to \(difference)"
        case .sigmoidBinaryCrossEntropy:
            beta = 1
            let sigma = MathExpression.apply(
                FunctionName("σ", isDerivative: true), [.symbol(Symbol(sample.notation.preActivation))])
            let product = MathExpression.product([yHat, .parenthesized(.infix(.minus, [.count(1), yHat]))])
            note = "sigmoid + binary cross-entropy: \(sigma) = \(product) cancels the denominator of \(lossGradient)"
        }
        let layer = layerCount
        let coefficient = [batchFactor, beta == 1 ? nil : MathExpression.number(beta)].compactMap { $0 }
        let difference = MathExpression.infix(.minus, [symbols.prediction, symbols.target])
        let numeric = MathExpression.infix(.minus, [operand(pass.output), operand(target)])
        solution.addStep(
            symbols.delta(layer),
            [
                symbols.gradient(symbols.a(layer)), wrap(coefficient, difference), wrap(coefficient, numeric),
                result(gradients.deltas[layer - 1]),
            ],
            note: note, producing: [path(layer, "delta")])
    }

    /// 1/S for a batch with mean reduction, else nil.
    private var batchFactor: MathExpression? {
        guard isBatch, problem.network.loss.reduction == .mean else { return nil }
        return .fraction(.number(1), .number(Double(problem.sampleCount)))
    }

    private func wrap(_ coefficients: [MathExpression], _ body: MathExpression) -> MathExpression {
        coefficients.isEmpty ? body : .product(coefficients + [.parenthesized(body)])
    }

    private mutating func writeOutputDeltaByChainRule(_ gradients: Gradients, target: Matrix) {
        let layer = layerCount
        let outputGradient = gradients.outputGradient ?? gradients.deltas[layer - 1]
        let outputs = pass.output.columns
        var rhs = lossNotation.gradientFormula(outputs: outputs, samples: problem.sampleCount).map { [$0] } ?? []
        if !isBatch,
            let numbers = lossNotation.gradientSubstituted(
                prediction: operand(pass.output), target: operand(target), outputs: outputs,
                samples: problem.sampleCount)
        {
            rhs.append(numbers)
        }
        rhs.append(result(outputGradient))
        solution.addStep(symbols.gradient(symbols.prediction), rhs)
        writeDelta(
            layer: layer, upstream: symbols.gradient(symbols.prediction), numericUpstream: operand(outputGradient),
            upstreamValue: outputGradient, delta: gradients.deltas[layer - 1],
            definition: symbols.gradient(symbols.a(layer)))
    }

    /// δ⁽ˡ⁾ = g ⊙ f′(a⁽ˡ⁾) for elementwise f, or the Jacobian product for softmax,
    /// preceded by f′'s formula where one is taught.
    private mutating func writeDelta(
        layer: Int, upstream: MathExpression, numericUpstream: MathExpression, upstreamValue: Matrix, delta: Matrix,
        definition: MathExpression?
    ) {
        let notation = activation(layer)
        let a = pass.preActivations[layer - 1]
        let lhs = symbols.delta(layer)
        var rhs: [MathExpression] = definition.map { [$0] } ?? []

        guard notation.activation.isElementwise else {
            writeSoftmaxDelta(layer: layer, upstream: upstream, upstreamValue: upstreamValue, delta: delta, prefix: rhs)
            return
        }
        let derivativeValue =
            rounding == nil
            ? notation.activation.derivative(at: a)
            : notation.activation.derivative(at: a, fromOutput: pass.activations[layer])
        if let rule = notation.derivativeRule(variable: .symbol(Symbol(symbols.notation.preActivation))),
            !statedRules.contains(rule)
        {
            solution.addRemark(rule)
            statedRules.insert(rule)
        }
        if let formula = notation.derivativeFormula(of: symbols.a(layer)) {
            var steps = [formula]
            if !isBatch, isScalar(a),
                let numbers = notation.derivativeSubstituted(output: pass.activations[layer][0, 0])
            {
                steps.append(numbers)
            }
            solution.addStep(notation.derivative(of: symbols.a(layer)), steps + [carried(derivativeValue)])
        }
        let isIdentity = notation.name == nil && notation.activation.scale == 1
        if isIdentity {
            rhs += [upstream, result(delta)]
        } else {
            let op: InfixOperator = isScalar(a) ? .times : .hadamard
            rhs.append(.infix(op, [upstream, notation.derivative(of: symbols.a(layer))]))
            rhs.append(
                .infix(op, [numericUpstream, rounding == nil ? operand(derivativeValue) : carried(derivativeValue)]))
            rhs.append(result(delta))
        }
        solution.addStep(lhs, rhs, producing: [path(layer, "delta")])
    }

    /// f′ as it enters δ⁽ˡ⁾: like ``result(_:)``, but when intermediates are
    /// rounded to K decimals f′ is carried unrounded, so one sample's values are
    /// shown with K + 3 decimals to let the printed product reproduce the result.
    private func carried(_ value: Matrix) -> MathExpression {
        guard let rounding, !isBatch else { return result(value) }
        let entries = value.row(0).map { MathExpression.preciseNumber($0, decimals: rounding.decimals + 3) }
        return entries.count == 1 ? entries[0] : .vectorOf(entries)
    }

    private mutating func writeSoftmaxDelta(
        layer: Int, upstream: MathExpression, upstreamValue: Matrix, delta: Matrix, prefix: [MathExpression]
    ) {
        let notation = activation(layer)
        let jacobianSymbol = MathExpression.symbol(Symbol("J", layer: layer))
        let s = MathExpression.symbol(Symbol("s"))
        let softmax = MathExpression.apply(
            FunctionName("softmax"),
            [.product([.symbol(Symbol("β")), .symbol(Symbol(symbols.notation.preActivation))])])
        if isBatch {
            let transposed = MathExpression.symbol(Symbol("J", layer: layer, isTransposed: true))
            solution.addRemark(
                "Softmax couples the outputs of a sample: each row of \(symbols.delta(layer)) is \(transposed) times that row of the upstream gradient, with \(Symbol("J")) = \(Self.softmaxJacobian)."
            )
            solution.addStep(symbols.delta(layer), prefix + [result(delta)], producing: [path(layer, "delta")])
            return
        }
        let jacobian = notation.activation.jacobian(at: pass.preActivations[layer - 1].row(0))
        solution.addStep(
            .partial(of: symbols.z(layer), withRespectTo: symbols.a(layer)),
            [jacobianSymbol, .matrix(jacobian)], note: "softmax Jacobian: \(Self.softmaxJacobian), \(s) = \(softmax)")
        solution.addStep(
            symbols.delta(layer),
            prefix + [
                .product([.symbol(Symbol("J", layer: layer, isTransposed: true)), upstream]),
                .product([.matrix(jacobian.transposed()), operand(upstreamValue)]), result(delta),
            ], producing: [path(layer, "delta")])
    }

    private mutating func writeWeightGradient(_ gradients: Gradients, layer: Int) {
        let delta = gradients.deltas[layer - 1]
        let input = layerInput(layer)
        let gradient = shownWeightGradient(gradients, layer: layer)
        let lhs = symbols.gradient(symbols.weights(layer))
        if isBatch {
            solution.addStep(
                lhs,
                [
                    .product([symbols.delta(layer, transposed: true), symbols.z(layer - 1)]),
                    .product([.matrix(delta.transposed()), .matrix(input)]), .matrix(gradient),
                ], producing: [path(layer, "grad_W")])
        } else {
            solution.addStep(
                lhs,
                [
                    .product([symbols.delta(layer), symbols.z(layer - 1, transposed: true)]),
                    .product([operand(delta), .matrix(input)]), .matrix(gradient),
                ], producing: [path(layer, "grad_W")])
        }
        guard problem.hasBias[layer - 1], !problem.isAugmented else { return }
        let biasGradient = gradients.biasGradients[layer - 1]
        guard isBatch else {
            solution.addStep(
                symbols.gradient(symbols.bias(layer)), [symbols.delta(layer), result(Matrix(row: biasGradient))],
                producing: [path(layer, "grad_b")])
            return
        }
        var rhs: [MathExpression] = [.product([.symbol(Symbol("1", isTransposed: true)), symbols.delta(layer)])]
        var note: Prose = "the sum of each column of \(symbols.delta(layer))"
        if problem.sampleCount <= Self.samplesSummedInColumns {
            rhs.append(.infix(.plus, delta.rowArrays.map { .matrix(Matrix(column: $0)) }))
            rhs.append(.matrix(Matrix(column: biasGradient)))
            note = "the rows of \(symbols.delta(layer)), one per sample, summed"
        } else {
            rhs.append(.inlineVector(biasGradient))
        }
        solution.addStep(
            symbols.gradient(symbols.bias(layer)), rhs, note: note, producing: [path(layer, "grad_b")])
    }

    /// Up to this many samples, ∂L/∂b = 1ᵀΔ is written as the sum of Δ's rows, each as a column.
    static let samplesSummedInColumns = 4

    /// J = cβ(diag(s) − s sᵀ), the Jacobian of c · softmax(βa) at s = softmax(βa).
    static var softmaxJacobian: MathExpression {
        let s = MathExpression.symbol(Symbol("s"))
        return .product([
            .symbol(Symbol("c")), .symbol(Symbol("β")),
            .parenthesized(
                .infix(
                    .minus,
                    [.apply(FunctionName("diag"), [s]), .product([s, .symbol(Symbol("s", isTransposed: true))])])),
        ])
    }

    /// The weights that carry δ back: W⁽ˡ⁾, or W̄⁽ˡ⁾ without its bias column when augmented.
    private func backwardWeights(_ layer: Int, transposed: Bool) -> MathExpression {
        problem.isAugmented
            ? symbols.weightsWithoutBias(layer, transposed: transposed) : symbols.weights(layer, transposed: transposed)
    }

    private mutating func writeHiddenDelta(_ gradients: Gradients, layer: Int) {
        let upper = layer + 1
        let weights = problem.network.layers[upper - 1].weights
        let upperDelta = gradients.deltas[upper - 1]
        if problem.isAugmented && layer == layerCount - 1 {
            let (bar, plain) = (Symbol("W", accent: .bar), Symbol("W"))
            solution.addRemark(
                "\(bar) is \(plain) without its bias column: the bias unit's constant \(1) has no \(Symbol("δ")) to pass back."
            )
        }
        let upstream: MathExpression
        let numericUpstream: MathExpression
        if isBatch {
            upstream = .parenthesized(.product([symbols.delta(upper), backwardWeights(upper, transposed: false)]))
            numericUpstream = .product([.matrix(upperDelta), .matrix(weights)])
        } else {
            upstream = .parenthesized(.product([backwardWeights(upper, transposed: true), symbols.delta(upper)]))
            numericUpstream = .product([.matrix(weights.transposed()), operand(upperDelta)])
        }
        writeDelta(
            layer: layer, upstream: upstream, numericUpstream: numericUpstream,
            upstreamValue: gradients.activationGradients[layer], delta: gradients.deltas[layer - 1], definition: nil)
    }

    private mutating func writeInputGradient(_ gradients: Gradients) {
        let delta = gradients.deltas[0]
        let weights = problem.network.layers[0].weights
        let value = gradients.inputGradient
        if isBatch {
            solution.addStep(
                symbols.gradient(symbols.input),
                [
                    .product([symbols.delta(1), backwardWeights(1, transposed: false)]),
                    .product([.matrix(delta), .matrix(weights)]), .matrix(value),
                ], producing: ["grad_input"])
        } else {
            solution.addStep(
                symbols.gradient(symbols.input),
                [
                    .product([backwardWeights(1, transposed: true), symbols.delta(1)]),
                    .product([.matrix(weights.transposed()), operand(delta)]), result(value),
                ], producing: ["grad_input"])
        }
    }
}
