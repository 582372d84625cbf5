/// How a pooling window is summarised.
public enum PoolingMode: String, Sendable, Hashable, CaseIterable {
    /// The largest value in the window.
    case max
    /// The mean of the values in the window.
    case average = "avg"
}

/// 2-D pooling without padding, each channel on its own: a k_h × k_w window
/// moved by S_h rows and S_w columns,
///
///     y_ij = max_{m,n} X[i·S_h + m, j·S_w + n]   or   (1 / (k_h·k_w)) Σ_{m,n} X[i·S_h + m, j·S_w + n].
///
/// Names follow PyTorch's `MaxPool2d`/`AvgPool2d`: `kernelSize`, `stride`
/// (which defaults to the kernel size there).
public struct Pooling2D: Sendable, Hashable {
    /// k_h, the window's height.
    public var kernelHeight: Int
    /// k_w, the window's width.
    public var kernelWidth: Int
    /// S_h, the step between windows down the rows.
    public var strideHeight: Int
    /// S_w, the step between windows along the columns.
    public var strideWidth: Int
    /// Max or average.
    public var mode: PoolingMode

    /// A pooling window; the stride defaults to the window size.
    public init(
        kernelHeight: Int, kernelWidth: Int, strideHeight: Int? = nil, strideWidth: Int? = nil, mode: PoolingMode
    ) {
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.strideHeight = strideHeight ?? kernelHeight
        self.strideWidth = strideWidth ?? kernelWidth
        self.mode = mode
    }

    /// The two dimensions the window slides along for an H × W input: rows, then columns.
    public func dimensions(inputHeight: Int, inputWidth: Int) -> (
        height: ConvolutionDimension, width: ConvolutionDimension
    ) {
        (
            ConvolutionDimension(inputSize: inputHeight, kernelSize: kernelHeight, stride: strideHeight),
            ConvolutionDimension(inputSize: inputWidth, kernelSize: kernelWidth, stride: strideWidth)
        )
    }

    /// The pooled map of one channel X, with the values of every window kept.
    ///
    /// - Throws: ``ConvolutionError`` when a size is not positive or the window is larger than X.
    /// - Complexity: O(H_out · W_out · k_h · k_w).
    public func pooled(_ input: Matrix) throws(ConvolutionError) -> PooledMap {
        let (height, width) = dimensions(inputHeight: input.rows, inputWidth: input.columns)
        _ = try height.validated()
        _ = try width.validated()
        var output = Matrix(rows: height.outputSize, columns: width.outputSize)
        var windows: [[Double]] = []
        windows.reserveCapacity(output.rows * output.columns)
        for i in 0..<output.rows {
            for j in 0..<output.columns {
                var window: [Double] = []
                window.reserveCapacity(kernelHeight * kernelWidth)
                for m in 0..<kernelHeight {
                    for n in 0..<kernelWidth { window.append(input[i * strideHeight + m, j * strideWidth + n]) }
                }
                output[i, j] = summary(of: window)
                windows.append(window)
            }
        }
        return PooledMap(output: output, windows: windows)
    }

    /// max(window), or Σ window / count, summed in the window's order.
    public func summary(of window: [Double]) -> Double {
        switch mode {
        case .max: window.max() ?? 0
        case .average: Self.mean(of: window)
        }
    }

    /// Σ window / count, summed in the window's order; when the sum overflows
    /// although the mean fits (1e308 four times), Σ (x / count) instead.
    static func mean(of window: [Double]) -> Double {
        let count = Double(window.count)
        let sum = window.reduce(0, +)
        return sum.isFinite ? sum / count : window.reduce(0) { $0 + $1 / count }
    }
}

/// The pooled map of one channel, with the values each entry summarises.
public struct PooledMap: Sendable, Hashable {
    /// Y, H_out × W_out.
    public var output: Matrix
    /// The window of each entry, row by row, each window read row by row.
    private var windows: [[Double]]

    /// A pooled map with the window of each entry given row by row.
    public init(output: Matrix, windows: [[Double]]) {
        precondition(windows.count == output.rows * output.columns, "One window per output entry")
        self.output = output
        self.windows = windows
    }

    /// The values under the window of y_ij (i, j from 0), read row by row.
    public func window(row: Int, column: Int) -> [Double] {
        precondition(
            row >= 0 && row < output.rows && column >= 0 && column < output.columns, "No entry (\(row), \(column))")
        return windows[row * output.columns + column]
    }
}
