extension JSONValue {
    /// The value at a JSON path as ``numberPaths`` writes it (`layers[1].grad_W[0][2]`,
    /// the empty path for the value itself), or nil when there is none.
    public func value(atPath path: String) -> JSONValue? {
        var current = self
        for component in path.split(separator: ".") {
            let parts = component.split(separator: "[", omittingEmptySubsequences: false)
            if let key = parts.first, !key.isEmpty {
                guard case .object(let members) = current, let found = members.first(where: { $0.key == key }) else {
                    return nil
                }
                current = found.value
            }
            for part in parts.dropFirst() {
                guard part.hasSuffix("]"), let index = Int(part.dropLast()), case .array(let elements) = current,
                    elements.indices.contains(index)
                else { return nil }
                current = elements[index]
            }
        }
        return current
    }

    /// The JSON path of every number in this value, in document order:
    /// `layers[1].grad_W[1][0]`, `loss`; the root itself is the empty path.
    ///
    /// - Complexity: O(n) in the number of values.
    public var numberPaths: [String] {
        var paths: [String] = []
        collectNumberPaths(prefix: "", into: &paths)
        return paths
    }

    private func collectNumberPaths(prefix: String, into paths: inout [String]) {
        switch self {
        case .number:
            paths.append(prefix)
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                element.collectNumberPaths(prefix: "\(prefix)[\(index)]", into: &paths)
            }
        case .object(let members):
            for member in members {
                member.value.collectNumberPaths(
                    prefix: prefix.isEmpty ? member.key : "\(prefix).\(member.key)", into: &paths)
            }
        case .null, .bool, .string:
            return
        }
    }
}
