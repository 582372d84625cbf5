import NNCore
import Testing

@Suite("Gradient check: backpropagation against central differences")
struct GradientCheckTests {
    /// Acceptance B of the foundation issue: the ReLU network.
    static let relu = Network(
        layers: [
            Dense(weights: Matrix([[1, 0], [3, 4], [1, 2]]), bias: [0, -2, 5], activation: Activation(.relu)),
            Dense(weights: Matrix([[2, 6, 1], [0, 3, 1]]), bias: [-23, -11], activation: Activation(.relu)),
            Dense(weights: Matrix([[-2, 3]]), bias: [18], activation: Activation(.relu)),
        ], loss: Loss(.squaredError(scale: 1)))

    @Test("every parameter is listed once, weights row by row, then the bias")
    func parameterOrder() {
        let parameters = Self.relu.parameters
        #expect(parameters.count == 6 + 3 + 6 + 2 + 2 + 1)
        #expect(parameters[0] == Parameter(layer: 0, .weight(row: 0, column: 0)))
        #expect(parameters[6] == Parameter(layer: 0, .bias(row: 0)))
        #expect(Set(parameters).count == parameters.count)
        var network = Self.relu
        network[Parameter(layer: 1, .weight(row: 1, column: 2))] = 7
        #expect(network.layers[1].weights[1, 2] == 7)
    }

    @Test("the ReLU network of the foundation issue passes with relative error below 1e-6")
    func reluPasses() throws {
        let input = Matrix(row: [2, 1])
        let target = Matrix(row: [10])
        let gradients = Self.relu.backward(Self.relu.forward(input), target: target)
        let results = GradientCheck().compare(
            Self.relu, input: input, target: target, gradients: gradients, parameters: Self.relu.parameters)
        #expect(results.allSatisfy { $0.passes })
        let worst = try #require(results.map(\.relativeError).max())
        #expect(worst < 1e-6)
        // ∂L/∂W⁽²⁾[2,2] = −96 by hand (δ⁽²⁾₂ z⁽¹⁾₂ = −12 · 8).
        let entry = try #require(results.first { $0.parameter == Parameter(layer: 1, .weight(row: 1, column: 1)) })
        #expect(entry.analytic == -96)
        #expect(entry.numeric.isApproximatelyEqual(to: -96, relativeTolerance: 1e-8))
        #expect(!entry.isNearKink)
    }

    @Test("a corrupted analytic gradient fails at exactly that parameter")
    func corruptedGradientFails() throws {
        let input = Matrix(row: [2, 1])
        let target = Matrix(row: [10])
        var gradients = Self.relu.backward(Self.relu.forward(input), target: target)
        gradients.weightGradients[1][1, 1] = -46  // the slip of a real hand solution
        let results = GradientCheck().compare(
            Self.relu, input: input, target: target, gradients: gradients, parameters: Self.relu.parameters)
        let failures = results.filter { !$0.passes }
        #expect(failures.map(\.parameter) == [Parameter(layer: 1, .weight(row: 1, column: 1))])
        let failure = try #require(failures.first)
        #expect(failure.absoluteError.isApproximatelyEqual(to: 50, relativeTolerance: 1e-6))
    }

    @Test("a ReLU pre-activation within ε of 0 is reported as a kink")
    func kinkDetected() {
        // a = w·1 − 1 with w = 1: the pre-activation sits exactly on the kink.
        let network = Network(
            layers: [Dense(weights: Matrix([[1]]), bias: [-1], activation: Activation(.relu))],
            loss: Loss(.squaredError(scale: 1)))
        let input = Matrix(row: [1])
        let target = Matrix(row: [1])
        let gradients = network.backward(network.forward(input), target: target)
        let results = GradientCheck().compare(
            network, input: input, target: target, gradients: gradients, parameters: network.parameters)
        #expect(results.allSatisfy { $0.isNearKink })
    }
}
