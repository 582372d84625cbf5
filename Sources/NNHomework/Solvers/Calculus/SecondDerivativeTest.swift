import NNCore

/// The second-derivative test at a point: from the gradient ∇f and the Hessian
/// H, whether the point is critical (every |∂f/∂xᵢ| ≤ τ) and, if it is, what
/// the eigenvalues of H say: a minimum when all are positive (H positive
/// definite), a maximum when all are negative, a saddle when there are both
/// signs, inconclusive when one is zero (|λ| ≤ τ·max(1, maxₖ|λₖ|)) and none
/// has the opposite sign of another.
struct SecondDerivativeTest {
    /// What a critical point is, by the signs of the eigenvalues of H.
    enum Classification: String {
        case minimum, maximum, saddle, inconclusive
    }

    let gradient: [Double]
    let hessian: Matrix
    let tolerance: Double
    /// The eigenvalues of H (ascending) and its eigenvectors.
    let eigen: SymmetricEigen

    /// The test of the gradient and Hessian with tolerance τ.
    init(gradient: [Double], hessian: Matrix, tolerance: Double) {
        self.gradient = gradient
        self.hessian = hessian
        self.tolerance = tolerance
        self.eigen = SymmetricEigen(hessian)
    }

    /// Whether every |∂f/∂xᵢ| ≤ τ.
    var isCritical: Bool { gradient.allSatisfy { $0.magnitude <= tolerance } }

    /// The bound under which an eigenvalue counts as zero: τ·max(1, maxₖ|λₖ|).
    var zeroBound: Double { tolerance * max(1, eigen.eigenvalues.map(\.magnitude).max() ?? 0) }

    /// How many eigenvalues are positive, negative and zero.
    var signs: (positive: Int, negative: Int, zero: Int) {
        let bound = zeroBound
        let values = eigen.eigenvalues
        return (
            values.filter { $0 > bound }.count, values.filter { $0 < -bound }.count,
            values.filter { $0.magnitude <= bound }.count
        )
    }

    /// The shape of H alone, whatever the gradient: the verdict a critical point would get.
    var curvature: Classification {
        let (positive, negative, zero) = signs
        if positive > 0 && negative > 0 { return .saddle }
        if zero > 0 { return .inconclusive }
        return negative == 0 ? .minimum : .maximum
    }

    /// The verdict: nil for a point that is not critical, where the test does not apply.
    var classification: Classification? { isCritical ? curvature : nil }

    /// The verdict with its reason in words; `gradientSymbol` is ∇f (∇L for a
    /// loss), `partialSymbol` one of its entries (∂f/∂xᵢ), `function` names f.
    func verdict(gradientSymbol: MathExpression, partialSymbol: MathExpression, function: Prose) -> Prose {
        let (positive, negative, zero) = signs
        let tau = Symbol("τ")
        guard isCritical else {
            let largest = gradient.map(\.magnitude).max() ?? 0
            return
                "Not a critical point: \(MathExpression.infix(.equals, [.apply(FunctionName("max"), [.absoluteValue(partialSymbol)]), .number(largest)])), more than \(tau) = \(given: tolerance), so \(gradientSymbol) is not \(0) and the second-derivative test does not apply (\(function) decreases along \(MathExpression.product([.number(-1), gradientSymbol]))); \(Symbol("H")) there has \(positive) positive, \(negative) negative and \(zero) zero eigenvalues."
        }
        let zeroText = MathExpression.infix(
            .lessThanOrEqual, [.absoluteValue(.symbol(Symbol("λ"))), .number(zeroBound)])
        switch curvature {
        case .minimum:
            return
                "Minimum: \(gradientSymbol) = \(0) and every eigenvalue of \(Symbol("H")) is positive, so \(Symbol("H")) is positive definite and \(function) curves upward in every direction."
        case .maximum:
            return
                "Maximum: \(gradientSymbol) = \(0) and every eigenvalue of \(Symbol("H")) is negative, so \(Symbol("H")) is negative definite and \(function) curves downward in every direction."
        case .saddle:
            return
                "Saddle point: \(gradientSymbol) = \(0) but \(Symbol("H")) has eigenvalues of both signs, \(positive) positive and \(negative) negative (indefinite): \(function) rises along some directions and falls along others."
        case .inconclusive:
            return
                "Inconclusive: \(gradientSymbol) = \(0) and no eigenvalues of opposite signs, but \(zero) \(zero == 1 ? "eigenvalue is" : "eigenvalues are") zero (\(zeroText)): along \(zero == 1 ? "its eigenvector" : "their eigenvectors") the second derivative says nothing, and higher derivatives decide."
        }
    }
}
