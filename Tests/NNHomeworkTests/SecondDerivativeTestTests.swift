import NNCore
import Testing

@testable import NNHomework

@Suite("The second-derivative test: critical points, the signs of the eigenvalues, the tolerance τ")
struct SecondDerivativeTestTests {
    private func test(_ gradient: [Double], _ hessian: [[Double]], tolerance: Double = 1e-9) -> SecondDerivativeTest {
        SecondDerivativeTest(gradient: gradient, hessian: Matrix(hessian), tolerance: tolerance)
    }

    @Test("definite, indefinite and semidefinite Hessians at a critical point")
    func classifications() {
        #expect(test([0, 0], [[8, 0], [0, 2]]).classification == .minimum)
        #expect(test([0, 0], [[-2, 1], [1, -2]]).classification == .maximum)
        #expect(test([0, 0], [[-4, 0], [0, 2]]).classification == .saddle)
        #expect(test([0, 0], [[0, 0], [0, 2]]).classification == .inconclusive)
        // Both signs decide a saddle even beside a zero eigenvalue: diag(−1, 0, 1).
        #expect(test([0, 0, 0], [[-1, 0, 0], [0, 0, 0], [0, 0, 1]]).classification == .saddle)
        #expect(test([0, 0], [[0, 0], [0, 0]]).classification == .inconclusive)
    }

    @Test("τ bounds both |∂f/∂xᵢ| and |λ| / max(1, maxₖ|λₖ|)")
    func tolerance() {
        #expect(test([1e-10, 0], [[1, 0], [0, 1]]).isCritical)
        #expect(!test([1e-8, 0], [[1, 0], [0, 1]]).isCritical)
        // λ = 10⁻¹⁰ beside λ = 1 is zero at τ = 10⁻⁹, positive at τ = 10⁻¹¹.
        #expect(test([0, 0], [[1e-10, 0], [0, 1]]).classification == .inconclusive)
        #expect(test([0, 0], [[1e-10, 0], [0, 1]], tolerance: 1e-11).classification == .minimum)
        // Beside λ = 1000 the bound is 1000 τ: λ = 5·10⁻⁷ is zero at τ = 10⁻⁹.
        let scaled = test([0, 0], [[5e-7, 0], [0, 1000]])
        #expect(scaled.zeroBound.isApproximatelyEqual(to: 1e-6, relativeTolerance: 1e-12))
        #expect(scaled.classification == .inconclusive)
    }

    @Test("a point that is not critical gets no verdict, but the curvature of H")
    func notCritical() {
        let regular = test([24, 2], [[44, 0], [0, 2]])
        #expect(regular.classification == nil)
        #expect(regular.curvature == .minimum)
        #expect(regular.signs == (2, 0, 0))
    }
}
