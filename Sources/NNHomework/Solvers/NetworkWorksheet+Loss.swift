import NNCore

extension NetworkWorksheet {
    var lossNotation: LossNotation { LossNotation(loss: problem.network.loss, symbols: symbols) }

    /// Up to this many samples, each sample's loss ℓₛ is a step of its own with its numbers put in.
    static let samplesShownOneByOne = 6

    /// ℓₛ for each sample s, from the logits where the output rule is fused (so it stays finite).
    func sampleLosses(target: Matrix) -> [Double] {
        let rule = problem.network.outputRule
        return (0..<problem.sampleCount).map { s in
            rounded(
                rule.loss(
                    problem.network.loss, logits: Matrix(row: pass.logits.row(s)),
                    prediction: Matrix(row: pass.output.row(s)), target: Matrix(row: target.row(s))))
        }
    }

    /// L with its formula; for a batch, each sample's ℓₛ and then their mean
    /// or sum. Nothing when the problem gives no target and loss.
    mutating func writeLoss() {
        guard let target = problem.target, let loss else { return }
        solution.beginSection("Loss")
        let outputs = pass.output.columns
        let perSample = LossNotation(
            loss: problem.network.loss, symbols: NetworkSymbols(notation: symbols.notation, isBatch: false))
        let formula = perSample.formula(outputs: outputs)
        // ln 0 and ln 1 − 1 cannot be shown; the fused rule computed L from the logits instead.
        let showable = pass.output.elements.allSatisfy { $0 > 0 && $0 < 1 } || !problem.network.outputRule.isFused
        defer {
            if !showable {
                let (yHat, logits) = (perSample.symbols.prediction, symbols.a(layerCount))
                solution.addRemark(
                    "\(yHat) rounds to \(0) or \(1) here, so \(symbols.loss) is computed from the logits \(logits) by log-sum-exp."
                )
            }
        }
        if !isBatch {
            let (rhs, note) = sampleTerms(0, target: target, notation: perSample, showable: showable)
            solution.addStep(
                symbols.loss, [formula] + rhs + [.number(loss)], note: note, producing: ["loss", "losses"])
            return
        }
        let losses = sampleLosses(target: target)
        let sampleSymbol = symbols.sampleLoss("s")
        if problem.sampleCount <= Self.samplesShownOneByOne {
            solution.addRemark("Each sample \(Symbol("s")) has its own loss \(sampleSymbol) = \(formula).")
            for (s, value) in losses.enumerated() {
                let (rhs, note) = sampleTerms(s, target: target, notation: perSample, showable: showable)
                solution.addStep(
                    symbols.sampleLoss("\(s + 1)"), rhs + [.number(value)], note: note, producing: ["losses[\(s)]"])
            }
        } else {
            solution.addStep(
                sampleSymbol, [formula, .inlineVector(losses)], note: "one value per sample \(Symbol("s"))",
                producing: ["losses"])
        }
        let terms = MathExpression.infix(.plus, losses.map { .number($0) })
        switch problem.network.loss.reduction {
        case .mean:
            let factor = MathExpression.fraction(.number(1), .number(Double(problem.sampleCount)))
            solution.addStep(
                symbols.loss,
                [
                    .product([factor, .summation(index: "s", sampleSymbol)]),
                    .product([factor, .parenthesized(terms)]), .number(loss),
                ], producing: ["loss"])
        case .sum:
            solution.addStep(
                symbols.loss, [.summation(index: "s", sampleSymbol), terms, .number(loss)], producing: ["loss"])
        }
    }

    /// The loss of sample s between its formula and its value: −ln(ŷₖ₊₁) for a
    /// class target of several outputs, then the numbers put in where they can
    /// be shown; with the note naming the class.
    private func sampleTerms(
        _ s: Int, target: Matrix, notation: LossNotation, showable: Bool
    ) -> (rhs: [MathExpression], note: Prose?) {
        let outputs = pass.output.columns
        let k = problem.classIndices?[s]
        var rhs: [MathExpression] = []
        if let k, outputs > 1, problem.network.loss.function == .crossEntropy { rhs.append(notation.classTerm(k)) }
        if showable,
            let numbers = notation.substituted(
                prediction: pass.output.row(s), target: target.row(s), classIndex: k)
        {
            rhs.append(numbers)
        } else if showable,
            let numbers = LossSheet.networkTerms(
                problem.network.loss, prediction: pass.output.row(s), target: target.row(s), classIndex: k)
        {
            rhs += numbers
        }
        return (rhs, k.flatMap { outputs > 1 ? LossNotation.classNote($0) : nil })
    }
}
