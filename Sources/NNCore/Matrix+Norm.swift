extension Matrix {
    /// ‖M‖ = √(Σᵢⱼ mᵢⱼ²), the Frobenius norm (the Euclidean norm of a vector).
    /// Entries beyond 10^±150 are scaled by the largest |mᵢⱼ| first, so that no
    /// square overflows or underflows.
    ///
    /// - Complexity: O(rows · columns).
    public var frobeniusNorm: Double {
        let scale = elements.map(\.magnitude).max() ?? 0
        guard scale > 0, scale.isFinite else { return scale }
        if scale < 1e150, scale > 1e-150 {
            return elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        let sum = elements.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }
        return scale * sum.squareRoot()
    }
}
