import NNCore
import Testing

@Suite("Parameter and multiply-add counts of a convolution layer")
struct ConvolutionCostTests {
    @Test("issue 4 B: 3 × 3 kernel, 3 channels, 2 filters → (3·3·3 + 1)·2 = 56 parameters")
    func parameters() throws {
        // By hand: 27 weights + 1 bias per filter, 2 filters.
        #expect(
            try ConvolutionCost.parameters(
                kernelHeight: 3, kernelWidth: 3, inputChannels: 3, filters: 2, hasBias: true) == 56)
        #expect(
            try ConvolutionCost.parameters(
                kernelHeight: 3, kernelWidth: 3, inputChannels: 3, filters: 2, hasBias: false) == 54)
    }

    @Test("issue 4 B: 20 × 20 outputs · 3·3·3·2 = 21600 multiply-adds")
    func multiplyAdds() throws {
        // By hand: 400 positions × 27 products × 2 filters.
        #expect(
            try ConvolutionCost.multiplyAdds(
                kernelHeight: 3, kernelWidth: 3, inputChannels: 3, filters: 2, positions: 400) == 21_600)
    }

    @Test("a count that overflows Int is an error, not a trap")
    func overflow() {
        #expect(throws: ConvolutionError.tooLarge) {
            try ConvolutionCost.product([1 << 40, 1 << 40])
        }
        #expect(throws: ConvolutionError.tooLarge) {
            try ConvolutionCost.parameters(
                kernelHeight: 1 << 31, kernelWidth: 1 << 31, inputChannels: 4, filters: 1, hasBias: true)
        }
    }
}
