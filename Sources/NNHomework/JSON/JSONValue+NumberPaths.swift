extension JSONValue {
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
