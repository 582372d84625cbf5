import NNCore
import Testing

@Suite("Symmetric eigenvalues by cyclic Jacobi rotations")
struct SymmetricEigenTests {
    /// max |Aᵢⱼ − Bᵢⱼ|.
    private func largestDifference(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.elements, b.elements).map { ($0 - $1).magnitude }.max() ?? 0
    }

    /// V Λ Vᵀ.
    private func reconstructed(_ eigen: SymmetricEigen) -> Matrix {
        let n = eigen.eigenvalues.count
        var lambda = Matrix(rows: n, columns: n)
        for k in 0..<n { lambda[k, k] = eigen.eigenvalues[k] }
        return eigen.eigenvectors * lambda * eigen.eigenvectors.transposed()
    }

    @Test("a diagonal matrix: its diagonal, ascending, with unit vectors")
    func diagonal() {
        let eigen = SymmetricEigen(Matrix([[3, 0, 0], [0, -1, 0], [0, 0, 2]]))
        #expect(eigen.eigenvalues == [-1, 2, 3])
        #expect(eigen.eigenvectors == Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
    }

    // [[2, 1], [1, 3]]: λ = (5 ∓ √5)/2 from λ² − 5λ + 5 = 0 (by hand); eigenvector of
    // (5 − √5)/2 is ∝ (1, (1 − √5)/2), normalised.
    @Test("a 2 × 2 matrix: the closed form (a + d ∓ √((a − d)² + 4b²)) / 2")
    func twoByTwo() {
        let eigen = SymmetricEigen(Matrix([[2, 1], [1, 3]]))
        let root = Double(5).squareRoot()
        #expect(eigen.eigenvalues[0].isApproximatelyEqual(to: (5 - root) / 2, absoluteTolerance: 1e-14))
        #expect(eigen.eigenvalues[1].isApproximatelyEqual(to: (5 + root) / 2, absoluteTolerance: 1e-14))
        let v = eigen.eigenvectors.column(0)
        let expected = [1, (1 - root) / 2]
        let norm = (expected[0] * expected[0] + expected[1] * expected[1]).squareRoot()
        let sign: Double = v[0] < 0 ? -1 : 1
        #expect((sign * v[0]).isApproximatelyEqual(to: expected[0] / norm, absoluteTolerance: 1e-14))
        #expect((sign * v[1]).isApproximatelyEqual(to: expected[1] / norm, absoluteTolerance: 1e-14))
    }

    @Test("the saddle's Hessian [[−4, 0], [0, 2]] and a repeated eigenvalue")
    func saddleAndRepeated() {
        #expect(SymmetricEigen(Matrix([[-4, 0], [0, 2]])).eigenvalues == [-4, 2])
        // [[6, −3], [−3, 6]] (the Hessian of x³ + y³ − 3xy at (1, 1)): 6 ∓ 3, exactly, since
        // the diagonal moves by t·a_pq with t = 1.
        #expect(SymmetricEigen(Matrix([[6, -3], [-3, 6]])).eigenvalues == [3, 9])
        // [[2, 1, 1], [1, 2, 1], [1, 1, 2]] = I + 11ᵀ: eigenvalues 1, 1, 4 (by hand).
        let repeated = SymmetricEigen(Matrix([[2, 1, 1], [1, 2, 1], [1, 1, 2]]))
        for (value, expected) in zip(repeated.eigenvalues, [1.0, 1, 4]) {
            #expect(value.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-14))
        }
    }

    @Test("a random symmetric 6 × 6 matrix is V Λ Vᵀ and Vᵀ V = I to 10⁻¹², eigenvalues ascending, Σλ = trace")
    func randomSixBySix() {
        var generator = SplitMix64(seed: 17)
        for _ in 0..<20 {
            var a = Matrix(rows: 6, columns: 6)
            for i in 0..<6 {
                for j in i..<6 {
                    let entry = 20 * generator.nextUnit() - 10
                    a[i, j] = entry
                    a[j, i] = entry
                }
            }
            let eigen = SymmetricEigen(a)
            #expect(largestDifference(reconstructed(eigen), a) <= 1e-12)
            #expect(largestDifference(eigen.eigenvectors.transposed() * eigen.eigenvectors, .identity(6)) <= 1e-12)
            #expect(zip(eigen.eigenvalues, eigen.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
            let trace = (0..<6).map { a[$0, $0] }.reduce(0, +)
            #expect(eigen.eigenvalues.reduce(0, +).isApproximatelyEqual(to: trace, absoluteTolerance: 1e-12))
        }
    }

    // numpy.linalg.eigvalsh([[4, 1, -2, 2], [1, 2, 0, 1], [-2, 0, 3, -2], [2, 1, -2, -1]]), printed with repr.
    @Test("a 4 × 4 matrix against numpy's eigvalsh")
    func againstNumpy() {
        let eigen = SymmetricEigen(Matrix([[4, 1, -2, 2], [1, 2, 0, 1], [-2, 0, 3, -2], [2, 1, -2, -1]]))
        let expected = [-2.197516977439427, 1.0843644637732177, 2.2685314064312423, 6.844621107234966]
        for (value, reference) in zip(eigen.eigenvalues, expected) {
            #expect(value.isApproximatelyEqual(to: reference, absoluteTolerance: 1e-12))
        }
    }
}

@Suite("Determinant and leading principal minors")
struct DeterminantTests {
    // The tridiagonal [[2, −1, 0], [−1, 2, −1], [0, −1, 2]]: D₁ = 2, D₂ = 4 − 1 = 3, D₃ = 2·3 − (−1)(−2) = 4 (by hand).
    @Test("a tridiagonal 3 × 3 matrix: minors 2, 3, 4")
    func tridiagonal() {
        let a = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
        #expect(a.determinant.isApproximatelyEqual(to: 4, absoluteTolerance: 1e-14))
        let minors = a.leadingPrincipalMinors
        #expect(minors.count == 3)
        for (minor, expected) in zip(minors, [2.0, 3, 4]) {
            #expect(minor.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-14))
        }
    }

    // The n × n tridiagonal (2, −1) matrix has Dₖ = k + 1 (Dₖ = 2Dₖ₋₁ − Dₖ₋₂, by hand);
    // [[0, 1], [1, 0]] ⊕ diag(2, 3) has D = 0, −1, −2, −6 (by hand), its first pivot 0.
    @Test("beyond 3 × 3: minors from one elimination, and each its own determinant after a zero pivot")
    func largerMinors() {
        var tridiagonal = Matrix(rows: 5, columns: 5)
        for i in 0..<5 {
            tridiagonal[i, i] = 2
            if i > 0 {
                tridiagonal[i, i - 1] = -1
                tridiagonal[i - 1, i] = -1
            }
        }
        for (minor, expected) in zip(tridiagonal.leadingPrincipalMinors, [2.0, 3, 4, 5, 6]) {
            #expect(minor.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-13))
        }
        let swapped = Matrix([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 2, 0], [0, 0, 0, 3]])
        #expect(swapped.leadingPrincipalMinors == [0, -1, -2, -6])
        #expect(swapped.determinant == -6)
    }

    @Test("2 × 2 is ad − bc exactly; a row exchange flips the sign; a singular matrix is 0")
    func smallCases() {
        #expect(Matrix([[-4, 0], [0, 2]]).determinant == -8)
        #expect(Matrix([[8, 0], [0, 2]]).determinant == 16)
        #expect(Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]]).determinant == -1)
        #expect(Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]).determinant.magnitude < 1e-12)
        #expect(Matrix([[5]]).leadingPrincipalMinors == [5])
    }
}
