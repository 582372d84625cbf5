extension Double {
    /// Whether `self` and `other` agree within
    /// |self − other| ≤ max(absoluteTolerance, relativeTolerance · max(|self|, |other|)).
    ///
    /// Two infinities of the same sign are equal; NaN equals nothing.
    /// - Parameters:
    ///   - other: the value to compare with.
    ///   - absoluteTolerance: the allowed difference near zero.
    ///   - relativeTolerance: the allowed difference relative to the larger magnitude.
    public func isApproximatelyEqual(
        to other: Double, absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12
    ) -> Bool {
        precondition(absoluteTolerance >= 0 && relativeTolerance >= 0, "Tolerances must not be negative")
        if self == other { return true }
        guard isFinite && other.isFinite else { return false }
        let scale = Swift.max(Swift.abs(self), Swift.abs(other))
        return Swift.abs(self - other) <= Swift.max(absoluteTolerance, relativeTolerance * scale)
    }
}

extension Matrix {
    /// Whether both matrices have the same shape and every pair of elements is
    /// approximately equal (see `Double.isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`).
    public func isApproximatelyEqual(
        to other: Matrix, absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12
    ) -> Bool {
        rows == other.rows && columns == other.columns
            && zip(elements, other.elements).allSatisfy {
                $0.isApproximatelyEqual(
                    to: $1, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
            }
    }
}
