/// The eigenvalues and eigenvectors of a real symmetric matrix A = V Λ Vᵀ,
/// by cyclic Jacobi rotations.
///
/// Each sweep visits every pair (p, q) above the diagonal and rotates rows and
/// columns p and q by the angle that makes the entry A[p, q] zero; the rotations
/// accumulate in V. Sweeps repeat until the off-diagonal entries are negligible
/// beside the diagonal ones (at most 100 sweeps; a few suffice in practice, the
/// convergence being quadratic). The eigenvalues are in ascending order, and
/// column k of V is a unit eigenvector of eigenvalue k.
public struct SymmetricEigen: Sendable, Hashable {
    /// λ₁ ≤ … ≤ λₙ.
    public var eigenvalues: [Double]
    /// V, n × n and orthogonal: column k is the eigenvector of `eigenvalues[k]`.
    public var eigenvectors: Matrix

    /// The decomposition of the symmetric matrix `matrix`; only its upper triangle is read.
    ///
    /// - Precondition: the matrix is square and its entries are finite.
    /// - Complexity: O(n³) per sweep.
    public init(_ matrix: Matrix) {
        precondition(matrix.rows == matrix.columns, "An eigendecomposition needs a square matrix")
        precondition(matrix.isFinite, "An eigendecomposition needs finite entries")
        let n = matrix.rows
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                a[i * n + j] = matrix[i, j]
                a[j * n + i] = matrix[i, j]
            }
        }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in
                var sweeps = 0
                while sweeps < 100, !Self.offDiagonalIsNegligible(a, n) {
                    Self.sweep(a, v, n)
                    sweeps += 1
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
        eigenvalues = order.map { a[$0 * n + $0] }
        eigenvectors = Matrix(rows: n, columns: n, elements: (0..<n).flatMap { i in order.map { v[i * n + $0] } })
    }

    /// Whether every off-diagonal entry is at most 10⁻¹⁵ times the largest entry,
    /// i.e. lost in rounding beside it.
    private static func offDiagonalIsNegligible(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int) -> Bool {
        var largest = 0.0
        var off = 0.0
        for i in 0..<n {
            for j in 0..<n {
                largest = max(largest, a[i * n + j].magnitude)
                if i != j { off = max(off, a[i * n + j].magnitude) }
            }
        }
        return off == 0 || off <= 1e-15 * largest
    }

    /// One cyclic sweep: a rotation for every pair p < q whose entry is not
    /// already 0 or below the rounding of both diagonal entries (then it is set to 0).
    /// The diagonal is updated as a_pp − t·a_pq and a_qq + t·a_pq (t = tan θ),
    /// which keeps integer spectra exact where the full rotation would round.
    private static func sweep(
        _ a: UnsafeMutableBufferPointer<Double>, _ v: UnsafeMutableBufferPointer<Double>, _ n: Int
    ) {
        for p in 0..<n {
            for q in (p + 1)..<n where a[p * n + q] != 0 {
                // θ with cot 2θ = (a_qq − a_pp) / 2a_pq; t = tan θ, the smaller root.
                let apq = a[p * n + q]
                let app = a[p * n + p]
                let aqq = a[q * n + q]
                if app + 100 * apq == app && aqq + 100 * apq == aqq {
                    // Below the last bit of both diagonal entries: a rotation would change neither.
                    a[p * n + q] = 0
                    a[q * n + p] = 0
                    continue
                }
                let theta = (aqq - app) / (2 * apq)
                // √(θ² + 1) is |θ| where θ² would overflow.
                let root = theta.magnitude > 1e150 ? theta.magnitude : (theta * theta + 1).squareRoot()
                let t = (theta >= 0 ? 1 : -1) / (theta.magnitude + root)
                let c = 1 / (t * t + 1).squareRoot()
                let s = t * c
                a[p * n + p] -= t * apq
                a[q * n + q] += t * apq
                a[p * n + q] = 0
                a[q * n + p] = 0
                for k in 0..<n where k != p && k != q {
                    let akp = a[k * n + p]
                    let akq = a[k * n + q]
                    let rotatedP = c * akp - s * akq
                    let rotatedQ = s * akp + c * akq
                    a[k * n + p] = rotatedP
                    a[p * n + k] = rotatedP
                    a[k * n + q] = rotatedQ
                    a[q * n + k] = rotatedQ
                }
                for k in 0..<n {
                    let vkp = v[k * n + p]
                    let vkq = v[k * n + q]
                    v[k * n + p] = c * vkp - s * vkq
                    v[k * n + q] = s * vkp + c * vkq
                }
            }
        }
    }
}
