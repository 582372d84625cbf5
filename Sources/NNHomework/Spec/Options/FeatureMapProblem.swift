import NNCore

/// A feature map to work out entry by entry: a kernel over an input (`nnhw conv`)
/// or a pooling window over it (`nnhw pool`).
public enum FeatureMapProblem: Sendable, Hashable {
    /// The input X (one matrix per channel), the filters over it (one per output channel,
    /// all of one shape, stride and padding), their biases when given (one per filter),
    /// and δ = ∂L/∂Y (one matrix per output channel) when the gradients are asked for.
    case convolution(
        input: [Matrix], filters: [Convolution2D], bias: [Double]? = nil, outputGradient: [Matrix]? = nil)
    /// The input X (one matrix per channel), the pooling window over it, and
    /// δ = ∂L/∂Y (one matrix per channel) when ∂L/∂X is asked for.
    case pooling(input: [Matrix], pooling: Pooling2D, outputGradient: [Matrix]? = nil)

    /// The convolution of `nnhw conv`: `--input`, `--kernel` (k × k, C × k × k, or C_out × C × k × k
    /// for C_out filters), `--bias`, `--stride`, `--padding`, `--flip`, `--grad-output`.
    ///
    /// - Throws: a usage error when `--input` or `--kernel` is missing; the matrix reader's errors;
    ///   an invalid-data error when `--bias` does not give one number per filter.
    public init(convolution options: OptionValues) throws(InputError) {
        let input = try Self.channels(options, "--input", example: "6 0 1; 3 4 1; 1 7 0")
        guard let kernel = try options.document("--kernel") else {
            throw InputError(at: "--kernel", .missing(give: "a matrix, e.g. --kernel \"1 0; 0 -1\", or a file"))
        }
        let kernels = try TensorText.filters(parsing: kernel.text, place: kernel.source)
        let stride = options.pair("--stride") ?? [1, 1]
        let padding = options.padding("--padding") ?? (height: .symmetric(0), width: .symmetric(0))
        let filters = kernels.map { kernel in
            Convolution2D(
                kernel: kernel, strideHeight: stride[0], strideWidth: stride[1], paddingHeight: padding.height,
                paddingWidth: padding.width, isFlipped: options.has("--flip"))
        }
        self = .convolution(
            input: input, filters: filters, bias: try Self.bias(options, filters: filters.count),
            outputGradient: try Self.outputGradient(options))
    }

    /// The pooling of `nnhw pool`: `--input`, `--size`, `--stride` (default: the window), `--mode`,
    /// `--grad-output`.
    ///
    /// - Throws: a usage error when `--mode`, `--size` or `--input` is missing; the matrix reader's errors.
    public init(pooling options: OptionValues) throws(InputError) {
        guard let mode = options.text("--mode").flatMap(PoolingMode.init(rawValue:)) else {
            throw InputError(at: "--mode", .missing(give: "--mode max or --mode avg"))
        }
        guard let size = options.pair("--size") else {
            throw InputError(at: "--size", .missing(give: "the window size, e.g. --size 2"))
        }
        let stride = options.pair("--stride") ?? size
        let input = try Self.channels(options, "--input", example: "1 3 2 4; 5 6 1 2")
        self = .pooling(
            input: input,
            pooling: Pooling2D(
                kernelHeight: size[0], kernelWidth: size[1], strideHeight: stride[0], strideWidth: stride[1],
                mode: mode),
            outputGradient: try Self.outputGradient(options))
    }

    /// The biases of `--bias`, one per filter, or nil when it is not given.
    private static func bias(_ options: OptionValues, filters: Int) throws(InputError) -> [Double]? {
        guard let text = options.text("--bias") else { return nil }
        let numbers = try NumberListText.rows(parsing: text, place: "--bias")
        guard numbers.rows == 1 || numbers.columns == 1 else {
            throw InputError(at: "--bias", .notAList(rows: numbers.rows, columns: numbers.columns))
        }
        guard numbers.elements.count == filters else {
            throw InputError(at: "--bias", .biasCount(numbers.elements.count, filters: filters))
        }
        return numbers.elements
    }

    /// δ = ∂L/∂Y of `--grad-output`, one matrix per channel, or nil when it is not given.
    private static func outputGradient(_ options: OptionValues) throws(InputError) -> [Matrix]? {
        guard let document = try options.document("--grad-output") else { return nil }
        return try TensorText.channels(parsing: document.text, place: document.source)
    }

    /// The channels of a matrix option: its text, or the contents of the file it names.
    private static func channels(_ options: OptionValues, _ option: String, example: String) throws(InputError)
        -> [Matrix]
    {
        guard let document = try options.document(option) else {
            throw InputError(at: option, .missing(give: "a matrix, e.g. \(option) \"\(example)\", or a file"))
        }
        return try TensorText.channels(parsing: document.text, place: document.source)
    }
}
