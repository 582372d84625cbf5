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
    /// - Precondition: the matrix is square.
    public init(_ matrix: Matrix) {
        precondition(matrix.rows == matrix.columns, "An eigendecomposition needs a square matrix")
        let n = matrix.rows
        var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in i..<n {
                a[i][j] = matrix[i, j]
                a[j][i] = matrix[i, j]
            }
        }
        var v = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { v[i][i] = 1 }
        var sweeps = 0
        while sweeps < 100, !Self.offDiagonalIsNegligible(a) {
            Self.sweep(&a, &v)
            sweeps += 1
        }
        let order = (0..<n).sorted { a[$0][$0] < a[$1][$1] }
        eigenvalues = order.map { a[$0][$0] }
        eigenvectors = Matrix(rows: n, columns: n, elements: (0..<n).flatMap { i in order.map { v[i][$0] } })
    }

    /// Whether every off-diagonal entry is below 10⁻¹⁵ times the largest entry,
    /// i.e. lost in rounding beside it.
    private static func offDiagonalIsNegligible(_ a: [[Double]]) -> Bool {
        let n = a.count
        var largest = 0.0
        var off = 0.0
        for i in 0..<n {
            for j in 0..<n {
                largest = max(largest, a[i][j].magnitude)
                if i != j { off = max(off, a[i][j].magnitude) }
            }
        }
        return off <= 1e-15 * largest || off == 0
    }

    /// One cyclic sweep: a rotation for every pair p < q whose entry is not already 0.
    private static func sweep(_ a: inout [[Double]], _ v: inout [[Double]]) {
        let n = a.count
        for p in 0..<n {
            for q in (p + 1)..<n where a[p][q] != 0 {
                // θ with tan 2θ = 2 a_pq / (a_qq − a_pp); t = tan θ, the smaller root.
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1 : -1) / (theta.magnitude + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot()
                let s = t * c
                for k in 0..<n {
                    let akp = a[k][p]
                    let akq = a[k][q]
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let apk = a[p][k]
                    let aqk = a[q][k]
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
                a[p][q] = 0
                a[q][p] = 0
                for k in 0..<n {
                    let vkp = v[k][p]
                    let vkq = v[k][q]
                    v[k][p] = c * vkp - s * vkq
                    v[k][q] = s * vkp + c * vkq
                }
            }
        }
    }
}
