extension String {
    /// The string with every control character written as a visible escape
    /// (`\n`, `\t`, `\r`, and `\u{1b}` for the others, line and paragraph
    /// separators included), so that text a user wrote can neither break a
    /// line it is quoted in nor move a terminal's cursor, and no character of it is lost.
    public var escapingControlCharacters: String {
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where [.control, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory):
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
