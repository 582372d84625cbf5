import Testing

@testable import NNHomework

@Suite("NumberFormat: significant digits, given values, one notation per matrix")
struct NumberFormatSignificantTests {
    @Test(
        "--sig N rounds to N significant digits, plain from 10⁻⁴ on",
        arguments: [
            (0.000438568, 4, "0.0004386"), (0.000438568, 2, "0.00044"), (1.23456, 3, "1.23"), (123.456, 2, "123"),
            (-0.5, 3, "−0.5"), (2.0 / 3.0, 4, "0.6667"), (1234.5678, 6, "1234.57"), (0.1 + 0.2, 4, "0.3"),
        ])
    func significant(value: Double, digits: Int, expected: String) {
        #expect(NumberFormat(precision: 4, significantDigits: digits).text(value) == expected)
    }

    @Test("--sig N writes tiny and huge non-integers in scientific form with N digits; integers stay whole")
    func significantScientific() {
        let format = NumberFormat(precision: 4, significantDigits: 3)
        #expect(format.text(1.23456789e-7) == "1.23·10⁻⁷")
        #expect(format.text(4.5e-5) == "4.5·10⁻⁵")
        #expect(format.text(42) == "42")
        #expect(format.text(-1000) == "−1000")
    }

    @Test(
        "a value the user gave prints as the shortest decimal that reads back the same",
        arguments: [
            (0.1, "0.1"), (0.2, "0.2"), (0.3, "0.3"), (0.7, "0.7"), (0.001, "0.001"), (1e-5, "1·10⁻⁵"),
            (2.5e-7, "2.5·10⁻⁷"), (5, "5"), (-0.085, "−0.085"), (123456.789, "123456.789"),
        ])
    func given(value: Double, expected: String) {
        let format = NumberFormat(precision: 2)
        #expect(format.text(format.formatGiven(value)) == expected)
    }

    @Test("a matrix whose entries would mix plain and scientific form is written all in scientific form")
    func oneNotation() {
        let format = NumberFormat(precision: 4)
        #expect(format.formatEntries([0.5, 2e-7]).map(format.text) == ["5·10⁻¹", "2·10⁻⁷"])
        #expect(format.formatEntries([0.5, 0.25]).map(format.text) == ["0.5", "0.25"])
        #expect(format.formatEntries([3, 2e-7]).map(format.text) == ["3", "2·10⁻⁷"])
    }
}
