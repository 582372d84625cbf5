import NNCore

extension NetworkProblem {
    /// a = W z + b.
    private static let preActivation = MathExpression.equation(
        .symbol(Symbol("a")),
        .infix(.plus, [.product([.symbol(Symbol("W")), .symbol(Symbol("z"))]), .symbol(Symbol("b"))]))

    /// The slips of a hand solution of this network, each as the result it
    /// gives: the bias left out of a⁽ˡ⁾, f used for f′ in δ⁽ˡ⁾, z⁽ˡ⁾ used for
    /// z⁽ˡ⁻¹⁾ in ∂L/∂W⁽ˡ⁾, and η applied with the wrong sign in the update.
    ///
    /// - Throws: an ``InputError`` as ``NetworkSolver/backward(_:)`` does.
    func slips() throws(InputError) -> [Slip] {
        let sheet = try NetworkWorksheet(problem: self, notation: Notation(), rounding: nil, title: "")
        let biases = network.layers.map(\.bias)
        let withoutBias = PassHook { quantity, value in
            guard case .preActivation(let layer) = quantity else { return value }
            let bias = biases[layer - 1]
            return value.combined(
                with: Matrix(rows: value.rows, columns: value.columns, elements: (0..<value.rows).flatMap { _ in bias })
            ) {
                $0 - $1
            }
        }
        var slips = [
            Slip(
                "bias_left_out", did: "left the bias out", right: "add the bias: \(Self.preActivation)",
                rule: .result(try NetworkSolver().result(of: self, settling: withoutBias)), keys: ["a"])
        ]
        guard let target else { return slips }
        let pass = sheet.pass
        let gradients = network.backward(pass, target: target)
        var functionForDerivative = gradients
        var wrongLayer = gradients
        for layer in 1...network.layers.count {
            let upstream =
                layer == network.layers.count ? gradients.outputGradient : gradients.activationGradients[layer]
            if let upstream {
                functionForDerivative.deltas[layer - 1] = upstream.combined(with: pass.activations[layer], *)
            }
            if pass.activations[layer].columns == pass.activations[layer - 1].columns {
                wrongLayer.weightGradients[layer - 1] = gradients.deltas[layer - 1].transposeMultiplied(
                    by: pass.activations[layer])
            }
        }
        slips += [
            Slip(
                "function_for_derivative", did: "multiplied by the activation where its derivative belongs",
                right: "take the derivative of the activation at a",
                rule: .result(sheet.result(gradients: functionForDerivative, updated: nil)),
                keys: ["delta"]),
            Slip(
                "wrong_layer_activation", did: "used this layer's own activation where the previous layer's belongs",
                right: "multiply delta by the activation of the layer before, the input of this layer",
                rule: .result(sheet.result(gradients: wrongLayer, updated: nil)), keys: ["grad_W"]),
        ]
        if let learningRate {
            let ascended = network.updated(by: gradients, learningRate: -learningRate)
            slips.append(
                Slip(
                    "learning_rate_sign", did: "added the learning rate times the gradient",
                    right: "subtract it: W minus learning rate times the gradient",
                    rule: .result(sheet.result(gradients: gradients, updated: ascended)),
                    keys: ["W_updated", "b_updated"]))
        }
        return slips
    }
}
