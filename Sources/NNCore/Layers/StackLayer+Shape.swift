extension StackLayer {
    /// The shape of the layer's output for an input of `shape`, given the
    /// shapes of z⁽⁰⁾ … z⁽ˡ⁻¹⁾ (for a residual's source).
    ///
    /// - Throws: a ``LayerShapeError`` saying why the layer does not fit its input.
    public func outputShape(for shape: SampleShape, earlier: [SampleShape]) throws(LayerShapeError) -> SampleShape {
        switch self {
        case .dense(let dense):
            guard !shape.isImage else { throw .imageIntoDense(shape) }
            guard dense.inputCount == shape.count else {
                throw .inputCount(expected: shape.count, found: dense.inputCount)
            }
            return .vector(dense.outputCount)
        case .convolution(let convolution):
            guard shape.isImage else { throw .vectorIntoMaps }
            guard convolution.inputChannels == shape.channels else {
                throw .channels(expected: shape.channels, found: convolution.inputChannels)
            }
            let (height, width) = try Self.sizes(
                of: convolution.filter(0).dimensions(inputHeight: shape.height, inputWidth: shape.width))
            return SampleShape(channels: convolution.outputChannels, height: height, width: width)
        case .pooling(let pooling):
            guard shape.isImage else { throw .vectorIntoMaps }
            let (height, width) = try Self.sizes(
                of: pooling.pooling.dimensions(inputHeight: shape.height, inputWidth: shape.width))
            return SampleShape(channels: shape.channels, height: height, width: width)
        case .flatten:
            return .vector(shape.count)
        case .normalization(let stage):
            let expected = stage.normalization.axis == .batch ? shape.channels : shape.count
            guard stage.normalization.gamma.count == expected else {
                throw .normalizationCount(expected: expected, found: stage.normalization.gamma.count)
            }
            if let running = stage.running, running.mean.count != expected || running.variance.count != expected {
                throw .normalizationCount(expected: expected, found: running.mean.count)
            }
            return shape
        case .dropout(let dropout):
            if let mask = dropout.mask, mask.columns != shape.count {
                throw .maskCount(expected: shape.count, found: mask.columns)
            }
            return shape
        case .residual(let residual):
            guard residual.source < earlier.count - 1 else { throw .residualSource(residual.source) }
            let added = earlier[residual.source]
            guard added == shape else {
                throw .residualShape(previous: shape, source: residual.source, added: added)
            }
            return shape
        }
    }

    /// The output sizes of a window sliding along two dimensions.
    private static func sizes(of dimensions: (height: ConvolutionDimension, width: ConvolutionDimension))
        throws(LayerShapeError) -> (Int, Int)
    {
        do {
            return (try dimensions.height.validated().outputSize, try dimensions.width.validated().outputSize)
        } catch {
            throw .window(error)
        }
    }
}

/// Why a layer of a ``LayerStack`` does not fit the output of the layer before it.
public enum LayerShapeError: Error, Sendable, Hashable {
    /// A dense layer got maps; a flatten is needed first.
    case imageIntoDense(SampleShape)
    /// A dense layer's weights have `found` columns for `expected` inputs.
    case inputCount(expected: Int, found: Int)
    /// A convolution or pooling got a vector.
    case vectorIntoMaps
    /// A convolution's kernels have `found` input channels for `expected` maps.
    case channels(expected: Int, found: Int)
    /// The window does not fit the (padded) maps.
    case window(ConvolutionError)
    /// γ, β or the running statistics have `found` entries for `expected`.
    case normalizationCount(expected: Int, found: Int)
    /// A dropout mask has `found` columns for `expected` values.
    case maskCount(expected: Int, found: Int)
    /// A residual names a layer that is not earlier than the one before it.
    case residualSource(Int)
    /// The previous layer's output and layer K's output differ in shape.
    case residualShape(previous: SampleShape, source: Int, added: SampleShape)
}
