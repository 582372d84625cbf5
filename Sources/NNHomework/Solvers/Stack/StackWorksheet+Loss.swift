import NNCore

extension StackWorksheet {
    /// ℓₛ for each sample s, from the logits where the output rule is fused.
    func sampleLosses(target: Matrix) -> [Double] {
        let rule = problem.stack.outputRule
        return (0..<samples).map { s in
            rule.loss(
                problem.stack.loss, logits: Matrix(row: pass.logits.row(s)),
                prediction: Matrix(row: pass.output.row(s)),
                target: Matrix(row: target.row(s)))
        }
    }

    /// L with its formula; for a batch each sample's ℓₛ, then their mean or sum.
    mutating func writeLoss() {
        guard let target = problem.target, let loss else { return }
        solution.beginSection("Loss")
        let perSample = LossNotation(loss: problem.stack.loss, symbols: sampleSymbols())
        let formula = perSample.formula(outputs: pass.output.columns)
        let showable = pass.output.elements.allSatisfy { $0 > 0 && $0 < 1 } || !problem.stack.outputRule.isFused
        let (output, classes) = (pass.output, problem.classIndices)
        func numbers(_ s: Int) -> [MathExpression] {
            guard showable,
                let numbers = perSample.substituted(
                    prediction: output.row(s), target: target.row(s), classIndex: classes?[s])
            else { return [] }
            return [numbers]
        }
        func note(_ s: Int) -> Prose? {
            classes.flatMap { output.columns > 1 ? LossNotation.classNote($0[s]) : nil }
        }
        guard isBatch else {
            solution.addStep(symbols.loss, [formula] + numbers(0) + [.number(loss)], note: note(0), producing: ["loss"])
            return
        }
        let losses = sampleLosses(target: target)
        solution.addRemark("Each sample \(Symbol("s")) has its own loss \(symbols.sampleLoss("s")) = \(formula).")
        for (s, value) in losses.enumerated() {
            solution.addStep(symbols.sampleLoss("\(s + 1)"), numbers(s) + [.number(value)], note: note(s))
        }
        let terms = MathExpression.infix(.plus, losses.map { .number($0) })
        let sum = MathExpression.summation(index: "s", symbols.sampleLoss("s"))
        switch problem.stack.loss.reduction {
        case .mean:
            let factor = MathExpression.fraction(.count(1), .count(samples))
            solution.addStep(
                symbols.loss, [.product([factor, sum]), .product([factor, .parenthesized(terms)]), .number(loss)],
                producing: ["loss"])
        case .sum:
            solution.addStep(symbols.loss, [sum, terms, .number(loss)], producing: ["loss"])
        }
    }
}
