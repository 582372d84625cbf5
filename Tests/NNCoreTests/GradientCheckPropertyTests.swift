import NNCore
import Testing

@Suite("Gradient check on random networks")
struct GradientCheckPropertyTests {
    static let activations: [Activation] = [
        Activation(.identity), Activation(.relu), Activation(.leakyReLU(alpha: 0.1)), Activation(.tanh),
        Activation(.sigmoid), Activation(.gelu(.exact)), Activation(.gelu(.tanhApproximation)),
        Activation(.softmax(beta: 1)), Activation(.tanh, scale: 3), Activation(.softmax(beta: 2)),
    ]

    /// A random network of 1–4 layers of width 1–6 with a random loss, input and target.
    static func randomProblem(_ generator: inout SplitMix64) -> (Network, Matrix, Matrix) {
        let depth = 1 + generator.nextInt(below: 4)
        let samples = generator.nextInt(below: 2) == 0 ? 1 : 2 + generator.nextInt(below: 3)
        var width = 1 + generator.nextInt(below: 6)
        let input = Matrix(
            rows: samples, columns: width, elements: (0..<(samples * width)).map { _ in 2 * generator.nextUnit() - 1 })
        let losses: [Loss.Function] = [
            .squaredError(scale: 1), .squaredError(scale: 0.5), .meanSquaredError, .crossEntropy, .binaryCrossEntropy,
        ]
        let lossFunction = losses[generator.nextInt(below: losses.count)]
        var layers: [Dense] = []
        for index in 0..<depth {
            let outputs = 1 + generator.nextInt(below: 6)
            var activation = activations[generator.nextInt(below: activations.count)]
            if index == depth - 1 {
                // Cross-entropies need probabilities: softmax (several outputs) or sigmoid.
                switch lossFunction {
                case .crossEntropy: activation = outputs > 1 ? Activation(.softmax(beta: 1)) : Activation(.sigmoid)
                case .binaryCrossEntropy: activation = Activation(.sigmoid)
                default: break
                }
            }
            let weights = WeightInitialization(for: activation).weights(
                inputs: width, outputs: outputs, using: &generator)
            let bias = (0..<outputs).map { _ in generator.nextUnit() - 0.5 }
            layers.append(Dense(weights: weights, bias: bias, activation: activation))
            width = outputs
        }
        let reduction: Loss.Reduction = generator.nextInt(below: 2) == 0 ? .mean : .sum
        let target: Matrix
        switch lossFunction {
        case .crossEntropy:
            // One-hot rows (a single sigmoid output has the one class, probability 1).
            var rows: [[Double]] = []
            for _ in 0..<samples {
                let k = generator.nextInt(below: width)
                rows.append((0..<width).map { $0 == k ? 1.0 : 0.0 })
            }
            target = Matrix(rows)
        case .binaryCrossEntropy:
            target = Matrix(
                rows: samples, columns: width, elements: (0..<(samples * width)).map { _ in generator.nextUnit() })
        default:
            target = Matrix(
                rows: samples, columns: width,
                elements: (0..<(samples * width)).map { _ in 2 * generator.nextUnit() - 1 })
        }
        return (Network(layers: layers, loss: Loss(lossFunction, reduction: reduction)), input, target)
    }

    @Test("500 seeded random networks: every parameter passes or sits on a kink", arguments: 0..<500)
    func randomNetworkPasses(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let (network, input, target) = Self.randomProblem(&generator)
        let gradients = network.backward(network.forward(input), target: target)
        let results = GradientCheck().compare(
            network, input: input, target: target, gradients: gradients, parameters: network.parameters)
        let failures = results.filter { !$0.passes && !$0.isNearKink }
        #expect(
            failures.isEmpty,
            "seed \(seed): \(failures.count) of \(results.count) fail, first \(String(describing: failures.first))")
    }

    @Test("the 500 seeds cover every activation, every loss, single samples and batches")
    func coverage() {
        var activationsSeen: Set<Activation> = []
        var lossesSeen: Set<Loss.Function> = []
        var batchSizes: Set<Bool> = []
        for seed in 0..<500 {
            var generator = SplitMix64(seed: UInt64(seed))
            let (network, input, _) = Self.randomProblem(&generator)
            activationsSeen.formUnion(network.layers.map(\.activation))
            lossesSeen.insert(network.loss.function)
            batchSizes.insert(input.rows > 1)
        }
        #expect(activationsSeen.isSuperset(of: Self.activations))
        #expect(lossesSeen.count == 5)
        #expect(batchSizes == [true, false])
    }
}
