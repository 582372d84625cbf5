/// One layer of a network architecture, as far as its output shape, its
/// parameter count and its multiply-adds go (no weights).
public enum ArchitectureLayer: Sendable, Hashable {
    /// A fully connected layer y = W x + b on a vector of n values (or on the
    /// last dimension of T×n): (n + 1)·units parameters, n·units without bias.
    case dense(units: Int, bias: Bool)
    /// A 2-D convolution on H×W×C: (k_h·k_w·C + 1)·F parameters.
    case convolution(ConvolutionLayer)
    /// Max or average pooling on H×W×C: no parameters.
    case pooling(PoolingLayer)
    /// H×W×C → H·W·C.
    case flatten
    /// Batch normalisation of the last dimension C: γ and β (2C), plus the
    /// running mean and variance (2C non-trainable) under Keras.
    case batchNormalization
    /// Dropout with its rate, if given: no parameters, shape unchanged.
    case dropout(rate: Double?)
    /// An activation function, by name if given: no parameters, shape unchanged.
    case activation(String?)
    /// A lookup table of `vocabulary` vectors of size `dimension`: T token ids → T×dim.
    case embedding(vocabulary: Int, dimension: Int)
    /// A simple RNN, LSTM or GRU on T×d.
    case recurrent(RecurrentLayer)
    /// Multi-head self-attention on T×d as PyTorch's `nn.MultiheadAttention`:
    /// Q, K, V and output projections, each d×d with a bias of d.
    case attention(dimension: Int, heads: Int, bias: Bool)
}

/// A 2-D convolution layer with PyTorch's option names.
public struct ConvolutionLayer: Sendable, Hashable {
    /// F, the number of filters (output channels).
    public var filters: Int
    /// k_h × k_w.
    public var kernelSize: HeightWidth<Int>
    /// S_h × S_w.
    public var stride: HeightWidth<Int>
    /// The padding rule along each dimension.
    public var padding: HeightWidth<Padding>
    /// d_h × d_w.
    public var dilation: HeightWidth<Int>
    /// Whether each filter has a bias.
    public var bias: Bool

    /// A convolution; by default stride 1, no padding, no dilation, with bias.
    public init(
        filters: Int, kernelSize: HeightWidth<Int>, stride: HeightWidth<Int> = HeightWidth(square: 1),
        padding: HeightWidth<Padding> = HeightWidth(square: .valid),
        dilation: HeightWidth<Int> = HeightWidth(square: 1),
        bias: Bool = true
    ) {
        self.filters = filters
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.bias = bias
    }
}

/// A 2-D pooling layer.
public struct PoolingLayer: Sendable, Hashable {
    /// How a window is reduced.
    public enum Mode: String, Sendable, Hashable {
        /// The largest value of the window.
        case max
        /// The mean of the window.
        case average
    }

    /// How a window is reduced.
    public var mode: Mode
    /// The window, k_h × k_w.
    public var kernelSize: HeightWidth<Int>
    /// S_h × S_w; PyTorch and Keras default it to the window size.
    public var stride: HeightWidth<Int>
    /// The padding rule along each dimension.
    public var padding: HeightWidth<Padding>

    /// A pooling layer; the stride defaults to the window size, no padding.
    public init(
        mode: Mode, kernelSize: HeightWidth<Int>, stride: HeightWidth<Int>? = nil,
        padding: HeightWidth<Padding> = HeightWidth(square: .valid)
    ) {
        self.mode = mode
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }
}
