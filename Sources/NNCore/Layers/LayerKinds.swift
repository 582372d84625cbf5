/// A 2-D convolution layer of a ``LayerStack``: for each output channel o,
/// a_o = Σ_c K_{o,c} ⋆ z_c + b_o (cross-correlation, as PyTorch's `Conv2d`),
/// then z′ = f(a).
public struct ConvolutionStage: Sendable, Hashable {
    /// K, `kernels[o][c]` the k × k kernel from input channel c to output channel o.
    public var kernels: [[Matrix]]
    /// b, one per output channel.
    public var bias: [Double]
    /// S, the step of the window along rows and columns.
    public var stride: Int
    /// P, the zeros added on each side.
    public var padding: Int
    /// f, applied entry by entry.
    public var activation: Activation

    /// A convolution with C_out × C_in kernels of one k × k shape.
    ///
    /// - Precondition: at least one output and one input channel, one bias per output channel.
    public init(kernels: [[Matrix]], bias: [Double], stride: Int = 1, padding: Int = 0, activation: Activation) {
        precondition(!kernels.isEmpty && !kernels[0].isEmpty, "A convolution needs kernels")
        precondition(bias.count == kernels.count, "One bias per output channel")
        self.kernels = kernels
        self.bias = bias
        self.stride = stride
        self.padding = padding
        self.activation = activation
    }

    /// C_out.
    public var outputChannels: Int { kernels.count }
    /// C_in.
    public var inputChannels: Int { kernels[0].count }
    /// k_h × k_w of every kernel.
    public var kernelSize: (height: Int, width: Int) { (kernels[0][0].rows, kernels[0][0].columns) }

    /// The filter of output channel o, as NNCore's single-filter convolution.
    public func filter(_ output: Int) -> Convolution2D {
        Convolution2D(
            kernel: kernels[output], strideHeight: stride, strideWidth: stride, paddingHeight: .symmetric(padding),
            paddingWidth: .symmetric(padding))
    }

    /// K_{o,c} ⋆ z_c, input channel c's part of output channel o (without the bias).
    ///
    /// - Precondition: the kernel fits the padded map.
    public func correlation(output: Int, input: Int, of map: Matrix) -> Matrix {
        let filter = Convolution2D(
            kernel: [kernels[output][input]], strideHeight: stride, strideWidth: stride,
            paddingHeight: .symmetric(padding), paddingWidth: .symmetric(padding))
        return StackLayer.validated { () throws(ConvolutionError) in try filter.featureMap(of: [map]).output }
    }
}

/// A max or average pooling layer of a ``LayerStack``, each map on its own.
public struct PoolingStage: Sendable, Hashable {
    /// The reduction of a window.
    public var mode: PoolingMode
    /// k, the window is k × k.
    public var size: Int
    /// S, the window's step (PyTorch's default: the window size).
    public var stride: Int

    /// Pooling with a k × k window moved by S.
    public init(mode: PoolingMode, size: Int, stride: Int? = nil) {
        self.mode = mode
        self.size = size
        self.stride = stride ?? size
    }

    /// The pooling of one map, as NNCore's single-map pooling.
    public var pooling: Pooling2D {
        Pooling2D(kernelHeight: size, kernelWidth: size, strideHeight: stride, strideWidth: stride, mode: mode)
    }
}

/// Batch or layer normalization inside a ``LayerStack``, then z′ = f(y):
///
///     x̂ = (x − μ) / √(σ² + ε),   y = γ x̂ + β
///
/// Batch norm normalizes each channel over the batch (and, for maps, over the
/// map's positions, as `BatchNorm2d`), with one γ and β per channel; layer norm
/// normalizes each sample over all its values, with one γ and β per value
/// (PyTorch's `LayerNorm` over the sample's whole shape).
public struct NormalizationStage: Sendable, Hashable {
    /// The axis, γ, β and ε.
    public var normalization: Normalization
    /// Batch norm in evaluation mode: the running mean and variance it normalizes with; nil in training mode.
    public var running: RunningStatistics?
    /// f, applied after the shift.
    public var activation: Activation

    /// A normalization, in evaluation mode when running statistics are given.
    public init(
        _ normalization: Normalization, running: RunningStatistics? = nil,
        activation: Activation = Activation(.identity)
    ) {
        self.normalization = normalization
        self.running = running
        self.activation = activation
    }

    /// The values normalized together as the columns of one matrix: batch norm
    /// puts each channel in a column, one row per sample and position (N·H·W × C);
    /// layer norm keeps the batch as it is (N × C·H·W).
    public func arranged(_ batch: Matrix, shape: SampleShape) -> Matrix {
        guard normalization.axis == .batch, shape.mapSize > 1 else { return batch }
        var rows: [[Double]] = []
        for sample in 0..<batch.rows {
            let maps = shape.maps(of: batch, sample: sample)
            for position in 0..<shape.mapSize { rows.append(maps.map { $0.elements[position] }) }
        }
        return Matrix(rows)
    }

    /// The batch back from ``arranged(_:shape:)``.
    public func restored(_ arranged: Matrix, shape: SampleShape, samples: Int) -> Matrix {
        guard normalization.axis == .batch, shape.mapSize > 1 else { return arranged }
        let rows = (0..<samples).map { sample in
            (0..<shape.channels).flatMap { channel in
                (0..<shape.mapSize).map { arranged[sample * shape.mapSize + $0, channel] }
            }
        }
        return Matrix(rows)
    }
}

/// The running mean and variance batch norm normalizes with in evaluation mode, one of each per channel.
public struct RunningStatistics: Sendable, Hashable {
    /// The running mean.
    public var mean: [Double]
    /// The running variance.
    public var variance: [Double]

    /// Statistics with one mean and one variance per channel.
    public init(mean: [Double], variance: [Double]) {
        self.mean = mean
        self.variance = variance
    }
}

/// Inverted dropout with a given mask: z′ = z ⊙ m / (1 − p); without a mask,
/// the identity (evaluation mode).
public struct DropoutStage: Sendable, Hashable {
    /// p, the probability that a value is dropped.
    public var probability: Double
    /// m, 1 where a value is kept and 0 where it is dropped: one row per sample,
    /// or one row for every sample; nil in evaluation mode.
    public var mask: Matrix?

    /// Dropout with rate p and mask m.
    public init(probability: Double, mask: Matrix?) {
        self.probability = probability
        self.mask = mask
    }

    /// m / (1 − p) of one sample's values.
    public func scaledMask(sample: Int) -> [Double]? {
        guard let mask else { return nil }
        let row = mask.row(mask.rows == 1 ? 0 : sample)
        return row.map { $0 / (1 - probability) }
    }
}

/// A residual connection: a = z⁽ˡ⁻¹⁾ + z⁽ᴷ⁾, the previous layer's output plus
/// that of an earlier layer K (K = 0 is the input), then z⁽ˡ⁾ = f(a).
public struct ResidualStage: Sendable, Hashable {
    /// K, the layer whose output is added (0 for the input x).
    public var source: Int
    /// f, applied after the sum (ReLU in ResNet's blocks, the identity by default).
    public var activation: Activation

    /// A skip from layer K.
    public init(from source: Int, activation: Activation = Activation(.identity)) {
        self.source = source
        self.activation = activation
    }
}
