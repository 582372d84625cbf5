import Testing

@testable import NNHomework

@Suite("Reading parts of a JSON value")
struct JSONValueAccessTests {
    let object = JSONValue.object([
        JSONMember("weights", .array([.number(1), .number(2)])),
        JSONMember("name", .string("net")),
        JSONMember("trace", .bool(true)),
        JSONMember("rate", .number(0.5)),
    ])

    @Test("a key reads the value of its member")
    func subscriptByKey() {
        #expect(object["name"] == .string("net"))
        #expect(object["rate"]?.numberValue == 0.5)
        #expect(object["missing"] == nil)
        #expect(JSONValue.array([])["name"] == nil)
    }

    @Test("each accessor returns its kind of value and nil for the others")
    func accessors() {
        #expect(object.members?.map(\.key) == ["weights", "name", "trace", "rate"])
        #expect(object["weights"]?.arrayValue == [.number(1), .number(2)])
        #expect(object["trace"]?.boolValue == true)
        #expect(object["name"]?.stringValue == "net")
        #expect(object["name"]?.numberValue == nil)
        #expect(object["rate"]?.stringValue == nil)
        #expect(object.arrayValue == nil)
        #expect(JSONValue.null.members == nil)
        #expect(JSONValue.number(0).boolValue == nil)
    }

    @Test(
        "the type name reads in a message",
        arguments: [
            (JSONValue.null, "null"), (.bool(true), "true"), (.bool(false), "false"), (.number(1), "a number"),
            (.string(""), "a string"), (.array([]), "an array"), (.object([]), "an object"),
        ])
    func typeName(value: JSONValue, name: String) {
        #expect(value.typeName == name)
    }
}
