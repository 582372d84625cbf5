/// How many decimals a gradient check shows, so that the digits it turns on
/// are visible whatever `--precision` is (a renderer shows at least its precision).
///
/// The rule: ĝ and g are written with enough decimals to show |g − ĝ| to 4
/// significant digits (12.000001, not 12.0000, when |g − ĝ| = 10⁻⁶);
/// f(x ± ε) with ⌈log₁₀(1/divisor)⌉ more, so that their difference divided
/// by 2ε or ε reproduces ĝ to the digits shown (8.012006001); every number at
/// most 15 significant digits, the ones a double holds. Exact short decimals
/// lose their trailing zeros, as everywhere in nnhw.
enum CheckDigits {
    /// Significant digits of |g − ĝ| shown.
    static let errorDigits = 4

    /// Decimals that show `difference` to ``errorDigits`` significant digits, for a number of size `value`.
    static func decimals(resolving difference: Double, of value: Double) -> Int {
        guard difference.isFinite, difference > 0 else { return 0 }
        let wanted = errorDigits - 1 - exponent(of: difference)
        return capped(wanted, for: value)
    }

    /// `decimals` plus the decimals the divisor moves them by, capped for `value`.
    static func decimals(_ decimals: Int, dividedBy divisor: Double, for value: Double) -> Int {
        capped(decimals + max(0, -exponent(of: divisor)), for: value)
    }

    /// The fewest decimals (up to 17) that write `value` exactly, as 2.001 needs 3.
    static func exactDecimals(_ value: Double) -> Int {
        var scale = 1.0
        for decimals in 0...17 {
            let scaled = value * scale
            if scaled.magnitude < 1e17, ((scaled.rounded() / scale) - value).magnitude <= 1e-12 * value.magnitude {
                return decimals
            }
            scale *= 10
        }
        return 17
    }

    /// ⌊log₁₀ |x|⌋ for x ≠ 0.
    private static func exponent(of x: Double) -> Int {
        var exponent = 0
        var magnitude = x.magnitude
        guard magnitude.isFinite, magnitude > 0 else { return 0 }
        while magnitude >= 10 {
            magnitude /= 10
            exponent += 1
        }
        while magnitude < 1 {
            magnitude *= 10
            exponent -= 1
        }
        return exponent
    }

    /// `decimals` limited to 0…17 and to 15 significant digits of `value`.
    private static func capped(_ decimals: Int, for value: Double) -> Int {
        let limit = value == 0 || !value.isFinite ? 17 : 14 - exponent(of: value)
        return max(0, min(decimals, limit, 17))
    }
}
