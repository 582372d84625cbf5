/// A network of typed layers — dense, convolution, pooling, flatten, batch and
/// layer normalization, dropout, residual connections — and the loss on its output.
///
/// Layers are numbered from 1; z⁽⁰⁾ = x. Each sample is one row of a batch
/// matrix, its values in the order of its ``SampleShape`` (maps row by row).
public struct LayerStack: Sendable, Hashable {
    /// The shape of one input sample.
    public var inputShape: SampleShape
    /// Layers 1 … L.
    public var layers: [StackLayer]
    /// The loss L(ŷ, y) on ŷ = z⁽ᴸ⁾.
    public var loss: Loss
    /// The shapes of z⁽⁰⁾ … z⁽ᴸ⁾.
    public let shapes: [SampleShape]

    /// A stack whose layers fit one another.
    ///
    /// - Throws: the first layer's index (0-based) that does not fit its input, and why.
    public init(inputShape: SampleShape, layers: [StackLayer], loss: Loss) throws(LayerStackError) {
        var shapes = [inputShape]
        for (index, layer) in layers.enumerated() {
            do {
                shapes.append(try layer.outputShape(for: shapes[index], earlier: shapes))
            } catch {
                throw LayerStackError(layer: index, reason: error)
            }
        }
        self.inputShape = inputShape
        self.layers = layers
        self.loss = loss
        self.shapes = shapes
    }

    /// The activation that gives ŷ: the last layer's, the identity after pooling, flatten or dropout.
    public var outputActivation: Activation {
        layers.last?.activation ?? Activation(.identity)
    }

    /// How δ⁽ᴸ⁾ is formed from the loss and the last activation.
    public var outputRule: OutputRule {
        OutputRule(activation: outputActivation, loss: loss)
    }

    /// Every layer's pass over the batch X (one sample per row).
    public func forward(_ input: Matrix) -> StackPass {
        var outputs = [input]
        var passes: [LayerPass] = []
        for (index, layer) in layers.enumerated() {
            let pass = layer.forward(outputs[index], shape: shapes[index], earlier: outputs)
            passes.append(pass)
            outputs.append(pass.output)
        }
        return StackPass(input: input, layers: passes)
    }

    /// L for a finished forward pass against the target Y, from the logits where the output rule is fused.
    public func loss(of pass: StackPass, target: Matrix) -> Double {
        outputRule.loss(loss, logits: pass.logits, prediction: pass.output, target: target)
    }

    /// Backpropagation: δ⁽ᴸ⁾ by the output rule, then for l = L … 1 each
    /// layer's gradients from g⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾, which sums what every layer that reads z⁽ˡ⁾
    /// sends back: the next layer, and each residual that adds it.
    ///
    /// - Precondition: the target has the output's shape.
    public func backward(_ pass: StackPass, target: Matrix) -> StackGradients {
        let rule = outputRule
        let count = layers.count
        let outputGradient = rule.isFused ? nil : loss.gradient(prediction: pass.output, target: target)
        let outputDelta =
            rule.isFused
            ? rule.outputDelta(
                loss, activation: outputActivation, logits: pass.logits, prediction: pass.output, target: target)
            : nil
        var upstream = [Matrix?](repeating: nil, count: count + 1)
        upstream[count] = outputGradient ?? outputDelta
        var gradients = [LayerGradient?](repeating: nil, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            guard let g = upstream[index + 1] else { continue }
            let layerInput = pass.output(ofLayer: index)
            let gradient = layers[index].backward(
                g, delta: index == count - 1 ? outputDelta : nil, pass: pass.layers[index], input: layerInput,
                shape: shapes[index])
            gradients[index] = gradient
            upstream[index] = Self.adding(gradient.input, to: upstream[index])
            if case .residual(let residual) = layers[index], let delta = gradient.delta {
                upstream[residual.source] = Self.adding(delta, to: upstream[residual.source])
            }
        }
        let zero = Matrix(rows: pass.input.rows, columns: pass.input.columns)
        return StackGradients(
            outputGradient: outputGradient,
            layers: gradients.enumerated().map { index, gradient in
                gradient
                    ?? LayerGradient(
                        parameters: layers[index].parameterTensors.map { [Double](repeating: 0, count: $0.count) },
                        input: Matrix(rows: pass.input.rows, columns: shapes[index].count))
            },
            activationGradients: upstream.dropLast().enumerated().map { index, g in
                g ?? Matrix(rows: zero.rows, columns: shapes[index].count)
            })
    }

    private static func adding(_ gradient: Matrix, to sum: Matrix?) -> Matrix {
        sum.map { $0 + gradient } ?? gradient
    }
}

/// Why a layer stack cannot be built: which layer does not fit, and how.
public struct LayerStackError: Error, Sendable, Hashable {
    /// The layer's index in ``LayerStack/layers`` (layer l is index l − 1).
    public var layer: Int
    /// How it does not fit.
    public var reason: LayerShapeError

    /// The error of layer index `layer` for `reason`.
    public init(layer: Int, reason: LayerShapeError) {
        self.layer = layer
        self.reason = reason
    }
}

/// The values of a forward pass through a ``LayerStack``, one sample per row.
public struct StackPass: Sendable, Hashable {
    /// z⁽⁰⁾ = x.
    public var input: Matrix
    /// Layers 1 … L; `layers[l - 1]` is layer l.
    public var layers: [LayerPass]

    /// z⁽ˡ⁾ for l = 0 … L, the input at index 0.
    public func output(ofLayer index: Int) -> Matrix {
        index == 0 ? input : layers[index - 1].output
    }

    /// ŷ = z⁽ᴸ⁾.
    public var output: Matrix { layers.last?.output ?? input }
    /// a⁽ᴸ⁾ where the last layer has an activation, ŷ otherwise.
    public var logits: Matrix { layers.last?.preActivation ?? output }
}

/// What backpropagation through a ``LayerStack`` computes.
public struct StackGradients: Sendable, Hashable {
    /// ∂L/∂ŷ; nil where the output rule is fused and skips it.
    public var outputGradient: Matrix?
    /// Layers 1 … L.
    public var layers: [LayerGradient]
    /// ∂L/∂z⁽ˡ⁾ for l = 0 … L − 1 (index 0 is ∂L/∂x), each the sum over the layers that read z⁽ˡ⁾.
    public var activationGradients: [Matrix]

    /// ∂L/∂x.
    public var inputGradient: Matrix { activationGradients[0] }
}
