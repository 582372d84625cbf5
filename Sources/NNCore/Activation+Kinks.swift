/// Where an elementwise function's derivative jumps, and which value it takes there.
extension Activation.Function {
    /// The points x where f′ jumps (or f itself does, for sign), in increasing
    /// order: 0 for ReLU, leaky ReLU, SELU, sign and ELU with α ≠ 1; ±1 for hard
    /// tanh; ±3 for hard sigmoid; 0 and 6 for ReLU6. f′ at such a point is the
    /// value ``Activation/derivative(_:)`` gives, PyTorch's convention.
    public var kinks: [Double] {
        switch self {
        case .relu, .leakyReLU, .selu, .sign: [0]
        case .elu(let alpha): alpha == 1 ? [] : [0]
        case .hardTanh: [-1, 1]
        case .hardSigmoid: [-3, 3]
        case .relu6: [0, 6]
        case .identity, .tanh, .sigmoid, .gelu, .softmax, .softplus, .silu, .mish, .softsign: []
        }
    }

    /// Whether a and b lie on different sides of a kink (x > k against x ≤ k),
    /// so that a central difference from a to b straddles it.
    @inline(__always)
    public func separatesKink(_ a: Double, _ b: Double) -> Bool {
        func across(_ k: Double) -> Bool { (a > k) != (b > k) }
        switch self {
        case .relu, .leakyReLU, .selu, .sign: return across(0)
        case .elu(let alpha): return alpha != 1 && across(0)
        case .hardTanh: return across(-1) || across(1)
        case .hardSigmoid: return across(-3) || across(3)
        case .relu6: return across(0) || across(6)
        case .identity, .tanh, .sigmoid, .gelu, .softmax, .softplus, .silu, .mish, .softsign: return false
        }
    }
}
