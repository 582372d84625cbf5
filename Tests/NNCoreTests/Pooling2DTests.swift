import NNCore
import Testing

@Suite("2-D max and average pooling")
struct Pooling2DTests {
    static let input = Matrix([[1, 3, 2, 4], [5, 6, 1, 2], [7, 2, 9, 0], [1, 8, 3, 4]])

    @Test("2 × 2 max pooling, stride 2 (numpy sliding_window_view(...)[::2, ::2].max)")
    func maxPooling() throws {
        let map = try Pooling2D(kernelHeight: 2, kernelWidth: 2, mode: .max).pooled(Self.input)
        #expect(map.output == Matrix([[6, 4], [8, 9]]))
        #expect(map.window(row: 1, column: 0) == [7, 2, 1, 8])
    }

    @Test("2 × 2 average pooling, stride 2 (numpy: [[3.75, 2.25], [4.5, 4]])")
    func averagePooling() throws {
        let map = try Pooling2D(kernelHeight: 2, kernelWidth: 2, mode: .average).pooled(Self.input)
        #expect(map.output == Matrix([[3.75, 2.25], [4.5, 4]]))
    }

    @Test("stride 1 overlaps windows: 3 × 3 output")
    func overlapping() throws {
        let map = try Pooling2D(kernelHeight: 2, kernelWidth: 2, strideHeight: 1, strideWidth: 1, mode: .max)
            .pooled(Self.input)
        // By hand: max of each 2 × 2 block starting at every (i, j).
        #expect(map.output == Matrix([[6, 6, 4], [7, 9, 9], [8, 9, 9]]))
    }

    @Test("a window larger than the input is an error")
    func windowTooLarge() {
        #expect(throws: ConvolutionError.kernelLargerThanInput(kernel: 5, paddedInput: 4)) {
            try Pooling2D(kernelHeight: 5, kernelWidth: 1, mode: .max).pooled(Self.input)
        }
    }
}
