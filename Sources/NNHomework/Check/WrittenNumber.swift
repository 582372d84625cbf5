/// A number as a student wrote it, and how exactly that claims it:
/// 0.447 claims three decimals, so it stands for anything within ±0.0005.
public struct WrittenNumber: Sendable, Hashable {
    /// The text as written: `0.447`, `-46`, `1e-3`.
    public let literal: String
    /// Its value.
    public let value: Double
    /// The decimals of its last written digit: 3 for `0.447` and `1e-3`, 0 for
    /// `8`, −2 for `12e2`. A zero has no leading digit for an exponent to
    /// scale, so `0e300` claims what `0` does (0 decimals), not ±½·10³⁰⁰.
    public let decimals: Int

    /// The number written as the JSON number `literal`, whose value is `value`.
    public init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
        let lowered = literal.lowercased()
        let mantissa = lowered.prefix { $0 != "e" }
        let exponent = lowered.contains("e") ? Int(lowered.drop { $0 != "e" }.dropFirst()) ?? 0 : 0
        let fraction = mantissa.contains(".") ? mantissa.drop { $0 != "." }.dropFirst().count : 0
        let clamped = max(-300, min(300, exponent))
        self.decimals = value == 0 ? max(fraction, fraction - clamped) : fraction - clamped
    }

    /// Half a unit of the last written digit: ½ · 10⁻ᵈ (0.0005 for 0.447, 0.5 for 8).
    public var tolerance: Double {
        var unit = 1.0
        if decimals >= 0 {
            for _ in 0..<min(decimals, 330) { unit /= 10 }
        } else {
            for _ in 0..<min(-decimals, 310) { unit *= 10 }
        }
        return unit / 2
    }

    /// Whether `x` lies within half a unit of the last written digit:
    /// |written − x| ≤ ½ · 10⁻ᵈ (with room for binary rounding of the decimals).
    public func accepts(_ x: Double) -> Bool {
        (value - x).magnitude <= tolerance * (1 + 1e-9)
    }

    /// The significant figures written: 3 for `0.0123`, `1.23e-2` and `123`.
    public var significantFigures: Int {
        let mantissa = literal.lowercased().prefix { $0 != "e" }
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return max(1, digits.count)
    }

    /// Whether a grader reads the precision as significant figures: a number
    /// below 0.1 written with leading zeros (0.0123), or one with an exponent.
    var isWrittenInSignificantFigures: Bool {
        literal.lowercased().contains("e") || (value.magnitude < 0.1 && value != 0)
    }

    /// The literal with a Unicode minus, as text output writes numbers: `−46`.
    public var text: String {
        literal.replacingMinus()
    }
}

extension String {
    /// The text with every ASCII hyphen-minus written as the minus sign −.
    fileprivate func replacingMinus() -> String {
        String(map { $0 == "-" ? "−" : $0 })
    }
}
