import NNCore
import Testing

@Suite("Loss values and reductions")
struct LossTests {
    static let prediction = Matrix([[1, 2], [3, 5]])
    static let target = Matrix([[0, 2], [1, 1]])

    @Test("squared error and MSE: per-sample losses, mean and sum")
    func squaredErrors() {
        // Hand: the errors are (1, 0) and (2, 4), so Σ(ŷ − y)² is 1 and 20.
        let squared = Loss(.squaredError(scale: 1))
        #expect(squared.sampleLosses(prediction: Self.prediction, target: Self.target) == [1, 20])
        #expect(squared.value(prediction: Self.prediction, target: Self.target) == 10.5)
        #expect(
            Loss(.squaredError(scale: 1), reduction: .sum).value(prediction: Self.prediction, target: Self.target) == 21
        )
        #expect(Loss(.squaredError(scale: 0.5)).value(prediction: Self.prediction, target: Self.target) == 5.25)
        // Hand: MSE divides each sample's Σ by n = 2 outputs: 0.5 and 10.
        let mse = Loss(.meanSquaredError)
        #expect(mse.sampleLosses(prediction: Self.prediction, target: Self.target) == [0.5, 10])
        #expect(mse.value(prediction: Self.prediction, target: Self.target) == 5.25)
        #expect(
            Loss(.meanSquaredError, reduction: .sum).value(prediction: Self.prediction, target: Self.target) == 10.5)
    }

    @Test("squared-error gradients by hand")
    func squaredErrorGradients() {
        // Hand: ∂/∂ŷ of (1/2) Σₛ Σⱼ (ŷ − y)² is (ŷ − y); of the sum with c = ½ also (ŷ − y).
        #expect(
            Loss(.squaredError(scale: 1)).gradient(prediction: Self.prediction, target: Self.target)
                == Matrix([[1, 0], [2, 4]]))
        #expect(
            Loss(.squaredError(scale: 0.5), reduction: .sum).gradient(
                prediction: Self.prediction, target: Self.target) == Matrix([[1, 0], [2, 4]]))
        // Hand: MSE mean over S = 2, n = 2: (1/2)(2/2)(ŷ − y).
        #expect(
            Loss(.meanSquaredError).gradient(prediction: Self.prediction, target: Self.target)
                == Matrix([[0.5, 0], [1, 2]]))
    }

    @Test("cross-entropy and binary cross-entropy values")
    func entropies() {
        let probabilities = Matrix([[0.25, 0.75], [0.5, 0.5]])
        let classes = Matrix([[0, 1], [1, 0]])
        // numpy 2.4: -np.log(0.75) - np.log(0.5) → 0.9808292530117262
        expectApproximatelyEqual(
            Loss(.crossEntropy, reduction: .sum).value(prediction: probabilities, target: classes),
            0.9808292530117262, absoluteTolerance: 0, relativeTolerance: 1e-15)
        // numpy 2.4: (-np.log(0.75) - np.log(0.5)) / 2 → 0.4904146265058631
        expectApproximatelyEqual(
            Loss(.crossEntropy).value(prediction: probabilities, target: classes),
            0.4904146265058631, absoluteTolerance: 0, relativeTolerance: 1e-15)
        // numpy 2.4: -(0.25 * np.log(0.5) + 0.75 * np.log(0.25)) → 1.2130075659799042 (a soft target)
        expectApproximatelyEqual(
            Loss(.crossEntropy).value(prediction: Matrix([[0.5, 0.25, 0.25]]), target: Matrix([[0.25, 0, 0.75]])),
            1.2130075659799042, absoluteTolerance: 0, relativeTolerance: 1e-15)
        // numpy 2.4: (-np.log(0.8) - np.log(0.7)) / 2 → 0.2899092476264711
        expectApproximatelyEqual(
            Loss(.binaryCrossEntropy).value(prediction: Matrix([[0.8], [0.3]]), target: Matrix([[1], [0]])),
            0.2899092476264711, absoluteTolerance: 0, relativeTolerance: 1e-15)
    }

    @Test("cross-entropy ignores classes with target 0, even where ŷ = 0")
    func zeroTargets() {
        let loss = Loss(.crossEntropy)
        let prediction = Matrix([[0, 1]])
        let target = Matrix([[0, 1]])
        #expect(loss.value(prediction: prediction, target: target) == 0)
        #expect(loss.gradient(prediction: prediction, target: target) == Matrix([[0, -1]]))
    }

    @Test("the reduction factor is 1/S for the mean and 1 for the sum")
    func reductionFactor() {
        #expect(Loss(.crossEntropy).reductionFactor(samples: 4) == 0.25)
        #expect(Loss(.crossEntropy, reduction: .sum).reductionFactor(samples: 4) == 1)
        // A single sample: mean and sum agree.
        let one = Matrix([[3, 1]])
        #expect(
            Loss(.meanSquaredError).value(prediction: one, target: Matrix([[1, 1]]))
                == Loss(.meanSquaredError, reduction: .sum).value(prediction: one, target: Matrix([[1, 1]])))
    }
}
