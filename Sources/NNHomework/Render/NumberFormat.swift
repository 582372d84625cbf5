import NNCore

/// How a number is written: sign, digits and an optional power of ten.
///
/// Renderers draw it in their own notation: text writes −1.2346·10⁻⁷,
/// LaTeX would write `-1.2346 \cdot 10^{-7}`.
public struct FormattedNumber: Sendable, Hashable {
    /// Whether a minus sign precedes the digits. Never true for a number shown as zero.
    public var isNegative: Bool
    /// The digits with an optional decimal point, without sign: "0.6044", "8",
    /// the mantissa "1.2346" of a scientific number, or "NaN" and "∞" for
    /// the non-finite values.
    public var digits: String
    /// The power of ten the digits are multiplied by, or nil for plain form.
    public var exponent: Int?

    /// A formatted number with the given parts.
    public init(isNegative: Bool, digits: String, exponent: Int? = nil) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
    }
}

/// Turns numbers into text: the one place where a `Double` becomes digits.
///
/// The rules, for `precision` p:
/// - An integer x with |x| < 10¹⁵ is written without decimals: `8`, `−152`, `0`.
/// - Any other x is rounded to p decimals. When that rounding is exact up to
///   floating-point noise (the decimal d satisfies |d − x| ≤ 10⁻¹²·|x|, as for
///   0.5, 2.25 or the sum 0.1 + 0.2) trailing zeros are dropped, so a number
///   shown with fewer than p decimals is what exact arithmetic gives; otherwise
///   all p decimals are kept: 0.50001 → `0.5000`, 2.00001 → `2.0000`, never `2`.
/// - A non-zero x that would round to zero, and any |x| ≥ 10¹⁵, is written in
///   scientific form with p mantissa decimals, trimmed by the same rule:
///   1.23456789·10⁻⁷ → `1.2346·10⁻⁷`, 10²⁰ → `1·10²⁰`. So no non-zero value
///   is ever shown as zero, and zero never has a sign (−0.0 → `0`).
/// - At precision 0 every non-integer is rounded to a whole number (0.6 → `1`).
///   No exactness is claimed: the rule above only calls a number exact when it
///   shows fewer decimals than the precision, and none can show fewer than 0.
/// - NaN and ±∞, which solvers never produce, are written `NaN`, `∞`, `−∞`.
/// - With `groupsThousands`, the whole part of a number in plain form has a
///   comma every three digits: 65,647,058.8235, 1,951,600 (for budgets in
///   kWh and USD); the decimals and scientific form are not grouped.
public struct NumberFormat: Sendable, Hashable {
    /// Decimals shown for numbers that are not integers, 0 through 17.
    public var precision: Int
    /// Whether the whole part is written in groups of three digits: 1,951,600.
    public var groupsThousands: Bool

    /// A format rounding non-integers to `precision` decimals, with or without thousands separators.
    ///
    /// - Precondition: `0 <= precision <= 17`.
    public init(precision: Int, groupsThousands: Bool = false) {
        precondition((0...17).contains(precision), "Precision \(precision) is outside 0...17")
        self.precision = precision
        self.groupsThousands = groupsThousands
    }

    /// The sign, digits and power of ten that `x` is written with.
    public func format(_ x: Double) -> FormattedNumber {
        if x.isNaN { return FormattedNumber(isNegative: false, digits: "NaN") }
        let isNegative = x < 0
        let magnitude = x.magnitude
        if magnitude.isInfinite { return FormattedNumber(isNegative: isNegative, digits: "∞") }
        if magnitude == 0 { return FormattedNumber(isNegative: false, digits: "0") }
        if magnitude < 1e15 {
            if magnitude.rounded(.towardZero) == magnitude {
                return FormattedNumber(isNegative: isNegative, digits: grouped(String(Int64(magnitude))))
            }
            let fixed = PrintfFormat.fixed(magnitude, decimals: precision)
            if fixed.contains(where: { $0 != "0" && $0 != "." }) {
                return FormattedNumber(
                    isNegative: isNegative, digits: grouped(trimmed(fixed, ifItEquals: magnitude)))
            }
        }
        let scientific = PrintfFormat.scientific(magnitude, decimals: precision)
        let parts = scientific.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exponent = Int(parts[1]) else {
            return FormattedNumber(isNegative: isNegative, digits: scientific)
        }
        let mantissa =
            isExact(scientific, for: magnitude) ? withoutTrailingZeros(String(parts[0])) : String(parts[0])
        return FormattedNumber(isNegative: isNegative, digits: mantissa, exponent: exponent)
    }

    /// `x` as plain text with a Unicode minus and superscript exponent:
    /// `0.4485`, `−152`, `1.2346·10⁻⁷`.
    public func text(_ x: Double) -> String {
        let number = format(x)
        var result = number.isNegative ? "−" : ""
        result += number.digits
        if let exponent = number.exponent {
            result += "·10" + (UnicodeScripts.superscript(String(exponent)) ?? "^\(exponent)")
        }
        return result
    }

    /// `digits` with a comma between each group of three digits of its whole
    /// part when `groupsThousands` is set: "1951600.5" → "1,951,600.5".
    private func grouped(_ digits: String) -> String {
        groupsThousands ? Self.commaGrouped(digits) : digits
    }

    /// `digits` with a comma between each group of three digits of its whole part.
    static func commaGrouped(_ digits: String) -> String {
        let whole = digits.prefix { $0 != "." }
        var result = ""
        for (position, digit) in whole.enumerated() {
            if position > 0 && (whole.count - position) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result + digits.dropFirst(whole.count)
    }

    private func trimmed(_ decimal: String, ifItEquals value: Double) -> String {
        isExact(decimal, for: value) ? withoutTrailingZeros(decimal) : decimal
    }

    /// Whether the decimal text equals `value` but for floating-point rounding noise
    /// (relative 10⁻¹², a few thousand ulps: far below any precision shown).
    private func isExact(_ decimal: String, for value: Double) -> Bool {
        guard let parsed = Double(decimal) else { return false }
        return parsed.isApproximatelyEqual(to: value, relativeTolerance: 1e-12)
    }

    private func withoutTrailingZeros(_ decimal: String) -> String {
        guard decimal.contains(".") else { return decimal }
        var result = Substring(decimal)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }
}
