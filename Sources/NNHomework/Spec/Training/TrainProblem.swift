import NNCore

/// A training run (`nnhw train`): the network spec and its data, the optimizer,
/// the epochs, the batch size and the order of the samples.
public struct TrainProblem: Sendable, Hashable {
    /// The dense network with the data as its batch (one sample per row), or a network of typed layers.
    public var model: NetworkSpecProblem
    /// The spec as given, with the data in it: the layout `--save` writes the trained weights in.
    public var spec: JSONValue
    /// The optimizer, epochs, batch size and shuffling.
    public var trainer: Trainer
    /// How the accuracy is counted, for a classification loss.
    public var accuracy: Trainer.Accuracy?

    /// The most epochs a run takes.
    public static let maximumEpochs = 100_000
    /// The most samples a data file gives.
    public static let maximumSamples = 100_000

    /// The problem of `--net` (or `--example`), `--data`, `--optimizer` and its options,
    /// `--epochs`, `--batch-size`, `--shuffle` and `--seed`.
    ///
    /// - Throws: the spec's errors (naming `input` or `target` for data that do not fit the network),
    ///   a malformed data file, or a setting of another optimizer.
    public init(_ options: OptionValues) throws(InputError) {
        let seed = options.seed("--seed") ?? 0
        var (spec, source) = try TrainingSpec.document(options)
        if let data = try options.document("--data") {
            spec = try TrainingSpec.replacingData(of: spec, with: TrainingData.rows(data.text, source: data.source))
        }
        let (samples, learningRate, trainsBias, loss): (Int, Double?, [Bool], Loss)
        if StackProblem.isStack(spec) {
            let rate = try TrainingSpec.learningRate(of: spec, source: source)
            let stack = try StackProblem(json: TrainingSpec.removing("learning_rate", from: spec), source: source)
            model = .stack(stack)
            (samples, learningRate, trainsBias, loss) = (stack.sampleCount, rate, [], stack.stack.loss)
        } else {
            let problem = try NetworkProblem(json: spec, source: source, seed: seed)
            model = .dense(problem)
            (samples, learningRate, trainsBias, loss) = (
                problem.sampleCount, problem.learningRate, problem.hasBias, problem.network.loss
            )
        }
        self.spec = spec
        let optimizer = try Optimizer(options, methodOption: "--optimizer", defaultRate: learningRate)
        trainer = Trainer(
            optimizer: optimizer, epochs: options.whole("--epochs") ?? 10,
            batchSize: options.whole("--batch-size") ?? samples,
            shuffleSeed: options.has("--shuffle") ? seed : nil, trainsBias: trainsBias)
        accuracy = Self.accuracy(loss.function)
    }

    /// The number of samples S.
    public var sampleCount: Int {
        switch model {
        case .dense(let problem): problem.sampleCount
        case .stack(let problem): problem.sampleCount
        }
    }

    /// The accuracy rule of a classification loss, nil for a regression loss.
    static func accuracy(_ function: Loss.Function) -> Trainer.Accuracy? {
        switch function {
        case .crossEntropy, .crossEntropyFromScores, .multiclassHinge: .argmax
        case .binaryCrossEntropy: .threshold(0.5)
        case .binaryCrossEntropyFromLogits, .focal: .threshold(0)
        case .hinge, .squaredHinge, .perceptron, .logistic: .sign
        default: nil
        }
    }
}

/// Reading the data of `nnhw train --data`: a built-in dataset's name, or CSV
/// text with the features and then the target in each row, a header line optional.
enum TrainingData {
    /// The rows of the data.
    ///
    /// - Throws: an invalid-data error at `source` for a malformed row or too many samples.
    static func rows(_ text: String, source: String) throws(InputError) -> [[Double]] {
        let trimmed = text.trimmingSpaces
        if let dataset = BuiltInDataset.named(String(trimmed)) { return dataset.rows }
        var lines = trimmed.split(whereSeparator: \.isNewline).filter { !$0.trimmingSpaces.isEmpty }
        if let first = lines.first,
            first.split(separator: ",").contains(where: { NumberText.decimal($0.trimmingSpaces) == nil })
        {
            lines.removeFirst()
        }
        guard lines.count <= TrainProblem.maximumSamples else {
            throw InputError(
                at: source, .tooManyNumbers(lines.count, noun: "sample", limit: TrainProblem.maximumSamples))
        }
        let matrix = try NumberListText.rows(parsing: lines.joined(separator: "\n"), place: source)
        guard matrix.columns >= 2 else {
            throw InputError(
                at: source,
                .expected("features then the target on each row", found: "\(counted(matrix.columns, "column"))"))
        }
        return matrix.rowArrays
    }
}
