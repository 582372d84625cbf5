import NNCore
import Testing

@Suite("Convolution arithmetic along one dimension")
struct ConvolutionDimensionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let dimension: ConvolutionDimension
        let output: Int
        let before: Int
        let after: Int
        let uncovered: Int
        let source: String
        var testDescription: String { source }
    }

    // Expected sizes by hand from n_out = ⌊(n + P_before + P_after − k_eff)/S⌋ + 1, k_eff = d(k − 1) + 1;
    // "same" and ceil mode checked against TensorFlow's and PyTorch's documented rules.
    static let cases: [Case] = [
        Case(
            dimension: ConvolutionDimension(inputSize: 36, kernelSize: 3), output: 34, before: 0, after: 0,
            uncovered: 0, source: "issue 4 A: 36, k 3, P 0, S 1 → 34"),
        Case(
            dimension: ConvolutionDimension(inputSize: 36, kernelSize: 3, stride: 2, padding: .symmetric(3)),
            output: 20, before: 3, after: 3, uncovered: 1, source: "issue 4 B: ⌊39/2⌋ + 1 = 20, one column uncovered"),
        Case(
            dimension: ConvolutionDimension(inputSize: 5, kernelSize: 3, stride: 2, padding: .same), output: 3,
            before: 1, after: 1, uncovered: 0, source: "same: ⌈5/2⌉ = 3, total padding 2"),
        Case(
            dimension: ConvolutionDimension(inputSize: 6, kernelSize: 3, stride: 2, padding: .same), output: 3,
            before: 0, after: 1, uncovered: 0, source: "same: odd total padding 1 goes after"),
        Case(
            dimension: ConvolutionDimension(inputSize: 5, kernelSize: 3, padding: .full), output: 7, before: 2,
            after: 2, uncovered: 0, source: "full: P = k − 1"),
        Case(
            dimension: ConvolutionDimension(inputSize: 7, kernelSize: 3, dilation: 2), output: 3, before: 0,
            after: 0, uncovered: 0, source: "dilation 2: k_eff = 5"),
        Case(
            dimension: ConvolutionDimension(inputSize: 5, kernelSize: 2, stride: 2, ceilMode: true), output: 3,
            before: 0, after: 0, uncovered: 0, source: "ceil mode: PyTorch MaxPool2d(2, 2, ceil_mode=True) on 5 → 3"),
        Case(
            dimension: ConvolutionDimension(inputSize: 5, kernelSize: 2, stride: 2), output: 2, before: 0, after: 0,
            uncovered: 1, source: "floor mode: 5 → 2, last row uncovered"),
    ]

    @Test("output size, padding split and uncovered rows", arguments: cases)
    func outputSize(_ example: Case) throws {
        let dimension = try example.dimension.validated()
        #expect(dimension.outputSize == example.output)
        #expect(dimension.paddingBefore == example.before)
        #expect(dimension.paddingAfter == example.after)
        #expect(dimension.uncoveredCount == example.uncovered)
    }

    @Test("transposed: o = S(n − 1) + k_eff − 2P + a (PyTorch ConvTranspose2d docs: 3 → 6)")
    func transposed() {
        let dimension = ConvolutionDimension(inputSize: 3, kernelSize: 3, stride: 2, padding: .symmetric(1))
        #expect(dimension.transposedOutputSize(outputPadding: 1) == 6)
        #expect(dimension.transposedOutputSize() == 5)
    }

    @Test("sizes that do not fit are errors, not traps")
    func errors() {
        #expect(throws: ConvolutionError.kernelLargerThanInput(kernel: 5, paddedInput: 4)) {
            try ConvolutionDimension(inputSize: 4, kernelSize: 5).validated()
        }
        #expect(throws: ConvolutionError.notPositive(.stride, value: 0)) {
            try ConvolutionDimension(inputSize: 4, kernelSize: 2, stride: 0).validated()
        }
        #expect(throws: ConvolutionError.negativePadding(-1)) {
            try ConvolutionDimension(inputSize: 4, kernelSize: 2, padding: .symmetric(-1)).validated()
        }
        #expect(throws: ConvolutionError.tooLarge) {
            try ConvolutionDimension(inputSize: Int.max, kernelSize: 2).validated()
        }
        #expect(throws: ConvolutionError.tooLarge) {
            try ConvolutionDimension(inputSize: 10, kernelSize: 1 << 39, dilation: 1 << 30).validated()
        }
    }
}
