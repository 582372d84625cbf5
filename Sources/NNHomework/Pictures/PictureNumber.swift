/// Numbers as the picture formats read them: ASCII decimals, a hyphen-minus, no exponent.
enum PictureNumber {
    /// `x` rounded to `decimals` places, trailing zeros dropped: 12.5, -0.25, 3; from 10¹² on,
    /// in scientific notation (1.5e13), which SVG, TikZ and pgfplots read too; 0 for a non-finite x.
    static func ascii(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "0" }
        guard abs(x) >= 1e12 else { return fixed(x, decimals: decimals) }
        var mantissa = abs(x)
        var exponent = 0
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        return (x < 0 ? "-" : "") + fixed(mantissa, decimals: 6) + "e" + String(exponent)
    }

    /// `x` (|x| < 10¹²) rounded to `decimals` places, trailing zeros dropped.
    private static func fixed(_ x: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled != 0 else { return "0" }
        let whole = Int(scaled / scale)
        var fraction = Int(scaled - Double(whole) * scale)
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = (x < 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// The decimals a tick label needs for ticks `step` apart: 0 for 1, 2, 5, 10; 1 for 0.5; 2 for 0.25.
    static func decimals(forStep step: Double) -> Int {
        var decimals = 0
        var scaled = step
        while decimals < 10 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// Each tick's label with the decimals its spacing needs and a Unicode minus: −0.5, 0, 0.5.
    static func tickLabels(_ ticks: [Double]) -> [String] {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = decimals(forStep: (step * 1e9).rounded() / 1e9)
        return ticks.map { NumberFormat(precision: decimals).text($0 == 0 ? 0 : $0) }
    }
}
