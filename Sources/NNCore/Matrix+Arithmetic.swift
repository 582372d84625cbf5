infix operator ⊙ : MultiplicationPrecedence

extension Matrix {
    /// The matrix product A B, with (A B)ᵢⱼ = Σₖ aᵢₖ bₖⱼ.
    ///
    /// Small products run the plain i-k-j loop (the same digits on every
    /// processor); larger ones ``MatrixProduct`` with the fastest kernel of
    /// this processor, on several threads when the product is large.
    /// - Precondition: `lhs.columns == rhs.rows`.
    /// - Complexity: O(m · k · n) for an m × k times a k × n matrix.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        MatrixProduct.automatic(lhs, rhs)
    }

    /// The elementwise sum A + B.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, +) }

    /// The elementwise difference A − B.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, -) }

    /// The Hadamard (elementwise) product A ⊙ B.
    public static func ⊙ (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, *) }

    /// The elementwise quotient A ÷ B.
    public static func / (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, /) }

    /// The negation −A.
    public static prefix func - (matrix: Matrix) -> Matrix { matrix.map { -$0 } }

    /// The scalar multiple c A.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix { matrix.map { scalar * $0 } }

    /// The scalar multiple A c.
    public static func * (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 * scalar } }

    /// The quotient A / c.
    public static func / (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 / scalar } }

    /// A + c, adding c to every element.
    public static func + (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 + scalar } }

    /// A − c, subtracting c from every element.
    public static func - (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 - scalar } }

    /// A + 1 bᵀ: the row vector b added to every row (a bias added to every sample of a batch).
    ///
    /// - Precondition: `row.count == columns`.
    public func addingToEachRow(_ row: [Double]) -> Matrix {
        precondition(row.count == columns, "Row of \(row.count) added to a matrix of \(columns) columns")
        var result = elements
        for i in 0..<rows {
            for j in 0..<columns { result[i * columns + j] += row[j] }
        }
        return Matrix(rows: rows, columns: columns, elements: result)
    }

    /// The sum of each row, A 1: one entry per row.
    public var rowSums: [Double] {
        (0..<rows).map { i in elements[i * columns..<(i + 1) * columns].reduce(0, +) }
    }

    /// The sum of each column, 1ᵀ A: one entry per column.
    public var columnSums: [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns { sums[j] += elements[i * columns + j] }
        }
        return sums
    }

    /// The sum of all elements.
    public var sum: Double { elements.reduce(0, +) }
}
