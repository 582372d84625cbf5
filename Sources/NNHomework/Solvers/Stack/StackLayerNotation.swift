import NNCore

/// How a layer of a ``LayerStack`` is named in titles and headings.
enum StackLayerNotation {
    /// "conv2d (ReLU)", "max pool 2 × 2", "flatten", "dense (softmax)", "batch norm", "dropout", "residual".
    static func name(of layer: StackLayer) -> Prose {
        switch layer {
        case .dense(let dense): return "dense\(activationSuffix(dense.activation))"
        case .convolution(let convolution): return "conv2d\(activationSuffix(convolution.activation))"
        case .pooling(let pooling):
            let size = MathExpression.infix(.cross, [.count(pooling.size), .count(pooling.size)])
            return "\(pooling.mode == .max ? "max" : "average") pool \(size)"
        case .flatten: return "flatten"
        case .normalization(let stage):
            let name = stage.normalization.axis == .batch ? "batch norm" : "layer norm"
            return "\(name)\(activationSuffix(stage.activation))"
        case .dropout: return "dropout"
        case .residual(let residual): return "residual\(activationSuffix(residual.activation))"
        }
    }

    /// The JSON `type` of a layer, as the spec names it.
    static func type(of layer: StackLayer) -> String {
        switch layer {
        case .dense: "dense"
        case .convolution: "conv2d"
        case .pooling(let pooling): pooling.mode == .max ? "max_pool" : "avg_pool"
        case .flatten: "flatten"
        case .normalization(let stage): stage.normalization.axis == .batch ? "batch_norm" : "layer_norm"
        case .dropout: "dropout"
        case .residual: "residual"
        }
    }

    private static func activationSuffix(_ activation: Activation) -> Prose {
        let notation = ActivationNotation(activation: activation)
        guard notation.name != nil || activation.scale != 1 else { return "" }
        return " (\(notation.summary))"
    }
}
