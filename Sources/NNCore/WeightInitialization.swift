/// How weights are drawn for a layer given only its size.
///
/// Both draw from a uniform distribution U(−r, r); biases start at 0.
public enum WeightInitialization: Sendable, Hashable {
    /// Glorot (Xavier) uniform: r = √(6 / (in + out)); for the saturating and
    /// bounded functions (tanh, sigmoid, softmax, softsign, hard tanh, hard
    /// sigmoid, sign), SELU and identity.
    case glorotUniform
    /// He (Kaiming) uniform: r = √(6 / in); for the ReLU-like functions (ReLU,
    /// leaky ReLU, ReLU6, ELU, GELU, SiLU, mish, softplus).
    case heUniform

    /// The rule suited to an activation: He for ReLU-like, Glorot otherwise.
    public init(for activation: Activation) {
        switch activation.function {
        case .relu, .leakyReLU, .relu6, .elu, .gelu, .silu, .mish, .softplus: self = .heUniform
        case .identity, .tanh, .sigmoid, .softmax, .softsign, .hardTanh, .hardSigmoid, .sign, .selu:
            self = .glorotUniform
        }
    }

    /// The bound r of U(−r, r) for a layer with `inputs` inputs and `outputs` units.
    public func bound(inputs: Int, outputs: Int) -> Double {
        switch self {
        case .glorotUniform: (6 / Double(inputs + outputs)).squareRoot()
        case .heUniform: (6 / Double(inputs)).squareRoot()
        }
    }

    /// An `outputs × inputs` weight matrix drawn row by row from U(−r, r).
    public func weights(inputs: Int, outputs: Int, using generator: inout SplitMix64) -> Matrix {
        let r = bound(inputs: inputs, outputs: outputs)
        let elements = (0..<(inputs * outputs)).map { _ in (2 * generator.nextUnit() - 1) * r }
        return Matrix(rows: outputs, columns: inputs, elements: elements)
    }
}
