import NNCore
import Testing

@Suite("Gradient check from cached activations equals two full forward passes")
struct GradientCheckFastPathTests {
    /// The plain check of one parameter: two perturbed networks, two full forward
    /// passes, and a kink wherever any ReLU-like pre-activation changes side.
    static func plain(_ network: Network, _ parameter: Parameter, epsilon: Double, input: Matrix, target: Matrix)
        -> (plus: Double, minus: Double, crossesKink: Bool)
    {
        var plus = network
        plus[parameter] += epsilon
        var minus = network
        minus[parameter] -= epsilon
        let plusPass = plus.forward(input)
        let minusPass = minus.forward(input)
        var crossesKink = false
        for (index, layer) in network.layers.enumerated() {
            switch layer.activation.function {
            case .relu, .leakyReLU:
                let sides = zip(plusPass.preActivations[index].elements, minusPass.preActivations[index].elements)
                if sides.contains(where: { ($0 > 0) != ($1 > 0) }) { crossesKink = true }
            default:
                continue
            }
        }
        return (plus.loss(of: plusPass, target: target), minus.loss(of: minusPass, target: target), crossesKink)
    }

    static func agree(_ fast: Double, _ plain: Double) -> Bool {
        abs(fast - plain) <= 1e-12 * max(abs(plain), 1e-300) || fast == plain
    }

    @Test("L(w ± ε) within 1e-12 relative and the same kinks on 200 random networks", arguments: 0..<200)
    func randomNetworks(seed: Int) {
        var generator = SplitMix64(seed: UInt64(1000 + seed))
        let (network, input, target) = GradientCheckPropertyTests.randomProblem(&generator)
        // ε = 1e-6, and ε = 0.3 so that ReLU kinks are crossed often.
        for epsilon in [1e-6, 0.3] {
            let gradients = network.backward(network.forward(input), target: target)
            var check = GradientCheck(epsilon: epsilon)
            check.evaluation = .cachedPass
            let results = check.compare(
                network, input: input, target: target, gradients: gradients, parameters: network.parameters)
            for result in results {
                let plain = Self.plain(network, result.parameter, epsilon: epsilon, input: input, target: target)
                #expect(
                    Self.agree(result.lossPlus, plain.plus) && Self.agree(result.lossMinus, plain.minus),
                    "seed \(seed), \(result.parameter): \(result.lossPlus), \(result.lossMinus) against \(plain)")
                #expect(result.isNearKink == plain.crossesKink, "seed \(seed), ε \(epsilon), \(result.parameter)")
            }
        }
    }

    @Test("a deep ReLU network with a softmax hidden layer and a batch of zero and nonzero inputs")
    func zeroInputsAndSoftmaxHiddenLayer() {
        var generator = SplitMix64(seed: 99)
        let widths = [5, 4, 3, 4, 2]
        let activations = [
            Activation(.relu), Activation(.softmax(beta: 2)), Activation(.leakyReLU(alpha: 0.1)),
            Activation(.sigmoid),
        ]
        let layers = (0..<4).map { index in
            Dense(
                weights: WeightInitialization(for: activations[index]).weights(
                    inputs: widths[index], outputs: widths[index + 1], using: &generator),
                bias: (0..<widths[index + 1]).map { _ in generator.nextUnit() - 0.5 }, activation: activations[index])
        }
        let network = Network(layers: layers, loss: Loss(.binaryCrossEntropy))
        // Sample 2 is all zeros: weight perturbations of layer 1 leave it unchanged.
        let input = Matrix([[1, 0, -2, 0.5, 0], [0, 0.3, 0, 0, 1], [0, 0, 0, 0, 0]])
        let target = Matrix([[1, 0], [0, 1], [0.5, 0.5]])
        let gradients = network.backward(network.forward(input), target: target)
        var check = GradientCheck()
        check.evaluation = .cachedPass
        let results = check.compare(
            network, input: input, target: target, gradients: gradients, parameters: network.parameters)
        #expect(results.count == network.parameters.count)
        for result in results {
            let plain = Self.plain(network, result.parameter, epsilon: 1e-6, input: input, target: target)
            #expect(Self.agree(result.lossPlus, plain.plus) && Self.agree(result.lossMinus, plain.minus))
            #expect(result.isNearKink == plain.crossesKink)
            #expect(result.passes)
        }
    }

    /// A ReLU or tanh hidden layer under a fused output: the path that forms the logits directly.
    static let fusedOutputs: [(Activation, Activation, Loss)] = [
        (Activation(.relu), Activation(.softmax(beta: 1)), Loss(.crossEntropy)),
        (Activation(.tanh), Activation(.softmax(beta: 2)), Loss(.crossEntropy)),
        (Activation(.leakyReLU(alpha: 0.1)), Activation(.sigmoid), Loss(.binaryCrossEntropy)),
    ]

    @Test("a last hidden layer under a fused output: cached and automatic checks equal full passes", arguments: 0..<3)
    func fusedOutput(index: Int) {
        let (hidden, output, loss) = Self.fusedOutputs[index]
        var generator = SplitMix64(seed: UInt64(500 + index))
        // 30-20-10 on 40 samples: 830 parameters · 40 = 33,200 parameter-samples, over the 2¹⁴ of .automatic.
        let first = Dense(
            weights: WeightInitialization(for: hidden).weights(inputs: 30, outputs: 20, using: &generator),
            bias: (0..<20).map { _ in generator.nextUnit() - 0.5 }, activation: hidden)
        let second = Dense(
            weights: WeightInitialization(for: output).weights(inputs: 20, outputs: 10, using: &generator),
            bias: (0..<10).map { _ in generator.nextUnit() - 0.5 }, activation: output)
        let network = Network(layers: [first, second], loss: loss)
        let input = Matrix(
            rows: 40, columns: 30, elements: (0..<1200).map { $0 % 7 == 0 ? 0 : 2 * generator.nextUnit() - 1 })
        var target = Matrix(rows: 40, columns: 10)
        for s in 0..<40 { target[s, generator.nextInt(below: 10)] = 1 }
        let gradients = network.backward(network.forward(input), target: target)
        var cached = GradientCheck(epsilon: 0.05)
        cached.evaluation = .cachedPass
        let results = cached.compare(
            network, input: input, target: target, gradients: gradients, parameters: network.parameters)
        let automatic = GradientCheck(epsilon: 0.05).compare(
            network, input: input, target: target, gradients: gradients, parameters: network.parameters)
        #expect(automatic == results)
        #expect(results.map(\.parameter) == network.parameters)
        #expect(results.contains { $0.isNearKink } == (index != 1), "ε = 0.05 crosses some ReLU kinks")
        for result in results {
            let plain = Self.plain(network, result.parameter, epsilon: 0.05, input: input, target: target)
            #expect(Self.agree(result.lossPlus, plain.plus) && Self.agree(result.lossMinus, plain.minus))
            #expect(result.isNearKink == plain.crossesKink, "\(result.parameter)")
        }
    }
}
