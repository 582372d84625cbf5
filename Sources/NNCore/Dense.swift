/// A fully connected layer: a = W z + b, then z′ = f(a).
///
/// W is `out × in` (row i holds the weights into unit i). For a batch with
/// one sample per row the same layer computes A = Z Wᵀ + 1 bᵀ.
public struct Dense: Sendable, Hashable {
    /// W, `outputCount × inputCount`.
    public var weights: Matrix
    /// b, one entry per output unit.
    public var bias: [Double]
    /// The activation f.
    public var activation: Activation

    /// A layer with weights W (out × in), bias b and activation f.
    ///
    /// - Precondition: `bias.count == weights.rows`.
    public init(weights: Matrix, bias: [Double], activation: Activation) {
        precondition(bias.count == weights.rows, "Bias of \(bias.count) for \(weights.rows) units")
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// The number of inputs, the columns of W.
    public var inputCount: Int { weights.columns }
    /// The number of units, the rows of W.
    public var outputCount: Int { weights.rows }

    /// A = Z Wᵀ + 1 bᵀ for a batch Z with one sample per row.
    ///
    /// - Complexity: O(S · in · out).
    public func preActivation(_ input: Matrix) -> Matrix {
        input.multiplied(byTransposeOf: weights).addingToEachRow(bias)
    }
}
