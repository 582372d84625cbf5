/// A value of a forward or backward pass, named as a hook sees it; layers count from 1.
public enum PassQuantity: Sendable, Hashable {
    /// a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾.
    case preActivation(layer: Int)
    /// z⁽ˡ⁾ = f(a⁽ˡ⁾).
    case activation(layer: Int)
    /// L, as a 1 × 1 matrix.
    case loss
    /// ∂L/∂ŷ.
    case outputGradient
    /// δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾.
    case delta(layer: Int)
    /// ∂L/∂W⁽ˡ⁾.
    case weightGradient(layer: Int)
    /// ∂L/∂b⁽ˡ⁾, as a 1 × n row.
    case biasGradient(layer: Int)
    /// ∂L/∂z⁽ˡ⁾ for l = 0 … L − 1; layer 0 is ∂L/∂x.
    case activationGradient(layer: Int)
    /// W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾.
    case updatedWeights(layer: Int)
    /// b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾, as a 1 × n row.
    case updatedBias(layer: Int)
}

/// What a hand solution settles on for each value of a pass, right after
/// computing it and before using it: the value rounded (``Rounding``), or the
/// value a student wrote in its place.
///
/// With a hook, f′ in δ⁽ˡ⁾ comes from the settled values, as a hand solution
/// substitutes them: 1 − z² for tanh and z(1 − z) for sigmoid with the settled z⁽ˡ⁾.
public struct PassHook: Sendable {
    /// The value settled on for `quantity`, given the value computed.
    public let settle: @Sendable (PassQuantity, Matrix) -> Matrix

    /// A hook settling each value by `settle`.
    public init(_ settle: @escaping @Sendable (PassQuantity, Matrix) -> Matrix) {
        self.settle = settle
    }

    /// Every value rounded by `rounding`.
    public init(_ rounding: Rounding) {
        self.settle = { _, value in rounding.apply(value) }
    }
}

extension PassHook? {
    /// The value settled on, or the value itself without a hook.
    func settle(_ quantity: PassQuantity, _ value: Matrix) -> Matrix {
        self?.settle(quantity, value) ?? value
    }

    /// A number settled on, as a 1 × 1 matrix.
    func settle(_ quantity: PassQuantity, _ value: Double) -> Double {
        guard let self else { return value }
        return self.settle(quantity, Matrix(rows: 1, columns: 1, elements: [value])).elements[0]
    }

    /// A vector settled on, as a 1 × n row.
    func settle(_ quantity: PassQuantity, _ values: [Double]) -> [Double] {
        guard let self else { return values }
        return self.settle(quantity, Matrix(row: values)).row(0)
    }
}
