/// One trainable number of a ``LayerStack``: entry `index` of tensor `tensor`
/// (0: W, K or γ; 1: b or β) of layer index `layer`, all 0-based.
public struct StackParameter: Sendable, Hashable {
    /// The layer's index in ``LayerStack/layers`` (layer l is index l − 1).
    public var layer: Int
    /// Which of the layer's ``StackLayer/parameterTensors``.
    public var tensor: Int
    /// The entry of the flattened tensor.
    public var index: Int

    /// Entry `index` of tensor `tensor` of layer index `layer`.
    public init(layer: Int, tensor: Int, index: Int) {
        self.layer = layer
        self.tensor = tensor
        self.index = index
    }
}

extension LayerStack {
    /// Every parameter, layer by layer, each tensor entry by entry.
    public var parameters: [StackParameter] {
        layers.indices.flatMap { layer in
            layers[layer].parameterTensors.enumerated().flatMap { tensor, values in
                values.indices.map { StackParameter(layer: layer, tensor: tensor, index: $0) }
            }
        }
    }

    /// The value of a parameter.
    public subscript(parameter: StackParameter) -> Double {
        get { layers[parameter.layer].parameterTensors[parameter.tensor][parameter.index] }
        set {
            var tensors = layers[parameter.layer].parameterTensors
            tensors[parameter.tensor][parameter.index] = newValue
            layers[parameter.layer].parameterTensors = tensors
        }
    }

    /// Central differences n = (L(w + ε) − L(w − ε)) / 2ε for each of `parameters`,
    /// two full forward passes each, with whether ±ε moved a pre-activation across
    /// a kink of its activation or changed which entry a max pool picks (where the
    /// difference quotient is unreliable).
    public func centralDifferences(
        _ parameters: [StackParameter], input: Matrix, target: Matrix, epsilon: Double
    ) -> [(numeric: Double, lossPlus: Double, lossMinus: Double, crossesKink: Bool)] {
        parameters.map { parameter in
            var plus = self
            plus[parameter] += epsilon
            var minus = self
            minus[parameter] -= epsilon
            let plusPass = plus.forward(input)
            let minusPass = minus.forward(input)
            let lossPlus = plus.loss(of: plusPass, target: target)
            let lossMinus = minus.loss(of: minusPass, target: target)
            return (
                (lossPlus - lossMinus) / (2 * epsilon), lossPlus, lossMinus,
                crossesKink(plusPass, minusPass)
            )
        }
    }

    /// Whether two passes differ in the side of a kink some pre-activation lies
    /// on, or in the entry some max-pool window picks.
    public func crossesKink(_ plus: StackPass, _ minus: StackPass) -> Bool {
        for (index, layer) in layers.enumerated() {
            if let function = layer.activation?.function, !function.kinks.isEmpty,
                let a = plus.layers[index].preActivation, let b = minus.layers[index].preActivation,
                zip(a.elements, b.elements).contains(where: { function.separatesKink($0, $1) })
            {
                return true
            }
            if case .pooling(let pooling) = layer, pooling.mode == .max,
                picks(pooling, plus.output(ofLayer: index), shape: shapes[index])
                    != picks(pooling, minus.output(ofLayer: index), shape: shapes[index])
            {
                return true
            }
        }
        return false
    }

    /// Which entry each max-pool window takes, window by window.
    private func picks(_ pooling: PoolingStage, _ input: Matrix, shape: SampleShape) -> [Int] {
        (0..<input.rows).flatMap { sample in
            shape.maps(of: input, sample: sample).flatMap { map in
                let pooled = StackLayer.validated { () throws(ConvolutionError) in
                    try pooling.pooling.pooled(map).output
                }
                let windows = pooling.pooling.dimensions(inputHeight: map.rows, inputWidth: map.columns)
                return (0..<windows.height.outputSize).flatMap { i in
                    (0..<windows.width.outputSize).map { j in
                        let window = (0..<pooling.size).flatMap { m in
                            (0..<pooling.size).map { n in map[i * pooling.stride + m, j * pooling.stride + n] }
                        }
                        return window.firstIndex(of: pooled[i, j]) ?? 0
                    }
                }
            }
        }
    }
}

extension StackGradients {
    /// ∂L/∂w for one parameter.
    public subscript(parameter: StackParameter) -> Double {
        layers[parameter.layer].parameters[parameter.tensor][parameter.index]
    }
}
