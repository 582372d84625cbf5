import NNCore

/// A JSON value together with its path in the document, for decoding with
/// errors that name the exact place: `layers[1].weights[0][2]`.
struct JSONCursor {
    /// The value at this place.
    let value: JSONValue
    /// The JSON path of this place; empty at the root.
    let path: String
    /// What to call the root in messages (the file name).
    let rootName: String

    /// The place to name in an error: the path, or the root's name at the root.
    var place: String { path.isEmpty ? rootName : path }

    /// The invalid-data error `error` at this place.
    func error(_ error: DataError) -> InputError {
        InputError(at: place, error)
    }

    /// The cursor at member `key` of this object (which the caller has checked).
    func member(_ key: String) -> JSONCursor? {
        guard case .object(let members) = value,
            let found = members.first(where: { $0.key == key })
        else { return nil }
        return JSONCursor(value: found.value, path: path.isEmpty ? key : "\(path).\(key)", rootName: rootName)
    }

    /// The cursors at the elements of this array.
    func elements() throws(InputError) -> [JSONCursor] {
        guard case .array(let values) = value else { throw error(.expected("an array", found: value.typeName)) }
        return values.enumerated().map { JSONCursor(value: $1, path: "\(path)[\($0)]", rootName: rootName) }
    }

    /// Checks that this is an object whose keys are all in `allowed` and that
    /// every key in `required` is present.
    func requireObject(allowed: [String], required: [String] = []) throws(InputError) {
        guard case .object(let members) = value else {
            throw error(.expected("an object", found: value.typeName))
        }
        for member in members where !allowed.contains(member.key) {
            throw error(
                .unknownKey(
                    member.key,
                    suggestion: KeyAliases.key(for: member.key, among: allowed)
                        ?? closestMatch(to: member.key, among: allowed), allowed: allowed))
        }
        for key in required where !members.contains(where: { $0.key == key }) {
            throw error(.missingKey(key))
        }
    }

    /// This value as a finite number.
    func number() throws(InputError) -> Double {
        guard case .number(let x) = value else { throw error(.expected("a number", found: value.typeName)) }
        guard x.isFinite else { throw error(.notFiniteNumber(x)) }
        return x
    }

    /// This value as a string.
    func string() throws(InputError) -> String {
        guard case .string(let text) = value else { throw error(.expected("a string", found: value.typeName)) }
        return text
    }

    /// This value as true or false.
    func bool() throws(InputError) -> Bool {
        guard case .bool(let flag) = value else { throw error(.expected("true or false", found: value.typeName)) }
        return flag
    }

    /// This value as a non-empty array of finite numbers.
    func vector() throws(InputError) -> [Double] {
        let entries = try elements()
        guard !entries.isEmpty else { throw error(.empty) }
        var result: [Double] = []
        for entry in entries { result.append(try entry.number()) }
        return result
    }

    /// This value as a non-empty rectangular array of rows of finite numbers.
    func matrix() throws(InputError) -> Matrix {
        let rows = try elements()
        guard !rows.isEmpty else { throw error(.empty) }
        var arrays: [[Double]] = []
        for row in rows {
            guard case .array = row.value else {
                throw row.error(.expected("a row (an array of numbers)", found: row.value.typeName))
            }
            arrays.append(try row.vector())
        }
        do {
            return try Matrix(validating: arrays)
        } catch {
            switch error {
            case .raggedRow(let index, let count, let expected):
                throw rows[index].error(.rowEntries(count: count, expected: expected))
            }
        }
    }
}
