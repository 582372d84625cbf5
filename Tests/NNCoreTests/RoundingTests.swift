import Testing

@testable import NNCore

@Suite("Rounding of intermediates")
struct RoundingTests {
    // Hand-rounded values: halves go away from zero, as written in decimal.
    @Test(
        "rounds to K decimals, halves away from zero, as a decimal is rounded by hand",
        arguments: [
            (0.4485, 3, 0.449), (-0.22596646661827227, 3, -0.226), (2.5, 0, 3.0), (-2.5, 0, -3.0),
            (0.6043677771171636, 3, 0.604), (1.005, 2, 1.01), (-0.0004, 3, 0.0), (12.0, 2, 12.0),
        ])
    func roundsLikeAHandSolution(value: Double, decimals: Int, expected: Double) {
        let rounded = Rounding(decimals: decimals).apply(value)
        #expect(rounded == expected)
        #expect(rounded.sign == .plus || rounded != 0, "−0 must become 0")
    }

    @Test("leaves NaN, infinity and numbers beyond K decimals' reach alone")
    func leavesSpecialsAlone() {
        let rounding = Rounding(decimals: 3)
        #expect(rounding.apply(Double.infinity) == .infinity)
        #expect(rounding.apply(Double.nan).isNaN)
        #expect(rounding.apply(1e300) == 1e300)
    }

    /// The tanh-augmented example (issue 6, acceptance B). Independent source: numpy,
    /// rounding to 3 decimals a⁽ˡ⁾, z⁽ˡ⁾, L, ∂L/∂ŷ, δ⁽ˡ⁾ (f′ evaluated at the rounded
    /// a⁽ˡ⁾, not rounded on its own):
    ///   z1 = round(tanh([0.7, 1])) = (0.604, 0.762); a2 = round(0.2 + 0.604 − 3·0.762) = −1.482;
    ///   ŷ = round(tanh(−1.482)) = −0.902; ∂L/∂ŷ = −1.902; δ2 = round(−1.902·(1 − tanh(−1.482)²)) = −0.355;
    ///   δ1 = round((1, −3)·(−0.355) ⊙ (1 − tanh([0.7, 1])²)) = (−0.225, 0.447).
    @Test("a tanh network with intermediates rounded to 3 decimals gives δ⁽¹⁾ = (−0.225, 0.447)")
    func roundedBackpropagation() {
        let network = Network(
            layers: [
                Dense(weights: Matrix([[0.3], [0.4]]), bias: [0.1, 0.2], activation: Activation(.tanh)),
                Dense(weights: Matrix([[1, -3]]), bias: [0.2], activation: Activation(.tanh)),
            ],
            loss: Loss(.squaredError(scale: 0.5)))
        let rounding = Rounding(decimals: 3)
        let pass = network.forward(Matrix([[2]]), rounding: rounding)
        #expect(pass.activations[1].row(0) == [0.604, 0.762])
        #expect(pass.preActivations[1].row(0) == [-1.482])
        #expect(pass.output.row(0) == [-0.902])
        let gradients = network.backward(pass, target: Matrix([[1]]), rounding: rounding)
        #expect(gradients.outputGradient?.row(0) == [-1.902])
        #expect(gradients.deltas[1].row(0) == [-0.355])
        #expect(gradients.deltas[0].row(0) == [-0.225, 0.447])
        // Without rounding the same network gives δ⁽¹⁾ = (−0.22597, 0.44853) (numpy).
        let exact = network.backward(network.forward(Matrix([[2]])), target: Matrix([[1]]))
        #expect(exact.deltas[0].row(0).map { Rounding(decimals: 5).apply($0) } == [-0.22597, 0.44853])
    }

    /// Issue 13: one backward pass serves both; without a rounding it is the exact pass,
    /// and rounding to 15 decimals moves no value of a small softmax network by more than 10⁻¹³.
    @Test("the rounding pass at 15 decimals agrees with the exact pass, and nil rounding is the exact pass")
    func oneBackwardPass() {
        let network = Network(
            layers: [
                Dense(
                    weights: Matrix([[0.3, -0.2], [0.4, 0.1], [-0.5, 0.7]]), bias: [0.1, 0.2, -0.1],
                    activation: Activation(.sigmoid)),
                Dense(
                    weights: Matrix([[1, -3, 0.5], [0.2, 0.4, -1]]), bias: [0.2, -0.3],
                    activation: Activation(.softmax(beta: 1))),
            ],
            loss: Loss(.crossEntropy))
        let input = Matrix([[2, -1], [0.5, 1.5]])
        let target = Matrix([[1, 0], [0, 1]])
        let exact = network.backward(network.forward(input), target: target)
        #expect(network.backward(network.forward(input, rounding: nil), target: target, rounding: nil) == exact)
        let rounding = Rounding(decimals: 15)
        let rounded = network.backward(network.forward(input, rounding: rounding), target: target, rounding: rounding)
        for (a, b) in zip(rounded.weightGradients + rounded.deltas, exact.weightGradients + exact.deltas) {
            expectApproximatelyEqual(a.elements, b.elements, absoluteTolerance: 1e-13)
        }
        let step = network.updated(by: exact, learningRate: 0.1)
        let roundedStep = network.updated(by: exact, learningRate: 0.1, rounding: Rounding(decimals: 2))
        #expect(roundedStep.layers[0].weights == Rounding(decimals: 2).apply(step.layers[0].weights))
    }
}
