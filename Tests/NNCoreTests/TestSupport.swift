import NNCore
import Testing

/// Expects |actual − expected| ≤ max(absoluteTolerance, relativeTolerance · max(|actual|, |expected|)),
/// printing both numbers when it fails.
func expectApproximatelyEqual(
    _ actual: Double, _ expected: Double,
    absoluteTolerance: Double, relativeTolerance: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.isApproximatelyEqual(
            to: expected, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance),
        "got \(actual), expected \(expected)",
        sourceLocation: sourceLocation)
}

/// Expects the matrix to have the shape of `expected` (given row by row) and
/// every element to be approximately equal to it.
func expectApproximatelyEqual(
    _ actual: Matrix, _ expected: [[Double]],
    absoluteTolerance: Double, relativeTolerance: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.isApproximatelyEqual(
            to: Matrix(expected), absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance),
        "got \(actual.rowArrays), expected \(expected)",
        sourceLocation: sourceLocation)
}

/// Expects two arrays of the same length to agree element by element.
func expectApproximatelyEqual(
    _ actual: [Double], _ expected: [Double],
    absoluteTolerance: Double, relativeTolerance: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.count == expected.count
            && zip(actual, expected).allSatisfy {
                $0.isApproximatelyEqual(
                    to: $1, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
            },
        "got \(actual), expected \(expected)",
        sourceLocation: sourceLocation)
}

/// The central difference (f(x + h) − f(x − h)) / 2h.
///
/// Its error is about h² |f‴| / 6 (truncation) plus ε |f| / h (rounding of
/// f(x ± h), ε ≈ 2.2e-16); with h = 1e-6 that is ~1e-12 |f‴| + ~2e-10 |f|.
/// It divides by the step actually taken, (x + h) − (x − h), which differs
/// from 2h by the rounding of x ± h.
func centralDifference(step h: Double = 1e-6, at x: Double, of f: (Double) -> Double) -> Double {
    let above = x + h
    let below = x - h
    return (f(above) - f(below)) / (above - below)
}

/// ∂f/∂mᵢⱼ for every element of m by central differences, shaped like m.
func centralDifferenceGradient(step h: Double = 1e-6, at m: Matrix, of f: (Matrix) -> Double) -> Matrix {
    var result = Matrix(rows: m.rows, columns: m.columns)
    for i in 0..<m.rows {
        for j in 0..<m.columns {
            result[i, j] = centralDifference(step: h, at: m[i, j]) { value in
                var perturbed = m
                perturbed[i, j] = value
                return f(perturbed)
            }
        }
    }
    return result
}
