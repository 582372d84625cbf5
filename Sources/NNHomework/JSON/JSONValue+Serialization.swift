extension JSONValue {
    /// The value as JSON text: pretty-printed with `indent` spaces per level, or
    /// compact on one line when `indent` is nil. The text does not end in a newline.
    ///
    /// Pretty output writes `"key": value`, one member or element per line, except
    /// that an array holding only numbers stays on one line (`[1, 2.5, -3]`), so a
    /// matrix prints one row per line. Numbers are written to round-trip exactly:
    /// an integer up to 2⁵³ in magnitude without a decimal point (`4`, and `0` for
    /// −0), anything else in Swift's shortest round-trip form (`0.1`, `1e-05`).
    /// Strings escape `"`, `\` and control characters and keep other characters as they are.
    ///
    /// Every number must be finite: JSON has no NaN or infinity, so solvers check first.
    /// - Parameter indent: spaces per level of nesting, or nil for compact output.
    /// - Returns: the JSON text.
    /// - Complexity: O(n) in the size of the value.
    public func serialized(indent: Int? = 2) -> String {
        precondition((indent ?? 0) >= 0, "JSON indentation must not be negative")
        var writer = JSONWriter(indent: indent)
        writer.write(self, level: 0)
        return writer.output
    }
}

/// Builds the text of one JSON value.
private struct JSONWriter {
    let indent: Int?
    var output = ""

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null:
            output += "null"
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .number(let number):
            write(number)
        case .string(let string):
            write(string)
        case .array(let elements):
            writeArray(elements, level: level)
        case .object(let members):
            writeObject(members, level: level)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], level: Int) {
        guard !elements.isEmpty else {
            output += "[]"
            return
        }
        let isRowOfNumbers = elements.allSatisfy { if case .number = $0 { true } else { false } }
        output += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            if isRowOfNumbers {
                if index > 0, indent != nil { output += " " }
            } else {
                startLine(level: level + 1)
            }
            write(element, level: level + 1)
        }
        if !isRowOfNumbers { startLine(level: level) }
        output += "]"
    }

    private mutating func writeObject(_ members: [JSONMember], level: Int) {
        guard !members.isEmpty else {
            output += "{}"
            return
        }
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            startLine(level: level + 1)
            write(member.key)
            output += indent == nil ? ":" : ": "
            write(member.value, level: level + 1)
        }
        startLine(level: level)
        output += "}"
    }

    /// In pretty output, a line break and the indentation of `level`; nothing in compact output.
    private mutating func startLine(level: Int) {
        guard let indent else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    private mutating func write(_ number: Double) {
        precondition(
            number.isFinite, "JSON cannot represent \(number); check for non-finite numbers before serializing")
        if number == 0 {
            output += "0"
        } else if number == number.rounded(.towardZero), abs(number) <= 0x1p53 {
            output += String(Int64(number))
        } else {
            output += number.description
        }
    }

    private mutating func write(_ string: String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u00" + (digits.count < 2 ? "0" : "") + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
