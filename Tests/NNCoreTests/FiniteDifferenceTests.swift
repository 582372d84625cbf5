import NNCore
import Testing

@Suite("Finite differences and the pass rule")
struct FiniteDifferenceTests {
    /// By hand: 2.001³ = 8.012006001, 1.999³ = 7.988005999, 2³ = 8;
    /// (8.012006001 − 7.988005999) / 0.002 = 12.000001; (8.012006001 − 8) / 0.001 = 12.006001.
    @Test("x³ at 2 with ε = 0.001: central 12.000001, forward 12.006001")
    func cube() {
        let cube = { (x: Double) in x * x * x }
        expectApproximatelyEqual(
            FiniteDifference.central.derivative(of: cube, at: 2, step: 0.001), 12.000001, absoluteTolerance: 1e-9)
        expectApproximatelyEqual(
            FiniteDifference.forward.derivative(of: cube, at: 2, step: 0.001), 12.006001, absoluteTolerance: 1e-9)
    }

    @Test("error orders and tolerances: central ε (O(ε²)), forward √ε (O(ε)), floor 10⁻⁶")
    func tolerances() {
        #expect(FiniteDifference.central.order == 2)
        #expect(FiniteDifference.forward.order == 1)
        #expect(FiniteDifference.central.tolerance(step: 0.001) == 0.001)
        expectApproximatelyEqual(FiniteDifference.forward.tolerance(step: 1e-4), 0.01, absoluteTolerance: 1e-15)
        #expect(FiniteDifference.central.tolerance(step: 1e-8) == 1e-6)
    }

    @Test("errors and the pass rule |a − n| ≤ τ·max(1, |a|, |n|)")
    func comparison() {
        let close = DerivativeComparison(analytic: 12, numeric: 12.000001)
        expectApproximatelyEqual(close.absoluteError, 1e-6, absoluteTolerance: 1e-15)
        expectApproximatelyEqual(close.relativeError, 1e-6 / 12.000001, absoluteTolerance: 1e-15)
        #expect(close.passes(tolerance: 0.001))
        #expect(!DerivativeComparison(analytic: 10, numeric: 148.4).passes(tolerance: 0.5))
        #expect(DerivativeComparison(analytic: 0, numeric: 1e-6).passes(tolerance: 0.001))  // near 0: absolute
        #expect(DerivativeComparison(analytic: 0, numeric: 0).relativeError == 0)
    }

    /// By hand: |12 − 12.000001| / (12 + 12.000001) = 1e-6 / 24.000001; |3 − (−1)| / (3 + 1) = 1.
    @Test("the course-style difference |a − n| / (|a| + |n|), 0 when both are 0")
    func difference() {
        let close = DerivativeComparison(analytic: 12, numeric: 12.000001)
        expectApproximatelyEqual(close.difference, 1e-6 / 24.000001, absoluteTolerance: 1e-15)
        #expect(DerivativeComparison(analytic: 3, numeric: -1).difference == 1)
        #expect(DerivativeComparison(analytic: 0, numeric: 0).difference == 0)
        #expect(DerivativeComparison(analytic: 0, numeric: 1e-6).difference == 1)
    }
}
