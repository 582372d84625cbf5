import NNCore
import Testing

/// The augmented matrix [b | W] that homework writes for a layer whose bias
/// is the weight of a constant input 1 (the first column).
private func augmented(bias: [Double], weights: Matrix) -> Matrix {
    Matrix((0..<weights.rows).map { [bias[$0]] + weights.row($0) })
}

/// Homework A: a 1–2–1 tanh network, augmented weights
/// W̃⁽¹⁾ = [[0.1, 0.3], [0.2, 0.4]], W̃⁽²⁾ = [[0.2, 1, −3]], x = 2, y = 1,
/// L = ½ (ŷ − y)².
@Suite("Network: homework A (tanh, augmented weights)")
struct TanhHomeworkTests {
    static let network = Network(
        layers: [
            Dense(weights: Matrix([[0.3], [0.4]]), bias: [0.1, 0.2], activation: Activation(.tanh)),
            Dense(weights: Matrix([[1, -3]]), bias: [0.2], activation: Activation(.tanh)),
        ],
        loss: Loss(.squaredError(scale: 0.5)))
    static let input = Matrix(row: [2])
    static let target = Matrix(row: [1])
    /// The homework states its values to 10 decimals.
    static let tolerance = 1e-9

    @Test("forward pass: a⁽¹⁾, z⁽¹⁾, a⁽²⁾, z⁽²⁾ and L as in the homework statement")
    func forward() {
        let pass = Self.network.forward(Self.input)
        #expect(pass.activations[0] == Self.input)
        // Homework statement A.
        expectApproximatelyEqual(pass.preActivations[0], [[0.7, 1]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            pass.activations[1], [[0.6043677771, 0.7615941560]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(pass.preActivations[1], [[-1.4804146908]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(pass.activations[2], [[-0.9015456534]], absoluteTolerance: Self.tolerance)
        #expect(pass.output == pass.activations[2])
        #expect(pass.logits == pass.preActivations[1])
        expectApproximatelyEqual(
            Self.network.loss(of: pass, target: Self.target), 1.8079379359, absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            Self.network.loss(input: Self.input, target: Self.target), 1.8079379359,
            absoluteTolerance: Self.tolerance)
    }

    @Test("backward pass: δ⁽²⁾, δ⁽¹⁾ and the augmented weight gradients as in the homework statement")
    func backward() throws {
        let pass = Self.network.forward(Self.input)
        let gradients = Self.network.backward(pass, target: Self.target)
        #expect(Self.network.outputRule == .chainRule)
        // Hand: ∂L/∂ŷ = ŷ − y = −0.9015456534 − 1.
        let outputGradient = try #require(gradients.outputGradient)
        expectApproximatelyEqual(outputGradient, [[-1.9015456534]], absoluteTolerance: Self.tolerance)
        // Homework statement A.
        expectApproximatelyEqual(gradients.deltas[1], [[-0.3559986964]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            gradients.deltas[0], [[-0.2259664666, 0.4485309545]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            augmented(bias: gradients.biasGradients[1], weights: gradients.weightGradients[1]),
            [[-0.3559986964, -0.2151541408, -0.2711265267]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            augmented(bias: gradients.biasGradients[0], weights: gradients.weightGradients[0]),
            [[-0.2259664666, -0.4519329332], [0.4485309545, 0.8970619089]], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            gradients.biasGradients[0], [-0.2259664666, 0.4485309545], absoluteTolerance: Self.tolerance)
        expectApproximatelyEqual(
            gradients.weightGradients[0], [[-0.4519329332], [0.8970619089]], absoluteTolerance: Self.tolerance)
        // Hand: ∂L/∂x = W⁽¹⁾ᵀ δ⁽¹⁾ = 0.3 · (−0.2259664666) + 0.4 · 0.4485309545.
        expectApproximatelyEqual(
            gradients.inputGradient, [[0.3 * -0.2259664666 + 0.4 * 0.4485309545]],
            absoluteTolerance: Self.tolerance)
    }
}

/// Homework B: a 2–3–2–1 ReLU network with integer weights, x = (2, 1),
/// y = 10, L = (ŷ − y)². Every value is an integer, so equality is exact.
@Suite("Network: homework B (ReLU, integers)")
struct ReLUHomeworkTests {
    static let network = Network(
        layers: [
            Dense(weights: Matrix([[1, 0], [3, 4], [1, 2]]), bias: [0, -2, 5], activation: Activation(.relu)),
            Dense(weights: Matrix([[2, 6, 1], [0, 3, 1]]), bias: [-23, -11], activation: Activation(.relu)),
            Dense(weights: Matrix([[-2, 3]]), bias: [18], activation: Activation(.relu)),
        ],
        loss: Loss(.squaredError(scale: 1)))
    static let input = Matrix(row: [2, 1])
    static let target = Matrix(row: [10])

    @Test("forward pass: a⁽¹⁾ = (2, 8, 9), a⁽²⁾ = (38, 22), ŷ = 8, L = 4")
    func forward() {
        let pass = Self.network.forward(Self.input)
        // Homework statement B (and by hand).
        #expect(pass.preActivations[0] == Matrix(row: [2, 8, 9]))
        #expect(pass.activations[1] == Matrix(row: [2, 8, 9]))
        #expect(pass.preActivations[1] == Matrix(row: [38, 22]))
        #expect(pass.activations[2] == Matrix(row: [38, 22]))
        #expect(pass.preActivations[2] == Matrix(row: [8]))
        #expect(pass.output == Matrix(row: [8]))
        #expect(Self.network.loss(of: pass, target: Self.target) == 4)
    }

    @Test("backward pass: every δ, ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾ and ∂L/∂x")
    func backward() {
        let gradients = Self.network.backward(Self.network.forward(Self.input), target: Self.target)
        // Homework statement B (and by hand).
        #expect(gradients.outputGradient == Matrix(row: [-4]))
        #expect(gradients.deltas[2] == Matrix(row: [-4]))
        #expect(gradients.deltas[1] == Matrix(row: [8, -12]))
        #expect(gradients.deltas[0] == Matrix(row: [16, 12, -4]))
        #expect(gradients.weightGradients[2] == Matrix([[-152, -88]]))
        #expect(gradients.weightGradients[1] == Matrix([[16, 64, 72], [-24, -96, -108]]))
        #expect(gradients.weightGradients[0] == Matrix([[32, 16], [24, 12], [-8, -4]]))
        #expect(gradients.biasGradients == [[16, 12, -4], [8, -12], [-4]])
        // Hand: ∂L/∂z⁽²⁾ = W⁽³⁾ᵀ δ⁽³⁾ = (−2, 3) · (−4).
        #expect(gradients.activationGradients[2] == Matrix(row: [8, -12]))
        #expect(gradients.activationGradients[1] == Matrix(row: [16, 12, -4]))
        #expect(gradients.inputGradient == Matrix(row: [48, 40]))
    }

    @Test("one gradient-descent step with η = 0.01")
    func update() {
        let gradients = Self.network.backward(Self.network.forward(Self.input), target: Self.target)
        let next = Self.network.updated(by: gradients, learningRate: 0.01)
        // Hand: w ← w − 0.01 · ∂L/∂w, e.g. W⁽¹⁾₁₁ = 1 − 0.32, b⁽³⁾ = 18 + 0.04.
        expectApproximatelyEqual(
            next.layers[0].weights, [[0.68, -0.16], [2.76, 3.88], [1.08, 2.04]], absoluteTolerance: 1e-14)
        expectApproximatelyEqual(next.layers[0].bias, [-0.16, -2.12, 5.04], absoluteTolerance: 1e-14)
        expectApproximatelyEqual(
            next.layers[1].weights, [[1.84, 5.36, 0.28], [0.24, 3.96, 2.08]], absoluteTolerance: 1e-14)
        expectApproximatelyEqual(next.layers[1].bias, [-23.08, -10.88], absoluteTolerance: 1e-14)
        expectApproximatelyEqual(next.layers[2].weights, [[-0.48, 3.88]], absoluteTolerance: 1e-14)
        expectApproximatelyEqual(next.layers[2].bias, [18.04], absoluteTolerance: 1e-14)
        #expect(next.layers.map(\.activation) == Self.network.layers.map(\.activation))
        #expect(next.loss == Self.network.loss)
        // numpy 2.4: the same update, then relu(W3 @ relu(W2 @ relu(W1 @ x + b1) + b2) + b3)
        //   → ŷ = 153.40832, L = (ŷ − 10)² = 20565.946245222385 (η is too large here).
        let pass = next.forward(Self.input)
        expectApproximatelyEqual(pass.output, [[153.40832]], absoluteTolerance: 1e-10)
        expectApproximatelyEqual(
            next.loss(of: pass, target: Self.target), 20565.946245222385, absoluteTolerance: 0,
            relativeTolerance: 1e-12)
    }
}

@Suite("Network: batches")
struct NetworkBatchTests {
    @Test("a batch of samples gives the per-sample rows, and mean-reduced gradients average them")
    func batchIsPerSample() {
        let network = ReLUHomeworkTests.network
        let other = Matrix(row: [1, -1])
        let batch = Matrix([ReLUHomeworkTests.input.row(0), other.row(0)])
        let targets = Matrix([[10], [3]])
        let pass = network.forward(batch)
        let first = network.forward(ReLUHomeworkTests.input)
        let second = network.forward(other)
        for layer in 0...3 {
            #expect(pass.activations[layer].row(0) == first.activations[layer].row(0))
            #expect(pass.activations[layer].row(1) == second.activations[layer].row(0))
        }
        let gradients = network.backward(pass, target: targets)
        let firstGradients = network.backward(first, target: Matrix(row: [10]))
        let secondGradients = network.backward(second, target: Matrix(row: [3]))
        // Mean over S = 2: the batch gradient is the average of the per-sample ones.
        for layer in 0..<3 {
            let average = 0.5 * (firstGradients.weightGradients[layer] + secondGradients.weightGradients[layer])
            #expect(gradients.weightGradients[layer].isApproximatelyEqual(to: average, absoluteTolerance: 1e-12))
        }
        // By hand for x = (1, −1): a⁽¹⁾ = (1, −3, 4), z⁽¹⁾ = (1, 0, 4), a⁽²⁾ = (−17, −7), ŷ = relu(18) = 18.
        #expect(second.output == Matrix(row: [18]))
        let loss = network.loss(of: pass, target: targets)
        // Hand: ((8 − 10)² + (18 − 3)²) / 2 = (4 + 225) / 2.
        #expect(loss == 114.5)
    }
}
