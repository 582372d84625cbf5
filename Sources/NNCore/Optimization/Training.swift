/// Minibatch training of a ``Network`` by an ``Optimizer``: for each epoch the
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
        network.layers.flatMap { $0.weights.elements + $0.bias }
    }

    /// The network with the parameters of the vector, in the order of ``parameters(of:)``.
    public static func network(_ network: Network, with parameters: [Double]) -> Network {
        var result = network
        var offset = 0
        for index in network.layers.indices {
            let weights = network.layers[index].weights
            let count = weights.rows * weights.columns
            result.layers[index].weights = Matrix(
                rows: weights.rows, columns: weights.columns, elements: Array(parameters[offset..<offset + count]))
            offset += count
            let biasCount = network.layers[index].bias.count
            result.layers[index].bias = Array(parameters[offset..<offset + biasCount])
            offset += biasCount
        }
        return result
    }

    /// The gradients of backpropagation as one vector in the order of ``parameters(of:)``, an untrained bias's as 0.
    public func vector(_ gradients: Gradients) -> [Double] {
        var result: [Double] = []
        for index in gradients.weightGradients.indices {
            result += gradients.weightGradients[index].elements
            let bias = gradients.biasGradients[index]
            result += trainsBias[index] ? bias : [Double](repeating: 0, count: bias.count)
        }
        return result
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

    /// Trains `network` on X and Y (one sample per row).
    ///
    /// - Precondition: X and Y have one row per sample and fit the network; at least one sample.
    /// - Complexity: epochs · (one forward and backward pass over the data, plus one forward pass).
    public func train(_ network: Network, input: Matrix, target: Matrix, accuracy: Accuracy?) -> TrainingRun {
        precondition(input.rows == target.rows && input.rows > 0, "One target row per sample")
        var network = network
        var w = Self.parameters(of: network)
        var state = optimizer.initialState(count: w.count)
        var epochs: [TrainingEpoch] = []
        var first: TrainingRun.FirstUpdate?
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
                let point = optimizer.evaluationPoint(w, state: state)
                let evaluated = point == w ? network : Self.network(network, with: point)
                let pass = evaluated.forward(x)
                let gradients = evaluated.backward(pass, target: y)
                let g = vector(gradients)
                let step = optimizer.step(w, gradient: g, state: state, learningRate: eta)
                if first == nil { first = TrainingRun.FirstUpdate(samples: indices, gradients: gradients, step: step) }
                w = step.parameters
                state = step.state
                network = Self.network(network, with: w)
                norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            let pass = network.forward(input)
            epochs.append(
                TrainingEpoch(
                    epoch: epoch, learningRate: eta, loss: network.loss(of: pass, target: target),
                    accuracy: accuracy?.fraction(prediction: pass.output, target: target), gradientNorm: norm))
        }
        return TrainingRun(epochs: epochs, network: network, first: first)
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
public struct TrainingRun: Sendable, Hashable {
    /// The first update, as a worked solution shows it.
    public struct FirstUpdate: Sendable, Hashable {
        /// The samples of the first batch (from 0), in order.
        public var samples: [Int]
        /// Backpropagation through the first batch.
        public var gradients: Gradients
        /// The optimizer's first step on the parameter vector.
        public var step: OptimizerStep
    }

    /// Every epoch in order.
    public var epochs: [TrainingEpoch]
    /// The network after the last epoch.
    public var network: Network
    /// The first update.
    public var first: FirstUpdate?
}
