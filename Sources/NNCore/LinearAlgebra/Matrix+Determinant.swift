extension Matrix {
    /// det A of a square matrix, by Gaussian elimination with partial pivoting:
    /// the product of the pivots, its sign flipped once per row exchange.
    /// A 1 × 1 matrix is its entry, a 2 × 2 one is ad − bc exactly.
    ///
    /// - Precondition: the matrix is square.
    /// - Complexity: O(n³).
    public var determinant: Double {
        precondition(rows == columns, "A determinant needs a square matrix")
        let n = rows
        if n == 0 { return 1 }
        if n == 1 { return self[0, 0] }
        if n == 2 { return self[0, 0] * self[1, 1] - self[0, 1] * self[1, 0] }
        var a = elements
        var result = 1.0
        a.withUnsafeMutableBufferPointer { a in
            for column in 0..<n {
                var pivot = column
                for row in (column + 1)..<n where a[row * n + column].magnitude > a[pivot * n + column].magnitude {
                    pivot = row
                }
                if a[pivot * n + column] == 0 {
                    result = 0
                    return
                }
                if pivot != column {
                    for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                    result = -result
                }
                let diagonal = a[column * n + column]
                result *= diagonal
                for row in (column + 1)..<n {
                    let factor = a[row * n + column] / diagonal
                    for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                }
            }
        }
        return result
    }

    /// The leading principal minors D₁, …, Dₙ: Dₖ = det of the top-left k × k block.
    /// Sylvester: a symmetric matrix is positive definite when every Dₖ > 0.
    ///
    /// Up to 3 × 3 each is its own ``determinant``; beyond, elimination without
    /// row exchanges gives them all at once as running products of the pivots
    /// (Dₖ = u₁₁ ⋯ uₖₖ), and from the first pivot that is 0 on each remaining
    /// minor is a determinant of its own.
    ///
    /// - Precondition: the matrix is square.
    public var leadingPrincipalMinors: [Double] {
        precondition(rows == columns, "Minors need a square matrix")
        let n = rows
        let block = { (k: Int) in
            Matrix(rows: k, columns: k, elements: (0..<k).flatMap { i in (0..<k).map { self[i, $0] } }).determinant
        }
        if n <= 3 { return (0..<n).map { block($0 + 1) } }
        var a = elements
        var minors: [Double] = []
        var product = 1.0
        for k in 0..<n {
            let pivot = a[k * n + k]
            guard pivot != 0 else { return minors + (k..<n).map { block($0 + 1) } }
            product *= pivot
            minors.append(product)
            for row in (k + 1)..<n {
                let factor = a[row * n + k] / pivot
                if factor == 0 { continue }
                for column in k..<n { a[row * n + column] -= factor * a[k * n + column] }
            }
        }
        return minors
    }
}
