/// A dense matrix of real numbers, stored row by row.
///
/// The element in row i, column j (both 0-based) is `elements[i * columns + j]`.
/// A single sample is a column vector (n × 1); a batch of S samples is an
/// S × n matrix with one row per sample.
public struct Matrix: Sendable, Hashable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements in row-major order; `rows * columns` of them.
    public private(set) var elements: [Double]

    /// A matrix with the given shape and row-major elements.
    ///
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must not be negative")
        precondition(
            elements.count == rows * columns,
            "Matrix of \(rows) × \(columns) needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from its rows, which must all have the same length.
    ///
    /// Meant for literals in code; use ``init(validating:)`` for input that
    /// may be ragged.
    /// - Precondition: every row has as many elements as the first.
    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "Matrix rows must have equal lengths")
        self.init(rows: rowArrays.count, columns: width, elements: rowArrays.flatMap { $0 })
    }

    /// A matrix from its rows, checking that they all have the same length.
    ///
    /// - Throws: ``MatrixShapeError/raggedRow(index:count:expected:)`` naming
    ///   the first row whose length differs from the first row's.
    public init(validating rowArrays: [[Double]]) throws(MatrixShapeError) {
        let width = rowArrays.first?.count ?? 0
        if let bad = rowArrays.firstIndex(where: { $0.count != width }) {
            throw .raggedRow(index: bad, count: rowArrays[bad].count, expected: width)
        }
        self.init(rows: rowArrays.count, columns: width, elements: rowArrays.flatMap { $0 })
    }

    /// The column vector (n × 1) with the given entries.
    public init(column entries: [Double]) {
        self.init(rows: entries.count, columns: 1, elements: entries)
    }

    /// The row vector (1 × n) with the given entries.
    public init(row entries: [Double]) {
        self.init(rows: 1, columns: entries.count, elements: entries)
    }

    /// The n × n identity matrix I.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }

    /// The element in row `row`, column `column` (0-based).
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(isValid(row: row, column: column), "Matrix index (\(row), \(column)) out of range")
            return elements[row * columns + column]
        }
        set {
            precondition(isValid(row: row, column: column), "Matrix index (\(row), \(column)) out of range")
            elements[row * columns + column] = newValue
        }
    }

    private func isValid(row: Int, column: Int) -> Bool {
        row >= 0 && row < rows && column >= 0 && column < columns
    }

    /// Row `index` as an array.
    public func row(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < rows, "Row \(index) out of range")
        return Array(elements[index * columns..<(index + 1) * columns])
    }

    /// Column `index` as an array.
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columns, "Column \(index) out of range")
        return (0..<rows).map { elements[$0 * columns + index] }
    }

    /// The rows as nested arrays, the inverse of ``init(_:)``.
    public var rowArrays: [[Double]] {
        (0..<rows).map { row($0) }
    }

    /// Whether the matrix has one column.
    public var isColumnVector: Bool { columns == 1 }

    /// Whether every element is finite (neither NaN nor ±∞).
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }

    /// The transpose Aᵀ, with (Aᵀ)ᵢⱼ = Aⱼᵢ.
    ///
    /// - Complexity: O(rows · columns).
    public func transposed() -> Matrix {
        var result = [Double](repeating: 0, count: elements.count)
        elements.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for i in 0..<rows {
                    for j in 0..<columns {
                        target[j * rows + i] = source[i * columns + j]
                    }
                }
            }
        }
        return Matrix(rows: columns, columns: rows, elements: result)
    }

    /// The matrix f(A) with f applied to every element.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// The matrix with elements f(aᵢⱼ, bᵢⱼ).
    ///
    /// - Precondition: both matrices have the same shape.
    public func combined(with other: Matrix, _ combine: (Double, Double) -> Double) -> Matrix {
        precondition(
            rows == other.rows && columns == other.columns,
            "Elementwise operation on \(rows) × \(columns) and \(other.rows) × \(other.columns)")
        var result = [Double](repeating: 0, count: elements.count)
        for index in elements.indices {
            result[index] = combine(elements[index], other.elements[index])
        }
        return Matrix(rows: rows, columns: columns, elements: result)
    }
}

/// Why an array of rows does not form a matrix.
public enum MatrixShapeError: Error, Sendable, Equatable {
    /// Row `index` (0-based) has `count` elements where the first row has `expected`.
    case raggedRow(index: Int, count: Int, expected: Int)
}
