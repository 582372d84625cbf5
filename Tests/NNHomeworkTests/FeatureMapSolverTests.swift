import NNCore
import Testing

@testable import NNHomework

@Suite("conv and pool solvers: feature maps as sums of products")
struct FeatureMapSolverTests {
    static let input = Matrix([[6, 0, 1], [3, 4, 1], [1, 7, 0]])
    static let kernel = Matrix([[1, 0], [0, -1]])

    @Test("issue 4 C: the feature map is [[2, −1], [−4, 4]], y₁₁ shown as 6·1 + 0·0 + 3·0 + 4·(−1)")
    func acceptanceC() throws {
        // By hand and numpy (sliding_window_view(A, (2, 2)) * k).sum(axis=(2, 3)).
        let solution = try FeatureMapSolver().convolution(
            input: [Self.input], filter: Convolution2D(kernel: [Self.kernel]))
        #expect(
            solution.result["output"]
                == .array([.array([.number(2), .number(-1)]), .array([.number(-4), .number(4)])]))
        let first = try #require(solution.steps.first { $0.lhs == .symbol(Symbol("y", index: "1,1")) })
        #expect(
            first.rhs == [
                .infix(
                    .plus,
                    [
                        .infix(.times, [.number(6), .number(1)]), .infix(.times, [.number(0), .number(0)]),
                        .infix(.times, [.number(3), .number(0)]), .infix(.times, [.number(4), .number(-1)]),
                    ]), .number(2),
            ])
        #expect(TextRenderer().proseLayout.text(for: solution.preamble[0]).hasPrefix("Cross-correlation"))
    }

    @Test("--flip says it is the true convolution and negates this kernel's map")
    func flipped() throws {
        let filter = Convolution2D(kernel: [Self.kernel], isFlipped: true)
        let solution = try FeatureMapSolver().convolution(input: [Self.input], filter: filter)
        #expect(TextRenderer().proseLayout.text(for: solution.preamble[0]).hasPrefix("True convolution"))
        #expect(
            solution.result["output"]
                == .array([.array([.number(-2), .number(1)]), .array([.number(4), .number(-4)])]))
    }

    @Test("a kernel with other channels than the input is an error at --kernel")
    func channelMismatch() {
        #expect(
            throws: InputError(
                .invalidData, at: "--kernel", "has 2 channels, but --input has 1; they must match")
        ) {
            try FeatureMapSolver().convolution(
                input: [Self.input], filter: Convolution2D(kernel: [Self.kernel, Self.kernel]))
        }
    }

    @Test("average pooling shows (sum) / count: 2 × 2 of [[1, 3], [5, 6]] is 3.75")
    func averagePooling() throws {
        let solution = try FeatureMapSolver().pooling(
            input: [Matrix([[1, 3], [5, 6]])], pooling: Pooling2D(kernelHeight: 2, kernelWidth: 2, mode: .average))
        #expect(solution.result["output"] == .array([.array([.number(3.75)])]))
    }

    @Test("a pooling window larger than the input is an error at --size")
    func poolingTooLarge() {
        #expect(
            throws: InputError(
                .invalidData, at: "--size", "the window spans 3 along the rows, more than the 2 of the padded input")
        ) {
            try FeatureMapSolver().pooling(
                input: [Matrix([[1, 3], [5, 6]])], pooling: Pooling2D(kernelHeight: 3, kernelWidth: 1, mode: .max))
        }
    }
}
