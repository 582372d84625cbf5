/// A network architecture: an input shape and the layers that follow it,
/// summarised layer by layer as torchinfo's and Keras' `summary()` do.
public struct Architecture: Sendable, Hashable {
    /// The shape of one input sample, channels last: [28, 28, 1].
    public var input: FeatureShape
    /// The layers, first to last (layer 1 is `layers[0]`).
    public var layers: [ArchitectureLayer]

    /// An architecture with the given input shape and layers.
    public init(input: FeatureShape, layers: [ArchitectureLayer]) {
        self.input = input
        self.layers = layers
    }

    /// Each layer's output shape, parameters and multiply-adds, and their totals.
    ///
    /// - Throws: an ``ArchitectureError`` naming the first layer (0: the input; nil: the totals)
    ///   whose sizes are not positive, whose input has the wrong shape, whose
    ///   window does not fit, or whose counts pass ``Count/limit``.
    /// - Complexity: O(number of layers).
    public func summary(convention: ParameterConvention) throws(ArchitectureError) -> ArchitectureSummary {
        do throws(ArchitectureError.Reason) {
            guard !input.dimensions.isEmpty else { throw .notPositive(name: "the number of input sizes", value: 0) }
            for size in input.dimensions where size < 1 {
                throw .notPositive(name: "every size of the input shape", value: size)
            }
            _ = try input.elementCount()
        } catch {
            throw ArchitectureError(layer: 0, error)
        }
        var shape = input
        var summaries: [LayerSummary] = []
        for (index, layer) in layers.enumerated() {
            do throws(ArchitectureError.Reason) {
                let summary = try layer.summary(input: shape, convention: convention)
                summaries.append(summary)
                shape = summary.outputShape
            } catch {
                throw ArchitectureError(layer: index + 1, error)
            }
        }
        do throws(ArchitectureError.Reason) {
            return try ArchitectureSummary(convention: convention, input: input, layers: summaries)
        } catch {
            throw ArchitectureError(layer: nil, error)
        }
    }
}

/// An architecture's layers with their shapes and counts, and the totals.
public struct ArchitectureSummary: Sendable, Hashable {
    /// The convention the parameters were counted under.
    public var convention: ParameterConvention
    /// The input shape.
    public var input: FeatureShape
    /// Each layer, first to last.
    public var layers: [LayerSummary]
    /// Σ trainable parameters.
    public var trainableParameters: Int
    /// Σ non-trainable parameters.
    public var nonTrainableParameters: Int
    /// Σ parameters = trainable + non-trainable.
    public var totalParameters: Int
    /// Σ multiply-adds for one sample.
    public var multiplyAdds: Int

    /// The totals of the given layer summaries.
    ///
    /// - Throws: ``ArchitectureError/Reason/tooLarge(_:)`` when a total passes ``Count/limit``.
    public init(convention: ParameterConvention, input: FeatureShape, layers: [LayerSummary])
        throws(ArchitectureError.Reason)
    {
        self.convention = convention
        self.input = input
        self.layers = layers
        trainableParameters = try Count.sum(layers.map(\.trainableParameters), of: "the trainable parameters")
        nonTrainableParameters = try Count.sum(layers.map(\.nonTrainableParameters), of: "the non-trainable parameters")
        totalParameters = try Count.sum([trainableParameters, nonTrainableParameters], of: "the parameters")
        multiplyAdds = try Count.sum(layers.map(\.multiplyAdds), of: "the multiply-adds")
    }

    /// The output shape of the last layer (the input's when there are no layers).
    public var outputShape: FeatureShape { layers.last?.outputShape ?? input }

    /// Bytes to store every parameter as float32: 4 · total (exact in a Double: total ≤ 2⁵³).
    public var parameterBytes: Double { 4 * Double(totalParameters) }
}
