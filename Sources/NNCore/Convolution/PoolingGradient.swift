/// ∂L/∂X of one pooled channel, given δ = ∂L/∂Y:
///
///     max:      ∂L/∂x_rs = Σ of δ_ij over the windows whose maximum is x_rs
///     average:  ∂L/∂x_rs = Σ of δ_ij / (k_h·k_w) over the windows that contain x_rs
///
/// A window whose maximum occurs more than once routes δ_ij to the first of
/// them, reading the window row by row, as PyTorch's `MaxPool2d` does; those
/// windows are listed in ``ties``.
public struct PoolingGradient: Sendable, Hashable {
    /// One share of δ_ij that reaches an input entry.
    public struct Share: Sendable, Hashable {
        /// i, the output row (from 0).
        public var outputRow: Int
        /// j, the output column (from 0).
        public var outputColumn: Int
        /// δ_ij = ∂L/∂y_ij.
        public var upstream: Double
        /// The part of δ_ij the entry receives: 1 (max) or 1/(k_h·k_w) (average).
        public var fraction: Double

        /// δ_ij · fraction.
        public var value: Double { upstream * fraction }
    }

    /// ∂L/∂X, H × W.
    public var input: Matrix
    /// The windows (i, j from 0) whose maximum occurs more than once; empty for average pooling.
    public var ties: [(row: Int, column: Int)] {
        tiedWindows.map { (row: $0 / outputColumns, column: $0 % outputColumns) }
    }
    private var tiedWindows: [Int]
    private var outputColumns: Int
    private var shares: [[Share]]

    /// The gradient of `pooling` over one channel `input` for δ = ∂L/∂Y.
    ///
    /// - Throws: ``ConvolutionError`` when the window does not fit the input.
    /// - Precondition: δ has the shape of the pooled map.
    /// - Complexity: O(H_out · W_out · k_h · k_w).
    public init(of pooling: Pooling2D, input: Matrix, outputGradient delta: Matrix) throws(ConvolutionError) {
        let map = try pooling.pooled(input)
        precondition(
            delta.rows == map.output.rows && delta.columns == map.output.columns, "∂L/∂Y has the shape of Y")
        let count = pooling.kernelHeight * pooling.kernelWidth
        var gradient = Matrix(rows: input.rows, columns: input.columns)
        var shares = [[Share]](repeating: [], count: input.rows * input.columns)
        var tied: [Int] = []
        for i in 0..<delta.rows {
            for j in 0..<delta.columns {
                let window = map.window(row: i, column: j)
                let targets: [Int]
                let fraction: Double
                switch pooling.mode {
                case .max:
                    let largest = map.output[i, j]
                    let first = window.firstIndex(of: largest) ?? 0
                    if window.lastIndex(of: largest) != first { tied.append(i * delta.columns + j) }
                    targets = [first]
                    fraction = 1
                case .average:
                    targets = Array(0..<count)
                    fraction = 1 / Double(count)
                }
                for position in targets {
                    let r = i * pooling.strideHeight + position / pooling.kernelWidth
                    let s = j * pooling.strideWidth + position % pooling.kernelWidth
                    let share = Share(outputRow: i, outputColumn: j, upstream: delta[i, j], fraction: fraction)
                    gradient[r, s] += share.value
                    shares[r * input.columns + s].append(share)
                }
            }
        }
        self.input = gradient
        self.tiedWindows = tied
        self.outputColumns = delta.columns
        self.shares = shares
    }

    /// The shares of δ that ∂L/∂x_rs (from 0) sums, in the order i, j; empty when none reaches it.
    public func shares(row: Int, column: Int) -> [Share] {
        shares[row * input.columns + column]
    }

}
