import NNCore
import Testing

@Suite("SplitMix64 and weight initialization")
struct SplitMix64Tests {
    @Test("seed 0 gives the published SplitMix64 sequence")
    func referenceSequence() {
        // Reference: Vigna's splitmix64.c with x = 0 (also recomputed in Python with 64-bit masking).
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("unit doubles lie in [0, 1) and integers below the bound")
    func ranges() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            let unit = generator.nextUnit()
            #expect(unit >= 0 && unit < 1)
            let value = generator.nextInt(below: 7)
            #expect((0..<7).contains(value))
        }
    }

    @Test("a sample has distinct sorted indices, and the same seed gives the same sample")
    func sampling() {
        var first = SplitMix64(seed: 3)
        var second = SplitMix64(seed: 3)
        let sample = first.sample(10, from: 50)
        #expect(sample == second.sample(10, from: 50))
        #expect(sample.count == 10 && Set(sample).count == 10 && sample == sample.sorted())
        #expect(sample.allSatisfy { (0..<50).contains($0) })
        #expect(first.sample(60, from: 50) == Array(0..<50))
    }

    @Test("Glorot and He uniform draw within their bounds √(6/(in+out)) and √(6/in)")
    func initialization() {
        #expect(WeightInitialization(for: Activation(.relu)) == .heUniform)
        #expect(WeightInitialization(for: Activation(.tanh)) == .glorotUniform)
        #expect(WeightInitialization.glorotUniform.bound(inputs: 2, outputs: 1) == 2.0.squareRoot())
        #expect(WeightInitialization.heUniform.bound(inputs: 6, outputs: 100) == 1)
        var generator = SplitMix64(seed: 0)
        let weights = WeightInitialization.heUniform.weights(inputs: 6, outputs: 50, using: &generator)
        #expect(weights.rows == 50 && weights.columns == 6)
        #expect(weights.elements.allSatisfy { abs($0) < 1 })
        #expect(weights.elements.contains { $0 > 0.5 } && weights.elements.contains { $0 < -0.5 })
    }
}
