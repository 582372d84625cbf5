import NNCore
import Testing

@testable import NNHomework

@Suite("conv-size solver: shapes, uncovered rows, parameters")
struct ConvolutionSizeSolverTests {
    private func problem(
        _ n: Int, channels: Int = 1, kernel: Int = 3, stride: Int = 1, padding: Padding = .symmetric(0),
        layer: ConvolutionSizeProblem.Layer = .convolution(filters: 1, hasBias: true)
    ) -> ConvolutionSizeProblem {
        let dimension = ConvolutionDimension(inputSize: n, kernelSize: kernel, stride: stride, padding: padding)
        return ConvolutionSizeProblem(
            inputHeight: n, inputWidth: n, inputChannels: channels, height: dimension, width: dimension, layer: layer)
    }

    @Test("issue 4 A: 36 × 36, 3 × 3 kernel, P 0, S 1 → 34 × 34")
    func acceptanceA() throws {
        // By hand: ⌊(36 + 0 − 3)/1⌋ + 1 = 34.
        let solution = try ConvolutionSizeSolver().solve(problem(36))
        #expect(solution.result["output"] == .array([.number(34), .number(34), .number(1)]))
        #expect(solution.result["exact"] == .bool(true))
    }

    @Test("issue 4 B: 36 × 36 × 3, 3 × 3, P 3, S 2, 2 filters → 20 × 20 × 2, one row and column uncovered")
    func acceptanceB() throws {
        // By hand: ⌊(36 + 6 − 3)/2⌋ + 1 = ⌊39/2⌋ + 1 = 20; 39 mod 2 = 1 uncovered; (27 + 1)·2 = 56 parameters.
        let solution = try ConvolutionSizeSolver().solve(
            problem(36, channels: 3, stride: 2, padding: .symmetric(3), layer: .convolution(filters: 2, hasBias: true)))
        #expect(solution.result["output"] == .array([.number(20), .number(20), .number(2)]))
        #expect(solution.result["exact"] == .bool(false))
        #expect(solution.result["uncovered"] == .array([.number(1), .number(1)]))
        #expect(solution.result["params"] == .number(56))
        #expect(solution.result["mult_adds"] == .number(21_600))
        #expect(solution.steps[0].rhs.last == .number(20))
    }

    @Test("\"same\" with stride 2 on 36 gives ⌈36/2⌉ = 18 (TensorFlow), total padding 1")
    func same() throws {
        // TensorFlow: out = ceil(36/2) = 18, pad = max((18 − 1)·2 + 3 − 36, 0) = 1.
        let solution = try ConvolutionSizeSolver().solve(problem(36, stride: 2, padding: .same))
        #expect(solution.result["output"] == .array([.number(18), .number(18), .number(1)]))
        #expect(solution.steps[1].rhs.last == .number(1))
    }

    @Test("transposed: 3 → 2(3 − 1) + 3 − 2 + 1 = 6 (PyTorch ConvTranspose2d docs formula)")
    func transposed() throws {
        let solution = try ConvolutionSizeSolver().solve(
            problem(
                3, stride: 2, padding: .symmetric(1),
                layer: .transposed(filters: 1, hasBias: true, outputPadding: [1, 1])))
        #expect(solution.result["output"] == .array([.number(6), .number(6), .number(1)]))
    }

    @Test("pooling keeps the channels and has no parameters")
    func pooling() throws {
        let solution = try ConvolutionSizeSolver().solve(
            problem(28, channels: 16, kernel: 2, stride: 2, layer: .pooling(.max, ceilMode: false)))
        #expect(solution.result["output"] == .array([.number(14), .number(14), .number(16)]))
        #expect(solution.result["params"] == .number(0))
    }

    @Test("a kernel larger than the padded input is an invalid-data error at --kernel")
    func kernelTooLarge() {
        #expect(
            throws: InputError(
                .invalidData, at: "--kernel", "the window spans 5 along the rows, more than the 4 of the padded input")
        ) {
            try ConvolutionSizeSolver().solve(problem(4, kernel: 5))
        }
    }

    @Test("output padding must be below max(S, d)")
    func outputPadding() {
        #expect(throws: InputError.self) {
            try ConvolutionSizeSolver().solve(
                problem(3, layer: .transposed(filters: 1, hasBias: true, outputPadding: [1, 0])))
        }
    }
}
