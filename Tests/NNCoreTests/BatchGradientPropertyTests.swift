import NNCore
import Testing

/// A batch's loss and gradients against the same network run one sample at a
/// time: with sum reduction the batch is the sum of the per-sample losses and
/// its gradient the sum of their gradients (the derivative is linear); with mean
/// reduction both are the per-sample results averaged.
@Suite("Batch gradients: the sum of per-sample gradients, or their mean")
struct BatchGradientPropertyTests {
    /// The loss and the gradients (∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ flattened, layer by layer) of `input` against `target`.
    static func lossAndGradient(_ network: Network, _ input: Matrix, _ target: Matrix) -> (Double, [Double]) {
        let pass = network.forward(input)
        let gradients = network.backward(pass, target: target)
        var flat: [Double] = []
        for (weights, bias) in zip(gradients.weightGradients, gradients.biasGradients) {
            flat += weights.elements + bias
        }
        return (network.loss(of: pass, target: target), flat)
    }

    /// Row `index` of `matrix` as a 1 × n matrix.
    static func row(_ matrix: Matrix, _ index: Int) -> Matrix {
        Matrix([matrix.rowArrays[index]])
    }

    @Test("500 seeded random batches: sum reduction gives the sums, mean reduction the means", arguments: 0..<500)
    func batchEqualsPerSample(seed: Int) {
        var generator = SplitMix64(seed: UInt64(1_000 + seed))
        var (network, input, target) = GradientCheckPropertyTests.randomProblem(&generator)
        let samples = input.rows
        for reduction in [Loss.Reduction.sum, .mean] {
            network.loss = Loss(network.loss.function, reduction: reduction)
            let (batchLoss, batchGradient) = Self.lossAndGradient(network, input, target)
            var lossSum = 0.0
            var gradientSum = Array(repeating: 0.0, count: batchGradient.count)
            for index in 0..<samples {
                let (loss, gradient) = Self.lossAndGradient(network, Self.row(input, index), Self.row(target, index))
                lossSum += loss
                for (position, value) in gradient.enumerated() { gradientSum[position] += value }
            }
            let divisor = reduction == .sum ? 1.0 : Double(samples)
            expectApproximatelyEqual(
                batchLoss, lossSum / divisor, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)
            expectApproximatelyEqual(
                batchGradient, gradientSum.map { $0 / divisor }, absoluteTolerance: 1e-12, relativeTolerance: 1e-10)
        }
    }

    @Test("the 500 seeds include batches of 2 to 4 samples under every loss")
    func coverage() {
        var lossesWithBatches: Set<Loss.Function> = []
        for seed in 0..<500 {
            var generator = SplitMix64(seed: UInt64(1_000 + seed))
            let (network, input, _) = GradientCheckPropertyTests.randomProblem(&generator)
            if input.rows > 1 { lossesWithBatches.insert(network.loss.function) }
        }
        #expect(lossesWithBatches.count == 5)
    }
}
