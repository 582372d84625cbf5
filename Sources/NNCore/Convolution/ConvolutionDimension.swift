/// The arithmetic of one spatial dimension of a convolution or pooling window:
/// n_out = ⌊(n + P_before + P_after − k_eff) / S⌋ + 1 with k_eff = d(k − 1) + 1.
///
/// Names follow PyTorch: `kernelSize`, `stride`, `padding`, `dilation`.
public struct ConvolutionDimension: Sendable, Hashable {
    /// n, the input size along this dimension.
    public var inputSize: Int
    /// k, the kernel (window) size.
    public var kernelSize: Int
    /// S, the step between windows.
    public var stride: Int
    /// The padding rule.
    public var padding: Padding
    /// d, the spacing between kernel taps (1: adjacent).
    public var dilation: Int
    /// Whether n_out rounds up (PyTorch pooling's `ceil_mode`) instead of down.
    public var ceilMode: Bool

    /// One dimension of a window sliding over an input.
    public init(
        inputSize: Int, kernelSize: Int, stride: Int = 1, padding: Padding = .valid, dilation: Int = 1,
        ceilMode: Bool = false
    ) {
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
    }

    /// k_eff = d(k − 1) + 1, the span the dilated kernel covers.
    public var effectiveKernelSize: Int { dilation * (kernelSize - 1) + 1 }

    /// Checks that every size is usable: n ≥ 1, k ≥ 1, S ≥ 1, d ≥ 1, P ≥ 0,
    /// the numbers small enough not to overflow, and the window fits in the padded input.
    public func validated() throws(ConvolutionError) -> ConvolutionDimension {
        guard inputSize >= 1 else { throw .notPositive(.inputSize, value: inputSize) }
        guard kernelSize >= 1 else { throw .notPositive(.kernelSize, value: kernelSize) }
        guard stride >= 1 else { throw .notPositive(.stride, value: stride) }
        guard dilation >= 1 else { throw .notPositive(.dilation, value: dilation) }
        if case .symmetric(let p) = padding, p < 0 { throw .negativePadding(p) }
        let limit = 1 << 40
        let paddingValue: Int
        if case .symmetric(let p) = padding { paddingValue = p } else { paddingValue = 0 }
        guard inputSize < limit, kernelSize < limit, stride < limit, dilation < limit, paddingValue < limit,
            kernelSize <= limit / dilation
        else { throw .tooLarge }
        let padded = inputSize + paddingBefore + paddingAfter
        guard padded >= effectiveKernelSize else {
            throw .kernelLargerThanInput(kernel: effectiveKernelSize, paddedInput: padded)
        }
        return self
    }

    /// P_before and P_after for the padding rule.
    public var paddingBefore: Int {
        switch padding {
        case .symmetric(let p): p
        case .valid: 0
        case .same: sameTotalPadding / 2
        case .full: effectiveKernelSize - 1
        }
    }

    /// P_after: equal to P_before except for "same" with an odd total, where it is one more.
    public var paddingAfter: Int {
        switch padding {
        case .same: sameTotalPadding - sameTotalPadding / 2
        default: paddingBefore
        }
    }

    /// TensorFlow's total "same" padding: max((⌈n/S⌉ − 1)·S + k_eff − n, 0).
    private var sameTotalPadding: Int {
        let output = (inputSize + stride - 1) / stride
        return max((output - 1) * stride + effectiveKernelSize - inputSize, 0)
    }

    /// The span the windows slide over: n + P_before + P_after − k_eff.
    public var slack: Int { inputSize + paddingBefore + paddingAfter - effectiveKernelSize }

    /// n_out = ⌊slack / S⌋ + 1 (⌈slack / S⌉ + 1 in ceil mode, less one if the
    /// last window would start in the bottom/right padding, as PyTorch does).
    ///
    /// - Precondition: the dimension is valid (see ``validated()``).
    public var outputSize: Int {
        guard ceilMode else { return slack / stride + 1 }
        var size = (slack + stride - 1) / stride + 1
        if (size - 1) * stride >= inputSize + paddingBefore { size -= 1 }
        return size
    }

    /// slack mod S: rows or columns at the bottom/right of the padded input that
    /// no window covers when the stride does not fit (0 when it does).
    public var uncoveredCount: Int { ceilMode ? 0 : slack % stride }

    /// The output size of the transposed convolution with output padding a:
    /// o = S(n − 1) + k_eff − P_before − P_after + a.
    public func transposedOutputSize(outputPadding: Int = 0) -> Int {
        stride * (inputSize - 1) + effectiveKernelSize - paddingBefore - paddingAfter + outputPadding
    }
}

/// Why a convolution's sizes do not fit together.
public enum ConvolutionError: Error, Sendable, Hashable {
    /// The number of a window that must be at least 1.
    public enum Size: String, Sendable, Hashable {
        /// n, the input size.
        case inputSize = "input size"
        /// k, the kernel (window) size.
        case kernelSize = "kernel size"
        /// S, the stride.
        case stride
        /// d, the dilation.
        case dilation
    }

    /// A size, stride or dilation is zero or negative.
    case notPositive(Size, value: Int)
    /// Explicit padding is negative.
    case negativePadding(Int)
    /// The (dilated) kernel is larger than the padded input.
    case kernelLargerThanInput(kernel: Int, paddedInput: Int)
    /// A number is too large to compute with (above 2⁴⁰).
    case tooLarge

    /// What is wrong along one dimension, in words a user can act on; `lines`
    /// names the dimension: "rows", "columns", "height", "width".
    public func description(along lines: String) -> String {
        switch self {
        case .notPositive(let size, let value):
            "the \(size.rawValue) along the \(lines) must be at least 1, got \(value)"
        case .negativePadding(let padding):
            "the padding along the \(lines) must be 0 or more, got \(padding)"
        case .kernelLargerThanInput(let kernel, let paddedInput):
            "the window spans \(kernel) along the \(lines), more than the \(paddedInput) of the padded input"
        case .tooLarge:
            "the sizes along the \(lines) are too large to compute with (above 2^40)"
        }
    }
}
