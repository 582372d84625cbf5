/// One layer of a ``LayerStack``: a dense layer, a convolution, pooling, a
/// flatten, batch or layer normalization, dropout, or a residual connection.
public enum StackLayer: Sendable, Hashable {
    /// a = W z + b, z′ = f(a) on a vector.
    case dense(Dense)
    /// a_o = Σ_c K_{o,c} ⋆ z_c + b_o, z′ = f(a) on maps.
    case convolution(ConvolutionStage)
    /// Max or average pooling of each map.
    case pooling(PoolingStage)
    /// C × H × W maps → a vector of C·H·W values, in the maps' order.
    case flatten
    /// y = γ x̂ + β, z′ = f(y).
    case normalization(NormalizationStage)
    /// z′ = z ⊙ m / (1 − p).
    case dropout(DropoutStage)
    /// a = z⁽ˡ⁻¹⁾ + z⁽ᴷ⁾, z′ = f(a).
    case residual(ResidualStage)

    /// f of the layers that apply one after their linear part; nil for pooling, flatten and dropout.
    public var activation: Activation? {
        switch self {
        case .dense(let dense): dense.activation
        case .convolution(let convolution): convolution.activation
        case .normalization(let normalization): normalization.activation
        case .residual(let residual): residual.activation
        case .pooling, .flatten, .dropout: nil
        }
    }

    /// The layer's trainable tensors, each flattened row by row: W and b of a
    /// dense layer, K (output channel, input channel, row, column) and b of a
    /// convolution, γ and β of a normalization; none for the others.
    public var parameterTensors: [[Double]] {
        get {
            switch self {
            case .dense(let dense): [dense.weights.elements, dense.bias]
            case .convolution(let convolution):
                [convolution.kernels.flatMap { $0.flatMap(\.elements) }, convolution.bias]
            case .normalization(let stage): [stage.normalization.gamma, stage.normalization.beta]
            case .pooling, .flatten, .dropout, .residual: []
            }
        }
        set {
            switch self {
            case .dense(var dense):
                dense.weights = Matrix(rows: dense.weights.rows, columns: dense.weights.columns, elements: newValue[0])
                dense.bias = newValue[1]
                self = .dense(dense)
            case .convolution(var convolution):
                let (height, width) = convolution.kernelSize
                let size = height * width
                let inputs = convolution.inputChannels
                convolution.kernels = (0..<convolution.outputChannels).map { output in
                    (0..<inputs).map { input in
                        let start = (output * inputs + input) * size
                        return Matrix(rows: height, columns: width, elements: Array(newValue[0][start..<start + size]))
                    }
                }
                convolution.bias = newValue[1]
                self = .convolution(convolution)
            case .normalization(var stage):
                stage.normalization.gamma = newValue[0]
                stage.normalization.beta = newValue[1]
                self = .normalization(stage)
            case .pooling, .flatten, .dropout, .residual:
                break
            }
        }
    }

    /// The number of trainable values.
    public var parameterCount: Int { parameterTensors.reduce(0) { $0 + $1.count } }
}
