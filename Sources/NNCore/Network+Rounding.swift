extension Network {
    /// The forward pass of a hand solution that rounds as it goes: for l = 1 … L,
    /// a⁽ˡ⁾ = round(W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾) and z⁽ˡ⁾ = round(f(a⁽ˡ⁾)), each layer using
    /// the rounded values of the one before. The input x is used as given.
    ///
    /// - Complexity: as ``forward(_:)``, plus one rounding per value.
    public func forward(_ input: Matrix, rounding: Rounding) -> ForwardPass {
        var activations = [input]
        var preActivations: [Matrix] = []
        for layer in layers {
            let a = rounding.apply(layer.preActivation(activations[activations.count - 1]))
            preActivations.append(a)
            activations.append(rounding.apply(layer.activation.apply(to: a)))
        }
        return ForwardPass(preActivations: preActivations, activations: activations)
    }

    /// round(L) of a finished (rounded) forward pass against the target Y.
    public func loss(of pass: ForwardPass, target: Matrix, rounding: Rounding) -> Double {
        rounding.apply(loss(of: pass, target: target))
    }

    /// Backpropagation as a hand solution does it, rounding each value right
    /// after it is computed and using the rounded value from then on:
    /// ∂L/∂ŷ, δ⁽ᴸ⁾ = round(∂L/∂ŷ ⊙ f′(a⁽ᴸ⁾)) (or the rounded fused δ⁽ᴸ⁾),
    /// ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾, ∂L/∂z⁽ˡ⁻¹⁾ and δ⁽ˡ⁻¹⁾ = round(∂L/∂z⁽ˡ⁻¹⁾ ⊙ f′(a⁽ˡ⁻¹⁾)).
    ///
    /// f′ comes from the rounded values of the pass — from the rounded z⁽ˡ⁾ for
    /// tanh (1 − z²) and sigmoid (z(1 − z)), as a hand solution substitutes it,
    /// from the rounded a⁽ˡ⁾ otherwise — and enters δ⁽ˡ⁾ as a factor, not rounded
    /// on its own: δ⁽ˡ⁾ is one product in a hand solution.
    ///
    /// - Precondition: the target has the output's shape.
    public func backward(_ pass: ForwardPass, target: Matrix, rounding: Rounding) -> Gradients {
        let rule = outputRule
        var outputGradient: Matrix?
        var delta: Matrix
        if rule.isFused {
            delta = rounding.apply(
                rule.outputDelta(
                    loss, activation: outputLayer.activation, logits: pass.logits, prediction: pass.output,
                    target: target))
        } else {
            let gradient = rounding.apply(loss.gradient(prediction: pass.output, target: target))
            outputGradient = gradient
            delta = rounding.apply(
                outputLayer.activation.backpropagate(gradient, at: pass.logits, output: pass.output))
        }

        let count = layers.count
        var deltas = [Matrix](repeating: delta, count: count)
        var weightGradients = [Matrix](repeating: delta, count: count)
        var biasGradients = [[Double]](repeating: [], count: count)
        var activationGradients = [Matrix](repeating: delta, count: count)

        for index in stride(from: count - 1, through: 0, by: -1) {
            deltas[index] = delta
            weightGradients[index] = rounding.apply(delta.transposed() * pass.activations[index])
            biasGradients[index] = rounding.apply(delta.columnSums)
            let inputGradient = rounding.apply(delta * layers[index].weights)
            activationGradients[index] = inputGradient
            if index > 0 {
                delta = rounding.apply(
                    layers[index - 1].activation.backpropagate(
                        inputGradient, at: pass.preActivations[index - 1], output: pass.activations[index]))
            }
        }
        return Gradients(
            outputGradient: outputGradient, deltas: deltas, weightGradients: weightGradients,
            biasGradients: biasGradients, activationGradients: activationGradients)
    }

    /// One gradient-descent step with the new weights rounded:
    /// W⁽ˡ⁾ ← round(W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾) and b⁽ˡ⁾ ← round(b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾).
    public func updated(by gradients: Gradients, learningRate: Double, rounding: Rounding) -> Network {
        var result = updated(by: gradients, learningRate: learningRate)
        for index in result.layers.indices {
            result.layers[index].weights = rounding.apply(result.layers[index].weights)
            result.layers[index].bias = rounding.apply(result.layers[index].bias)
        }
        return result
    }
}
