import NNCore

extension NetworkWorksheet {
    /// One gradient-descent step: W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾ and b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾ for every layer.
    mutating func writeUpdate(_ gradients: Gradients, learningRate: Double, updated: Network) {
        solution.beginSection("Gradient-descent update")
        let (weights, bias) = (symbols.weights(named: "l"), symbols.bias(named: "l"))
        let arrow = MathExpression.text("←")
        func step(_ parameter: MathExpression) -> MathExpression {
            .infix(.minus, [parameter, .product([symbols.learningRate, symbols.gradient(parameter)])])
        }
        solution.addRemark(
            "\(weights) \(arrow) \(step(weights)) and \(bias) \(arrow) \(step(bias)) with \(symbols.learningRate) = \(given: learningRate)"
        )
        let eta = MathExpression.given(learningRate)
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
                note: "new \(symbols.weights(layer))", producing: [path(layer, "W_updated")])
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
                note: "new \(symbols.bias(layer))", producing: [path(layer, "b_updated")])
        }
    }
}
