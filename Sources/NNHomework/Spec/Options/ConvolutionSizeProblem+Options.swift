import NNCore

extension ConvolutionSizeProblem {
    /// The layer `nnhw conv-size` describes: `--input`, `--kernel`, `--stride`,
    /// `--padding`, `--dilation`, `--filters`, `--no-bias`, `--transposed`,
    /// `--output-padding`, `--pool`, `--ceil-mode`, `--channels-first`.
    ///
    /// The stride of a pooling layer defaults to its window.
    /// - Throws: a usage error when `--input` or `--kernel` is missing or options contradict each other.
    public init(_ options: OptionValues) throws(InputError) {
        guard let shape = options.sizes("--input") else {
            throw InputError(at: "--input", .missing(give: "the input shape, e.g. --input 36x36x3"))
        }
        guard let kernel = options.pair("--kernel") else {
            throw InputError(at: "--kernel", .missing(give: "the kernel size, e.g. --kernel 3"))
        }
        let isChannelsFirst = options.has("--channels-first")
        let (height, width, channels) =
            shape.count == 2
            ? (shape[0], shape[1], 1)
            : isChannelsFirst ? (shape[1], shape[2], shape[0]) : (shape[0], shape[1], shape[2])
        let poolMode = options.text("--pool").flatMap(PoolingMode.init(rawValue:))
        try Self.requireConsistent(options, isPooling: poolMode != nil)
        let stride = options.pair("--stride") ?? (poolMode == nil ? [1, 1] : kernel)
        let dilation = options.pair("--dilation") ?? [1, 1]
        let padding = options.padding("--padding") ?? (height: .symmetric(0), width: .symmetric(0))
        let isCeilMode = options.has("--ceil-mode")
        let rows = ConvolutionDimension(
            inputSize: height, kernelSize: kernel[0], stride: stride[0], padding: padding.height,
            dilation: dilation[0], ceilMode: isCeilMode)
        let columns = ConvolutionDimension(
            inputSize: width, kernelSize: kernel[1], stride: stride[1], padding: padding.width,
            dilation: dilation[1], ceilMode: isCeilMode)
        let filters = options.sizes("--filters")?.first ?? 1
        let hasBias = !options.has("--no-bias")
        let layer: Layer
        if let poolMode {
            layer = .pooling(poolMode, ceilMode: isCeilMode)
        } else if options.has("--transposed") {
            layer = .transposed(
                filters: filters, hasBias: hasBias, outputPadding: options.pair("--output-padding") ?? [0, 0])
        } else {
            layer = .convolution(filters: filters, hasBias: hasBias)
        }
        self.init(
            inputHeight: height, inputWidth: width, inputChannels: channels, height: rows, width: columns,
            layer: layer, isChannelsFirst: isChannelsFirst)
    }

    /// Options that only make sense together.
    private static func requireConsistent(_ options: OptionValues, isPooling: Bool) throws(InputError) {
        if isPooling {
            for option in ["--filters", "--no-bias", "--transposed", "--output-padding"] where options.isGiven(option) {
                throw InputError(at: option, .notForPooling)
            }
        } else if options.has("--ceil-mode") {
            throw InputError(at: "--ceil-mode", .appliesOnly(to: "pooling", add: "--pool max or --pool avg"))
        }
        if options.isGiven("--output-padding") && !options.has("--transposed") {
            throw InputError(
                at: "--output-padding", .appliesOnly(to: "a transposed convolution", add: "--transposed"))
        }
    }
}
