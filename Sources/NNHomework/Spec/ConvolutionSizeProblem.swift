import NNCore

/// A question about one convolution or pooling layer's shapes: given the input
/// shape and the layer's settings, what are the output shape, the parameters
/// and the multiply-adds (`nnhw conv-size`).
public struct ConvolutionSizeProblem: Sendable, Hashable {
    /// What the layer is.
    public enum Layer: Sendable, Hashable {
        /// A convolution of F filters, with or without a bias per filter.
        case convolution(filters: Int, hasBias: Bool)
        /// A transposed convolution of F filters with output padding a (rows, columns).
        case transposed(filters: Int, hasBias: Bool, outputPadding: [Int])
        /// A pooling window, max or average, optionally in PyTorch's ceil mode.
        case pooling(PoolingMode, ceilMode: Bool)
    }

    /// H, W and C of the input.
    public var inputHeight: Int
    /// W, the input's width.
    public var inputWidth: Int
    /// C_in, the input's channels.
    public var inputChannels: Int
    /// The layer's window along the rows, with the input's height.
    public var height: ConvolutionDimension
    /// The layer's window along the columns, with the input's width.
    public var width: ConvolutionDimension
    /// The layer.
    public var layer: Layer
    /// Whether shapes are written C × H × W instead of H × W × C.
    public var isChannelsFirst: Bool

    /// A problem from sizes as given; ``ConvolutionSizeSolver`` checks that they fit.
    public init(
        inputHeight: Int, inputWidth: Int, inputChannels: Int, height: ConvolutionDimension,
        width: ConvolutionDimension, layer: Layer, isChannelsFirst: Bool = false
    ) {
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.inputChannels = inputChannels
        self.height = height
        self.width = width
        self.layer = layer
        self.isChannelsFirst = isChannelsFirst
    }

    /// Checks every size: the windows fit, channels and filters are at least 1,
    /// the transposed output padding a satisfies 0 ≤ a < max(S, d) (PyTorch's rule)
    /// and the transposed output is not empty.
    ///
    /// - Throws: an invalid-data error at the option that gave the bad number.
    public func validate() throws(InputError) {
        guard inputChannels >= 1 else {
            throw InputError(at: "--input", .noChannels(inputChannels))
        }
        switch layer {
        case .convolution(let filters, _):
            try Self.checkFilters(filters)
            try Self.check(height, lines: "rows")
            try Self.check(width, lines: "columns")
        case .transposed(let filters, _, let outputPadding):
            try Self.checkFilters(filters)
            try Self.checkTransposed(height, outputPadding: outputPadding[0], lines: "rows")
            try Self.checkTransposed(width, outputPadding: outputPadding[1], lines: "columns")
        case .pooling:
            try Self.check(height, lines: "rows")
            try Self.check(width, lines: "columns")
        }
    }

    private static func checkFilters(_ filters: Int) throws(InputError) {
        guard filters >= 1 else {
            throw InputError(at: "--filters", .belowOne(filters))
        }
    }

    private static func check(_ dimension: ConvolutionDimension, lines: String) throws(InputError) {
        do {
            _ = try dimension.validated()
        } catch {
            throw InputError(error, lines: lines)
        }
    }

    /// A transposed convolution needs no window to fit: it checks the numbers with
    /// "full" padding (which always fits), then a and the output size.
    private static func checkTransposed(_ dimension: ConvolutionDimension, outputPadding: Int, lines: String)
        throws(InputError)
    {
        var asFull = dimension
        asFull.padding = .full
        try check(asFull, lines: lines)
        guard case .symmetric(let padding) = dimension.padding else {
            guard dimension.padding == .valid else {
                throw InputError(at: "--padding", .namedPaddingTransposed)
            }
            return try checkOutput(dimension, outputPadding: outputPadding, lines: lines)
        }
        guard padding >= 0 else { throw InputError(ConvolutionError.negativePadding(padding), lines: lines) }
        guard padding < 1 << 40 else { throw InputError(ConvolutionError.tooLarge, lines: lines) }
        try checkOutput(dimension, outputPadding: outputPadding, lines: lines)
    }

    private static func checkOutput(_ dimension: ConvolutionDimension, outputPadding: Int, lines: String)
        throws(InputError)
    {
        let limit = max(dimension.stride, dimension.dilation)
        guard outputPadding >= 0, outputPadding < limit else {
            throw InputError(
                at: "--output-padding", .outputPaddingRange(along: lines, maximum: limit - 1, got: outputPadding))
        }
        let size = dimension.transposedOutputSize(outputPadding: outputPadding)
        guard size >= 1 else {
            throw InputError(at: "--padding", .noTransposedOutput(along: lines, size: size))
        }
    }
}
