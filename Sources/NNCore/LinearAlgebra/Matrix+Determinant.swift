extension Matrix {
    /// det A of a square matrix, by Gaussian elimination with partial pivoting:
    /// the product of the pivots, its sign flipped once per row exchange.
    /// A 1 × 1 matrix is its entry, a 2 × 2 one is ad − bc exactly.
    ///
    /// - Precondition: the matrix is square.
    public var determinant: Double {
        precondition(rows == columns, "A determinant needs a square matrix")
        let n = rows
        if n == 0 { return 1 }
        if n == 1 { return self[0, 0] }
        if n == 2 { return self[0, 0] * self[1, 1] - self[0, 1] * self[1, 0] }
        var a = rowArrays
        var result = 1.0
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where a[row][column].magnitude > a[pivot][column].magnitude {
                pivot = row
            }
            if a[pivot][column] == 0 { return 0 }
            if pivot != column {
                a.swapAt(pivot, column)
                result = -result
            }
            result *= a[column][column]
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
            }
        }
        return result
    }

    /// The leading principal minors D₁, …, Dₙ: Dₖ = det of the top-left k × k block.
    /// Sylvester: a symmetric matrix is positive definite when every Dₖ > 0.
    ///
    /// - Precondition: the matrix is square.
    public var leadingPrincipalMinors: [Double] {
        precondition(rows == columns, "Minors need a square matrix")
        return (0..<rows).map { last in
            let k = last + 1
            return Matrix(rows: k, columns: k, elements: (0..<k).flatMap { i in (0..<k).map { self[i, $0] } })
                .determinant
        }
    }
}
