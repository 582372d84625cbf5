import NNCore

extension TrainSolver {
    /// The worked run of a network of typed layers: the first batch's backward pass as
    /// `nnhw backward` writes it, the optimizer's step on every tensor, the epochs and the trained tensors.
    func solve(_ problem: TrainProblem, stack p: StackProblem) throws(InputError) -> Solution {
        guard let target = p.target else { throw InputError(at: "target", .missingTarget(for: "training")) }
        let run = problem.trainer.train(p.stack, input: p.input, target: target, accuracy: problem.accuracy)
        guard let first = run.first else { throw InputError(at: "--epochs", .missingTarget(for: "training")) }
        var batch = p
        batch.input = Trainer.rows(first.samples, of: p.input)
        batch.target = Trainer.rows(first.samples, of: target)
        batch.classIndices = p.classIndices.map { classes in first.samples.map { classes[$0] } }
        var solution = try StackSolver(notation: network.notation).backward(batch)
        let names = Prose.joined(p.stack.layers.map { StackLayerNotation.name(of: $0) }, separator: ", ")
        solution.title = title(problem, layers: names)
        solution.preamble += preamble(problem, first: first)
        writeUpdate(first, slots: TensorSlot.slots(of: p.stack), problem: problem, into: &solution)
        writeEpochs(run.epochs, problem: problem, into: &solution)
        solution.beginSection("Trained parameters")
        let trained = run.model.parameterVector
        for slot in TensorSlot.slots(of: run.model) {
            solution.addStep(
                .symbol(Symbol(slot.name, layer: slot.layer, index: slot.index)),
                [slot.show(Array(trained[slot.range]))])
        }
        solution.result = Self.result(run.epochs, final: TrainingSpec.saving(run.model, in: problem.spec))
        try solution.requireFinite(blaming: "--lr")
        return solution
    }
}
