import NNCore

/// The network spec of `nnhw train`, read and written in one place: the
/// document, the data put into it, and the trained weights written back in its layout.
///
/// A dense layer's `weights` and `bias` (or `units`) are replaced, and a typed
/// layer's trained tensors; every other key is kept as written.
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

    /// The spec's `learning_rate`, if it gives one (η > 0).
    static func learningRate(of spec: JSONValue, source: String) throws(InputError) -> Double? {
        guard let cursor = JSONCursor(value: spec, path: "", rootName: source).member("learning_rate") else {
            return nil
        }
        let rate = try cursor.number()
        guard rate > 0 else { throw cursor.error(.notPositive(rate)) }
        return rate
    }

    /// The spec without the member `key`.
    static func removing(_ key: String, from spec: JSONValue) -> JSONValue {
        .object((spec.members ?? []).filter { $0.key != key })
    }

    /// The spec with the trained parameters of a stack in place of each typed layer's:
    /// `weights` and `bias` of a dense layer, `kernels` and `bias` of a convolution,
    /// `gamma` and `beta` of a normalization; every other key kept as written.
    static func saving(_ stack: LayerStack, in spec: JSONValue) -> JSONValue {
        guard case .array(let layers) = spec["layers"] ?? .null else { return spec }
        let numbers = { (values: [Double]) in JSONValue.array(values.map(JSONValue.number)) }
        let rows = { (matrix: Matrix) in JSONValue.array(matrix.rowArrays.map(numbers)) }
        var saved: [JSONValue] = []
        for (index, layer) in layers.enumerated() where index < stack.layers.count {
            let values: [String: JSONValue]
            switch stack.layers[index] {
            case .dense(let dense): values = ["weights": rows(dense.weights), "bias": numbers(dense.bias)]
            case .convolution(let convolution):
                values = [
                    "kernels": .array(convolution.kernels.map { .array($0.map(rows)) }),
                    "bias": numbers(convolution.bias),
                ]
            case .normalization(let stage):
                values = ["gamma": numbers(stage.normalization.gamma), "beta": numbers(stage.normalization.beta)]
            case .pooling, .flatten, .dropout, .residual: values = [:]
            }
            var members = (layer.members ?? []).filter { values[$0.key] == nil }
            for key in ["weights", "kernels", "bias", "gamma", "beta"] {
                if let value = values[key] { members.append(JSONMember(key, value)) }
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
