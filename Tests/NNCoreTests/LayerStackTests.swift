import Foundation
import NNCore
import Testing

@Suite("Layer stacks: convolution, pooling, normalization, dropout and residual layers")
struct LayerStackTests {
    /// Numbers in [−1, 1) from a fixed seed.
    static func numbers(_ count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in 2 * generator.nextUnit() - 1 }
    }

    static func matrices(_ count: Int, _ rows: Int, _ columns: Int, seed: UInt64) -> [Matrix] {
        let values = numbers(count * rows * columns, seed: seed)
        return (0..<count).map { index in
            Matrix(
                rows: rows, columns: columns,
                elements: Array(values[(index * rows * columns)..<((index + 1) * rows * columns)]))
        }
    }

    /// Issue 18 B: conv2d (2 → 3 channels, k = 3, stride 2, padding 1) → ReLU → 2 × 2 max pool → flatten →
    /// dense 12 → 3 → softmax cross-entropy, on two samples of 2 × 8 × 8.
    static func convolutionNetwork() throws -> (stack: LayerStack, input: Matrix, target: Matrix) {
        let kernels = (0..<3).map { output in matrices(2, 3, 3, seed: 10 + UInt64(output)) }
        let convolution = ConvolutionStage(
            kernels: kernels, bias: [0.1, -0.2, 0.05], stride: 2, padding: 1, activation: Activation(.relu))
        let dense = Dense(
            weights: Matrix(rows: 3, columns: 12, elements: numbers(36, seed: 20)), bias: [0.01, 0.02, -0.03],
            activation: Activation(.softmax(beta: 1)))
        let stack = try LayerStack(
            inputShape: SampleShape(channels: 2, height: 8, width: 8),
            layers: [
                .convolution(convolution), .pooling(PoolingStage(mode: .max, size: 2)), .flatten, .dense(dense),
            ], loss: Loss(.crossEntropy))
        let input = Matrix(rows: 2, columns: 128, elements: numbers(256, seed: 30))
        return (stack, input, Matrix([[0, 1, 0], [0, 0, 1]]))
    }

    @Test("issue 18 B: the CNN's forward pass equals a direct computation written out here")
    func convolutionForwardAgainstDirectComputation() throws {
        let (stack, input, _) = try Self.convolutionNetwork()
        let pass = stack.forward(input)
        guard case .convolution(let convolution) = stack.layers[0], case .dense(let dense) = stack.layers[3] else {
            Issue.record("layers")
            return
        }
        for sample in 0..<2 {
            let x = input.row(sample)
            // Zero-padded input value of channel c at padded position (r, s).
            func padded(_ c: Int, _ r: Int, _ s: Int) -> Double {
                let (i, j) = (r - 1, s - 1)
                return (0..<8).contains(i) && (0..<8).contains(j) ? x[c * 64 + i * 8 + j] : 0
            }
            var convolved = [Double](repeating: 0, count: 3 * 16)
            for o in 0..<3 {
                for i in 0..<4 {
                    for j in 0..<4 {
                        var sum = convolution.bias[o]
                        for c in 0..<2 {
                            for m in 0..<3 {
                                for n in 0..<3 {
                                    sum += convolution.kernels[o][c][m, n] * padded(c, 2 * i + m, 2 * j + n)
                                }
                            }
                        }
                        convolved[o * 16 + i * 4 + j] = max(sum, 0)
                    }
                }
            }
            var pooled = [Double](repeating: 0, count: 12)
            for o in 0..<3 {
                for i in 0..<2 {
                    for j in 0..<2 {
                        pooled[o * 4 + i * 2 + j] = [0, 1, 4, 5].map { convolved[o * 16 + (2 * i) * 4 + 2 * j + $0] }
                            .max()!
                    }
                }
            }
            let logits = (0..<3).map { u in
                dense.bias[u] + (0..<12).reduce(0) { $0 + dense.weights[u, $1] * pooled[$1] }
            }
            let largest = logits.max()!
            let exponentials = logits.map { exp($0 - largest) }
            let softmax = exponentials.map { $0 / exponentials.reduce(0, +) }
            expectApproximatelyEqual(pass.layers[0].output.row(sample), convolved, absoluteTolerance: 1e-14)
            expectApproximatelyEqual(pass.layers[1].output.row(sample), pooled, absoluteTolerance: 1e-14)
            expectApproximatelyEqual(pass.output.row(sample), softmax, absoluteTolerance: 1e-14)
        }
    }

    @Test("issue 18 B: every parameter of the CNN passes a central-difference check")
    func convolutionGradientCheck() throws {
        let (stack, input, target) = try Self.convolutionNetwork()
        let gradients = stack.backward(stack.forward(input), target: target)
        let parameters = stack.parameters
        #expect(parameters.count == 3 * 2 * 9 + 3 + 36 + 3)
        let numeric = stack.centralDifferences(parameters, input: input, target: target, epsilon: 1e-6)
        var checked = 0
        for (parameter, difference) in zip(parameters, numeric) where !difference.crossesKink {
            #expect(abs(gradients[parameter] - difference.numeric) <= 1e-7, "\(parameter)")
            checked += 1
        }
        #expect(checked >= parameters.count - 2)
        #expect(gradients.layers[0].parameters[0].contains { $0 != 0 })
    }

    @Test("batch norm inside a stack, on maps and on vectors, passes a central-difference check for γ, β and x")
    func normalizationGradientCheck() throws {
        let batchNorm = NormalizationStage(
            Normalization(axis: .batch, gamma: [1.5, -0.5], beta: [0.1, 0.2]), activation: Activation(.tanh))
        let layerNorm = NormalizationStage(
            Normalization(axis: .features, gamma: Self.numbers(8, seed: 3), beta: Self.numbers(8, seed: 4)))
        let stack = try LayerStack(
            inputShape: SampleShape(channels: 2, height: 2, width: 2),
            layers: [
                .normalization(batchNorm), .flatten, .normalization(layerNorm),
                .dense(
                    Dense(
                        weights: Matrix(rows: 2, columns: 8, elements: Self.numbers(16, seed: 5)), bias: [0, 0.5],
                        activation: Activation(.identity))),
            ], loss: Loss(.meanSquaredError))
        let input = Matrix(rows: 3, columns: 8, elements: Self.numbers(24, seed: 6))
        let target = Matrix([[1, 0], [0, 1], [0.5, 0.5]])
        let gradients = stack.backward(stack.forward(input), target: target)
        let numeric = stack.centralDifferences(stack.parameters, input: input, target: target, epsilon: 1e-6)
        for (parameter, difference) in zip(stack.parameters, numeric) {
            #expect(abs(gradients[parameter] - difference.numeric) <= 1e-8, "\(parameter)")
        }
        // ∂L/∂x against differences in the input.
        for entry in [0, 5, 13, 23] {
            var plus = input.elements
            plus[entry] += 1e-6
            var minus = input.elements
            minus[entry] -= 1e-6
            let lossPlus = stack.loss(of: stack.forward(Matrix(rows: 3, columns: 8, elements: plus)), target: target)
            let lossMinus = stack.loss(of: stack.forward(Matrix(rows: 3, columns: 8, elements: minus)), target: target)
            #expect(abs(gradients.inputGradient.elements[entry] - (lossPlus - lossMinus) / (2 * Double(1e-6))) <= 1e-8)
        }
    }

    @Test("issue 18 D: a residual path makes ∂L/∂x = upstream · (1 + ∏ of the block's weights)")
    func residualGradient() throws {
        // x → w₁ = 0.005 → w₂ = 0.1 → + x; L = ½(ŷ − y)² with ŷ − y = 0.01, so ∂L/∂x = 0.01 · (0.005 · 0.1 + 1).
        func unit(_ w: Double) -> StackLayer {
            .dense(Dense(weights: Matrix([[w]]), bias: [0], activation: Activation(.identity)))
        }
        let stack = try LayerStack(
            inputShape: .vector(1), layers: [unit(0.005), unit(0.1), .residual(ResidualStage(from: 0))],
            loss: Loss(.squaredError(scale: 0.5)))
        let x = 2.0
        let output = x * 0.005 * 0.1 + x
        let gradients = stack.backward(stack.forward(Matrix([[x]])), target: Matrix([[output - 0.01]]))
        #expect(abs(gradients.inputGradient[0, 0] - 0.010005) <= 1e-15)
        #expect(abs(gradients.layers[1].parameters[0][0] - 0.01 * x * 0.005) <= 1e-15)
    }

    @Test("dropout scales the kept values by 1/(1 − p) forward and backward")
    func dropout() throws {
        let stack = try LayerStack(
            inputShape: .vector(4),
            layers: [.dropout(DropoutStage(probability: 0.5, mask: Matrix([[1, 0, 1, 1]])))],
            loss: Loss(.squaredError(scale: 1), reduction: .sum))
        let pass = stack.forward(Matrix([[1, 2, 3, 4]]))
        #expect(pass.output == Matrix([[2, 0, 6, 8]]))
        let gradients = stack.backward(pass, target: Matrix([[0, 0, 0, 0]]))
        #expect(gradients.inputGradient == Matrix([[8, 0, 24, 32]]))
    }

    @Test("layers that do not fit their input are named with the reason")
    func shapeErrors() {
        #expect(
            throws: LayerStackError(layer: 0, reason: .imageIntoDense(SampleShape(channels: 1, height: 2, width: 2)))
        ) {
            try LayerStack(
                inputShape: SampleShape(channels: 1, height: 2, width: 2),
                layers: [.dense(Dense(weights: Matrix([[1, 1, 1, 1]]), bias: [0], activation: Activation(.relu)))],
                loss: Loss(.meanSquaredError))
        }
        #expect(
            throws: LayerStackError(
                layer: 1, reason: .residualShape(previous: .vector(2), source: 0, added: .vector(3)))
        ) {
            try LayerStack(
                inputShape: .vector(3),
                layers: [
                    .dense(
                        Dense(weights: Matrix([[1, 1, 1], [0, 1, 0]]), bias: [0, 0], activation: Activation(.relu))),
                    .residual(ResidualStage(from: 0)),
                ], loss: Loss(.meanSquaredError))
        }
    }
}
