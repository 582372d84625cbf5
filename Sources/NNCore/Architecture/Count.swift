/// Checked arithmetic on counts (parameters, multiply-adds, elements): every
/// product and sum either fits below ``limit`` or throws, never traps.
public enum Count {
    /// 2⁵³, the largest count held exactly by a Double (what JSON numbers are):
    /// a count above it could not be printed exactly, so it is an error.
    public static let limit = 1 << 53

    /// a₁ · a₂ · … · aₙ (1 for no factors).
    ///
    /// - Parameter what: names the count in the error, e.g. "the parameters of layer 3".
    /// - Throws: ``ArchitectureError/Reason/tooLarge(_:)`` when a partial product passes ``limit``.
    public static func product(_ factors: [Int], of what: String) throws(ArchitectureError.Reason) -> Int {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            guard !overflow, value <= limit else { throw .tooLarge(what) }
            result = value
        }
        return result
    }

    /// a₁ + a₂ + … + aₙ (0 for no terms) of non-negative counts.
    ///
    /// - Throws: ``ArchitectureError/Reason/tooLarge(_:)`` when the sum passes ``limit``.
    public static func sum(_ terms: [Int], of what: String) throws(ArchitectureError.Reason) -> Int {
        var result = 0
        for term in terms {
            let (value, overflow) = result.addingReportingOverflow(term)
            guard !overflow, value <= limit else { throw .tooLarge(what) }
            result = value
        }
        return result
    }
}
