import NNCore
import Testing

@Suite("Gradients of a convolution filter and of pooling")
struct ConvolutionGradientTests {
    static let input = Matrix([[6, 0, 1], [3, 4, 1], [1, 7, 0]])
    static let kernel = Matrix([[1, 0], [0, -1]])
    static let delta = Matrix([[1, 2], [3, 4]])

    @Test("issue 18 C: ∂L/∂K = X ⋆ δ = [[31, 18], [42, 27]], ∂L/∂X = [[1, 2, 0], [3, 3, −2], [0, −3, −4]]")
    func acceptance() throws {
        // By hand, ∂L/∂K[m, n] = Σᵢⱼ δᵢⱼ X[i + m, j + n]:
        //   K₁₁: 1·6 + 2·0 + 3·3 + 4·4 = 31    K₁₂: 1·0 + 2·1 + 3·4 + 4·1 = 18
        //   K₂₁: 1·3 + 2·4 + 3·1 + 4·7 = 42    K₂₂: 1·4 + 2·1 + 3·7 + 4·0 = 27
        // ∂L/∂X[r, s] = Σ δᵢⱼ K[r − i, s − j], the full convolution of δ with rot180(K):
        //   X₂₂: δ₁₁K₂₂ + δ₁₂K₂₁ + δ₂₁K₁₂ + δ₂₂K₁₁ = −1 + 0 + 0 + 4 = 3, and so on.
        let gradient = try ConvolutionGradient(
            of: Convolution2D(kernel: [Self.kernel]), input: [Self.input], outputGradient: Self.delta)
        #expect(gradient.kernel == [Matrix([[31, 18], [42, 27]])])
        #expect(gradient.input == [Matrix([[1, 2, 0], [3, 3, -2], [0, -3, -4]])])
        #expect(gradient.bias == 10)
        let terms = gradient.inputTerms(channel: 0, row: 1, column: 1)
        #expect(terms.map(\.upstream) == [1, 2, 3, 4])
        #expect(terms.map(\.factor) == [-1, 0, 0, 1])
        #expect(gradient.kernelTerms(channel: 0, row: 0, column: 0).map(\.factor) == [6, 0, 3, 4])
    }

    /// L = Σᵢⱼ δᵢⱼ yᵢⱼ, whose gradient in K and X is what backpropagation gives for upstream δ.
    private static func loss(_ filter: Convolution2D, _ input: [Matrix], _ delta: Matrix) -> Double {
        guard let map = try? filter.featureMap(of: input) else { return .nan }
        return zip(map.output.elements, delta.elements).map(*).reduce(0, +)
    }

    private static func random(_ rows: Int, _ columns: Int, _ generator: inout SplitMix64) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in generator.nextUnit() * 4 - 2 })
    }

    @Test(
        "∂L/∂K, ∂L/∂X and ∂L/∂b against central differences: 2 channels, stride 2 × 1, padding, flipped or not",
        arguments: [false, true])
    func centralDifferences(isFlipped: Bool) throws {
        var generator = SplitMix64(seed: isFlipped ? 7 : 3)
        let input = [Self.random(5, 4, &generator), Self.random(5, 4, &generator)]
        let kernel = [Self.random(3, 2, &generator), Self.random(3, 2, &generator)]
        let filter = Convolution2D(
            kernel: kernel, strideHeight: 2, strideWidth: 1, paddingHeight: .symmetric(1),
            paddingWidth: .symmetric(2), isFlipped: isFlipped)
        let output = try filter.featureMap(of: input).output
        let delta = Self.random(output.rows, output.columns, &generator)
        let gradient = try ConvolutionGradient(of: filter, input: input, outputGradient: delta)
        for c in 0..<2 {
            let numericKernel = centralDifferenceGradient(at: kernel[c]) { perturbed in
                var changed = filter
                changed.kernel[c] = perturbed
                return Self.loss(changed, input, delta)
            }
            #expect(gradient.kernel[c].isApproximatelyEqual(to: numericKernel, absoluteTolerance: 1e-8))
            let numericInput = centralDifferenceGradient(at: input[c]) { perturbed in
                var changed = input
                changed[c] = perturbed
                return Self.loss(filter, changed, delta)
            }
            #expect(gradient.input[c].isApproximatelyEqual(to: numericInput, absoluteTolerance: 1e-8))
            for r in 0..<input[c].rows {
                for s in 0..<input[c].columns {
                    let sum = gradient.inputTerms(channel: c, row: r, column: s).map(\.product).reduce(0, +)
                    #expect(abs(sum - gradient.input[c][r, s]) < 1e-12)
                }
            }
        }
        #expect(abs(gradient.bias - delta.elements.reduce(0, +)) < 1e-12)
    }

    @Test("max pooling routes δᵢⱼ to its window's maximum; a tie goes to the first, and is listed")
    func maxRouting() throws {
        // Windows 2 × 2, stride 2: maxima 6 (row 2, col 2), 4 (row 1, col 4), 8 (row 4, col 2), and a tie of 9s.
        let input = Matrix([[1, 3, 2, 4], [5, 6, 1, 2], [7, 2, 9, 9], [1, 8, 3, 4]])
        let gradient = try PoolingGradient(
            of: Pooling2D(kernelHeight: 2, kernelWidth: 2, mode: .max), input: input,
            outputGradient: Matrix([[1, 2], [3, 4]]))
        #expect(gradient.input == Matrix([[0, 0, 0, 2], [0, 1, 0, 0], [0, 0, 4, 0], [0, 3, 0, 0]]))
        #expect(gradient.ties.count == 1 && gradient.ties[0] == (row: 1, column: 1))
        #expect(gradient.shares(row: 2, column: 2).map(\.upstream) == [4])
        #expect(gradient.shares(row: 2, column: 3).isEmpty)
    }

    @Test("average pooling shares δᵢⱼ / (k_h·k_w) with its window; overlapping windows add (stride 1)")
    func averageSharing() throws {
        // 3 × 3 input, 2 × 2 windows, stride 1, δ = [[1, 2], [3, 4]]: the centre is in all four windows,
        // (1 + 2 + 3 + 4) / 4 = 2.5; a corner in one: 1/4 = 0.25.
        let gradient = try PoolingGradient(
            of: Pooling2D(kernelHeight: 2, kernelWidth: 2, strideHeight: 1, strideWidth: 1, mode: .average),
            input: Self.input, outputGradient: Self.delta)
        #expect(gradient.input == Matrix([[0.25, 0.75, 0.5], [1, 2.5, 1.5], [0.75, 1.75, 1]]))
        #expect(gradient.ties.isEmpty)
    }

    @Test("max and average pooling gradients against central differences (no ties among random values)")
    func poolingCentralDifferences() throws {
        var generator = SplitMix64(seed: 11)
        let input = Self.random(5, 6, &generator)
        for mode in PoolingMode.allCases {
            let pooling = Pooling2D(kernelHeight: 2, kernelWidth: 3, strideHeight: 1, strideWidth: 2, mode: mode)
            let output = try pooling.pooled(input).output
            let delta = Self.random(output.rows, output.columns, &generator)
            let gradient = try PoolingGradient(of: pooling, input: input, outputGradient: delta)
            let numeric = centralDifferenceGradient(at: input) { perturbed in
                guard let map = try? pooling.pooled(perturbed) else { return .nan }
                return zip(map.output.elements, delta.elements).map(*).reduce(0, +)
            }
            #expect(gradient.input.isApproximatelyEqual(to: numeric, absoluteTolerance: 1e-8), "\(mode)")
        }
    }
}
