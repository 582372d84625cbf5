import NNCore

/// Reading an activation from a spec: a name (`"relu"`) or an object with its
/// parameters (`{"name": "leaky_relu", "alpha": 0.1, "scale": 3}`).
enum ActivationSpec {
    /// The accepted names, canonical first, and what each means.
    static let names: [(name: String, aliases: [String])] = [
        ("identity", ["linear", "none"]),
        ("relu", []),
        ("leaky_relu", ["lrelu"]),
        ("tanh", []),
        ("sigmoid", ["logistic"]),
        ("gelu", []),
        ("softmax", []),
    ]

    /// Decodes the activation at `cursor`.
    static func decode(_ cursor: JSONCursor) throws(InputError) -> Activation {
        if case .string = cursor.value {
            return try make(name: cursor.string(), parameters: nil, at: cursor)
        }
        guard case .object = cursor.value else {
            throw cursor.error(.expected("an activation name or an object with \"name\"", found: cursor.value.typeName))
        }
        try cursor.requireObject(allowed: ["name", "alpha", "approximate", "beta", "scale"], required: ["name"])
        guard let nameCursor = cursor.member("name") else { throw cursor.error(.missingKey("name")) }
        return try make(name: nameCursor.string(), parameters: cursor, at: nameCursor)
    }

    private static func make(name: String, parameters: JSONCursor?, at place: JSONCursor) throws(InputError)
        -> Activation
    {
        guard let canonical = canonicalName(name) else {
            let all = names.map(\.name)
            let guess = closestMatch(to: name, among: all + names.flatMap(\.aliases))
            throw place.error(.unknownName(name, kind: "activation", names: all, suggestion: guess))
        }
        let allowed: [String: String] = ["leaky_relu": "alpha", "gelu": "approximate", "softmax": "beta"]
        if let parameters {
            for key in ["alpha", "approximate", "beta"] where allowed[canonical] != key {
                guard let misplaced = parameters.member(key) else { continue }
                let owner = allowed.first(where: { $0.value == key })?.key ?? ""
                throw misplaced.error(.parameterAppliesOnly(key, to: owner, not: canonical))
            }
        }
        let scale = try parameters?.member("scale")?.number() ?? 1
        switch canonical {
        case "identity": return Activation(.identity, scale: scale)
        case "relu": return Activation(.relu, scale: scale)
        case "leaky_relu":
            return Activation(.leakyReLU(alpha: try parameters?.member("alpha")?.number() ?? 0.01), scale: scale)
        case "tanh": return Activation(.tanh, scale: scale)
        case "sigmoid": return Activation(.sigmoid, scale: scale)
        case "gelu":
            return Activation(.gelu(try geluForm(parameters?.member("approximate"))), scale: scale)
        default:
            let betaCursor = parameters?.member("beta")
            let beta = try betaCursor?.number() ?? 1
            if let betaCursor, beta == 0 { throw betaCursor.error(.zeroColdness) }
            return Activation(.softmax(beta: beta), scale: scale)
        }
    }

    /// `"approximate"`: `"tanh"`/`true` for the tanh form, `"none"`/`false` for the exact erf form (PyTorch's names).
    private static func geluForm(_ cursor: JSONCursor?) throws(InputError) -> Activation.GELUForm {
        guard let cursor else { return .exact }
        switch cursor.value {
        case .bool(let flag): return flag ? .tanhApproximation : .exact
        case .string("tanh"): return .tanhApproximation
        case .string("none"), .string("erf"): return .exact
        default: throw cursor.error(.expectedGELUForm)
        }
    }

    private static func canonicalName(_ name: String) -> String? {
        let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        return names.first { $0.name == key || $0.aliases.contains(key) }?.name
    }
}
