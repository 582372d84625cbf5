import NNCore

/// Reading a loss from a spec: a name (`"cross_entropy"`) or an object
/// (`{"name": "squared_error", "scale": 0.5, "reduction": "sum"}`).
enum LossSpec {
    /// The accepted names, canonical first.
    static let names: [(name: String, aliases: [String])] = [
        ("squared_error", ["sse", "sum_squared_error"]),
        ("mse", ["mean_squared_error"]),
        ("cross_entropy", ["categorical_cross_entropy", "ce", "nll"]),
        ("binary_cross_entropy", ["bce", "log_loss"]),
    ]

    /// Decodes the loss at `cursor`.
    static func decode(_ cursor: JSONCursor) throws(InputError) -> Loss {
        if case .string = cursor.value {
            return try make(name: cursor.string(), parameters: nil, at: cursor)
        }
        guard case .object = cursor.value else {
            throw cursor.error(.expected("a loss name or an object with \"name\"", found: cursor.value.typeName))
        }
        try cursor.requireObject(allowed: ["name", "scale", "reduction"], required: ["name"])
        guard let nameCursor = cursor.member("name") else { throw cursor.error(.missingKey("name")) }
        return try make(name: nameCursor.string(), parameters: cursor, at: nameCursor)
    }

    private static func make(name: String, parameters: JSONCursor?, at place: JSONCursor) throws(InputError) -> Loss {
        let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        guard let canonical = names.first(where: { $0.name == key || $0.aliases.contains(key) })?.name else {
            let all = names.map(\.name)
            let guess = closestMatch(to: name, among: all + names.flatMap(\.aliases))
            throw place.error(.unknownName(name, kind: "loss", names: all, suggestion: guess))
        }
        let reduction = try decodeReduction(parameters?.member("reduction"))
        let scaleCursor = parameters?.member("scale")
        if let scaleCursor, canonical != "squared_error" {
            throw scaleCursor.error(.parameterAppliesOnly("scale", to: "squared_error", not: canonical))
        }
        switch canonical {
        case "squared_error":
            let scale = try scaleCursor?.number() ?? 1
            if let scaleCursor, scale <= 0 { throw scaleCursor.error(.notPositive(scale)) }
            return Loss(.squaredError(scale: scale), reduction: reduction)
        case "mse": return Loss(.meanSquaredError, reduction: reduction)
        case "cross_entropy": return Loss(.crossEntropy, reduction: reduction)
        default: return Loss(.binaryCrossEntropy, reduction: reduction)
        }
    }

    private static func decodeReduction(_ cursor: JSONCursor?) throws(InputError) -> Loss.Reduction {
        guard let cursor else { return .mean }
        switch try cursor.string() {
        case "mean": return .mean
        case "sum": return .sum
        case let other: throw cursor.error(.unknownReduction(other))
        }
    }
}
