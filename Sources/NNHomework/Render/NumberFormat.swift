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
///
/// With `significantDigits` n (`--sig n`) a non-integer is instead rounded to n
/// significant digits: 0.000438568 → `0.0004386` at n = 4; below 10⁻⁴ and from
/// 10¹⁵ on it is written in scientific form with n digits: 1.235·10⁻⁷.
public struct NumberFormat: Sendable, Hashable {
    /// Decimals shown for numbers that are not integers, 0 through 17.
    public var precision: Int
    /// Significant digits shown for numbers that are not integers, 1 through 17,
    /// or nil to round to `precision` decimals.
    public var significantDigits: Int?
    /// Whether the whole part is written in groups of three digits: 1,951,600.
    public var groupsThousands: Bool

    /// A format rounding non-integers to `precision` decimals, or to
    /// `significantDigits` significant digits when given, with or without
    /// thousands separators.
    ///
    /// - Precondition: `0 <= precision <= 17`; `significantDigits` is nil or in 1...17.
    public init(precision: Int, significantDigits: Int? = nil, groupsThousands: Bool = false) {
        precondition((0...17).contains(precision), "Precision \(precision) is outside 0...17")
        precondition(significantDigits.map { (1...17).contains($0) } ?? true, "Significant digits outside 1...17")
        self.precision = precision
        self.significantDigits = significantDigits
        self.groupsThousands = groupsThousands
    }

    /// This format with at least `decimals` decimals (for a number whose
    /// meaning lies past the usual precision, such as f(2.001) in a gradient
    /// check). A significant-digits format is kept when `decimals` is 0 and
    /// otherwise gives way to those decimals, since rounding to n digits would
    /// hide the digits that matter: f(2.001) − f(1.999) as 2.00 − 2.00.
    func withAtLeast(decimals: Int) -> NumberFormat {
        var copy = self
        copy.precision = min(17, max(precision, decimals))
        if decimals > 0 { copy.significantDigits = nil }
        return copy
    }

    /// The sign, digits and power of ten that `x` is written with.
    public func format(_ x: Double) -> FormattedNumber {
        if x.isNaN { return FormattedNumber(isNegative: false, digits: "NaN") }
        let isNegative = x < 0
        let magnitude = x.magnitude
        if magnitude.isInfinite { return FormattedNumber(isNegative: isNegative, digits: "∞") }
        if magnitude == 0 { return FormattedNumber(isNegative: false, digits: "0") }
        if magnitude < 1e15 && magnitude.rounded(.towardZero) == magnitude {
            return FormattedNumber(isNegative: isNegative, digits: grouped(String(Int64(magnitude))))
        }
        if let significantDigits {
            return significant(magnitude, digits: significantDigits, isNegative: isNegative)
        }
        if magnitude < 1e15 {
            let fixed = PrintfFormat.fixed(magnitude, decimals: precision)
            if fixed.contains(where: { $0 != "0" && $0 != "." }) {
                return FormattedNumber(
                    isNegative: isNegative, digits: grouped(trimmed(fixed, ifItEquals: magnitude)))
            }
        }
        return scientific(magnitude, decimals: precision, isNegative: isNegative)
    }

    /// `magnitude` to `digits` significant digits: plain from 10⁻⁴ up to 10¹⁵, scientific outside.
    private func significant(_ magnitude: Double, digits: Int, isNegative: Bool) -> FormattedNumber {
        let scientific = PrintfFormat.scientific(magnitude, decimals: digits - 1)
        guard let exponent = scientific.split(separator: "e").last.flatMap({ Int($0) }), (-4..<15).contains(exponent)
        else { return self.scientific(magnitude, decimals: digits - 1, isNegative: isNegative) }
        let fixed = PrintfFormat.fixed(magnitude, decimals: max(0, digits - 1 - exponent))
        return FormattedNumber(isNegative: isNegative, digits: grouped(trimmed(fixed, ifItEquals: magnitude)))
    }

    /// `magnitude` as a mantissa with `decimals` decimals times a power of ten.
    private func scientific(_ magnitude: Double, decimals: Int, isNegative: Bool) -> FormattedNumber {
        let scientific = PrintfFormat.scientific(magnitude, decimals: decimals)
        let parts = scientific.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exponent = Int(parts[1]) else {
            return FormattedNumber(isNegative: isNegative, digits: scientific)
        }
        let mantissa =
            isExact(scientific, for: magnitude) ? withoutTrailingZeros(String(parts[0])) : String(parts[0])
        return FormattedNumber(isNegative: isNegative, digits: mantissa, exponent: exponent)
    }

    /// The entries of a matrix or vector, all in one notation: when some
    /// would be written in scientific form and others not, every non-integer
    /// entry is written in scientific form (so 0.5 and 2·10⁻⁷ become 5·10⁻¹
    /// and 2·10⁻⁷, and a column of them reads as one kind of number).
    public func formatEntries(_ values: [Double]) -> [FormattedNumber] {
        let formatted = values.map(format)
        guard formatted.contains(where: { $0.exponent != nil }),
            formatted.contains(where: { $0.exponent == nil && !$0.digits.allSatisfy { $0.isNumber || $0 == "," } })
        else { return formatted }
        return zip(values, formatted).map { value, number in
            guard number.exponent == nil, !number.digits.allSatisfy({ $0.isNumber || $0 == "," }) else { return number }
            let decimals = significantDigits.map { $0 - 1 } ?? precision
            return scientific(value.magnitude, decimals: decimals, isNegative: value < 0)
        }
    }

    /// How `x` is written when the user gave it: the shortest decimal that
    /// reads back as the same `Double` (0.1, not 0.10000000000000001), in
    /// plain form from 10⁻⁴ up to 10¹⁵ and scientific outside (1·10⁻⁵).
    public func formatGiven(_ x: Double) -> FormattedNumber {
        guard x.isFinite, x != 0 else { return format(x) }
        let shortest = x.magnitude.description
        let parts = shortest.split(separator: "e", maxSplits: 1)
        var mantissa = String(parts[0])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        if parts.count == 2, let exponent = Int(parts[1]) {
            return FormattedNumber(isNegative: x < 0, digits: mantissa, exponent: exponent)
        }
        return FormattedNumber(isNegative: x < 0, digits: grouped(mantissa))
    }

    /// `x` as plain text with a Unicode minus and superscript exponent:
    /// `0.4485`, `−152`, `1.2346·10⁻⁷`.
    public func text(_ x: Double) -> String {
        text(format(x))
    }

    /// A formatted number as plain text with a Unicode minus and superscript exponent.
    public func text(_ number: FormattedNumber) -> String {
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
