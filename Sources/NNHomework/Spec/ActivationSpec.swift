import NNCore

/// Reading an activation from a spec: a name (`"relu"`) or an object with its
/// parameters (`{"name": "leaky_relu", "alpha": 0.1, "scale": 3}`); and from
/// the options of `nnhw activation` (`elu --alpha 0.5`).
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
        ("elu", []),
        ("selu", []),
        ("softplus", []),
        ("silu", ["swish"]),
        ("mish", []),
        ("hard_tanh", ["hardtanh"]),
        ("hard_sigmoid", ["hardsigmoid"]),
        ("softsign", []),
        ("relu6", []),
        ("sign", []),
    ]

    /// Which function takes which parameter key (besides `scale`, which every one takes).
    static let parameterOwners: [(key: String, owners: [String])] = [
        ("alpha", ["leaky_relu", "elu"]),
        ("approximate", ["gelu"]),
        ("beta", ["softmax", "softplus"]),
    ]

    /// The parameters given with a name, each with the place an error about it names.
    struct Parameters {
        /// α of leaky ReLU or ELU.
        var alpha: (value: Double, place: String)?
        /// β of softmax or softplus.
        var beta: (value: Double, place: String)?
        /// GELU's formula.
        var approximate: (form: Activation.GELUForm, place: String)?
        /// The output scale c.
        var scale: Double = 1

        /// The places of the parameters given, by key.
        var givenKeys: [(key: String, place: String)] {
            [("alpha", alpha?.place), ("approximate", approximate?.place), ("beta", beta?.place)].compactMap {
                key, place in place.map { (key, $0) }
            }
        }
    }

    /// Decodes the activation at `cursor`.
    static func decode(_ cursor: JSONCursor) throws(InputError) -> Activation {
        if case .string = cursor.value {
            return try make(name: cursor.string(), parameters: Parameters(), at: cursor.place)
        }
        guard case .object = cursor.value else {
            throw cursor.error(.expected("an activation name or an object with \"name\"", found: cursor.value.typeName))
        }
        try cursor.requireObject(allowed: ["name", "alpha", "approximate", "beta", "scale"], required: ["name"])
        guard let nameCursor = cursor.member("name") else { throw cursor.error(.missingKey("name")) }
        var parameters = Parameters()
        if let alpha = cursor.member("alpha") { parameters.alpha = (try alpha.number(), alpha.place) }
        if let beta = cursor.member("beta") { parameters.beta = (try beta.number(), beta.place) }
        if let form = cursor.member("approximate") { parameters.approximate = (try geluForm(form), form.place) }
        parameters.scale = try cursor.member("scale")?.number() ?? 1
        return try make(name: nameCursor.string(), parameters: parameters, at: nameCursor.place)
    }

    /// The activation called `name` (any accepted spelling) with its parameters,
    /// each checked: a parameter the function does not take, α ≤ 0 for ELU,
    /// β ≤ 0 for softplus and β = 0 for softmax are errors at their places.
    ///
    /// - Throws: an invalid-data ``InputError`` at `place` for an unknown name, or at a parameter's place.
    static func make(name: String, parameters: Parameters, at place: String) throws(InputError) -> Activation {
        let canonical = try canonicalName(name, at: place)
        for (key, keyPlace) in parameters.givenKeys {
            let owners = parameterOwners.first { $0.key == key }?.owners ?? []
            guard !owners.contains(canonical) else { continue }
            throw InputError(
                at: keyPlace, .parameterAppliesOnly(key, to: owners.joined(separator: " and "), not: canonical))
        }
        let alpha = parameters.alpha?.value
        let beta = parameters.beta?.value
        let function: Activation.Function
        switch canonical {
        case "identity": function = .identity
        case "relu": function = .relu
        case "leaky_relu": function = .leakyReLU(alpha: alpha ?? 0.01)
        case "tanh": function = .tanh
        case "sigmoid": function = .sigmoid
        case "gelu": function = .gelu(parameters.approximate?.form ?? .exact)
        case "softmax":
            if let beta = parameters.beta, beta.value == 0 { throw InputError(at: beta.place, .zeroColdness) }
            function = .softmax(beta: beta ?? 1)
        case "elu":
            if let alpha = parameters.alpha, alpha.value <= 0 {
                throw InputError(at: alpha.place, .notPositive(alpha.value))
            }
            function = .elu(alpha: alpha ?? 1)
        case "selu": function = .selu
        case "softplus":
            if let beta = parameters.beta, beta.value <= 0 {
                throw InputError(at: beta.place, .notPositive(beta.value))
            }
            function = .softplus(beta: beta ?? 1)
        case "silu": function = .silu
        case "mish": function = .mish
        case "hard_tanh": function = .hardTanh
        case "hard_sigmoid": function = .hardSigmoid
        case "softsign": function = .softsign
        case "relu6": function = .relu6
        default: function = .sign
        }
        return Activation(function, scale: parameters.scale)
    }

    /// The canonical name of `name`: case and `-` against `_` do not matter, aliases are accepted.
    ///
    /// - Throws: an invalid-data ``InputError`` at `place` listing the names, with the closest as a suggestion.
    static func canonicalName(_ name: String, at place: String) throws(InputError) -> String {
        let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if let entry = names.first(where: { $0.name == key || $0.aliases.contains(key) }) { return entry.name }
        let all = names.map(\.name)
        let guess = closestMatch(to: name, among: all + names.flatMap(\.aliases))
        throw InputError(at: place, .unknownName(name, kind: "activation", names: all, suggestion: guess))
    }

    /// `"approximate"`: `"tanh"`/`true` for the tanh form, `"none"`/`false` for the exact erf form (PyTorch's names).
    private static func geluForm(_ cursor: JSONCursor) throws(InputError) -> Activation.GELUForm {
        switch cursor.value {
        case .bool(let flag): return flag ? .tanhApproximation : .exact
        case .string("tanh"): return .tanhApproximation
        case .string("none"), .string("erf"): return .exact
        default: throw cursor.error(.expectedGELUForm)
        }
    }
}
