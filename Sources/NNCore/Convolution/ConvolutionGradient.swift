/// One product δ · v in the sum of a gradient entry of a convolution: the
/// upstream gradient δ_ij of an output entry times the input value or the
/// kernel weight it met there.
public struct GradientTerm: Sendable, Hashable {
    /// i, the output row (from 0).
    public var outputRow: Int
    /// j, the output column (from 0).
    public var outputColumn: Int
    /// δ_ij = ∂L/∂y_ij.
    public var upstream: Double
    /// The factor δ_ij multiplies: x̃ for ∂L/∂K, w for ∂L/∂X.
    public var factor: Double

    /// δ_ij · factor.
    public var product: Double { upstream * factor }
}

/// The gradients of one convolution filter, given δ = ∂L/∂Y:
///
///     ∂L/∂w_c[m, n] = Σ_ij δ_ij · X̃_c[i·S_h + m, j·S_w + n]     (X̃ ⋆ δ, the input correlated with δ)
///     ∂L/∂X̃_c[r, s] = Σ over i, j, m, n with i·S_h + m = r, j·S_w + n = s of δ_ij · w_c[m, n]
///     ∂L/∂b = Σ_ij δ_ij
///
/// where w is the applied kernel (K, or K rotated by 180° when flipped); ∂L/∂X
/// is ∂L/∂X̃ without the padding's rows and columns. For stride 1, ∂L/∂X̃ is the
/// full convolution of δ with the kernel rotated by 180°. ∂L/∂K is ∂L/∂w, rotated
/// back by 180° when the kernel was flipped.
public struct ConvolutionGradient: Sendable, Hashable {
    /// ∂L/∂K, one k_h × k_w matrix per input channel, shaped like the kernel as given.
    public var kernel: [Matrix]
    /// ∂L/∂X, one H × W matrix per input channel.
    public var input: [Matrix]
    /// ∂L/∂b = Σ_ij δ_ij.
    public var bias: Double
    private var kernelTerms: [[[GradientTerm]]]
    private var inputTerms: [[[GradientTerm]]]

    /// The gradients of `filter` over `input` for δ = ∂L/∂Y.
    ///
    /// - Throws: ``ConvolutionError`` when the kernel does not fit the padded input.
    /// - Precondition: the input has the kernel's channels; δ has the shape of Y.
    /// - Complexity: O(H_out · W_out · C · k_h · k_w).
    public init(of filter: Convolution2D, input: [Matrix], outputGradient delta: Matrix) throws(ConvolutionError) {
        precondition(
            input.count == filter.kernel.count, "Input has \(input.count) channels, the kernel \(filter.kernel.count)")
        let (height, width) = filter.dimensions(inputHeight: input[0].rows, inputWidth: input[0].columns)
        _ = try height.validated()
        _ = try width.validated()
        precondition(
            delta.rows == height.outputSize && delta.columns == width.outputSize, "∂L/∂Y has the shape of Y")
        let top = height.paddingBefore
        let left = width.paddingBefore
        let padded = ZeroPadding(
            top: top, bottom: height.paddingAfter, left: left, right: width.paddingAfter
        ).applied(to: input)
        let weights = filter.appliedKernel
        let kh = weights[0].rows
        let kw = weights[0].columns
        let rows = input[0].rows
        let columns = input[0].columns
        var kernel: [Matrix] = []
        var inputGradient: [Matrix] = []
        var kernelTerms: [[[GradientTerm]]] = []
        var inputTerms: [[[GradientTerm]]] = []
        for c in weights.indices {
            var kernelEntry = [[GradientTerm]](repeating: [], count: kh * kw)
            var inputEntry = [[GradientTerm]](repeating: [], count: rows * columns)
            var gradient = Matrix(rows: kh, columns: kw)
            var toInput = Matrix(rows: rows, columns: columns)
            for i in 0..<delta.rows {
                for j in 0..<delta.columns {
                    let upstream = delta[i, j]
                    for m in 0..<kh {
                        for n in 0..<kw {
                            let r = i * filter.strideHeight + m
                            let s = j * filter.strideWidth + n
                            // ∂L/∂K is read in the kernel's given orientation: rot180 of ∂L/∂w when flipped.
                            let (km, kn) = filter.isFlipped ? (kh - 1 - m, kw - 1 - n) : (m, n)
                            let term = GradientTerm(
                                outputRow: i, outputColumn: j, upstream: upstream, factor: padded[c][r, s])
                            gradient[km, kn] += term.product
                            kernelEntry[km * kw + kn].append(term)
                            let (x, y) = (r - top, s - left)
                            guard x >= 0, x < rows, y >= 0, y < columns else { continue }
                            let back = GradientTerm(
                                outputRow: i, outputColumn: j, upstream: upstream, factor: weights[c][m, n])
                            toInput[x, y] += back.product
                            inputEntry[x * columns + y].append(back)
                        }
                    }
                }
            }
            kernel.append(gradient)
            inputGradient.append(toInput)
            kernelTerms.append(kernelEntry)
            inputTerms.append(inputEntry)
        }
        self.kernel = kernel
        self.input = inputGradient
        self.bias = delta.elements.reduce(0, +)
        self.kernelTerms = kernelTerms
        self.inputTerms = inputTerms
    }

    /// The products δ_ij · x̃ whose sum is ∂L/∂K_c[m, n] (from 0, the kernel as given), in the order i, j.
    public func kernelTerms(channel: Int, row: Int, column: Int) -> [GradientTerm] {
        kernelTerms[channel][row * kernel[channel].columns + column]
    }

    /// The products δ_ij · w whose sum is ∂L/∂X_c[r, s] (from 0, without padding), in the order i, j;
    /// empty for an input entry no window covers.
    public func inputTerms(channel: Int, row: Int, column: Int) -> [GradientTerm] {
        inputTerms[channel][row * input[channel].columns + column]
    }
}
