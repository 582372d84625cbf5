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

    /// The run itself: every epoch's loss, accuracy and gradient norm, and the trained network.
    public func run(_ problem: TrainProblem) -> TrainingRun {
        let p = problem.problem
        return problem.trainer.train(
            p.network, input: p.input, target: p.target ?? p.input, accuracy: problem.accuracy)
    }

    /// The worked run of `problem`.
    ///
    /// - Throws: an ``InputError`` when the problem gives no target, or a value overflows.
    public func solve(_ problem: TrainProblem) throws(InputError) -> Solution {
        guard problem.problem.target != nil else {
            throw InputError(at: "target", .missingTarget(for: "training"))
        }
        let run = run(problem)
        guard let first = run.first else { throw InputError(at: "--epochs", .missingTarget(for: "training")) }
        let optimizer = problem.trainer.optimizer
        let isPlainDescent = optimizer.method == .sgd && optimizer.weightDecay == 0
        var batch = problem.problem
        let target = batch.target ?? batch.input
        batch.input = Trainer.rows(first.samples, of: batch.input)
        batch.target = Trainer.rows(first.samples, of: target)
        batch.classIndices = batch.classIndices.map { classes in first.samples.map { classes[$0] } }
        batch.isBatch = problem.problem.isBatch
        batch.learningRate = isPlainDescent ? first.step.learningRate : nil
        var solution = try network.backward(batch)
        solution.title = title(problem)
        solution.preamble += preamble(problem, first: first)
        if !isPlainDescent { writeUpdate(first, problem: problem, into: &solution) }
        writeEpochs(run, problem: problem, into: &solution)
        writeWeights(run.network, problem: problem, into: &solution)
        let saved = TrainingSpec.saving(run.network, problem: problem.problem, in: problem.spec)
        solution.result = .object([
            JSONMember("epochs", .array(run.epochs.map(Self.json))), JSONMember("final", saved),
        ])
        try solution.requireFinite(blaming: "--lr")
        return solution
    }

    private func title(_ problem: TrainProblem) -> Prose {
        let p = problem.problem
        let trainer = problem.trainer
        let size = min(trainer.batchSize, p.sampleCount)
        let count = p.network.layers.count
        return "Training \(Prose.titleSeparator) \(OptimizerNotation.name(trainer.optimizer)) \(Prose.titleSeparator) "
            + "\(count) dense \(count == 1 ? "layer" : "layers") \(Prose.titleSeparator) "
            + "\(counted(p.sampleCount, "sample")) \(Prose.titleSeparator) \(counted(trainer.epochs, "epoch"))"
            + (size < p.sampleCount ? " \(Prose.titleSeparator) batches of \(size)" : "")
    }

    private func preamble(_ problem: TrainProblem, first: TrainingRun.FirstUpdate) -> [Prose] {
        let trainer = problem.trainer
        let samples = problem.problem.sampleCount
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
    private func writeUpdate(_ first: TrainingRun.FirstUpdate, problem: TrainProblem, into solution: inout Solution) {
        solution.beginSection("Optimizer update")
        let network = problem.problem.network
        var offset = 0
        for (index, layer) in network.layers.enumerated() {
            let (rows, columns) = (layer.weights.rows, layer.weights.columns)
            let weights = offset..<offset + rows * columns
            offset = weights.upperBound
            let bias = offset..<offset + layer.bias.count
            offset = bias.upperBound
            let tensors: [(String, Range<Int>, ([Double]) -> MathExpression)] = [
                ("W", weights, { .matrix(Matrix(rows: rows, columns: columns, elements: $0)) }),
                ("b", bias, { $0.count == 1 ? .number($0[0]) : .inlineVector($0) }),
            ]
            for (name, range, show) in tensors where name == "W" || problem.trainer.trainsBias[index] {
                let lines = OptimizerLines(
                    optimizer: problem.trainer.optimizer, names: .tensor(name, layer: index + 1), show: show,
                    isScalar: range.count == 1)
                let source = MathExpression.partial(
                    of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol(name, layer: index + 1)))
                for line in lines.lines(first.step.slice(range), source: source) {
                    var rhs = [line.formula]
                    if let numbers = line.numbers { rhs.append(numbers) }
                    if let value = line.value { rhs.append(show(value)) }
                    solution.addStep(line.lhs, rhs)
                }
            }
        }
    }

    private func writeEpochs(_ run: TrainingRun, problem: TrainProblem, into solution: inout Solution) {
        solution.beginSection("Epochs")
        var columns = [
            Table.Column("epoch", alignment: .right), Table.Column("\(Symbol("η"))"),
            Table.Column("\(Symbol("L"))"),
        ]
        if problem.accuracy != nil { columns.append(Table.Column("accuracy")) }
        columns.append(Table.Column("\(MathExpression.norm(.symbol(Symbol("g"))))"))
        let rows: [[[MathExpression]]] = run.epochs.map { epoch in
            var row: [[MathExpression]] = [[.count(epoch.epoch)], [.given(epoch.learningRate)], [.number(epoch.loss)]]
            if let accuracy = epoch.accuracy { row.append([.number(accuracy)]) }
            row.append([.number(epoch.gradientNorm)])
            return row
        }
        solution.addTable(Table(columns: columns, rows: rows))
    }

    private func writeWeights(_ trained: Network, problem: TrainProblem, into solution: inout Solution) {
        solution.beginSection("Trained weights")
        for (index, layer) in trained.layers.enumerated() {
            solution.addStep(
                .symbol(Symbol("W", layer: index + 1)), [.matrix(layer.weights)],
                producing: ["final.layers[\(index)].weights"])
            if problem.problem.hasBias[index] {
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
