/// Rounding to K decimals, as a hand solution carries its intermediate values:
/// round(x) = ⌊x · 10ᴷ + ½⌉ / 10ᴷ, halves away from zero (0.4485 → 0.449 for K = 3).
///
/// A value that is a decimal half in writing (0.4485) may be stored a hair
/// below it in binary, or be computed a hair below it (a sum of products that
/// cancel, 0.0015 as 0.0014999999999999996); it is rounded as written, the way a
/// student rounds it: a value within 10⁻⁹ · 10⁻ᴷ of a half counts as the half.
public struct Rounding: Sendable, Hashable {
    /// The number of decimals K kept, 0 … 15.
    public let decimals: Int
    private let scale: Double

    /// Rounding to `decimals` decimals.
    ///
    /// - Precondition: `decimals` is from 0 to 15.
    public init(decimals: Int) {
        precondition((0...15).contains(decimals), "Rounding keeps 0 to 15 decimals, not \(decimals)")
        self.decimals = decimals
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        self.scale = scale
    }

    /// x rounded to K decimals; NaN, ±∞ and numbers too large to have K decimals stay as they are.
    public func apply(_ x: Double) -> Double {
        let scaled = x * scale
        guard scaled.isFinite, scaled.magnitude < 0x1p52 else { return x }
        let nudged = scaled + (scaled < 0 ? -1 : 1) * max(4 * scaled.ulp, 1e-9)
        let rounded = nudged.rounded(.toNearestOrAwayFromZero) / scale
        return rounded == 0 ? 0 : rounded
    }

    /// Every entry of a vector rounded to K decimals.
    ///
    /// - Complexity: O(n).
    public func apply(_ values: [Double]) -> [Double] {
        values.map(apply)
    }

    /// Every entry of a matrix rounded to K decimals.
    ///
    /// - Complexity: O(rows · columns).
    public func apply(_ matrix: Matrix) -> Matrix {
        matrix.map(apply)
    }
}
