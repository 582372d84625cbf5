/// One trainable number of a network: a weight W⁽ˡ⁾ᵢⱼ or a bias b⁽ˡ⁾ᵢ.
///
/// Indices are 0-based here; names shown to people are 1-based (`W2[1,3]`).
public struct Parameter: Sendable, Hashable {
    /// Which tensor of the layer.
    public enum Kind: Sendable, Hashable {
        /// W⁽ˡ⁾[row, column].
        case weight(row: Int, column: Int)
        /// b⁽ˡ⁾[row].
        case bias(row: Int)
    }

    /// The layer's index in `Network.layers` (layer l is index l − 1).
    public var layer: Int
    /// The weight or bias entry.
    public var kind: Kind

    /// The parameter at `kind` of layer index `layer`.
    public init(layer: Int, _ kind: Kind) {
        self.layer = layer
        self.kind = kind
    }
}

extension Network {
    /// Every parameter, layer by layer, each layer's weights row by row and then its bias.
    public var parameters: [Parameter] {
        layers.indices.flatMap { layer in
            let dense = layers[layer]
            let weights = (0..<dense.outputCount).flatMap { row in
                (0..<dense.inputCount).map { Parameter(layer: layer, .weight(row: row, column: $0)) }
            }
            return weights + (0..<dense.outputCount).map { Parameter(layer: layer, .bias(row: $0)) }
        }
    }

    /// The value of a parameter.
    public subscript(parameter: Parameter) -> Double {
        get {
            switch parameter.kind {
            case .weight(let row, let column): layers[parameter.layer].weights[row, column]
            case .bias(let row): layers[parameter.layer].bias[row]
            }
        }
        set {
            switch parameter.kind {
            case .weight(let row, let column): layers[parameter.layer].weights[row, column] = newValue
            case .bias(let row): layers[parameter.layer].bias[row] = newValue
            }
        }
    }
}

extension Gradients {
    /// ∂L/∂w for one parameter.
    public subscript(parameter: Parameter) -> Double {
        switch parameter.kind {
        case .weight(let row, let column): weightGradients[parameter.layer][row, column]
        case .bias(let row): biasGradients[parameter.layer][row]
        }
    }
}
