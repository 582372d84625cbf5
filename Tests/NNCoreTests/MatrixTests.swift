import NNCore
import Testing

/// The textbook triple loop (i-j-k order, one dot product per entry), an
/// independent reference for NNCore's i-k-j product over unsafe buffers.
private func naiveProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    a.map { aRow in
        (0..<b[0].count).map { j in
            var total = 0.0
            for k in aRow.indices { total += aRow[k] * b[k][j] }
            return total
        }
    }
}

/// Deterministic, non-repeating test entries: small integers and halves,
/// so that every product and partial sum is exact in Double.
private func filler(rows: Int, columns: Int, seed: Int) -> [[Double]] {
    (0..<rows).map { i in
        (0..<columns).map { j in Double((i * 31 + j * 17 + seed * 7) % 23 - 11) / 2 }
    }
}

@Suite("Matrix")
struct MatrixTests {
    @Test("nested arrays give rows, columns and row-major elements")
    func nestedInit() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2)
        #expect(m.columns == 3)
        #expect(m.elements == [1, 2, 3, 4, 5, 6])
        #expect(m[1, 0] == 4)
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.column(2) == [3, 6])
        #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6]])
    }

    @Test("row and column vectors have the documented shapes")
    func vectors() {
        let row = Matrix(row: [1, 2, 3])
        let column = Matrix(column: [1, 2, 3])
        #expect(row.rows == 1 && row.columns == 3)
        #expect(column.rows == 3 && column.columns == 1)
        #expect(column.isColumnVector)
        #expect(!row.isColumnVector)
        #expect(row.transposed() == column)
    }

    @Test("init(validating:) accepts rectangular input")
    func validatingAcceptsRectangular() throws {
        let m = try Matrix(validating: [[1, 2], [3, 4], [5, 6]])
        #expect(m == Matrix([[1, 2], [3, 4], [5, 6]]))
    }

    @Test(
        "init(validating:) names the first ragged row",
        arguments: [
            ([[1, 2], [3]], MatrixShapeError.raggedRow(index: 1, count: 1, expected: 2)),
            ([[1], [2], [3, 4, 5], [6, 7]], .raggedRow(index: 2, count: 3, expected: 1)),
            ([[], [1]], .raggedRow(index: 1, count: 1, expected: 0)),
        ] as [([[Double]], MatrixShapeError)])
    func validatingRejectsRagged(rows: [[Double]], error: MatrixShapeError) {
        #expect(throws: error) { try Matrix(validating: rows) }
    }

    @Test("transpose swaps indices")
    func transpose() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed() == Matrix([[1, 4], [2, 5], [3, 6]]))
        #expect(m.transposed().transposed() == m)
    }

    @Test("identity is the neutral element of the product")
    func identity() {
        #expect(Matrix.identity(3) == Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]]))
        let m = Matrix(filler(rows: 3, columns: 5, seed: 1))
        #expect(Matrix.identity(3) * m == m)
        #expect(m * Matrix.identity(5) == m)
    }

    @Test("2×2 product by hand")
    func smallProduct() {
        // By hand: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]].
        #expect(Matrix([[1, 2], [3, 4]]) * Matrix([[5, 6], [7, 8]]) == Matrix([[19, 22], [43, 50]]))
    }

    @Test(
        "product of awkward sizes equals the naive triple loop",
        arguments: [(1, 7, 3), (65, 63, 2), (3, 1, 4), (2, 5, 1), (17, 9, 33)])
    func awkwardProduct(m: Int, k: Int, n: Int) {
        let a = filler(rows: m, columns: k, seed: 1)
        let b = filler(rows: k, columns: n, seed: 2)
        let product = Matrix(a) * Matrix(b)
        #expect(product.rows == m && product.columns == n)
        // Entries are halves of integers below 12 and sums of at most 63
        // products, all exact in Double, so any summation order agrees exactly.
        #expect(product == Matrix(naiveProduct(a, b)))
    }

    @Test("elementwise operations")
    func elementwise() {
        let a = Matrix([[1, -2], [3, 4]])
        let b = Matrix([[5, 6], [-7, 8]])
        // By hand.
        #expect(a + b == Matrix([[6, 4], [-4, 12]]))
        #expect(a - b == Matrix([[-4, -8], [10, -4]]))
        #expect(a ⊙ b == Matrix([[5, -12], [-21, 32]]))
        #expect(b / a == Matrix([[5, -3], [-7.0 / 3, 2]]))
        #expect(-a == Matrix([[-1, 2], [-3, -4]]))
        #expect(2 * a == Matrix([[2, -4], [6, 8]]))
        #expect(a * 2 == Matrix([[2, -4], [6, 8]]))
        #expect(a / 4 == Matrix([[0.25, -0.5], [0.75, 1]]))
        #expect(a + 1 == Matrix([[2, -1], [4, 5]]))
        #expect(a - 1 == Matrix([[0, -3], [2, 3]]))
        #expect(a.map { $0 * $0 } == Matrix([[1, 4], [9, 16]]))
    }

    @Test("a column times a row is the outer product u vᵀ")
    func outer() {
        // By hand: (1, 2, 3)ᵀ (4, −5).
        #expect(Matrix(column: [1, 2, 3]) * Matrix(row: [4, -5]) == Matrix([[4, -5], [8, -10], [12, -15]]))
    }

    @Test("row sums, column sums and the total")
    func sums() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rowSums == [6, 15])
        #expect(m.columnSums == [5, 7, 9])
        #expect(m.sum == 21)
    }

    @Test("addingToEachRow adds the bias to every sample")
    func addingToEachRow() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.addingToEachRow([10, 20, 30]) == Matrix([[11, 22, 33], [14, 25, 36]]))
    }

    @Test("isFinite sees NaN and infinities")
    func finiteness() {
        #expect(Matrix([[1, -2]]).isFinite)
        #expect(!Matrix([[1, .nan]]).isFinite)
        #expect(!Matrix([[-.infinity, 0]]).isFinite)
    }
}
