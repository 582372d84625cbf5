/// One filter of a 2-D convolution layer: a C × k_h × k_w kernel K sliding over
/// a C × H × W input X, summed over the channels:
///
///     y_ij = Σ_c Σ_m Σ_n X̃_c[i·S_h + m, j·S_w + n] · K_c[m, n]
///
/// where X̃ is X with its zero padding (indices from 0). This is the
/// cross-correlation that deep-learning libraries call convolution; with
/// `isFlipped` the kernel is first rotated by 180°, K_c[k_h − 1 − m, k_w − 1 − n],
/// which is the convolution of signal processing.
///
/// Names follow PyTorch: `stride`, `padding`.
public struct Convolution2D: Sendable, Hashable {
    /// K, one k_h × k_w matrix per input channel, as given (before any flip).
    public var kernel: [Matrix]
    /// S_h, the step between windows down the rows.
    public var strideHeight: Int
    /// S_w, the step between windows along the columns.
    public var strideWidth: Int
    /// The padding rule for the rows (top and bottom).
    public var paddingHeight: Padding
    /// The padding rule for the columns (left and right).
    public var paddingWidth: Padding
    /// Whether the kernel is rotated by 180° first (true convolution).
    public var isFlipped: Bool

    /// A filter with the given kernel, one matrix per input channel.
    ///
    /// - Precondition: at least one channel, every channel of the same non-empty shape.
    public init(
        kernel: [Matrix], strideHeight: Int = 1, strideWidth: Int = 1, paddingHeight: Padding = .valid,
        paddingWidth: Padding = .valid, isFlipped: Bool = false
    ) {
        precondition(!kernel.isEmpty, "A kernel needs at least one channel")
        precondition(
            kernel.allSatisfy { $0.rows == kernel[0].rows && $0.columns == kernel[0].columns && $0.rows > 0 },
            "Kernel channels differ in shape")
        self.kernel = kernel
        self.strideHeight = strideHeight
        self.strideWidth = strideWidth
        self.paddingHeight = paddingHeight
        self.paddingWidth = paddingWidth
        self.isFlipped = isFlipped
    }

    /// The kernel as it is applied: K itself, or K rotated by 180° when flipped.
    public var appliedKernel: [Matrix] {
        guard isFlipped else { return kernel }
        return kernel.map { channel in
            Matrix(rows: channel.rows, columns: channel.columns, elements: channel.elements.reversed())
        }
    }

    /// The two dimensions the kernel slides along for an H × W input: rows, then columns.
    public func dimensions(inputHeight: Int, inputWidth: Int) -> (
        height: ConvolutionDimension, width: ConvolutionDimension
    ) {
        (
            ConvolutionDimension(
                inputSize: inputHeight, kernelSize: kernel[0].rows, stride: strideHeight, padding: paddingHeight),
            ConvolutionDimension(
                inputSize: inputWidth, kernelSize: kernel[0].columns, stride: strideWidth, padding: paddingWidth)
        )
    }

    /// The feature map Y of the input X, with every entry's products kept.
    ///
    /// - Parameter input: X, one H × W matrix per channel, as many channels as the kernel.
    /// - Returns: Y (H_out × W_out) and, for each y_ij, the terms of its sum in the order c, m, n.
    /// - Throws: ``ConvolutionError`` when a size is not positive or the kernel is
    ///   larger than the padded input.
    /// - Precondition: the input has the kernel's channel count, all of one non-empty shape.
    /// - Complexity: O(H_out · W_out · C · k_h · k_w).
    public func featureMap(of input: [Matrix]) throws(ConvolutionError) -> FeatureMap {
        precondition(input.count == kernel.count, "Input has \(input.count) channels, the kernel \(kernel.count)")
        let (height, width) = dimensions(inputHeight: input[0].rows, inputWidth: input[0].columns)
        _ = try height.validated()
        _ = try width.validated()
        let padded = ZeroPadding(
            top: height.paddingBefore, bottom: height.paddingAfter, left: width.paddingBefore,
            right: width.paddingAfter
        ).applied(to: input)
        let weights = appliedKernel
        var output = Matrix(rows: height.outputSize, columns: width.outputSize)
        var terms: [[ConvolutionTerm]] = []
        terms.reserveCapacity(output.rows * output.columns)
        for i in 0..<output.rows {
            for j in 0..<output.columns {
                var entry: [ConvolutionTerm] = []
                var sum = 0.0
                for (channel, weight) in weights.enumerated() {
                    for m in 0..<weight.rows {
                        for n in 0..<weight.columns {
                            let row = i * strideHeight + m
                            let column = j * strideWidth + n
                            let term = ConvolutionTerm(
                                channel: channel, row: row, column: column, kernelRow: m, kernelColumn: n,
                                input: padded[channel][row, column], weight: weight[m, n])
                            sum += term.product
                            entry.append(term)
                        }
                    }
                }
                output[i, j] = sum
                terms.append(entry)
            }
        }
        return FeatureMap(output: output, paddedInput: padded, terms: terms)
    }
}

/// One product x · w in the sum of a feature-map entry.
public struct ConvolutionTerm: Sendable, Hashable {
    /// c, the input channel (from 0).
    public var channel: Int
    /// The row of the padded input (from 0).
    public var row: Int
    /// The column of the padded input (from 0).
    public var column: Int
    /// m, the row of the applied kernel (from 0).
    public var kernelRow: Int
    /// n, the column of the applied kernel (from 0).
    public var kernelColumn: Int
    /// x, the padded input's value (0 in the padding).
    public var input: Double
    /// w, the applied kernel's weight.
    public var weight: Double

    /// x · w.
    public var product: Double { input * weight }
}

/// The feature map Y of one filter, with the products every entry sums.
public struct FeatureMap: Sendable, Hashable {
    /// Y, H_out × W_out.
    public var output: Matrix
    /// X̃, the input with its zero padding, one matrix per channel.
    public var paddedInput: [Matrix]
    /// The terms of each entry, row by row.
    private var terms: [[ConvolutionTerm]]

    /// A feature map with the terms of each entry given row by row.
    public init(output: Matrix, paddedInput: [Matrix], terms: [[ConvolutionTerm]]) {
        precondition(terms.count == output.rows * output.columns, "One list of terms per output entry")
        self.output = output
        self.paddedInput = paddedInput
        self.terms = terms
    }

    /// The products whose sum is y_ij (i, j from 0), in the order c, m, n.
    public func terms(row: Int, column: Int) -> [ConvolutionTerm] {
        precondition(
            row >= 0 && row < output.rows && column >= 0 && column < output.columns, "No entry (\(row), \(column))")
        return terms[row * output.columns + column]
    }
}
