/// What one layer of an architecture does to the shape, and what it costs.
public struct LayerSummary: Sendable, Hashable {
    /// The layer.
    public var layer: ArchitectureLayer
    /// The shape it receives.
    public var inputShape: FeatureShape
    /// The shape it produces.
    public var outputShape: FeatureShape
    /// The parameters updated by training.
    public var trainableParameters: Int
    /// Weights kept but not trained (Keras' batch-norm moving mean and variance).
    public var nonTrainableParameters: Int
    /// The multiply-accumulate operations of its weight products for one sample
    /// (biases, pooling, activations and normalisation are not counted).
    public var multiplyAdds: Int

    /// A summary with the given counts.
    public init(
        layer: ArchitectureLayer, inputShape: FeatureShape, outputShape: FeatureShape, trainableParameters: Int,
        nonTrainableParameters: Int = 0, multiplyAdds: Int = 0
    ) {
        self.layer = layer
        self.inputShape = inputShape
        self.outputShape = outputShape
        self.trainableParameters = trainableParameters
        self.nonTrainableParameters = nonTrainableParameters
        self.multiplyAdds = multiplyAdds
    }

    /// All its parameters: trainable + non-trainable (each at most 2⁵³, so the sum cannot overflow).
    public var parameters: Int { trainableParameters + nonTrainableParameters }
}
