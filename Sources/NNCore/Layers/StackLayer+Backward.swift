/// What backpropagation computes for one layer of a ``LayerStack``, one sample per row.
public struct LayerGradient: Sendable, Hashable {
    /// δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾ for the layers with an activation.
    public var delta: Matrix?
    /// ∂L/∂ of each of ``StackLayer/parameterTensors``, flattened the same way.
    public var parameters: [[Double]]
    /// ∂L/∂z⁽ˡ⁻¹⁾ through this layer (for a residual, through its main path).
    public var input: Matrix
    /// The normalization's ∂L/∂γ, ∂L/∂β and their sums, for a normalization layer.
    public var normalization: NormalizationGradient?
}

extension StackLayer {
    /// Backpropagation through the layer: from g = ∂L/∂z⁽ˡ⁾ (or, for the output
    /// layer, δ⁽ᴸ⁾ given directly), δ⁽ˡ⁾ = g ⊙ f′(a⁽ˡ⁾), the parameters' gradients and ∂L/∂z⁽ˡ⁻¹⁾.
    ///
    /// A residual's gradient to its source z⁽ᴷ⁾ is δ⁽ˡ⁾ itself, which the stack adds there.
    ///
    /// - Parameters:
    ///   - upstream: ∂L/∂z⁽ˡ⁾.
    ///   - delta: δ⁽ˡ⁾ when the output rule gave it (the output layer), nil to form it from `upstream`.
    ///   - pass: the layer's forward pass.
    ///   - input: z⁽ˡ⁻¹⁾.
    ///   - shape: the shape of z⁽ˡ⁻¹⁾.
    public func backward(
        _ upstream: Matrix, delta given: Matrix? = nil, pass: LayerPass, input: Matrix, shape: SampleShape
    ) -> LayerGradient {
        let delta = given ?? activation.flatMap { f in pass.preActivation.map { f.backpropagate(upstream, at: $0) } }
        switch self {
        case .dense(let dense):
            let delta = delta ?? upstream
            return LayerGradient(
                delta: delta,
                parameters: [delta.transposeMultiplied(by: input).elements, delta.columnSums],
                input: delta * dense.weights)
        case .convolution(let convolution):
            let delta = delta ?? upstream
            var kernelGradient = [Double](
                repeating: 0, count: StackLayer.convolution(convolution).parameterTensors[0].count)
            var biasGradient = [Double](repeating: 0, count: convolution.outputChannels)
            var inputRows: [[Matrix]] = []
            let mapSize = delta.columns / convolution.outputChannels
            for sample in 0..<input.rows {
                let maps = shape.maps(of: input, sample: sample)
                var inputGradient = maps.map { Matrix(rows: $0.rows, columns: $0.columns) }
                let deltaRow = delta.row(sample)
                for output in 0..<convolution.outputChannels {
                    let filter = convolution.filter(output)
                    let (height, width) = Self.outputSize(of: filter, on: maps[0])
                    let start = output * mapSize
                    let map = Matrix(rows: height, columns: width, elements: Array(deltaRow[start..<start + mapSize]))
                    let gradient: ConvolutionGradient
                    do {
                        gradient = try ConvolutionGradient(of: filter, input: maps, outputGradient: map)
                    } catch {
                        preconditionFailure("The layer stack checked every window against its input: \(error)")
                    }
                    let size = convolution.kernelSize.height * convolution.kernelSize.width
                    for (channel, kernel) in gradient.kernel.enumerated() {
                        let offset = (output * convolution.inputChannels + channel) * size
                        for (index, value) in kernel.elements.enumerated() { kernelGradient[offset + index] += value }
                        inputGradient[channel] = inputGradient[channel] + gradient.input[channel]
                    }
                    biasGradient[output] += gradient.bias
                }
                inputRows.append(inputGradient)
            }
            return LayerGradient(
                delta: delta, parameters: [kernelGradient, biasGradient], input: SampleShape.batch(inputRows))
        case .pooling(let pooling):
            let outputMap = upstream.columns / shape.channels
            let rows = (0..<input.rows).map { sample in
                shape.maps(of: input, sample: sample).enumerated().map { channel, map in
                    let dimensions = pooling.pooling.dimensions(inputHeight: map.rows, inputWidth: map.columns)
                    let start = channel * outputMap
                    let g = Matrix(
                        rows: dimensions.height.outputSize, columns: dimensions.width.outputSize,
                        elements: Array(upstream.row(sample)[start..<start + outputMap]))
                    return Self.validated { () throws(ConvolutionError) in
                        try PoolingGradient(of: pooling.pooling, input: map, outputGradient: g).input
                    }
                }
            }
            return LayerGradient(parameters: [], input: SampleShape.batch(rows))
        case .flatten:
            return LayerGradient(parameters: [], input: upstream)
        case .normalization(let stage):
            let delta = delta ?? upstream
            guard let normalization = pass.normalization else {
                preconditionFailure("A normalization layer's pass keeps its statistics")
            }
            let gradient = normalization.backward(stage.arranged(delta, shape: shape))
            return LayerGradient(
                delta: delta, parameters: [gradient.gamma, gradient.beta],
                input: stage.restored(gradient.input, shape: shape, samples: input.rows), normalization: gradient)
        case .dropout(let dropout):
            guard dropout.mask != nil else { return LayerGradient(parameters: [], input: upstream) }
            let rows = (0..<upstream.rows).map { sample in
                zip(upstream.row(sample), dropout.scaledMask(sample: sample) ?? []).map { $0 * $1 }
            }
            return LayerGradient(parameters: [], input: Matrix(rows))
        case .residual:
            let delta = delta ?? upstream
            return LayerGradient(delta: delta, parameters: [], input: delta)
        }
    }

    /// H_out × W_out of a filter over one map.
    private static func outputSize(of filter: Convolution2D, on map: Matrix) -> (Int, Int) {
        let dimensions = filter.dimensions(inputHeight: map.rows, inputWidth: map.columns)
        return (dimensions.height.outputSize, dimensions.width.outputSize)
    }
}
