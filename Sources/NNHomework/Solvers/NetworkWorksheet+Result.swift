import NNCore

extension NetworkWorksheet {
    /// The JSON contract of `forward` and `backward`:
    /// `{"layers": [{"a", "z", "delta", "grad_W", "grad_b", "W_updated", "b_updated"}], "output", "loss", "losses",
    /// "grad_input"}`.
    ///
    /// `losses` holds ℓₛ, one per sample (one entry for a single sample);
    /// `loss` and `losses` are left out when the problem gives no target and loss.
    /// Vectors are flat arrays for one sample and arrays of rows for a batch;
    /// weight-shaped values are arrays of rows (with the bias column first when
    /// augmented, where `grad_b` and `b_updated` are then left out).
    func result(gradients: Gradients?, updated: Network?) -> JSONValue {
        var layers: [JSONValue] = []
        for layer in 1...layerCount {
            var members = [
                JSONMember("a", values(pass.preActivations[layer - 1])),
                JSONMember("z", values(pass.activations[layer])),
            ]
            if let gradients {
                members.append(JSONMember("delta", values(gradients.deltas[layer - 1])))
                members.append(JSONMember("grad_W", rows(shownWeightGradient(gradients, layer: layer))))
                if hasSeparateBias(layer) {
                    members.append(JSONMember("grad_b", numbers(gradients.biasGradients[layer - 1])))
                }
            }
            if let updated {
                let dense = updated.layers[layer - 1]
                let weights = problem.isAugmented ? Self.prepending(dense.bias, to: dense.weights) : dense.weights
                members.append(JSONMember("W_updated", rows(weights)))
                if hasSeparateBias(layer) { members.append(JSONMember("b_updated", numbers(dense.bias))) }
            }
            layers.append(.object(members))
        }
        var top = [
            JSONMember("layers", .array(layers)),
            JSONMember("output", values(pass.output)),
        ]
        if let loss, let target = problem.target {
            top.append(JSONMember("loss", .number(loss)))
            let losses = isBatch ? sampleLosses(target: target) : [loss]
            top.append(JSONMember("losses", numbers(losses)))
        }
        if let gradients { top.append(JSONMember("grad_input", values(gradients.inputGradient))) }
        return .object(top)
    }

    private func hasSeparateBias(_ layer: Int) -> Bool {
        problem.hasBias[layer - 1] && !problem.isAugmented
    }

    /// A per-sample value: flat for one sample, rows for a batch.
    private func values(_ matrix: Matrix) -> JSONValue {
        isBatch ? rows(matrix) : numbers(matrix.row(0))
    }

    private func rows(_ matrix: Matrix) -> JSONValue {
        .array(matrix.rowArrays.map(numbers))
    }

    private func numbers(_ values: [Double]) -> JSONValue {
        .array(values.map { .number($0 == 0 ? 0 : $0) })
    }
}
