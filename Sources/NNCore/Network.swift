/// A stack of dense layers and the loss on its output.
///
/// Layers are numbered from 1; the input is z⁽⁰⁾ = x. All methods take a
/// batch with one sample per row; a single sample is a batch of one
/// (its column vector x is the one row xᵀ).
public struct Network: Sendable, Hashable {
    /// Layers 1 … L.
    public var layers: [Dense]
    /// The loss L(ŷ, y) on the output ŷ = z⁽ᴸ⁾.
    public var loss: Loss

    /// A network with the given layers and loss.
    ///
    /// - Precondition: there is at least one layer, and each layer's input
    ///   count equals the previous layer's output count.
    public init(layers: [Dense], loss: Loss) {
        precondition(!layers.isEmpty, "A network needs at least one layer")
        for (previous, next) in zip(layers, layers.dropFirst()) {
            precondition(next.inputCount == previous.outputCount, "Layer sizes do not chain")
        }
        self.layers = layers
        self.loss = loss
    }

    /// How δ⁽ᴸ⁾ is formed from the loss and the last activation.
    public var outputRule: OutputRule {
        OutputRule(activation: outputLayer.activation, loss: loss)
    }

    /// Layer L, whose activation gives ŷ.
    public var outputLayer: Dense { layers[layers.count - 1] }

    /// Every a⁽ˡ⁾ and z⁽ˡ⁾ for the batch X (one sample per row).
    ///
    /// With a `rounding`, the pass of a hand solution that rounds as it goes:
    /// a⁽ˡ⁾ = round(W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾) and z⁽ˡ⁾ = round(f(a⁽ˡ⁾)), each layer using
    /// the rounded values of the one before; the input x is used as given.
    ///
    /// - Complexity: one matrix product per layer, plus one rounding per value with a `rounding`.
    public func forward(_ input: Matrix, rounding: Rounding? = nil) -> ForwardPass {
        forward(input, hook: rounding.map(PassHook.init))
    }

    /// Every a⁽ˡ⁾ and z⁽ˡ⁾ for the batch X, each value settled by `hook` right
    /// after it is computed and used settled from then on.
    public func forward(_ input: Matrix, hook: PassHook?) -> ForwardPass {
        var activations = [input]
        var preActivations: [Matrix] = []
        for (index, layer) in layers.enumerated() {
            let a = hook.settle(
                .preActivation(layer: index + 1), layer.preActivation(activations[activations.count - 1]))
            preActivations.append(a)
            activations.append(hook.settle(.activation(layer: index + 1), layer.activation.apply(to: a)))
        }
        return ForwardPass(preActivations: preActivations, activations: activations)
    }

    /// L for a finished forward pass against the target Y (one row per sample), rounded with a `rounding`.
    public func loss(of pass: ForwardPass, target: Matrix, rounding: Rounding? = nil) -> Double {
        loss(of: pass, target: target, hook: rounding.map(PassHook.init))
    }

    /// L for a finished forward pass against the target Y, settled by `hook`.
    public func loss(of pass: ForwardPass, target: Matrix, hook: PassHook?) -> Double {
        hook.settle(.loss, outputRule.loss(loss, logits: pass.logits, prediction: pass.output, target: target))
    }

    /// L(f(X), Y): the loss of a fresh forward pass.
    public func loss(input: Matrix, target: Matrix) -> Double {
        loss(of: forward(input), target: target)
    }

    /// Backpropagation through a finished forward pass:
    /// δ⁽ᴸ⁾ by the output rule, then for l = L … 1
    /// ∂L/∂W⁽ˡ⁾ = Δ⁽ˡ⁾ᵀ Z⁽ˡ⁻¹⁾, ∂L/∂b⁽ˡ⁾ = 1ᵀ Δ⁽ˡ⁾, ∂L/∂Z⁽ˡ⁻¹⁾ = Δ⁽ˡ⁾ W⁽ˡ⁾ and
    /// Δ⁽ˡ⁻¹⁾ = ∂L/∂Z⁽ˡ⁻¹⁾ ⊙ f′(A⁽ˡ⁻¹⁾) (row-wise Jacobian products for softmax).
    ///
    /// With a `rounding`, backpropagation as a hand solution does it: each value
    /// is rounded right after it is computed and used rounded from then on, and
    /// f′ comes from the rounded values of the pass — from the rounded z⁽ˡ⁾ for
    /// tanh (1 − z²) and sigmoid (z(1 − z)), as a hand solution substitutes it,
    /// from the rounded a⁽ˡ⁾ otherwise — entering δ⁽ˡ⁾ as a factor, not rounded
    /// on its own: δ⁽ˡ⁾ is one product in a hand solution.
    ///
    /// - Precondition: the target has the output's shape.
    public func backward(_ pass: ForwardPass, target: Matrix, rounding: Rounding? = nil) -> Gradients {
        backward(pass, target: target, hook: rounding.map(PassHook.init))
    }

    /// Backpropagation through a finished forward pass, each value settled by
    /// `hook` right after it is computed and used settled from then on; with a
    /// hook, f′ comes from the settled values of the pass (see ``PassHook``).
    ///
    /// - Precondition: the target has the output's shape.
    public func backward(_ pass: ForwardPass, target: Matrix, hook: PassHook?) -> Gradients {
        /// ∂L/∂Z ⊙ f′(A) of layer l, f′ taken as the hook asks.
        func throughActivation(_ layer: Int, _ gradient: Matrix, at a: Matrix, output z: Matrix) -> Matrix {
            let activation = layers[layer - 1].activation
            return hook.settle(
                .delta(layer: layer),
                hook == nil
                    ? activation.backpropagate(gradient, at: a) : activation.backpropagate(gradient, at: a, output: z))
        }
        let rule = outputRule
        let outputGradient =
            rule.isFused ? nil : hook.settle(.outputGradient, loss.gradient(prediction: pass.output, target: target))
        var delta =
            outputGradient.map { throughActivation(layers.count, $0, at: pass.logits, output: pass.output) }
            ?? hook.settle(
                .delta(layer: layers.count),
                rule.outputDelta(
                    loss, activation: outputLayer.activation, logits: pass.logits, prediction: pass.output,
                    target: target))

        let count = layers.count
        var deltas = [Matrix](repeating: delta, count: count)
        var weightGradients = [Matrix](repeating: delta, count: count)
        var biasGradients = [[Double]](repeating: [], count: count)
        var activationGradients = [Matrix](repeating: delta, count: count)

        for index in stride(from: count - 1, through: 0, by: -1) {
            deltas[index] = delta
            weightGradients[index] = hook.settle(
                .weightGradient(layer: index + 1), delta.transposeMultiplied(by: pass.activations[index]))
            biasGradients[index] = hook.settle(.biasGradient(layer: index + 1), delta.columnSums)
            let inputGradient = hook.settle(.activationGradient(layer: index), delta * layers[index].weights)
            activationGradients[index] = inputGradient
            if index > 0 {
                delta = throughActivation(
                    index, inputGradient, at: pass.preActivations[index - 1], output: pass.activations[index])
            }
        }
        return Gradients(
            outputGradient: outputGradient, deltas: deltas, weightGradients: weightGradients,
            biasGradients: biasGradients, activationGradients: activationGradients)
    }

    /// The network after one gradient-descent step:
    /// W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾ and b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾, the new weights rounded with a `rounding`.
    public func updated(by gradients: Gradients, learningRate: Double, rounding: Rounding? = nil) -> Network {
        updated(by: gradients, learningRate: learningRate, hook: rounding.map(PassHook.init))
    }

    /// The network after one gradient-descent step, the new weights settled by `hook`.
    public func updated(by gradients: Gradients, learningRate: Double, hook: PassHook?) -> Network {
        var result = self
        for index in layers.indices {
            result.layers[index].weights = hook.settle(
                .updatedWeights(layer: index + 1),
                layers[index].weights - learningRate * gradients.weightGradients[index])
            result.layers[index].bias = hook.settle(
                .updatedBias(layer: index + 1),
                zip(layers[index].bias, gradients.biasGradients[index]).map { $0 - learningRate * $1 })
        }
        return result
    }
}

/// The values of a forward pass, one sample per row.
public struct ForwardPass: Sendable, Hashable {
    /// a⁽¹⁾ … a⁽ᴸ⁾; `preActivations[l - 1]` is a⁽ˡ⁾.
    public var preActivations: [Matrix]
    /// z⁽⁰⁾ … z⁽ᴸ⁾; `activations[0]` is the input x, `activations[l]` is z⁽ˡ⁾.
    public var activations: [Matrix]

    /// ŷ = z⁽ᴸ⁾.
    public var output: Matrix { activations[activations.count - 1] }
    /// a⁽ᴸ⁾, the output layer's pre-activation (the logits).
    public var logits: Matrix { preActivations.last ?? output }
}

/// What backpropagation computes, one sample per row; index l − 1 is layer l.
public struct Gradients: Sendable, Hashable {
    /// ∂L/∂ŷ; nil where the output rule is fused and skips it.
    public var outputGradient: Matrix?
    /// δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾ (with the reduction factor of the loss in it).
    public var deltas: [Matrix]
    /// ∂L/∂W⁽ˡ⁾, shaped like W⁽ˡ⁾.
    public var weightGradients: [Matrix]
    /// ∂L/∂b⁽ˡ⁾.
    public var biasGradients: [[Double]]
    /// ∂L/∂z⁽ˡ⁾ = Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ for l = 0 … L − 1; `activationGradients[0]` is ∂L/∂x.
    public var activationGradients: [Matrix]

    /// ∂L/∂x.
    public var inputGradient: Matrix { activationGradients[0] }
}
