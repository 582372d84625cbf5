import NNCore

/// The network spec of `nnhw train`, read and written in one place: the
/// document, the data put into it, and the trained weights written back in its layout.
///
/// Dense layers only: a layer's `weights` and `bias` (or `units`) are replaced,
/// every other key kept as written.
enum TrainingSpec {
    /// The spec of `--net FILE` or `--example NAME`, parsed, with the name to give in errors.
    ///
    /// - Throws: a usage error when both or neither is given or no example has the name; a JSON syntax error.
    static func document(_ options: OptionValues) throws(InputError) -> (JSONValue, source: String) {
        let text: String
        let source: String
        switch (try options.document("--net"), options.text("--example")) {
        case (let file?, nil):
            (text, source) = file
        case (nil, let name?):
            guard let example = BuiltInExample.named(name) else {
                let names = BuiltInExample.all.map(\.name)
                throw InputError(
                    at: "--example",
                    .unknownExample(name, suggestion: closestMatch(to: name, among: names), examples: names))
            }
            (text, source) = (example.json, "example \(name)")
        case (.some, .some):
            throw InputError(at: "--net", .eitherNotBoth("--net FILE", "--example NAME"))
        case (nil, nil):
            throw InputError(at: "--net", .missing(give: "--net FILE (or --example NAME)"))
        }
        do {
            return (try JSONValue(parsing: text), source)
        } catch {
            throw InputError(at: source, .syntax(error))
        }
    }

    /// The spec with `input` and `target` set from the rows (features, then the target).
    static func replacingData(of spec: JSONValue, with rows: [[Double]]) throws(InputError) -> JSONValue {
        let input = JSONValue.array(rows.map { .array($0.dropLast().map(JSONValue.number)) })
        let target = JSONValue.array(rows.map { .number($0[$0.count - 1]) })
        return replacing(["input": input, "target": target], in: spec)
    }

    /// The spec with the network's weights and biases in place of each layer's, in the spec's layout:
    /// with `augmented`, the bias as the first column of the weights.
    static func saving(_ network: Network, problem: NetworkProblem, in spec: JSONValue) -> JSONValue {
        guard case .array(let layers) = spec["layers"] ?? .null else { return spec }
        var saved: [JSONValue] = []
        for (index, layer) in layers.enumerated() where index < network.layers.count {
            let dense = network.layers[index]
            let rows = dense.weights.rowArrays.enumerated().map { row, weights in
                problem.isAugmented ? [dense.bias[row]] + weights : weights
            }
            var members = (layer.members ?? []).filter { !["weights", "bias", "units"].contains($0.key) }
            members.append(JSONMember("weights", .array(rows.map { .array($0.map(JSONValue.number)) })))
            if !problem.isAugmented && problem.hasBias[index] {
                members.append(JSONMember("bias", .array(dense.bias.map(JSONValue.number))))
            }
            saved.append(.object(members))
        }
        return replacing(["layers": .array(saved)], in: spec)
    }

    private static func replacing(_ values: [String: JSONValue], in spec: JSONValue) -> JSONValue {
        var members = (spec.members ?? []).filter { values[$0.key] == nil }
        for key in ["input", "target", "layers"] {
            if let value = values[key] { members.append(JSONMember(key, value)) }
        }
        return .object(members)
    }
}
