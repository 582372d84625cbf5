import NNCore
import Testing

/// The output size of a convolution or pooling dimension against a brute-force
/// count of the window positions: starts 0, S, 2S, … in the padded input
/// (P_before + n + P_after entries) where the dilated window of k_eff = d(k − 1) + 1
/// entries still fits.
@Suite("conv-size agrees with counting the window positions")
struct ConvolutionSizePropertyTests {
    static func windowPositions(_ dimension: ConvolutionDimension) -> Int {
        let padded = dimension.paddingBefore + dimension.inputSize + dimension.paddingAfter
        let span = dimension.dilation * (dimension.kernelSize - 1) + 1
        var count = 0
        var start = 0
        while start + span <= padded {
            count += 1
            start += dimension.stride
        }
        return count
    }

    @Test("500 random dimensions, every padding rule", arguments: 0..<500)
    func outputSizeCountsWindows(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let paddings: [Padding] = [.symmetric(generator.nextInt(below: 4)), .valid, .same, .full]
        let dimension = ConvolutionDimension(
            inputSize: 1 + generator.nextInt(below: 40), kernelSize: 1 + generator.nextInt(below: 7),
            stride: 1 + generator.nextInt(below: 4), padding: paddings[generator.nextInt(below: paddings.count)],
            dilation: 1 + generator.nextInt(below: 3))
        let positions = Self.windowPositions(dimension)
        guard let valid = try? dimension.validated() else {
            // Refused exactly when no window fits.
            #expect(positions == 0, "\(dimension) refused, yet \(positions) windows fit")
            return
        }
        #expect(valid.outputSize == positions, "\(dimension)")
        if dimension.padding == .same {
            // TensorFlow's documented "same" output size: ⌈n / S⌉.
            #expect(valid.outputSize == (dimension.inputSize + dimension.stride - 1) / dimension.stride)
        }
    }
}
