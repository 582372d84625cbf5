import Testing

@testable import NNHomework

@Suite("NumberFormat")
struct NumberFormatTests {
    let four = NumberFormat(precision: 4)

    @Test(
        "integers print without decimals",
        arguments: [(8.0, "8"), (-152, "−152"), (0, "0"), (123_456_789_012_345, "123456789012345")])
    func integers(value: Double, expected: String) {
        #expect(four.text(value) == expected)
    }

    @Test(
        "non-integers round to the precision, exact ones drop trailing zeros",
        arguments: [
            (0.4485309545, "0.4485"), (0.5, "0.5"), (0.1, "0.1"), (2.25, "2.25"), (-0.75, "−0.75"),
            (0.50001, "0.5000"), (2.00001, "2.0000"), (0.99996, "1.0000"), (0.1 + 0.2, "0.3"), (0.7 * 3, "2.1"),
            (2.0000000000000004, "2"), (0.1 + 1e-10, "0.1000"),
        ])
    func roundedDecimals(value: Double, expected: String) {
        #expect(four.text(value) == expected)
    }

    @Test("zero never carries a sign")
    func negativeZero() {
        #expect(four.text(-0.0) == "0")
        #expect(four.format(-0.0) == FormattedNumber(isNegative: false, digits: "0"))
    }

    @Test(
        "non-zero values that would round to zero, and huge values, use scientific form",
        arguments: [
            (1.23456789e-7, "1.2346·10⁻⁷"), (-0.00001, "−1·10⁻⁵"), (-0.0000491234567, "−4.9123·10⁻⁵"),
            (0.000049, "4.9·10⁻⁵"),
            (1e20, "1·10²⁰"), (-1.5e300, "−1.5·10³⁰⁰"), (2.0000000001e15, "2.0000·10¹⁵"),
        ])
    func scientific(value: Double, expected: String) {
        #expect(four.text(value) == expected)
    }

    @Test("scientific form is structured as mantissa digits and exponent")
    func structuredScientific() {
        #expect(four.format(-1.23456789e-7) == FormattedNumber(isNegative: true, digits: "1.2346", exponent: -7))
        #expect(four.format(0.00005) == FormattedNumber(isNegative: false, digits: "0.0001"))
    }

    @Test("precision 0 rounds to whole numbers and keeps tiny values visible")
    func precisionZero() {
        let zero = NumberFormat(precision: 0)
        #expect(zero.text(0.6) == "1")
        #expect(zero.text(-2.5) == "−2")
        #expect(zero.text(0.4) == "4·10⁻¹")
        #expect(zero.text(7) == "7")
    }

    @Test("large precisions show the binary value's decimals")
    func largePrecision() {
        let ten = NumberFormat(precision: 10)
        #expect(ten.text(0.4485309545) == "0.4485309545")
        #expect(ten.text(1.0 / 3.0) == "0.3333333333")
        #expect(ten.text(0.1) == "0.1")
        #expect(NumberFormat(precision: 17).text(0.1 + 0.2) == "0.30000000000000004")
    }

    @Test("non-finite values are written rather than trapping")
    func nonFinite() {
        #expect(four.text(.nan) == "NaN")
        #expect(four.text(.infinity) == "∞")
        #expect(four.text(-.infinity) == "−∞")
    }

    @Test(
        "thousands separators group the whole part only, when asked",
        arguments: [
            (65_647_058.82352941, 1, "65,647,058.8"), (1_951_600, 4, "1,951,600"), (6085.192697768763, 0, "6,085"),
            (-143_360_000, 4, "−143,360,000"), (999, 4, "999"), (1000, 4, "1,000"), (0.00001234, 4, "1.234·10⁻⁵"),
            (123_456.123456, 6, "123,456.123456"), (2e15, 4, "2·10¹⁵"),
        ])
    func grouping(value: Double, precision: Int, expected: String) {
        #expect(NumberFormat(precision: precision, groupsThousands: true).text(value) == expected)
    }

    @Test("without the option large numbers stay plain digits")
    func noGrouping() {
        #expect(four.text(65_647_058.82352941) == "65647058.8235")
        #expect(four.text(1_951_600) == "1951600")
    }
}
