extension JSONValue {
    /// What kind of value this is, as a message names it: "null", "true", "false",
    /// "a number", "a string", "an array" or "an object" (as in "expected an
    /// array, found a string").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool(let bool): bool ? "true" : "false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value of the first member named `key`, or nil if this is not an object
    /// or has no such member.
    /// - Complexity: O(n) in the number of members.
    public subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// The members, in order, if this is an object.
    public var members: [JSONMember]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The number, if this is a number.
    public var numberValue: Double? {
        if case .number(let number) = self { number } else { nil }
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The Boolean, if this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { bool } else { nil }
    }
}
