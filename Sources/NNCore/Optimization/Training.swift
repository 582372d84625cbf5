/// Minibatch training of a ``Network`` (or any ``TrainableModel``, such as a ``LayerStack``) by an ``Optimizer``: for each epoch the
/// samples in order (or shuffled), cut into batches; for each batch a forward
/// pass, backpropagation and one optimizer step on every weight and bias.
///
/// The parameters form one vector, layer by layer, W⁽ˡ⁾ row by row then b⁽ˡ⁾.
/// The schedule steps once per epoch, as PyTorch's schedulers are usually stepped;
/// Nesterov's look-ahead conventions take each batch's gradient at the look-ahead point.
public struct Trainer: Sendable, Hashable {
    /// How an output counts as right, for the accuracy.
    public enum Accuracy: Sendable, Hashable {
        /// The largest output is the class whose target is largest (softmax with cross-entropy).
        case argmax
        /// ŷ ≥ the threshold predicts 1, against a target of 0 or 1 (0.5 for a sigmoid, 0 for logits).
        case threshold(Double)
        /// The sign of ŷ against a target of −1 or 1.
        case sign

        /// The fraction of samples whose output is right.
        public func fraction(prediction: Matrix, target: Matrix) -> Double {
            guard prediction.rows > 0 else { return 0 }
            var right = 0
            for s in 0..<prediction.rows {
                let p = prediction.row(s)
                let y = target.row(s)
                switch self {
                case .argmax:
                    if Self.argmax(p) == Self.argmax(y) { right += 1 }
                case .threshold(let t):
                    if zip(p, y).allSatisfy({ ($0 >= t) == ($1 >= 0.5) }) { right += 1 }
                case .sign:
                    if zip(p, y).allSatisfy({ ($0 >= 0) == ($1 > 0) }) { right += 1 }
                }
            }
            return Double(right) / Double(prediction.rows)
        }

        private static func argmax(_ values: [Double]) -> Int {
            values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) } ?? 0
        }
    }

    /// The optimizer.
    public var optimizer: Optimizer
    /// The passes over the data.
    public var epochs: Int
    /// Samples per batch; the last batch of an epoch may be smaller.
    public var batchSize: Int
    /// The seed of the order of each epoch, or nil to keep the samples in order.
    public var shuffleSeed: UInt64?
    /// Whether layer l's bias is trained (false: it stays as it is, e.g. 0 for a layer given without one).
    public var trainsBias: [Bool]

    /// A trainer with the given settings.
    public init(optimizer: Optimizer, epochs: Int, batchSize: Int, shuffleSeed: UInt64? = nil, trainsBias: [Bool]) {
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
        self.trainsBias = trainsBias
    }

    /// The parameters of a network as one vector: W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾, …
    public static func parameters(of network: Network) -> [Double] {
        network.parameterVector
    }

    /// The network with the parameters of the vector, in the order of ``parameters(of:)``.
    public static func network(_ network: Network, with parameters: [Double]) -> Network {
        network.replacingParameters(parameters)
    }

    /// The order of the samples in epoch `epoch` (from 1): 0 … S − 1, or a Fisher–Yates shuffle
    /// by SplitMix64 seeded with the seed plus the epoch.
    public func order(samples: Int, epoch: Int) -> [Int] {
        var order = Array(0..<samples)
        guard let seed = shuffleSeed, samples > 1 else { return order }
        var generator = SplitMix64(seed: seed &+ UInt64(epoch))
        for i in stride(from: samples - 1, to: 0, by: -1) {
            order.swapAt(i, generator.nextInt(below: i + 1))
        }
        return order
    }

    /// Trains `network` on X and Y (one sample per row); an untrained bias (``trainsBias``) keeps its values.
    ///
    /// - Precondition: X and Y have one row per sample and fit the network; at least one sample.
    public func train(_ network: Network, input: Matrix, target: Matrix, accuracy: Accuracy?) -> TrainingRun<Network> {
        let run = train(
            BiasMaskedNetwork(network: network, trainsBias: trainsBias), input: input, target: target,
            accuracy: accuracy)
        return TrainingRun(
            epochs: run.epochs, model: run.model.network,
            first: run.first)
    }

    /// Trains any model on X and Y (one sample per row).
    ///
    /// - Precondition: X and Y have one row per sample and fit the model; at least one sample.
    /// - Complexity: epochs · (one forward and backward pass over the data, plus one forward pass).
    public func train<Model: TrainableModel>(_ model: Model, input: Matrix, target: Matrix, accuracy: Accuracy?)
        -> TrainingRun<Model>
    {
        precondition(input.rows == target.rows && input.rows > 0, "One target row per sample")
        var model = model
        var w = model.parameterVector
        var state = optimizer.initialState(count: w.count)
        var epochs: [TrainingEpoch] = []
        var first: TrainingUpdate?
        let samples = input.rows
        let size = Swift.max(1, Swift.min(batchSize, samples))
        let wholeBatch = size == samples && shuffleSeed == nil
        for epoch in 1...self.epochs {
            let eta = optimizer.rate(afterSteps: epoch - 1)
            let order = order(samples: samples, epoch: epoch)
            var norm = 0.0
            for start in stride(from: 0, to: samples, by: size) {
                let indices = Array(order[start..<Swift.min(start + size, samples)])
                let x = wholeBatch ? input : Self.rows(indices, of: input)
                let y = wholeBatch ? target : Self.rows(indices, of: target)
                let evaluated =
                    optimizer.looksAhead ? model.replacingParameters(optimizer.evaluationPoint(w, state: state)) : model
                let g = evaluated.gradientVector(input: x, target: y)
                let step = optimizer.step(w, gradient: g, state: state, learningRate: eta)
                if first == nil { first = TrainingUpdate(samples: indices, step: step) }
                w = step.parameters
                state = step.state
                model = model.replacingParameters(w)
                norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            let (loss, output) = model.evaluate(input: input, target: target)
            epochs.append(
                TrainingEpoch(
                    epoch: epoch, learningRate: eta, loss: loss,
                    accuracy: accuracy?.fraction(prediction: output, target: target), gradientNorm: norm))
        }
        return TrainingRun(epochs: epochs, model: model, first: first)
    }

    /// The rows of a matrix at the given indices, in their order.
    public static func rows(_ indices: [Int], of matrix: Matrix) -> Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(indices.count * matrix.columns)
        for index in indices {
            elements += matrix.elements[index * matrix.columns..<(index + 1) * matrix.columns]
        }
        return Matrix(rows: indices.count, columns: matrix.columns, elements: elements)
    }
}

/// One epoch of a training run: what its table row shows.
public struct TrainingEpoch: Sendable, Hashable {
    /// The epoch, from 1.
    public var epoch: Int
    /// η of the epoch.
    public var learningRate: Double
    /// L on the whole data with the weights at the end of the epoch.
    public var loss: Double
    /// The fraction of samples classified right at the end of the epoch, for a classification loss.
    public var accuracy: Double?
    /// ‖g‖ of the epoch's last update (before any weight decay).
    public var gradientNorm: Double
}

/// A finished training run.
public struct TrainingRun<Model: TrainableModel>: Sendable {
    /// Every epoch in order.
    public var epochs: [TrainingEpoch]
    /// The model after the last epoch.
    public var model: Model
    /// The first update.
    public var first: TrainingUpdate?
}

/// The first update of a training run, as a worked solution shows it.
public struct TrainingUpdate: Sendable, Hashable {
    /// The samples of the first batch (from 0), in order.
    public var samples: [Int]
    /// The optimizer's first step on the parameter vector.
    public var step: OptimizerStep
}

/// What ``Trainer`` trains: a model whose parameters form one vector, with the
/// loss and its gradient on a batch (one sample per row).
public protocol TrainableModel: Sendable {
    /// The parameters as one vector.
    var parameterVector: [Double] { get }
    /// The same model with the parameters of the vector, in the order of ``parameterVector``.
    func replacingParameters(_ vector: [Double]) -> Self
    /// ∂L/∂w on a batch, in the order of ``parameterVector``.
    func gradientVector(input: Matrix, target: Matrix) -> [Double]
    /// L and ŷ on a batch.
    func evaluate(input: Matrix, target: Matrix) -> (loss: Double, output: Matrix)
}

extension Network: TrainableModel {
    /// W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾, …
    public var parameterVector: [Double] {
        layers.flatMap { $0.weights.elements + $0.bias }
    }

    /// The network with the weights and biases of the vector.
    public func replacingParameters(_ vector: [Double]) -> Network {
        var result = self
        var offset = 0
        for index in layers.indices {
            let weights = layers[index].weights
            let count = weights.rows * weights.columns
            result.layers[index].weights = Matrix(
                rows: weights.rows, columns: weights.columns, elements: Array(vector[offset..<offset + count]))
            offset += count
            let biasCount = layers[index].bias.count
            result.layers[index].bias = Array(vector[offset..<offset + biasCount])
            offset += biasCount
        }
        return result
    }

    /// Backpropagation's ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾, layer by layer.
    public func gradientVector(input: Matrix, target: Matrix) -> [Double] {
        let gradients = backward(forward(input), target: target)
        var vector: [Double] = []
        vector.reserveCapacity(gradients.weightGradients.reduce(0) { $0 + $1.elements.count + $1.rows })
        for index in gradients.weightGradients.indices {
            vector.append(contentsOf: gradients.weightGradients[index].elements)
            vector.append(contentsOf: gradients.biasGradients[index])
        }
        return vector
    }

    /// L and ŷ of a forward pass.
    public func evaluate(input: Matrix, target: Matrix) -> (loss: Double, output: Matrix) {
        let pass = forward(input)
        return (loss(of: pass, target: target), pass.output)
    }
}

/// A network whose untrained biases get a zero gradient, so that they keep their values.
struct BiasMaskedNetwork: TrainableModel {
    let network: Network
    let trainsBias: [Bool]

    var parameterVector: [Double] { network.parameterVector }

    func replacingParameters(_ vector: [Double]) -> BiasMaskedNetwork {
        BiasMaskedNetwork(network: network.replacingParameters(vector), trainsBias: trainsBias)
    }

    func gradientVector(input: Matrix, target: Matrix) -> [Double] {
        let gradients = network.backward(network.forward(input), target: target)
        var vector: [Double] = []
        vector.reserveCapacity(gradients.weightGradients.reduce(0) { $0 + $1.elements.count + $1.rows })
        for index in gradients.weightGradients.indices {
            let bias = gradients.biasGradients[index]
            vector.append(contentsOf: gradients.weightGradients[index].elements)
            if trainsBias[index] {
                vector.append(contentsOf: bias)
            } else {
                vector.append(contentsOf: repeatElement(0, count: bias.count))
            }
        }
        return vector
    }

    func evaluate(input: Matrix, target: Matrix) -> (loss: Double, output: Matrix) {
        network.evaluate(input: input, target: target)
    }
}
