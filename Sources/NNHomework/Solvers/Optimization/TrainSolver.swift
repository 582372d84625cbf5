import NNCore

/// Solves `nnhw train`: the first update worked in full (the forward pass,
/// the loss and backpropagation of `nnhw backward` on the first batch, then the
/// optimizer's step), a table of every epoch, and the trained weights.
public struct TrainSolver: Sendable {
    /// The solver of the worked first update.
    public var network: NetworkSolver

    /// A solver writing the first update as `network` writes a backward pass.
    public init(network: NetworkSolver = NetworkSolver()) {
        self.network = network
    }

    /// The run of a dense network: every epoch's loss, accuracy and gradient norm, and the trained network.
    public func run(_ problem: TrainProblem, network p: NetworkProblem) -> TrainingRun<Network> {
        problem.trainer.train(p.network, input: p.input, target: p.target ?? p.input, accuracy: problem.accuracy)
    }

    /// The worked run of `problem`.
    ///
    /// - Throws: an ``InputError`` when the problem gives no target, or a value overflows.
    public func solve(_ problem: TrainProblem) throws(InputError) -> Solution {
        switch problem.model {
        case .dense(let p): return try solve(problem, network: p)
        case .stack(let p): return try solve(problem, stack: p)
        }
    }

    private func solve(_ problem: TrainProblem, network p: NetworkProblem) throws(InputError) -> Solution {
        guard p.target != nil else {
            throw InputError(at: "target", .missingTarget(for: "training"))
        }
        let run = run(problem, network: p)
        guard let first = run.first else { throw InputError(at: "--epochs", .missingTarget(for: "training")) }
        let optimizer = problem.trainer.optimizer
        let isPlainDescent = optimizer.method == .sgd && optimizer.weightDecay == 0
        var batch = p
        let target = batch.target ?? batch.input
        batch.input = Trainer.rows(first.samples, of: batch.input)
        batch.target = Trainer.rows(first.samples, of: target)
        batch.classIndices = batch.classIndices.map { classes in first.samples.map { classes[$0] } }
        batch.isBatch = p.isBatch
        batch.learningRate = isPlainDescent ? first.step.learningRate : nil
        var solution = try network.backward(batch)
        let count = p.network.layers.count
        solution.title = title(problem, layers: "\(count) dense \(count == 1 ? "layer" : "layers")")
        solution.preamble += preamble(problem, first: first)
        if !isPlainDescent {
            writeUpdate(
                first, slots: TensorSlot.slots(of: p.network, trainsBias: problem.trainer.trainsBias), problem: problem,
                into: &solution)
        }
        writeEpochs(run.epochs, problem: problem, into: &solution)
        writeWeights(run.model, problem: p, into: &solution)
        let saved = TrainingSpec.saving(run.model, problem: p, in: problem.spec)
        solution.result = Self.result(run.epochs, final: saved)
        try solution.requireFinite(blaming: "--lr")
        return solution
    }

    /// `{"epochs": [{epoch, loss, accuracy, lr, grad_norm}], "final": the trained spec}`.
    static func result(_ epochs: [TrainingEpoch], final: JSONValue) -> JSONValue {
        .object([JSONMember("epochs", .array(epochs.map(Self.json))), JSONMember("final", final)])
    }

    /// "Training · SGD · 2 dense layers · 4 samples · 5 epochs", with the batch size when it is smaller.
    func title(_ problem: TrainProblem, layers: Prose) -> Prose {
        let trainer = problem.trainer
        let samples = problem.sampleCount
        let size = min(trainer.batchSize, samples)
        return "Training \(Prose.titleSeparator) \(OptimizerNotation.name(trainer.optimizer)) \(Prose.titleSeparator) "
            + "\(layers) \(Prose.titleSeparator) "
            + "\(counted(samples, "sample")) \(Prose.titleSeparator) \(counted(trainer.epochs, "epoch"))"
            + (size < samples ? " \(Prose.titleSeparator) batches of \(size)" : "")
    }

    func preamble(_ problem: TrainProblem, first: TrainingUpdate) -> [Prose] {
        let trainer = problem.trainer
        let samples = problem.sampleCount
        let size = min(trainer.batchSize, samples)
        let order: Prose =
            trainer.shuffleSeed.map { "shuffled anew each epoch (seed \(code: String($0)))" } ?? "in the order given"
        let batches: Prose =
            size == samples
            ? (samples == 1 ? "one update per epoch" : "all \(samples) together, one update per epoch")
            : "in batches of \(size), one update per batch"
        var lines: [Prose] = [
            "Each epoch visits the samples \(order), \(batches): a forward pass, backpropagation and one optimizer step. "
                + "The loss and accuracy of an epoch are those of the whole data after it; "
                + "\(MathExpression.norm(.symbol(Symbol("g")))) is the norm of its last gradient."
        ]
        let lines1 = OptimizerLines(
            optimizer: trainer.optimizer, names: .vector, show: { .inlineVector($0) }, isScalar: false)
        lines += OptimizerNotation.preamble(
            lines1, source: .partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol("w", index: "t−1"))))
        let members = first.samples.map { "\($0 + 1)" }.joined(separator: ", ")
        lines.append(
            "The first update is worked in full, on \(first.samples.count == 1 ? "sample" : "samples") \(members).")
        return lines
    }

    /// The optimizer's first step, tensor by tensor, after backpropagation's gradients.
    func writeUpdate(_ first: TrainingUpdate, slots: [TensorSlot], problem: TrainProblem, into solution: inout Solution)
    {
        solution.beginSection("Optimizer update")
        for slot in slots {
            let lines = OptimizerLines(
                optimizer: problem.trainer.optimizer, names: .tensor(slot.name, layer: slot.layer, index: slot.index),
                show: slot.show, isScalar: slot.range.count == 1)
            let source = MathExpression.partial(
                of: .symbol(Symbol("L")),
                withRespectTo: .symbol(Symbol(slot.name, layer: slot.layer, index: slot.index)))
            for line in lines.lines(first.step.slice(slot.range), source: source) {
                var rhs = [line.formula]
                if let numbers = line.numbers { rhs.append(numbers) }
                if let value = line.value { rhs.append(slot.show(value)) }
                solution.addStep(line.lhs, rhs)
            }
        }
    }

    func writeEpochs(_ epochs: [TrainingEpoch], problem: TrainProblem, into solution: inout Solution) {
        solution.beginSection("Epochs")
        var columns = [
            Table.Column("epoch", alignment: .right), Table.Column("\(Symbol("η"))"),
            Table.Column("\(Symbol("L"))"),
        ]
        if problem.accuracy != nil { columns.append(Table.Column("accuracy")) }
        columns.append(Table.Column("\(MathExpression.norm(.symbol(Symbol("g"))))"))
        let rows: [[[MathExpression]]] = epochs.map { epoch in
            var row: [[MathExpression]] = [[.count(epoch.epoch)], [.given(epoch.learningRate)], [.number(epoch.loss)]]
            if let accuracy = epoch.accuracy { row.append([.number(accuracy)]) }
            row.append([.number(epoch.gradientNorm)])
            return row
        }
        solution.addTable(Table(columns: columns, rows: rows))
    }

    private func writeWeights(_ trained: Network, problem: NetworkProblem, into solution: inout Solution) {
        solution.beginSection("Trained weights")
        for (index, layer) in trained.layers.enumerated() {
            solution.addStep(
                .symbol(Symbol("W", layer: index + 1)), [.matrix(layer.weights)],
                producing: ["final.layers[\(index)].weights"])
            if problem.hasBias[index] {
                solution.addStep(
                    .symbol(Symbol("b", layer: index + 1)), [.inlineVector(layer.bias)],
                    producing: ["final.layers[\(index)].bias"])
            }
        }
    }

    private static func json(_ epoch: TrainingEpoch) -> JSONValue {
        var members = [
            JSONMember("epoch", .number(Double(epoch.epoch))), JSONMember("loss", .number(epoch.loss)),
        ]
        members.append(JSONMember("accuracy", epoch.accuracy.map(JSONValue.number) ?? .null))
        members += [
            JSONMember("lr", .number(epoch.learningRate)), JSONMember("grad_norm", .number(epoch.gradientNorm)),
        ]
        return .object(members)
    }
}
