import NNCore

extension StackWorksheet {
    /// The JSON contract of `forward` and `backward` on typed layers:
    /// `{"layers": [{"type", "a", "z", "mean", "variance", "x_hat", "delta", "grad_W" | "grad_K", "grad_b",
    /// "grad_gamma", "grad_beta"}], "output", "loss", "losses", "grad_input"}`.
    ///
    /// A value of one sample is flat when it is a vector and C × H × W when it is
    /// maps; for a batch, an array of those, one per sample. `a` is left out for
    /// layers without one (pooling, flatten, dropout); the gradients without a backward pass.
    func result(gradients: StackGradients?) -> JSONValue {
        var layers: [JSONValue] = []
        for layer in 1...layerCount {
            let stackLayer = problem.stack.layers[layer - 1]
            let layerPass = pass.layers[layer - 1]
            var members = [JSONMember("type", .string(StackLayerNotation.type(of: stackLayer)))]
            if let a = layerPass.preActivation { members.append(JSONMember("a", json(a, like: layer))) }
            members.append(JSONMember("z", json(layerPass.output, like: layer)))
            if case .normalization(let stage) = stackLayer, let normalization = layerPass.normalization {
                members += [
                    JSONMember("mean", numbers(normalization.mean)),
                    JSONMember("variance", numbers(normalization.variance)),
                    JSONMember(
                        "x_hat",
                        json(
                            stage.restored(normalization.normalized, shape: shape(layer), samples: samples), like: layer
                        )),
                ]
            }
            if let gradient = gradients?.layers[layer - 1] {
                if let delta = gradient.delta { members.append(JSONMember("delta", json(delta, like: layer))) }
                members += parameterGradients(stackLayer, gradient)
            }
            layers.append(.object(members))
        }
        var top = [
            JSONMember("layers", .array(layers)),
            JSONMember("output", json(pass.output, like: layerCount)),
        ]
        if let loss, let target = problem.target {
            top.append(JSONMember("loss", .number(loss)))
            top.append(JSONMember("losses", numbers(isBatch ? sampleLosses(target: target) : [loss])))
        }
        if let gradients { top.append(JSONMember("grad_input", json(gradients.inputGradient, like: 0))) }
        return .object(top)
    }

    private func parameterGradients(_ layer: StackLayer, _ gradient: LayerGradient) -> [JSONMember] {
        switch layer {
        case .dense(let dense):
            let weights = Matrix(rows: dense.outputCount, columns: dense.inputCount, elements: gradient.parameters[0])
            return [JSONMember("grad_W", rows(weights)), JSONMember("grad_b", numbers(gradient.parameters[1]))]
        case .convolution(let convolution):
            let (height, width) = convolution.kernelSize
            let size = height * width
            let kernels = (0..<convolution.outputChannels).map { o -> JSONValue in
                .array(
                    (0..<convolution.inputChannels).map { c in
                        let start = (o * convolution.inputChannels + c) * size
                        return rows(
                            Matrix(
                                rows: height, columns: width,
                                elements: Array(gradient.parameters[0][start..<start + size])))
                    })
            }
            return [JSONMember("grad_K", .array(kernels)), JSONMember("grad_b", numbers(gradient.parameters[1]))]
        case .normalization:
            return [
                JSONMember("grad_gamma", numbers(gradient.parameters[0])),
                JSONMember("grad_beta", numbers(gradient.parameters[1])),
            ]
        case .pooling, .flatten, .dropout, .residual:
            return []
        }
    }
}
