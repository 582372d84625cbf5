extension Expression {
    /// The second partial derivative ∂²f/∂`second`∂`first`: ∂/∂`second` of
    /// ∂f/∂`first`, each derivative by the rules of
    /// ``derivative(withRespectTo:)`` and simplified (∂²/∂x² of x^4 is `12·x^2`).
    ///
    /// For a formula whose second partials are continuous the order does not
    /// matter (Schwarz): ∂²f/∂y∂x = ∂²f/∂x∂y.
    public func secondDerivative(withRespectTo first: String, then second: String) -> Expression {
        derivative(withRespectTo: first).derivative(withRespectTo: second)
    }

    /// Every second partial ∂²f/∂xⱼ∂xᵢ, row i and column j, in the order of
    /// `variables`: the symbolic Hessian of f.
    public func hessian(in variables: [String]) -> [[Expression]] {
        variables.map { first in
            let gradient = derivative(withRespectTo: first)
            return variables.map { gradient.derivative(withRespectTo: $0) }
        }
    }
}
