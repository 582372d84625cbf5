import NNCore

/// Reading a loss from a spec: a name (`"cross_entropy"`) or an object with its
/// parameters (`{"name": "huber", "delta": 1, "reduction": "sum"}`).
enum LossSpec {
    /// The accepted names, canonical first.
    static let names: [(name: String, aliases: [String])] = [
        ("squared_error", ["sse", "sum_squared_error"]),
        ("mse", ["mean_squared_error"]),
        ("mae", ["l1", "mean_absolute_error"]),
        ("huber", []),
        ("smooth_l1", []),
        ("cross_entropy", ["categorical_cross_entropy", "ce", "nll"]),
        ("binary_cross_entropy", ["bce", "log_loss"]),
        ("binary_cross_entropy_with_logits", ["bce_with_logits"]),
        ("hinge", []),
        ("squared_hinge", []),
        ("multiclass_hinge", ["svm", "multiclass_svm", "multi_margin"]),
        ("perceptron", []),
        ("logistic", ["soft_margin"]),
        ("kl_divergence", ["kl", "kl_div"]),
        ("entropy", []),
        ("focal", ["sigmoid_focal"]),
    ]

    /// Each parameter key and the losses that take it.
    static let parameters: [(key: String, owners: [String])] = [
        ("scale", ["squared_error"]),
        ("delta", ["huber"]),
        ("beta", ["smooth_l1"]),
        ("margin", ["hinge", "squared_hinge", "multiclass_hinge"]),
        ("gamma", ["focal"]),
        ("alpha", ["focal"]),
        ("base", ["kl_divergence", "entropy"]),
        ("from", ["cross_entropy", "binary_cross_entropy"]),
    ]

    /// The canonical name of `name` (case and `-` ignored), if it is one.
    static func canonicalName(_ name: String) -> String? {
        let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        return names.first(where: { $0.name == key || $0.aliases.contains(key) })?.name
    }

    /// Decodes the loss at `cursor`.
    static func decode(_ cursor: JSONCursor) throws(InputError) -> Loss {
        if case .string = cursor.value {
            return try make(name: cursor.string(), parameters: nil, at: cursor)
        }
        guard case .object = cursor.value else {
            throw cursor.error(.expected("a loss name or an object with \"name\"", found: cursor.value.typeName))
        }
        try cursor.requireObject(allowed: ["name", "reduction"] + parameters.map(\.key), required: ["name"])
        guard let nameCursor = cursor.member("name") else { throw cursor.error(.missingKey("name")) }
        return try make(name: nameCursor.string(), parameters: cursor, at: nameCursor)
    }

    private static func make(name: String, parameters object: JSONCursor?, at place: JSONCursor) throws(InputError)
        -> Loss
    {
        guard let canonical = canonicalName(name) else {
            let all = names.map(\.name)
            let guess = closestMatch(to: name, among: all + names.flatMap(\.aliases))
            throw place.error(.unknownName(name, kind: "loss", names: all, suggestion: guess))
        }
        let reduction = try decodeReduction(object?.member("reduction"))
        if let object {
            for (key, owners) in parameters where !owners.contains(canonical) {
                guard let misplaced = object.member(key) else { continue }
                let owner =
                    owners.count == 1
                    ? owners[0] : owners.dropLast().joined(separator: ", ") + " or " + owners[owners.count - 1]
                throw misplaced.error(.parameterAppliesOnly(key, to: owner, not: canonical))
            }
        }
        func number(_ key: String) throws(InputError) -> (value: Double, cursor: JSONCursor)? {
            guard let cursor = object?.member(key) else { return nil }
            return (try cursor.number(), cursor)
        }
        func positive(_ key: String, default value: Double) throws(InputError) -> Double {
            guard let (x, cursor) = try number(key) else { return value }
            guard x > 0 else { throw cursor.error(.notPositive(x)) }
            return x
        }
        let function: Loss.Function
        switch canonical {
        case "squared_error": function = .squaredError(scale: try positive("scale", default: 1))
        case "mse": function = .meanSquaredError
        case "mae": function = .meanAbsoluteError
        case "huber": function = .huber(delta: try positive("delta", default: 1))
        case "smooth_l1": function = .smoothL1(beta: try positive("beta", default: 1))
        case "cross_entropy":
            function =
                try decodeInput(object?.member("from"), alternative: "scores") ? .crossEntropyFromScores : .crossEntropy
        case "binary_cross_entropy":
            function =
                try decodeInput(object?.member("from"), alternative: "logits")
                ? .binaryCrossEntropyFromLogits : .binaryCrossEntropy
        case "binary_cross_entropy_with_logits": function = .binaryCrossEntropyFromLogits
        case "hinge": function = .hinge(margin: try positive("margin", default: 1))
        case "squared_hinge": function = .squaredHinge(margin: try positive("margin", default: 1))
        case "multiclass_hinge": function = .multiclassHinge(margin: try positive("margin", default: 1))
        case "perceptron": function = .perceptron
        case "logistic": function = .logistic
        case "kl_divergence": function = .klDivergence(base: try decodeBase(number("base")))
        case "entropy": function = .entropy(base: try decodeBase(number("base")))
        default:
            var gamma = 2.0
            if let (x, cursor) = try number("gamma") {
                guard x >= 0 else { throw cursor.error(.negativeParameter(x)) }
                gamma = x
            }
            var alpha: Double? = 0.25
            if let (x, cursor) = try number("alpha") {
                guard x <= 1 else { throw cursor.error(.focalAlpha(x)) }
                alpha = x < 0 ? nil : x
            }
            function = .focal(gamma: gamma, alpha: alpha)
        }
        return Loss(function, reduction: reduction)
    }

    /// Whether `"from"` names the `alternative` input ("scores", "logits") rather than probabilities.
    private static func decodeInput(_ cursor: JSONCursor?, alternative: String) throws(InputError) -> Bool {
        guard let cursor else { return false }
        switch try cursor.string() {
        case "probabilities": return false
        case alternative: return true
        case let other: throw cursor.error(.unknownLossInput(other, expected: ["probabilities", alternative]))
        }
    }

    /// The logarithm's base b > 0, b ≠ 1; e when not given.
    private static func decodeBase(_ given: (value: Double, cursor: JSONCursor)?) throws(InputError) -> Double {
        guard let (base, cursor) = given else { return Loss.naturalBase }
        guard base > 0, base != 1 else { throw cursor.error(.logarithmBase(base)) }
        return base
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
