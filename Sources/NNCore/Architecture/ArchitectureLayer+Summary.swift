extension ArchitectureLayer {
    /// The layer's output shape, parameters and multiply-adds for an input of shape `input`.
    ///
    /// - dense on n: (n + 1)·u parameters (n·u without bias), n·u multiply-adds; on T×n each step, T·n·u.
    /// - conv on H×W×C: H′×W′×F with H′ = ⌊(H + P_before + P_after − k_eff)/S⌋ + 1;
    ///   (k_h·k_w·C + 1)·F parameters; H′·W′·F·k_h·k_w·C multiply-adds.
    /// - pooling: H′×W′×C as for conv, no parameters.
    /// - flatten: H·W·C. dropout, activation: unchanged.
    /// - batch norm on …×C: 2C (torch); 2C trainable + 2C non-trainable (keras).
    /// - embedding on T ids: T×dim, vocab·dim parameters.
    /// - recurrent with g gate sets on T×d: g·(h·d + h·h + b·h) parameters, b bias vectors
    ///   per gate set (``RecurrentLayer/biasVectorsPerGate(_:)``); T·g·h·(d + h) multiply-adds.
    /// - attention on T×d: 4·(d·d + d) parameters; 4·T·d·d + 2·T·T·d multiply-adds
    ///   (the four projections, then Q Kᵀ and the weighted sum of V).
    ///
    /// - Throws: the reason the layer does not fit its input.
    public func summary(input: FeatureShape, convention: ParameterConvention) throws(ArchitectureError.Reason)
        -> LayerSummary
    {
        switch self {
        case .dense(let units, let bias):
            return try dense(units: units, bias: bias, input: input)
        case .convolution(let convolution):
            return try convolution.summary(input: input, layer: self)
        case .pooling(let pooling):
            let (height, width) = try Self.windowOutput(
                input: input, layerName: "\(pooling.mode == .max ? "max" : "average") pooling",
                kernelSize: pooling.kernelSize, stride: pooling.stride, padding: pooling.padding,
                dilation: HeightWidth(square: 1))
            return LayerSummary(
                layer: self, inputShape: input, outputShape: FeatureShape([height, width, input.last]),
                trainableParameters: 0)
        case .flatten:
            return LayerSummary(
                layer: self, inputShape: input, outputShape: FeatureShape([try input.elementCount()]),
                trainableParameters: 0)
        case .batchNormalization:
            let channels = input.last
            let scaleAndShift = try Count.product([2, channels], of: "the batch-norm parameters")
            return LayerSummary(
                layer: self, inputShape: input, outputShape: input, trainableParameters: scaleAndShift,
                nonTrainableParameters: convention == .keras ? scaleAndShift : 0)
        case .dropout, .activation:
            return LayerSummary(layer: self, inputShape: input, outputShape: input, trainableParameters: 0)
        case .embedding(let vocabulary, let dimension):
            try Self.requirePositive(vocabulary, "vocab")
            try Self.requirePositive(dimension, "dim")
            guard input.rank == 1 else {
                throw .wrongInput(
                    layer: "embedding", expected: "a sequence of T token ids (a shape of one size)", found: input)
            }
            let parameters = try Count.product([vocabulary, dimension], of: "the embedding parameters")
            let output = FeatureShape([input.last, dimension])
            _ = try output.elementCount()
            return LayerSummary(layer: self, inputShape: input, outputShape: output, trainableParameters: parameters)
        case .recurrent(let recurrent):
            return try recurrent.summary(input: input, convention: convention, layer: self)
        case .attention(let dimension, let heads, let bias):
            return try attention(dimension: dimension, heads: heads, bias: bias, input: input)
        }
    }

    private func dense(units: Int, bias: Bool, input: FeatureShape) throws(ArchitectureError.Reason) -> LayerSummary {
        try Self.requirePositive(units, "units")
        guard input.rank <= 2 else { throw .needsFlatten(input) }
        let inputs = input.last
        let steps = input.rank == 2 ? input.dimensions[0] : 1
        let what = "the parameters of a dense layer"
        let weights = try Count.product([inputs, units], of: what)
        let parameters = bias ? try Count.sum([weights, units], of: what) : weights
        let output = FeatureShape(input.rank == 2 ? [steps, units] : [units])
        _ = try output.elementCount()
        return LayerSummary(
            layer: self, inputShape: input, outputShape: output, trainableParameters: parameters,
            multiplyAdds: try Count.product([steps, inputs, units], of: "the multiply-adds of a dense layer"))
    }

    private func attention(dimension: Int, heads: Int, bias: Bool, input: FeatureShape) throws(ArchitectureError.Reason)
        -> LayerSummary
    {
        try Self.requirePositive(dimension, "dim")
        try Self.requirePositive(heads, "heads")
        guard input.rank == 2 else {
            throw .wrongInput(layer: "attention", expected: "a T×d sequence", found: input)
        }
        guard input.last == dimension else { throw .attentionDimension(dimension: dimension, input: input.last) }
        guard dimension % heads == 0 else { throw .headsDoNotDivide(dimension: dimension, heads: heads) }
        let steps = input.dimensions[0]
        let what = "the parameters of attention"
        let square = try Count.product([dimension, dimension], of: what)
        let projection = bias ? try Count.sum([square, dimension], of: what) : square
        let parameters = try Count.product([4, projection], of: what)
        let macs = "the multiply-adds of attention"
        let projections = try Count.product([4, steps, dimension, dimension], of: macs)
        let scores = try Count.product([2, steps, steps, dimension], of: macs)
        return LayerSummary(
            layer: self, inputShape: input, outputShape: input, trainableParameters: parameters,
            multiplyAdds: try Count.sum([projections, scores], of: macs))
    }

    /// n ≥ 1, or the reason it is not.
    static func requirePositive(_ value: Int, _ name: String) throws(ArchitectureError.Reason) {
        guard value >= 1 else { throw .notPositive(name: name, value: value) }
    }

    /// H′ and W′ of a window sliding over an H×W×C input.
    static func windowOutput(
        input: FeatureShape, layerName: String, kernelSize: HeightWidth<Int>, stride: HeightWidth<Int>,
        padding: HeightWidth<Padding>, dilation: HeightWidth<Int>
    ) throws(ArchitectureError.Reason) -> (height: Int, width: Int) {
        guard input.rank == 3 else {
            throw .wrongInput(layer: layerName, expected: "an H×W×C", found: input)
        }
        func size(_ dimension: String, _ index: Int, _ pick: (HeightWidth<Int>) -> Int, _ rule: Padding)
            throws(ArchitectureError.Reason) -> Int
        {
            let window = ConvolutionDimension(
                inputSize: input.dimensions[index], kernelSize: pick(kernelSize), stride: pick(stride),
                padding: rule, dilation: pick(dilation))
            do {
                return try window.validated().outputSize
            } catch {
                throw .window(error, dimension: dimension)
            }
        }
        return (
            try size("height", 0, \.height, padding.height),
            try size("width", 1, \.width, padding.width)
        )
    }
}

extension ConvolutionLayer {
    fileprivate func summary(input: FeatureShape, layer: ArchitectureLayer) throws(ArchitectureError.Reason)
        -> LayerSummary
    {
        try ArchitectureLayer.requirePositive(filters, "filters")
        let (height, width) = try ArchitectureLayer.windowOutput(
            input: input, layerName: "conv", kernelSize: kernelSize, stride: stride, padding: padding,
            dilation: dilation)
        let what = "the parameters of a conv layer"
        let perFilter = try Count.product([kernelSize.height, kernelSize.width, input.last], of: what)
        let withBias = bias ? try Count.sum([perFilter, 1], of: what) : perFilter
        let parameters = try Count.product([withBias, filters], of: what)
        let output = FeatureShape([height, width, filters])
        _ = try output.elementCount()
        let macs = try Count.product([height, width, filters, perFilter], of: "the multiply-adds of a conv layer")
        return LayerSummary(
            layer: layer, inputShape: input, outputShape: output, trainableParameters: parameters, multiplyAdds: macs)
    }
}

extension RecurrentLayer {
    fileprivate func summary(input: FeatureShape, convention: ParameterConvention, layer: ArchitectureLayer)
        throws(ArchitectureError.Reason) -> LayerSummary
    {
        try ArchitectureLayer.requirePositive(units, "units")
        guard input.rank == 2 else {
            throw .wrongInput(layer: cell.rawValue, expected: "a T×d sequence", found: input)
        }
        let steps = input.dimensions[0]
        let inputs = input.dimensions[1]
        let what = "the parameters of \(cell.rawValue)"
        let perGate = try Count.sum(
            [
                try Count.product([units, inputs], of: what), try Count.product([units, units], of: what),
                try Count.product([biasVectorsPerGate(convention), units], of: what),
            ], of: what)
        let parameters = try Count.product([cell.gateCount, perGate], of: what)
        let macs = try Count.product(
            [steps, cell.gateCount, units, try Count.sum([inputs, units], of: what)],
            of: "the multiply-adds of \(cell.rawValue)")
        let output = FeatureShape(returnSequences ? [steps, units] : [units])
        _ = try output.elementCount()
        return LayerSummary(
            layer: layer, inputShape: input, outputShape: output, trainableParameters: parameters, multiplyAdds: macs)
    }
}
