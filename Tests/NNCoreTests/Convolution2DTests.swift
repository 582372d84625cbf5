import NNCore
import Testing

@Suite("Feature maps of a 2-D convolution filter")
struct Convolution2DTests {
    static let acceptanceInput = Matrix([[6, 0, 1], [3, 4, 1], [1, 7, 0]])
    static let acceptanceKernel = Matrix([[1, 0], [0, -1]])

    @Test("issue 4 C: cross-correlation of the 3 × 3 input with [[1, 0], [0, −1]] is [[2, −1], [−4, 4]]")
    func acceptance() throws {
        // By hand: y₁₁ = 6·1 + 0·0 + 3·0 + 4·(−1) = 2; numpy sliding_window_view(A, (2, 2)) * k summed agrees.
        let map = try Convolution2D(kernel: [Self.acceptanceKernel]).featureMap(of: [Self.acceptanceInput])
        #expect(map.output == Matrix([[2, -1], [-4, 4]]))
    }

    @Test("each entry keeps its products in the order m, n, with the padded input's coordinates")
    func terms() throws {
        let map = try Convolution2D(kernel: [Self.acceptanceKernel]).featureMap(of: [Self.acceptanceInput])
        let terms = map.terms(row: 1, column: 0)
        #expect(terms.map(\.input) == [3, 4, 1, 7])
        #expect(terms.map(\.weight) == [1, 0, 0, -1])
        #expect(terms.map(\.row) == [1, 1, 2, 2])
        #expect(terms.map(\.column) == [0, 1, 0, 1])
        #expect(terms.map(\.product).reduce(0, +) == map.output[1, 0])
    }

    @Test("--flip rotates the kernel by 180°: true convolution gives [[−2, 1], [4, −4]]")
    func flipped() throws {
        // numpy: (sliding_window_view(A, (2, 2)) * k[::-1, ::-1]).sum(axis=(2, 3)), scipy's convolve2d 'valid'.
        let filter = Convolution2D(kernel: [Self.acceptanceKernel], isFlipped: true)
        #expect(filter.appliedKernel == [Matrix([[-1, 0], [0, 1]])])
        #expect(try filter.featureMap(of: [Self.acceptanceInput]).output == Matrix([[-2, 1], [4, -4]]))
    }

    @Test("two channels, padding 1, stride 2: summed over channels")
    func multiChannel() throws {
        // numpy: Xp = np.pad(X, ((0,0),(1,1),(1,1))); Y[i,j] = (Xp[:, 2i:2i+2, 2j:2j+2] * K).sum()
        let input = [
            Matrix([[1, 2, 0, 3], [4, 1, 2, 1], [0, 3, 1, 2], [2, 1, 0, 1]]),
            Matrix([[2, 0, 1, 1], [1, 3, 2, 0], [1, 1, 0, 2], [0, 2, 1, 3]]),
        ]
        let kernel = [Matrix([[1, -1], [0, 2]]), Matrix([[0, 1], [-2, 1]])]
        let filter = Convolution2D(
            kernel: kernel, strideHeight: 2, strideWidth: 2, paddingHeight: .symmetric(1), paddingWidth: .symmetric(1))
        let map = try filter.featureMap(of: input)
        #expect(map.output == Matrix([[4, 1, -2], [-2, 1, -3], [-2, 2, 1]]))
        #expect(map.paddedInput[0].rows == 6 && map.paddedInput[0].columns == 6)
        #expect(map.terms(row: 0, column: 0).count == 8)
        #expect(map.terms(row: 0, column: 0)[0].input == 0)  // the top-left corner is padding
    }

    @Test("a kernel larger than the padded input is an error")
    func kernelTooLarge() {
        let filter = Convolution2D(kernel: [Matrix(rows: 4, columns: 2)])
        #expect(throws: ConvolutionError.kernelLargerThanInput(kernel: 4, paddedInput: 3)) {
            try filter.featureMap(of: [Self.acceptanceInput])
        }
    }

    @Test("stride 0 is an error, not a division by zero")
    func zeroStride() {
        let filter = Convolution2D(kernel: [Self.acceptanceKernel], strideHeight: 0)
        #expect(throws: ConvolutionError.notPositive(.stride, value: 0)) {
            try filter.featureMap(of: [Self.acceptanceInput])
        }
    }

    @Test("zero padding places the input inside a frame of zeros")
    func padding() {
        let padded = ZeroPadding(top: 0, bottom: 1, left: 1, right: 0).applied(to: [Matrix([[1, 2], [3, 4]])])
        #expect(padded == [Matrix([[0, 1, 2], [0, 3, 4], [0, 0, 0]])])
    }
}
