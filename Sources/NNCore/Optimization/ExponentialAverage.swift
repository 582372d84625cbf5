/// The exponentially weighted average of a series θ₁, θ₂, …:
/// vₜ = βvₜ₋₁ + (1 − β)θₜ with v₀ = 0, and its bias-corrected form vₜ/(1 − βᵗ).
public struct ExponentialAverage: Sendable, Hashable {
    /// β, the weight of the previous average.
    public var beta: Double

    /// An average with weight β.
    public init(beta: Double) {
        self.beta = beta
    }

    /// v₁ … v_N of the series.
    ///
    /// - Complexity: O(N).
    public func averages(of values: [Double]) -> [Double] {
        var v = 0.0
        return values.map { theta in
            v = beta * v + (1 - beta) * theta
            return v
        }
    }

    /// vₜ/(1 − βᵗ) for the averages v₁ … v_N.
    public func corrected(_ averages: [Double]) -> [Double] {
        averages.enumerated().map { index, v in v / (1 - Math.pow(beta, Double(index + 1))) }
    }
}
