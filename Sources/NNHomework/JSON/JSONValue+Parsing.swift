extension JSONValue {
    /// The deepest nesting of arrays and objects the parser accepts; deeper input
    /// is rejected so that it cannot overflow the stack.
    public static let maximumNestingDepth = 512

    /// The JSON document in `text` (RFC 8259), its object members in the order written.
    ///
    /// Stricter than RFC 8259 in one way: an object may not repeat a key. A leading
    /// UTF-8 byte order mark is skipped. Numbers are read with the standard library's
    /// correctly rounded `Double(_:)`; a number too large for a `Double` is an error,
    /// one too small becomes 0.
    /// - Parameter text: the whole document.
    /// - Throws: `JSONSyntaxError` naming the line and column of the first problem.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String) throws(JSONSyntaxError) {
        var parser = JSONParser(text)
        self = try parser.parseDocument()
    }

    /// The JSON document in `text` as ``init(parsing:)`` reads it, with the text
    /// of each number as written (`0.447`, `-46`, `1e-3`), in document order:
    /// the order ``numberPaths`` visits the numbers of the value.
    /// - Throws: `JSONSyntaxError` naming the line and column of the first problem.
    /// - Complexity: O(n) in the length of `text`.
    public static func parsingNumberLiterals(_ text: String) throws(JSONSyntaxError) -> (
        value: JSONValue, literals: [String]
    ) {
        var parser = JSONParser(text)
        let value = try parser.parseDocument()
        return (value, parser.numberLiterals)
    }
}

/// A recursive-descent reader of one JSON document, working on its UTF-8 bytes.
private struct JSONParser {
    private let bytes: [UInt8]
    /// Where the document starts: after the byte order mark, if there is one.
    private let start: Int
    private var position: Int
    private var depth = 0
    /// The text of every number read so far, in document order.
    private(set) var numberLiterals: [String] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        position = start
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else {
            throw syntaxError(
                at: position,
                "unexpected \(character(at: position)) after the end of the JSON document")
        }
        return value
    }

    // MARK: Values

    /// The value starting at `position`, which is not whitespace.
    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek() else {
            throw syntaxError(at: position, "unexpected end of input: expected a value")
        }
        switch byte {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return try parseWord()
        case UInt8(ascii: "+"):
            throw syntaxError(at: position, "a number cannot start with '+'; leave the sign out")
        case UInt8(ascii: "."):
            throw syntaxError(at: position, "a number must start with a digit (write 0.5, not .5)")
        case UInt8(ascii: "'"):
            throw syntaxError(at: position, "strings must be in double quotes, not single quotes")
        default:
            throw syntaxError(
                at: position,
                "expected a value (an object, array, string, number, true, false or null), found \(character(at: position))"
            )
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterNesting()
        defer { depth -= 1 }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        var elements: [JSONValue] = []
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                try skipComma(before: "]")
            case UInt8(ascii: "]"):
                position += 1
                return .array(elements)
            default:
                throw expected("',' or ']' after an array element")
            }
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterNesting()
        defer { depth -= 1 }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .object([])
        }
        var members: [JSONMember] = []
        var keys: Set<String> = []
        while true {
            let keyStart = position
            switch peek() {
            case UInt8(ascii: "\""):
                break
            case UInt8(ascii: "'"):
                throw syntaxError(at: position, "keys must be in double quotes, not single quotes")
            default:
                throw expected(members.isEmpty ? "a key in double quotes or '}'" : "a key in double quotes")
            }
            let key = try parseString()
            guard keys.insert(key).inserted else {
                throw syntaxError(at: keyStart, "duplicate key \(quoted(key))")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw expected("':' after the key \(quoted(key))")
            }
            position += 1
            skipWhitespace()
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                try skipComma(before: "}")
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default:
                throw expected("',' or '}' after an object member")
            }
        }
    }

    /// Steps over the comma at `position` and the whitespace after it, rejecting
    /// a comma that is followed by the closing `bracket`.
    private mutating func skipComma(before bracket: Unicode.Scalar) throws(JSONSyntaxError) {
        let comma = position
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: bracket) {
            throw syntaxError(at: comma, "trailing comma before '\(bracket)'; remove the comma")
        }
    }

    /// Counts one more level of nesting, rejecting the level past the maximum.
    private mutating func enterNesting() throws(JSONSyntaxError) {
        guard depth < JSONValue.maximumNestingDepth else {
            throw syntaxError(at: position, "nesting deeper than \(JSONValue.maximumNestingDepth) levels")
        }
        depth += 1
    }

    // MARK: Strings

    /// The string whose opening quote is at `position`, its escapes decoded.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let openingQuote = position
        position += 1
        var utf8: [UInt8] = []
        while true {
            let runStart = position
            while let byte = peek(), byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                position += 1
            }
            utf8.append(contentsOf: bytes[runStart..<position])
            switch peek() {
            case nil:
                throw syntaxError(at: openingQuote, "unterminated string: no closing '\"' before the end of input")
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw syntaxError(
                    at: openingQuote,
                    "unterminated string: no closing '\"' before the end of the line (write a line break inside a string as \\n)"
                )
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &utf8, inStringAt: openingQuote)
            default:
                throw syntaxError(
                    at: position,
                    "control character \(character(at: position)) in a string; write it as \(escaped(bytes[position]))")
            }
        }
    }

    /// Decodes the escape whose backslash is at `position` and appends it as UTF-8.
    private mutating func appendEscape(
        to utf8: inout [UInt8], inStringAt openingQuote: Int
    ) throws(JSONSyntaxError) {
        let backslash = position
        position += 1
        guard let letter = peek() else {
            throw syntaxError(at: openingQuote, "unterminated string: no closing '\"' before the end of input")
        }
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            utf8.append(letter)
        case UInt8(ascii: "b"):
            utf8.append(0x08)
        case UInt8(ascii: "f"):
            utf8.append(0x0C)
        case UInt8(ascii: "n"):
            utf8.append(0x0A)
        case UInt8(ascii: "r"):
            utf8.append(0x0D)
        case UInt8(ascii: "t"):
            utf8.append(0x09)
        case UInt8(ascii: "u"):
            UTF8.encode(try parseUnicodeEscape(at: backslash)) { utf8.append($0) }
        default:
            throw syntaxError(
                at: backslash,
                "invalid escape \\\(character(at: backslash + 1, quoted: false)) in a string; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
            )
        }
    }

    /// The scalar of the `\uXXXX` escape whose backslash is at `backslash`, joining a
    /// high surrogate with the low surrogate escape that must follow it.
    /// `position` is just after the `u`.
    private mutating func parseUnicodeEscape(at backslash: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let unit = hexQuad(at: position) else {
            throw syntaxError(at: backslash, "invalid escape: \\u must be followed by four hexadecimal digits")
        }
        position += 4
        var code = unit
        if (0xD800...0xDBFF).contains(unit),
            peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u"),
            let low = hexQuad(at: position + 2), (0xDC00...0xDFFF).contains(low)
        {
            position += 6
            code = 0x10000 + (unit - 0xD800) << 10 + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw syntaxError(
                at: backslash,
                "lone surrogate \\u\(hex(unit)) in a string; a character beyond U+FFFF is written as a surrogate pair such as \\uD83D\\uDE00"
            )
        }
        return scalar
    }

    /// The value of the four hexadecimal digits at `offset`, or nil if there are not four.
    private func hexQuad(at offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: Numbers and words

    /// The number starting at `position` (a digit or '-'), checked against the JSON
    /// grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let tokenStart = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else {
            if let byte = peek(), isLetter(byte) {
                skipLetters()
                throw unknownWord(from: tokenStart)
            }
            throw syntaxError(at: position, "expected a digit after '-'")
        }
        position += 1
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
            throw syntaxError(at: tokenStart, "leading zero in number \(numberLikeToken(from: tokenStart))")
        }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let byte = peek(), isDigit(byte) else {
                throw syntaxError(
                    at: position,
                    "expected a digit after the decimal point in number \(numberLikeToken(from: tokenStart))")
            }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let byte = peek(), isDigit(byte) else {
                throw syntaxError(
                    at: position, "expected a digit in the exponent of number \(numberLikeToken(from: tokenStart))")
            }
            skipDigits()
        }
        let token = String(decoding: bytes[tokenStart..<position], as: UTF8.self)
        guard let value = Double(token), value.isFinite else {
            throw syntaxError(at: tokenStart, "number \(abbreviated(token)) is out of range")
        }
        numberLiterals.append(token)
        return .number(value)
    }

    /// `true`, `false` or `null` at `position`.
    private mutating func parseWord() throws(JSONSyntaxError) -> JSONValue {
        let wordStart = position
        skipLetters()
        switch String(decoding: bytes[wordStart..<position], as: UTF8.self) {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: throw unknownWord(from: wordStart)
        }
    }

    // MARK: Bytes

    private func peek(_ ahead: Int = 0) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
        {
            position += 1
        }
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    private mutating func skipLetters() {
        while let byte = peek(), isLetter(byte) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    // MARK: Messages

    /// The error `message` at byte `offset`, with its line and column.
    private func syntaxError(at offset: Int, _ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[start..<max(start, min(offset, bytes.count))] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    /// "expected <what>, found <character>" at `position`, or "unexpected end of
    /// input: expected <what>" when the input has ended.
    private func expected(_ what: String) -> JSONSyntaxError {
        guard position < bytes.count else {
            return syntaxError(at: position, "unexpected end of input: expected \(what)")
        }
        return syntaxError(at: position, "expected \(what), found \(character(at: position))")
    }

    /// The error for the word that ends at `position`, which is not `true`, `false` or `null`.
    private func unknownWord(from start: Int) -> JSONSyntaxError {
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        if ["nan", "-nan", "inf", "-inf", "infinity", "-infinity"].contains(word.lowercased()) {
            return syntaxError(at: start, "NaN and Infinity are not numbers in JSON")
        }
        return syntaxError(
            at: start,
            "unknown word \(abbreviated(word)); the words of JSON are true, false and null, in lowercase")
    }

    /// The character at `offset` as a message shows it: `'x'`, `"'"`, `U+0009`,
    /// or "end of input".
    private func character(at offset: Int, quoted: Bool = true) -> String {
        guard offset < bytes.count,
            let scalar = String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self)
                .unicodeScalars.first
        else { return "end of input" }
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == " " {
            return "U+\(hex(scalar.value))"
        }
        if !quoted { return String(scalar) }
        return scalar == "'" ? "\"'\"" : "'\(scalar)'"
    }

    /// The number-like characters from `offset` on, for a message about a malformed number.
    private func numberLikeToken(from offset: Int) -> String {
        var end = offset
        while end < bytes.count, isDigit(bytes[end]) || "+-.eE".utf8.contains(bytes[end]) { end += 1 }
        return abbreviated(String(decoding: bytes[offset..<end], as: UTF8.self))
    }

    /// `text`, cut short with "…" if it would swamp a message.
    private func abbreviated(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    /// `text` as a JSON string literal, for naming a key in a message.
    private func quoted(_ text: String) -> String {
        JSONValue.string(abbreviated(text)).serialized(indent: nil)
    }

    /// How to write the control character `byte` inside a JSON string.
    private func escaped(_ byte: UInt8) -> String {
        switch byte {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0C: "\\f"
        default: "\\u\(hex(UInt32(byte)))"
        }
    }

    /// `value` as at least four uppercase hexadecimal digits.
    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
