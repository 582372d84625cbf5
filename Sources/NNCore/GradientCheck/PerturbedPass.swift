/// The losses L(w + ε) and L(w − ε) of one parameter, computed from a cached
/// forward pass instead of two fresh ones.
///
/// Perturbing W⁽ˡ⁾ᵢⱼ by h changes only the pre-activation a⁽ˡ⁾ᵢ of each sample s,
/// by h z⁽ˡ⁻¹⁾ₛⱼ (by h for the bias b⁽ˡ⁾ᵢ). Samples are independent, so a sample
/// whose a⁽ˡ⁾ᵢ or z⁽ˡ⁾ᵢ does not change keeps its cached loss ℓₛ; for the others,
/// an elementwise layer l changes a⁽ˡ⁺¹⁾ by Δz⁽ˡ⁾ᵢ W⁽ˡ⁺¹⁾[:, i] (a rank-one
/// update), and only the layers above are recomputed, for that sample alone.
/// L = r Σₛ ℓₛ as in ``Network/loss(of:target:)``.
struct PerturbedPass: Sendable {
    let network: Network
    let pass: ForwardPass
    /// The target's rows, yₛ.
    let targetRows: [[Double]]
    /// The target, one sample per row.
    let target: Matrix
    let rule: OutputRule
    /// ℓₛ of the unperturbed network.
    let sampleLosses: [Double]
    /// r in L = r Σₛ ℓₛ.
    let reductionFactor: Double
    /// Whether the activation of layer index l has a kink (``Activation/Function/kinks``).
    let hasKink: [Bool]

    /// The cache for `network` on the batch `input` against `target`.
    init(network: Network, input: Matrix, target: Matrix) {
        self.network = network
        self.pass = network.forward(input)
        self.targetRows = target.rowArrays
        self.target = target
        self.rule = network.outputRule
        self.reductionFactor = network.loss.reductionFactor(samples: input.rows)
        self.hasKink = network.layers.map { !$0.activation.function.kinks.isEmpty }
        let logits = pass.logits
        let output = pass.output
        let rule = self.rule
        let loss = network.loss
        self.sampleLosses = (0..<input.rows).map {
            rule.sampleLoss(loss, logits: logits.row($0), prediction: output.row($0), target: target.row($0))
        }
    }

    /// L(w + h₊), L(w + h₋), and whether a pre-activation lies on
    /// different sides of a kink of its activation in the two perturbed networks.
    func losses(_ parameter: Parameter, up: Double, down: Double) -> (plus: Double, minus: Double, crossesKink: Bool) {
        let l = parameter.layer
        let (unit, column): (Int, Int?) =
            switch parameter.kind {
            case .weight(let row, let column): (row, column)
            case .bias(let row): (row, nil)
            }
        if network.layers[l].activation.isElementwise && l + 2 == network.layers.count && rule.isFused
            && !hasKink[l + 1]
        {
            return lastHiddenLosses(layer: l, unit: unit, column: column, up: up, down: down)
        }
        let units = network.layers[l].outputCount
        let below = pass.activations[l]
        var plusLosses = sampleLosses
        var minusLosses = sampleLosses
        var crossesKink = false
        for s in 0..<below.rows {
            let input = column.map { below.elements[s * below.columns + $0] } ?? 1
            let plusStep = up * input
            let minusStep = down * input
            if plusStep == 0 && minusStep == 0 { continue }
            let a = pass.preActivations[l].elements[s * units + unit]
            let aPlus = a + plusStep
            let aMinus = a + minusStep
            if hasKink[l] && network.layers[l].activation.function.separatesKink(aPlus, aMinus) {
                crossesKink = true
            }
            let plus = sample(s, layer: l, unit: unit, preActivation: aPlus)
            let minus = sample(s, layer: l, unit: unit, preActivation: aMinus)
            if let plus { plusLosses[s] = plus.loss }
            if let minus { minusLosses[s] = minus.loss }
            if !crossesKink && (plus != nil || minus != nil) {
                for above in (l + 1)..<network.layers.count where hasKink[above] {
                    let function = network.layers[above].activation.function
                    let offset = above - l - 1
                    let plusRow = plus?.preActivations[offset] ?? pass.preActivations[above].row(s)
                    let minusRow = minus?.preActivations[offset] ?? pass.preActivations[above].row(s)
                    if zip(plusRow, minusRow).contains(where: { function.separatesKink($0, $1) }) {
                        crossesKink = true
                    }
                }
            }
        }
        return (
            reductionFactor * plusLosses.reduce(0, +), reductionFactor * minusLosses.reduce(0, +), crossesKink
        )
    }

    /// ``losses(_:up:down:)`` when layer l is the last hidden layer, elementwise, and the
    /// output rule fused: the same arithmetic in one loop over unsafe buffers. For each
    /// sample whose z⁽ˡ⁾ᵢ changes by Δ, the logits are a⁽ᴸ⁾ₛ + Δ W⁽ᴸ⁾[:, i], formed in a
    /// scratch row; ℓₛ is summed in sample order as in ``losses(_:up:down:)``.
    private func lastHiddenLosses(layer l: Int, unit: Int, column: Int?, up: Double, down: Double) -> (
        plus: Double, minus: Double, crossesKink: Bool
    ) {
        let activation = network.layers[l].activation
        let output = network.outputLayer
        let (units, outputs, classes) = (output.inputCount, output.outputCount, target.columns)
        let below = pass.activations[l]
        let kink = hasKink[l]
        let (rule, loss) = (self.rule, network.loss)
        var plusTotal = 0.0
        var minusTotal = 0.0
        var crossesKink = false
        withUnsafeTemporaryAllocation(of: Double.self, capacity: outputs) { row in
            let buffers = (
                below.elements, pass.preActivations[l].elements, pass.activations[l + 1].elements,
                pass.preActivations[l + 1].elements, output.weights.elements, target.elements, sampleLosses
            )
            buffers.0.withUnsafeBufferPointer { inputs in
                buffers.1.withUnsafeBufferPointer { preActivations in
                    buffers.2.withUnsafeBufferPointer { activations in
                        buffers.3.withUnsafeBufferPointer { logits in
                            buffers.4.withUnsafeBufferPointer { weights in
                                buffers.5.withUnsafeBufferPointer { targets in
                                    buffers.6.withUnsafeBufferPointer { cached in
                                        /// ℓₛ with a⁽ˡ⁾ᵢ = a, or the cached ℓₛ when z⁽ˡ⁾ᵢ does not change.
                                        func sampleLoss(_ s: Int, _ a: Double) -> Double {
                                            let new = activation.value(a)
                                            let old = activations[s * units + unit]
                                            if new == old { return cached[s] }
                                            let change = new - old
                                            for k in 0..<outputs {
                                                row[k] = logits[s * outputs + k] + change * weights[k * units + unit]
                                            }
                                            let y = UnsafeBufferPointer(
                                                rebasing: targets[(s * classes)..<(s * classes + classes)])
                                            return rule.sampleLoss(
                                                loss, logits: row, prediction: [], target: y)
                                        }
                                        for s in 0..<below.rows {
                                            let input = column.map { inputs[s * below.columns + $0] } ?? 1
                                            let plusStep = up * input
                                            let minusStep = down * input
                                            if plusStep == 0 && minusStep == 0 {
                                                plusTotal += cached[s]
                                                minusTotal += cached[s]
                                                continue
                                            }
                                            let a = preActivations[s * units + unit]
                                            let aPlus = a + plusStep
                                            let aMinus = a + minusStep
                                            if kink && activation.function.separatesKink(aPlus, aMinus) {
                                                crossesKink = true
                                            }
                                            plusTotal += sampleLoss(s, aPlus)
                                            minusTotal += sampleLoss(s, aMinus)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (reductionFactor * plusTotal, reductionFactor * minusTotal, crossesKink)
    }

    /// Sample s with a⁽ˡ⁾ᵢ replaced: its loss ℓₛ and the pre-activation rows of
    /// the layers above l; nil when z⁽ˡ⁾ does not change, so nothing above does.
    private func sample(_ s: Int, layer l: Int, unit: Int, preActivation: Double) -> (
        loss: Double, preActivations: [[Double]]
    )? {
        let layer = network.layers[l]
        let units = layer.outputCount
        var preActivationRow: [Double]
        var outputRow: [Double]
        if layer.activation.isElementwise {
            let old = pass.activations[l + 1].elements[s * units + unit]
            let new = layer.activation.value(preActivation)
            if new == old { return nil }
            if l + 1 < network.layers.count {
                let next = network.layers[l + 1]
                var row = pass.preActivations[l + 1].row(s)
                let change = new - old
                for k in 0..<next.outputCount { row[k] += change * next.weights.elements[k * units + unit] }
                return propagate(s, from: l + 1, preActivation: row)
            }
            preActivationRow = pass.preActivations[l].row(s)
            preActivationRow[unit] = preActivation
            outputRow = pass.activations[l + 1].row(s)
            outputRow[unit] = new
        } else {
            preActivationRow = pass.preActivations[l].row(s)
            preActivationRow[unit] = preActivation
            if l + 1 < network.layers.count {
                let z = layer.activation.apply(to: Matrix(row: preActivationRow))
                let next = network.layers[l + 1]
                return propagate(s, from: l + 1, preActivation: next.preActivation(z).elements)
            }
            outputRow = layer.activation.apply(to: Matrix(row: preActivationRow)).elements
        }
        return (loss(s, logits: preActivationRow, prediction: outputRow), [])
    }

    /// ℓₛ and the pre-activation rows of layers m … L, given a⁽ᵐ⁾ of sample s.
    private func propagate(_ s: Int, from m: Int, preActivation: [Double]) -> (
        loss: Double, preActivations: [[Double]]
    ) {
        var rows = [preActivation]
        var a = Matrix(row: preActivation)
        for index in (m + 1)..<max(m + 1, network.layers.count) {
            a = network.layers[index].preActivation(network.layers[index - 1].activation.apply(to: a))
            rows.append(a.elements)
        }
        // A fused rule reads only the logits.
        let prediction = rule.isFused ? [] : network.outputLayer.activation.apply(to: a).elements
        return (loss(s, logits: a.elements, prediction: prediction), rows)
    }

    private func loss(_ s: Int, logits: [Double], prediction: [Double]) -> Double {
        rule.sampleLoss(network.loss, logits: logits, prediction: prediction, target: targetRows[s])
    }
}
