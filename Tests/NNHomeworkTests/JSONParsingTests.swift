import Testing

@testable import NNHomework

/// A document that must fail, with the exact error it must produce.
struct MalformedJSON: Sendable, CustomTestStringConvertible {
    var text: String
    var line: Int
    var column: Int
    var message: String

    init(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.text = text
        self.line = line
        self.column = column
        self.message = message
    }

    var expectedError: JSONSyntaxError { JSONSyntaxError(line: line, column: column, message: message) }
    var testDescription: String { message }
}

@Suite("Parsing JSON")
struct JSONParsingTests {
    @Test("a nested document keeps every kind of value")
    func nestedDocument() throws {
        let text = """
            {"layers": [{"weights": [[1, -2.5]], "bias": null}],
             "trace": true, "check": false, "name": "net", "empty": {}, "none": []}
            """
        let expected = JSONValue.object([
            JSONMember(
                "layers",
                .array([
                    .object([
                        JSONMember("weights", .array([.array([.number(1), .number(-2.5)])])),
                        JSONMember("bias", .null),
                    ])
                ])),
            JSONMember("trace", .bool(true)),
            JSONMember("check", .bool(false)),
            JSONMember("name", .string("net")),
            JSONMember("empty", .object([])),
            JSONMember("none", .array([])),
        ])
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test("object members keep the order they were written in")
    func memberOrder() throws {
        let value = try JSONValue(parsing: #"{"z": 1, "a": 2, "m": 3}"#)
        let keys = try #require(value.members).map(\.key)
        #expect(keys == ["z", "a", "m"])
    }

    @Test("every escape decodes to its character")
    func escapes() throws {
        let value = try JSONValue(parsing: #""\"\\\/\b\f\n\r\t\u0041\u00e9\u00E9""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\tAéé"))
    }

    @Test("a surrogate pair escape decodes to one character beyond U+FFFF")
    func surrogatePair() throws {
        let value = try JSONValue(parsing: #"["\uD83D\uDE00", "\ud834\udd1e", "😀"]"#)
        #expect(value == .array([.string("😀"), .string("𝄞"), .string("😀")]))
        #expect(value.arrayValue?.first?.stringValue?.unicodeScalars.map(\.value) == [0x1F600])
    }

    @Test(
        "numbers read as the nearest double",
        arguments: [
            ("0", 0.0), ("7", 7), ("-12", -12), ("2.5", 2.5), ("0.1", 0.1), ("1e2", 100), ("1E-2", 0.01),
            ("-2.5e+3", -2500), ("1e-400", 0), ("5e-324", .leastNonzeroMagnitude),
            ("1.7976931348623157e308", 1.7976931348623157e308),
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("123456789012345680000", 1.2345678901234568e20),
        ])
    func numbers(text: String, expected: Double) throws {
        #expect(try JSONValue(parsing: text) == .number(expected))
    }

    @Test("-0 keeps its sign")
    func negativeZero() throws {
        for text in ["-0", "-0.0", "-0e5"] {
            let number = try #require(JSONValue(parsing: text).numberValue)
            #expect(number == 0 && number.sign == .minus, "\(text)")
        }
    }

    @Test("whitespace around tokens and a byte order mark are skipped")
    func whitespaceAndByteOrderMark() throws {
        #expect(try JSONValue(parsing: " \t\r\n[ 1 ,\r\n 2 ] \n") == .array([.number(1), .number(2)]))
        #expect(try JSONValue(parsing: "\u{FEFF}{\"a\": null}") == .object([JSONMember("a", .null)]))
    }

    @Test("nesting of exactly 512 levels is accepted")
    func deepestAcceptedNesting() throws {
        var value = try JSONValue(parsing: String(repeating: "[", count: 512) + String(repeating: "]", count: 512))
        var depth = 0
        while let elements = value.arrayValue {
            depth += 1
            value = elements.first ?? .null
        }
        #expect(depth == 512)
    }

    @Test("10,000 levels of nesting fail cleanly instead of overflowing the stack")
    func tenThousandLevels() {
        #expect(throws: JSONSyntaxError(line: 1, column: 513, message: "nesting deeper than 512 levels")) {
            try JSONValue(parsing: String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        }
        #expect(throws: JSONSyntaxError(line: 1, column: 5 * 512 + 1, message: "nesting deeper than 512 levels")) {
            try JSONValue(parsing: String(repeating: #"{"a":"#, count: 10_000))
        }
    }

    @Test("every proper prefix of a document fails with a place inside the text")
    func truncatedDocuments() throws {
        let document = #"{"w": [[1, -2.5e-3], [0, 4]], "s": "a\n\u00e9😀", "t": [true, false, null]}"#
        let scalars = Array(document.unicodeScalars)
        _ = try JSONValue(parsing: document)
        for length in 0..<scalars.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[..<length])
            let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: prefix) }
            #expect(error.line == 1 && (1...length + 1).contains(error.column), "\(prefix)")
        }
    }

    @Test("a syntax error prints as line, column and message")
    func errorDescription() {
        let error = JSONSyntaxError(line: 3, column: 7, message: "expected ',' or '}' after an object member")
        #expect(error.description == "line 3, column 7: expected ',' or '}' after an object member")
    }

    static let malformed: [MalformedJSON] = [
        MalformedJSON("", 1, 1, "unexpected end of input: expected a value"),
        MalformedJSON("  \n ", 2, 2, "unexpected end of input: expected a value"),
        MalformedJSON("[", 1, 2, "unexpected end of input: expected a value"),
        MalformedJSON(#"{"a": 1"#, 1, 8, "unexpected end of input: expected ',' or '}' after an object member"),
        MalformedJSON("[1, 2", 1, 6, "unexpected end of input: expected ',' or ']' after an array element"),
        MalformedJSON(#"{"a": 1,"#, 1, 9, "unexpected end of input: expected a key in double quotes"),
        MalformedJSON(#"{"a": "abc"#, 1, 7, #"unterminated string: no closing '"' before the end of input"#),
        MalformedJSON(#"["abc\"#, 1, 2, #"unterminated string: no closing '"' before the end of input"#),
        MalformedJSON(
            "{\"a\": \"abc\n}", 1, 7,
            #"unterminated string: no closing '"' before the end of the line (write a line break inside a string as \n)"#
        ),
        MalformedJSON(
            #"["a\qb"]"#, 1, 4,
            #"invalid escape \q in a string; the escapes are \" \\ \/ \b \f \n \r \t and \uXXXX"#),
        MalformedJSON(#"["\u12G4"]"#, 1, 3, #"invalid escape: \u must be followed by four hexadecimal digits"#),
        MalformedJSON(#"["\u12"]"#, 1, 3, #"invalid escape: \u must be followed by four hexadecimal digits"#),
        MalformedJSON("[\"a\tb\"]", 1, 4, #"control character U+0009 in a string; write it as \t"#),
        MalformedJSON("[\"a\u{1}b\"]", 1, 4, #"control character U+0001 in a string; write it as \u0001"#),
        MalformedJSON(
            #"["\uD800"]"#, 1, 3,
            #"lone surrogate \uD800 in a string; a character beyond U+FFFF is written as a surrogate pair such as \uD83D\uDE00"#
        ),
        MalformedJSON(
            #"["x\uDE00"]"#, 1, 4,
            #"lone surrogate \uDE00 in a string; a character beyond U+FFFF is written as a surrogate pair such as \uD83D\uDE00"#
        ),
        MalformedJSON(
            #"["\uD83D\u0041"]"#, 1, 3,
            #"lone surrogate \uD83D in a string; a character beyond U+FFFF is written as a surrogate pair such as \uD83D\uDE00"#
        ),
        MalformedJSON("[1, 2,]", 1, 6, "trailing comma before ']'; remove the comma"),
        MalformedJSON("{\"a\": 1,\n}", 1, 8, "trailing comma before '}'; remove the comma"),
        MalformedJSON("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
        MalformedJSON("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after an object member, found '\"'"),
        MalformedJSON(#"{"a" 1}"#, 1, 6, #"expected ':' after the key "a", found '1'"#),
        MalformedJSON(#"{1: 2}"#, 1, 2, "expected a key in double quotes or '}', found '1'"),
        MalformedJSON(#"{'a': 2}"#, 1, 2, "keys must be in double quotes, not single quotes"),
        MalformedJSON(#"['a']"#, 1, 2, "strings must be in double quotes, not single quotes"),
        MalformedJSON("[01]", 1, 2, "leading zero in number 01"),
        MalformedJSON("-01.5", 1, 1, "leading zero in number -01.5"),
        MalformedJSON("[1.]", 1, 4, "expected a digit after the decimal point in number 1."),
        MalformedJSON("1e+", 1, 4, "expected a digit in the exponent of number 1e+"),
        MalformedJSON("-", 1, 2, "expected a digit after '-'"),
        MalformedJSON("+1", 1, 1, "a number cannot start with '+'; leave the sign out"),
        MalformedJSON(".5", 1, 1, "a number must start with a digit (write 0.5, not .5)"),
        MalformedJSON("[NaN]", 1, 2, "NaN and Infinity are not numbers in JSON"),
        MalformedJSON("Infinity", 1, 1, "NaN and Infinity are not numbers in JSON"),
        MalformedJSON("[1, -Infinity]", 1, 5, "NaN and Infinity are not numbers in JSON"),
        MalformedJSON("1e999", 1, 1, "number 1e999 is out of range"),
        MalformedJSON("[0, -1.5e400]", 1, 5, "number -1.5e400 is out of range"),
        MalformedJSON(
            "[True]", 1, 2, "unknown word True; the words of JSON are true, false and null, in lowercase"),
        MalformedJSON(
            "[@]", 1, 2, "expected a value (an object, array, string, number, true, false or null), found '@'"),
        MalformedJSON("{} x", 1, 4, "unexpected 'x' after the end of the JSON document"),
        MalformedJSON("[1]]", 1, 4, "unexpected ']' after the end of the JSON document"),
        MalformedJSON("{\"weights\": 1,\n \"weights\": 2}", 2, 2, #"duplicate key "weights""#),
        MalformedJSON(#"{"é": 1 "b": 2}"#, 1, 9, "expected ',' or '}' after an object member, found '\"'"),
        MalformedJSON("\u{FEFF}[1,]", 1, 3, "trailing comma before ']'; remove the comma"),
        MalformedJSON("[\r\n1,\r\n]", 2, 2, "trailing comma before ']'; remove the comma"),
        MalformedJSON(String(repeating: "[", count: 513), 1, 513, "nesting deeper than 512 levels"),
    ]

    @Test("malformed input fails with the exact place and message", arguments: malformed)
    func malformedInput(_ input: MalformedJSON) {
        #expect(throws: input.expectedError) {
            try JSONValue(parsing: input.text)
        }
    }
}
