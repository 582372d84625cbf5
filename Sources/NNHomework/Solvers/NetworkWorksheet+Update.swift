import NNCore

extension NetworkWorksheet {
    /// One gradient-descent step: W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾ and b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾ for every layer.
    mutating func writeUpdate(_ gradients: Gradients, learningRate: Double, updated: Network) {
        solution.beginSection("Gradient-descent update")
        let L = symbols.notation.loss
        solution.addRemark(
            "W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂\(L)/∂W⁽ˡ⁾ and b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂\(L)/∂b⁽ˡ⁾ with η = \(NumberFormat(precision: 17).text(learningRate))"
        )
        let eta = MathExpression.number(learningRate)
        for layer in 1...layerCount {
            let newWeights =
                problem.isAugmented
                ? Self.prepending(updated.layers[layer - 1].bias, to: updated.layers[layer - 1].weights)
                : updated.layers[layer - 1].weights
            solution.addStep(
                .infix(
                    .minus,
                    [
                        symbols.weights(layer),
                        .product([symbols.learningRate, symbols.gradient(symbols.weights(layer))]),
                    ]),
                [
                    .infix(
                        .minus,
                        [
                            .matrix(shownWeights(layer)),
                            .product([eta, .matrix(shownWeightGradient(gradients, layer: layer))]),
                        ]),
                    .matrix(newWeights),
                ],
                note: "new W⁽\(Self.superscript(layer))⁾")
            guard problem.hasBias[layer - 1], !problem.isAugmented else { continue }
            let bias = Matrix(row: problem.network.layers[layer - 1].bias)
            let biasGradient = Matrix(row: gradients.biasGradients[layer - 1])
            solution.addStep(
                .infix(
                    .minus,
                    [symbols.bias(layer), .product([symbols.learningRate, symbols.gradient(symbols.bias(layer))])]),
                [
                    .infix(.minus, [.matrix(bias.transposed()), .product([eta, .matrix(biasGradient.transposed())])]),
                    .inlineVector(updated.layers[layer - 1].bias),
                ],
                note: "new b⁽\(Self.superscript(layer))⁾")
        }
    }
}
