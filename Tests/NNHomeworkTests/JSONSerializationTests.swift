import Testing

@testable import NNHomework

@Suite("Serializing JSON")
struct JSONSerializationTests {
    @Test(
        "numbers print as integers when integral, otherwise in shortest round-trip form",
        arguments: [
            (4.0, "4"), (-3, "-3"), (-0.0, "0"), (0, "0"), (2.5, "2.5"), (0.1, "0.1"), (1e-5, "1e-05"),
            (1e21, "1e+21"), (.leastNonzeroMagnitude, "5e-324"), (9_007_199_254_740_991, "9007199254740991"),
            (9_007_199_254_740_992, "9007199254740992"), (9_007_199_254_740_994, "9.007199254740994e+15"),
            (1e16, "1e+16"), (-2.5e-7, "-2.5e-07"),
        ])
    func numberText(number: Double, text: String) throws {
        #expect(JSONValue.number(number).serialized() == text)
        #expect(try JSONValue(parsing: text) == .number(number))
    }

    @Test(
        "awkward doubles survive a round trip bit for bit",
        arguments: [
            0.1, 1.0 / 3, .leastNonzeroMagnitude, 1.7976931348623157e308, -2.5e-7, 1.2345678901234568e20,
            -.greatestFiniteMagnitude, .leastNormalMagnitude, 0.1 + 0.2, 1e-5, 1e21, 0x1p53 + 2,
        ])
    func roundTrip(number: Double) throws {
        for indent in [nil, 2] as [Int?] {
            let value = JSONValue.array([.number(number)])
            let parsed = try #require(
                JSONValue(parsing: value.serialized(indent: indent)).arrayValue?.first?.numberValue)
            #expect(parsed.bitPattern == number.bitPattern)
        }
    }

    @Test("strings escape quotes, backslashes and control characters and keep other characters")
    func stringEscapes() throws {
        let string = "a\"b\\c\nd\te\r\u{1}\u{1F}f/é 😀\u{7F}"
        let text = JSONValue.string(string).serialized()
        #expect(text == #""a\"b\\c\nd\te\r\u0001\u001Ff/é 😀"# + "\u{7F}\"")
        #expect(try JSONValue(parsing: text) == .string(string))
    }

    @Test("pretty output keeps number rows on one line, so a matrix prints one row per line")
    func prettyLayout() {
        let value = JSONValue.object([
            JSONMember("name", .string("layer 1")),
            JSONMember(
                "weights",
                .array([
                    .array([.number(1), .number(2.5), .number(-3)]),
                    .array([.number(0.1), .number(0), .number(4)]),
                ])),
            JSONMember("bias", .array([.number(0.5), .number(-0.5)])),
            JSONMember("empty", .array([])),
            JSONMember("nothing", .object([])),
            JSONMember("mixed", .array([.number(1), .string("two"), .null, .bool(true)])),
        ])
        #expect(
            value.serialized() == """
                {
                  "name": "layer 1",
                  "weights": [
                    [1, 2.5, -3],
                    [0.1, 0, 4]
                  ],
                  "bias": [0.5, -0.5],
                  "empty": [],
                  "nothing": {},
                  "mixed": [
                    1,
                    "two",
                    null,
                    true
                  ]
                }
                """)
        #expect(
            value.serialized(indent: nil)
                == #"{"name":"layer 1","weights":[[1,2.5,-3],[0.1,0,4]],"bias":[0.5,-0.5],"empty":[],"nothing":{},"mixed":[1,"two",null,true]}"#
        )
    }

    @Test("the indent sets the spaces per level")
    func indentWidth() {
        let value = JSONValue.object([JSONMember("a", .object([JSONMember("b", .bool(false))]))])
        #expect(value.serialized(indent: 4) == "{\n    \"a\": {\n        \"b\": false\n    }\n}")
        #expect(value.serialized(indent: 0) == "{\n\"a\": {\n\"b\": false\n}\n}")
    }

    @Test("a document survives serializing and parsing with its member order")
    func documentRoundTrip() throws {
        let value = JSONValue.object([
            JSONMember("z", .array([.array([.number(1e-300), .number(-7)]), .object([])])),
            JSONMember("a", .string("tab\there")),
            JSONMember("m", .null),
        ])
        #expect(try JSONValue(parsing: value.serialized()) == value)
        #expect(try JSONValue(parsing: value.serialized(indent: nil)) == value)
    }
}
