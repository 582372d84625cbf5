/// The one reader of numbers written by a user, on the command line and in
/// matrices typed as text: decimal notation only.
///
/// `3`, `-0.5`, `+2`, `−1.5` (Unicode minus), `.5`, `1e-3`, `2.5E+4`; no
/// hexadecimal (`0x1p3`), no `nan`, `inf` or `infinity`, no spaces inside.
public enum NumberText {
    /// The finite value of `text`, or nil when it is not a decimal number or
    /// its value is too large for a `Double`.
    public static func decimal(_ text: some StringProtocol) -> Double? {
        let ascii = String(text.map { $0 == "−" ? "-" : $0 })
        guard isDecimal(ascii.utf8), let value = Double(ascii), value.isFinite else { return nil }
        return value
    }

    /// The whole number written in `text` (`12`, `-3`, `+4`, `−3`), or nil.
    public static func whole(_ text: some StringProtocol) -> Int? {
        Int(String(text.map { $0 == "−" ? "-" : $0 }))
    }

    /// Whether `bytes` are [sign] digits [. digits] [e [sign] digits], with at
    /// least one digit before the exponent.
    private static func isDecimal(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        func skipDigits() -> Int {
            var count = 0
            while index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                count += 1
                index = bytes.index(after: index)
            }
            return count
        }
        func skip(_ characters: String) -> Bool {
            guard index < bytes.endIndex, characters.utf8.contains(bytes[index]) else { return false }
            index = bytes.index(after: index)
            return true
        }
        _ = skip("+-")
        var digits = skipDigits()
        if skip(".") { digits += skipDigits() }
        guard digits > 0 else { return false }
        if skip("eE") {
            _ = skip("+-")
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
