/// Random search as a Bernoulli experiment: each trial independently lands in
/// the good fraction p of the search space, so
/// P(at least one good in N) = 1 − (1 − p)ᴺ, and reaching confidence q needs
/// N ≥ ln(1 − q) / ln(1 − p).
public struct RandomSearch: Sendable, Hashable {
    /// p, the fraction of configurations that are good, in (0, 1).
    public var goodFraction: Double

    /// A random search where a fraction `goodFraction` of the space is good.
    ///
    /// - Precondition: 0 < `goodFraction` < 1.
    public init(goodFraction: Double) {
        precondition(goodFraction > 0 && goodFraction < 1, "The good fraction must be in (0, 1)")
        self.goodFraction = goodFraction
    }

    /// P(at least one good in N) = 1 − (1 − p)ᴺ, computed as −expm1(N · log1p(−p))
    /// so that it stays accurate for small p and large N.
    ///
    /// - Precondition: `trials >= 0`.
    public func probability(trials: Int) -> Double {
        precondition(trials >= 0, "The number of trials must not be negative")
        return -Math.expm1(Double(trials) * Math.log1p(-goodFraction))
    }

    /// N* = ln(1 − q) / ln(1 − p), the real-valued bound on the trials for
    /// confidence q, computed with log1p for accuracy.
    ///
    /// - Precondition: 0 < `confidence` < 1.
    public func bound(confidence: Double) -> Double {
        precondition(confidence > 0 && confidence < 1, "The confidence must be in (0, 1)")
        return Math.log1p(-confidence) / Math.log1p(-goodFraction)
    }

    /// N = ⌈N*⌉, the fewest trials reaching confidence q; when N* is within a
    /// relative 10⁻⁹ of a whole number (floating-point noise in the logarithms),
    /// that whole number.
    ///
    /// - Precondition: 0 < `confidence` < 1.
    /// - Throws: ``BudgetError/overflow`` when N does not fit in an Int.
    public func trials(confidence: Double) throws(BudgetError) -> Int {
        let exact = bound(confidence: confidence)
        let nearest = exact.rounded()
        let count = Self.isWhole(exact) ? nearest : exact.rounded(.up)
        guard count <= Double(Count.limit) else { throw .overflow }
        return Int(count)
    }

    /// Whether `bound` is within a relative 10⁻⁹ of a whole number.
    public static func isWhole(_ bound: Double) -> Bool {
        let nearest = bound.rounded()
        return nearest >= 1 && bound.isApproximatelyEqual(to: nearest, relativeTolerance: 1e-9)
    }
}
