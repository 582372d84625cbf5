/// A finite-difference estimate of a derivative, the numeric side of a gradient check.
///
/// - central: f′(x) ≈ (f(x + ε) − f(x − ε)) / 2ε, error O(ε²) (the ε terms of
///   the two Taylor series cancel; the error is f‴(ξ)·ε²/6).
/// - forward: f′(x) ≈ (f(x + ε) − f(x)) / ε, error O(ε) (f″(ξ)·ε/2).
public enum FiniteDifference: String, Sendable, Hashable, CaseIterable {
    /// (f(x + ε) − f(x − ε)) / 2ε.
    case central
    /// (f(x + ε) − f(x)) / ε.
    case forward

    /// The power k of the truncation error O(εᵏ): 2 central, 1 forward.
    public var order: Int {
        switch self {
        case .central: 2
        case .forward: 1
        }
    }

    /// The two points f is evaluated at: (x + ε, x − ε) central, (x + ε, x) forward.
    public func points(around x: Double, step epsilon: Double) -> (upper: Double, lower: Double) {
        switch self {
        case .central: (x + epsilon, x - epsilon)
        case .forward: (x + epsilon, x)
        }
    }

    /// The divisor of the difference: 2ε central, ε forward.
    public func divisor(step epsilon: Double) -> Double {
        switch self {
        case .central: 2 * epsilon
        case .forward: epsilon
        }
    }

    /// The estimate of f′(x) with step ε.
    ///
    /// - Parameters:
    ///   - f: the function, called twice.
    ///   - x: the point.
    ///   - epsilon: the step ε > 0.
    /// - Throws: what `f` throws.
    public func derivative<Failure: Error>(
        of f: (Double) throws(Failure) -> Double, at x: Double, step epsilon: Double
    ) throws(Failure) -> Double {
        let (upper, lower) = points(around: x, step: epsilon)
        return (try f(upper) - f(lower)) / divisor(step: epsilon)
    }

    /// The tolerance τ of the pass rule |a − n| ≤ τ·max(1, |a|, |n|):
    /// τ = max(ε^(k/2), 10⁻⁶) for error order k, so ε central and √ε forward.
    ///
    /// ε^(k/2) is the geometric mean of the expected error εᵏ of a correct
    /// derivative and the error of order 1 a wrong one makes (a missing
    /// factor, a wrong sign): it leaves a margin of ε^(−k/2) (1000 for
    /// ε = 10⁻³ central) both ways. The floor 10⁻⁶ keeps a tiny ε from
    /// failing on rounding, which adds about 10⁻¹⁶·|f|/ε.
    public func tolerance(step epsilon: Double) -> Double {
        let power = order == 2 ? epsilon : epsilon.squareRoot()
        return Swift.max(power, 1e-6)
    }
}

/// An analytic derivative a beside its numeric estimate n.
public struct DerivativeComparison: Sendable, Hashable {
    /// a, from the chain rule or the symbolic derivative.
    public var analytic: Double
    /// n, from finite differences.
    public var numeric: Double

    /// The pair (a, n).
    public init(analytic: Double, numeric: Double) {
        self.analytic = analytic
        self.numeric = numeric
    }

    /// |a − n|.
    public var absoluteError: Double { Swift.abs(analytic - numeric) }

    /// |a − n| / max(|a|, |n|), and 0 when a = n = 0.
    public var relativeError: Double {
        let scale = Swift.max(Swift.abs(analytic), Swift.abs(numeric))
        return scale == 0 ? 0 : absoluteError / scale
    }

    /// |a − n| / (|a| + |n|), the difference courses report (CS231n's relative
    /// error), and 0 when a = n = 0: at most 1, and about half of
    /// ``relativeError`` when a and n are close.
    public var difference: Double {
        let sum = Swift.abs(analytic) + Swift.abs(numeric)
        return sum == 0 ? 0 : absoluteError / sum
    }

    /// max(1, |a|, |n|): the scale the pass rule measures the error against,
    /// so that near zero the rule bounds the absolute error.
    public var scale: Double { Swift.max(1, Swift.abs(analytic), Swift.abs(numeric)) }

    /// Whether |a − n| ≤ τ·max(1, |a|, |n|).
    public func passes(tolerance: Double) -> Bool {
        absoluteError <= tolerance * scale
    }
}
