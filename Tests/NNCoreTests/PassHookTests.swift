import Testing

@testable import NNCore

@Suite("Pass hooks settle each value of a pass")
struct PassHookTests {
    /// The tanh network of RoundingTests: x = 2, W⁽¹⁾ = (0.3, 0.4)ᵀ, b⁽¹⁾ = (0.1, 0.2), W⁽²⁾ = (1, −3), b⁽²⁾ = 0.2, ½ squared error.
    private let network = Network(
        layers: [
            Dense(weights: Matrix([[0.3], [0.4]]), bias: [0.1, 0.2], activation: Activation(.tanh)),
            Dense(weights: Matrix([[1, -3]]), bias: [0.2], activation: Activation(.tanh)),
        ],
        loss: Loss(.squaredError(scale: 0.5)))

    @Test("a rounding hook is the rounding pass")
    func roundingHook() {
        let rounding = Rounding(decimals: 3)
        let pass = network.forward(Matrix([[2]]), hook: PassHook(rounding))
        #expect(pass == network.forward(Matrix([[2]]), rounding: rounding))
        #expect(
            network.backward(pass, target: Matrix([[1]]), hook: PassHook(rounding))
                == network.backward(pass, target: Matrix([[1]]), rounding: rounding))
    }

    /// By hand: with z⁽¹⁾ settled on (0.6, 0.75), a⁽²⁾ = 0.2 + 0.6 − 3 · 0.75 = −1.45,
    /// and δ⁽¹⁾ takes tanh′ from the settled z⁽¹⁾: 1 − 0.6² = 0.64, 1 − 0.75² = 0.4375.
    @Test("a hook substituting z⁽¹⁾ carries the substituted values on, f′ included")
    func substitutingHook() {
        let hook = PassHook { quantity, value in
            quantity == .activation(layer: 1) ? Matrix([[0.6, 0.75]]) : value
        }
        let pass = network.forward(Matrix([[2]]), hook: hook)
        #expect(pass.preActivations[1][0, 0].isApproximatelyEqual(to: -1.45, absoluteTolerance: 1e-12))
        let gradients = network.backward(pass, target: Matrix([[1]]), hook: hook)
        let upstream = gradients.deltas[1][0, 0]
        #expect(gradients.deltas[0][0, 0].isApproximatelyEqual(to: upstream * 0.64, absoluteTolerance: 1e-12))
        #expect(gradients.deltas[0][0, 1].isApproximatelyEqual(to: -3 * upstream * 0.4375, absoluteTolerance: 1e-12))
    }
}
