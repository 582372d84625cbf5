import NNCore

extension NetworkWorksheet {
    var lossNotation: LossNotation { LossNotation(loss: problem.network.loss, symbols: symbols) }

    /// ℓ for each sample s, from the logits where the output rule is fused (so it stays finite).
    var sampleLosses: [Double] {
        let rule = problem.network.outputRule
        return (0..<problem.sampleCount).map { s in
            rule.loss(
                problem.network.loss, logits: Matrix(row: pass.logits.row(s)),
                prediction: Matrix(row: pass.output.row(s)),
                target: Matrix(row: problem.target.row(s)))
        }
    }

    /// L with its formula; for a batch, each sample's ℓₛ and then their mean or sum.
    mutating func writeLoss() {
        solution.beginSection("Loss")
        let outputs = pass.output.columns
        let perSample = LossNotation(
            loss: problem.network.loss, symbols: NetworkSymbols(notation: symbols.notation, isBatch: false))
        let formula = perSample.formula(outputs: outputs)
        // ln 0 and ln 1 − 1 cannot be shown; the fused rule computed L from the logits instead.
        let showable = pass.output.elements.allSatisfy { $0 > 0 && $0 < 1 } || !problem.network.outputRule.isFused
        if !isBatch {
            var rhs = [formula]
            if let k = problem.classIndices?.first, outputs > 1 { rhs.append(lossNotation.classTerm(k)) }
            if showable,
                let numbers = lossNotation.substituted(
                    prediction: pass.output.row(0), target: problem.target.row(0),
                    classIndex: problem.classIndices?.first)
            {
                rhs.append(numbers)
            }
            rhs.append(.number(loss))
            solution.addStep(symbols.loss, rhs)
            if problem.network.outputRule.isFused && !showable {
                solution.addRemark(
                    "\(symbols.notation.prediction) rounds to 0 or 1 here, so \(symbols.notation.loss) is computed from the logits "
                        + "\(symbols.notation.preActivation)⁽\(Self.superscript(layerCount))⁾ by log-sum-exp."
                )
            }
            return
        }
        let sampleSymbol = MathExpression.symbol(Symbol("ℓ", index: "s"))
        solution.addStep(sampleSymbol, [formula, .inlineVector(sampleLosses)], note: "one value per sample s")
        let terms = MathExpression.infix(.plus, sampleLosses.map { .number($0) })
        switch problem.network.loss.reduction {
        case .mean:
            let factor = MathExpression.fraction(.number(1), .number(Double(problem.sampleCount)))
            solution.addStep(
                symbols.loss,
                [
                    .product([factor, .summation(index: "s", sampleSymbol)]),
                    .product([factor, .parenthesized(terms)]), .number(loss),
                ])
        case .sum:
            solution.addStep(symbols.loss, [.summation(index: "s", sampleSymbol), terms, .number(loss)])
        }
    }
}
