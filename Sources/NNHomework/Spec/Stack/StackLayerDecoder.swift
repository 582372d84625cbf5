import NNCore

/// Decodes the layers of a spec of typed layers: each an object with a `"type"`
/// (a dense layer may leave it out) and that type's keys.
enum StackLayerDecoder {
    /// The keys each layer type takes, the required ones first.
    static let keys: [(type: String, required: [String], optional: [String])] = [
        ("dense", ["weights", "activation"], ["bias"]),
        ("conv2d", ["kernels"], ["bias", "stride", "padding", "activation"]),
        ("max_pool", ["size"], ["stride"]),
        ("avg_pool", ["size"], ["stride"]),
        ("flatten", [], []),
        ("batch_norm", [], ["gamma", "beta", "eps", "mode", "running_mean", "running_var", "activation"]),
        ("layer_norm", [], ["gamma", "beta", "eps", "activation"]),
        ("dropout", ["p"], ["mask"]),
        ("residual", ["from"], ["activation"]),
    ]

    /// The layer types, in the order help lists them.
    static var types: [String] { keys.map(\.type) }

    /// Checks that a layer is an object whose `"type"`, if given, is a known one.
    static func requireKnownType(_ cursor: JSONCursor) throws(InputError) {
        guard case .object = cursor.value else {
            throw cursor.error(.expected("an object", found: cursor.value.typeName))
        }
        guard let typeCursor = cursor.member("type") else { return }
        let type = try typeCursor.string()
        guard types.contains(type) else {
            throw typeCursor.error(
                .unknownLayerType(type, suggestion: closestMatch(to: type, among: types), types: types))
        }
    }

    /// Whether the input is maps: a convolution or pooling comes before any dense layer or flatten.
    static func firstLayerTakesMaps(_ layers: [JSONCursor]) -> Bool {
        for layer in layers {
            switch layer.member("type").map(\.value) {
            case .string("conv2d"), .string("max_pool"), .string("avg_pool"): return true
            case .string("dense"), .string("flatten"), nil: return false
            default: continue
            }
        }
        return false
    }

    /// The layer at index `index` (layer l = index + 1), whose input has shape `shapes[index]`.
    static func layer(_ cursor: JSONCursor, index: Int, shapes: [SampleShape], samples: Int) throws(InputError)
        -> StackLayer
    {
        guard case .object = cursor.value else {
            throw cursor.error(.expected("an object", found: cursor.value.typeName))
        }
        let typeCursor = cursor.member("type")
        let type = try typeCursor?.string() ?? "dense"
        guard let entry = keys.first(where: { $0.type == type }) else {
            throw (typeCursor ?? cursor).error(
                .unknownLayerType(type, suggestion: closestMatch(to: type, among: types), types: types))
        }
        try cursor.requireObject(allowed: ["type"] + entry.required + entry.optional, required: entry.required)
        let shape = shapes[index]
        let reader = LayerReader(cursor: cursor)
        switch type {
        case "dense":
            return .dense(try dense(reader))
        case "conv2d":
            return .convolution(try convolution(reader))
        case "max_pool", "avg_pool":
            let size = try reader.whole("size", atLeast: 1) ?? 1
            return .pooling(
                PoolingStage(
                    mode: type == "max_pool" ? .max : .average, size: size,
                    stride: try reader.whole("stride", atLeast: 1)))
        case "flatten":
            return .flatten
        case "batch_norm", "layer_norm":
            let axis: Normalization.Axis = type == "batch_norm" ? .batch : .features
            return .normalization(
                try normalization(reader, axis: axis, count: axis == .batch ? shape.channels : shape.count))
        case "dropout":
            return .dropout(try dropout(reader, count: shape.count, samples: samples))
        default:
            guard let source = try reader.whole("from", atLeast: 0) else { throw cursor.error(.missingKey("from")) }
            guard source < index else {
                throw reader.place("from").error(.described(residualSourceText(source, index: index), prefix: ""))
            }
            return .residual(ResidualStage(from: source, activation: try reader.activation()))
        }
    }

    private static func dense(_ reader: LayerReader) throws(InputError) -> Dense {
        let weightsCursor = reader.place("weights")
        let weights = try weightsCursor.matrix()
        let bias = try reader.vector("bias", count: weights.rows, default: 0, per: "unit") ?? []
        return Dense(weights: weights, bias: bias, activation: try reader.activation())
    }

    private static func convolution(_ reader: LayerReader) throws(InputError) -> ConvolutionStage {
        let kernels = try StackInputDecoder.kernels(reader.place("kernels"))
        let bias = try reader.vector("bias", count: kernels.count, default: 0, per: "output channel") ?? []
        return ConvolutionStage(
            kernels: kernels, bias: bias, stride: try reader.whole("stride", atLeast: 1) ?? 1,
            padding: try reader.whole("padding", atLeast: 0) ?? 0, activation: try reader.activation())
    }

    private static func normalization(_ reader: LayerReader, axis: Normalization.Axis, count: Int) throws(InputError)
        -> NormalizationStage
    {
        let per = axis == .batch ? "channel" : "value of the sample"
        let gamma = try reader.vector("gamma", count: count, default: 1, per: per) ?? []
        let beta = try reader.vector("beta", count: count, default: 0, per: per) ?? []
        var epsilon = 1e-5
        if reader.cursor.member("eps") != nil {
            epsilon = try reader.place("eps").number()
            guard epsilon >= 0 else { throw reader.place("eps").error(.notPositive(epsilon)) }
        }
        let mode = try reader.cursor.member("mode")?.string() ?? "train"
        guard mode == "train" || mode == "eval" else {
            throw reader.place("mode").error(.expected("\"train\" or \"eval\"", found: "\"\(mode)\""))
        }
        var running: RunningStatistics?
        if mode == "eval" {
            guard let mean = try reader.vector("running_mean", count: count, default: nil, per: per),
                let variance = try reader.vector("running_var", count: count, default: nil, per: per)
            else {
                let missing = reader.cursor.member("running_mean") == nil ? "running_mean" : "running_var"
                throw reader.cursor.error(.missingKey(missing))
            }
            if let negative = variance.firstIndex(where: { $0 < 0 }) {
                throw reader.place("running_var").error(.notPositive(variance[negative]))
            }
            running = RunningStatistics(mean: mean, variance: variance)
        } else if let given = reader.cursor.member("running_mean") ?? reader.cursor.member("running_var") {
            throw given.error(
                .described(
                    "the running statistics are used only in evaluation mode: add \"mode\": \"eval\"", prefix: ""))
        }
        return NormalizationStage(
            Normalization(axis: axis, gamma: gamma, beta: beta, epsilon: epsilon), running: running,
            activation: try reader.activation())
    }

    private static func dropout(_ reader: LayerReader, count: Int, samples: Int) throws(InputError) -> DropoutStage {
        let pCursor = reader.place("p")
        let p = try pCursor.number()
        guard (0..<1).contains(p) else {
            throw pCursor.error(.expected("a probability from 0 up to (not including) 1", found: specText(p)))
        }
        guard let maskCursor = reader.cursor.member("mask") else { return DropoutStage(probability: p, mask: nil) }
        let mask: Matrix
        if StackInputDecoder.depth(of: maskCursor.value) == 1 {
            mask = Matrix(row: try maskCursor.vector())
        } else {
            mask = try maskCursor.matrix()
            guard mask.rows == samples else {
                throw maskCursor.error(
                    .described(
                        "has \(counted(mask.rows, "row")), but the input has \(counted(samples, "sample")) "
                            + "(one mask row per sample, or one row for all)", prefix: ""))
            }
        }
        guard mask.columns == count else {
            throw maskCursor.error(
                .described(
                    "has \(counted(mask.columns, "entry", "entries")) per sample, but the layer's input has "
                        + counted(count, "value"), prefix: ""))
        }
        if let bad = mask.elements.first(where: { $0 != 0 && $0 != 1 }) {
            throw maskCursor.error(.expected("0 (dropped) or 1 (kept) in every entry", found: specText(bad)))
        }
        return DropoutStage(probability: p, mask: mask)
    }

    /// The most values one layer may hold for the whole batch (its padded input and its output), and
    /// the most multiply-adds a convolution may take: a worked solution shows them all.
    static let maximumValues = 1 << 20
    static let maximumMultiplyAdds = 1 << 28

    /// Refuses a layer whose padded input or output is beyond ``maximumValues``, or a convolution beyond
    /// ``maximumMultiplyAdds``.
    static func requireAffordable(
        _ layer: StackLayer, input: SampleShape, output: SampleShape, samples: Int, cursor: JSONCursor
    ) throws(InputError) {
        var padding = 0
        var work = [output.count, samples]
        if case .convolution(let convolution) = layer {
            padding = convolution.padding
            let (height, width) = convolution.kernelSize
            work += [convolution.inputChannels, height, width]
        }
        let side = { (size: Int) in size.addingReportingOverflow(2 * padding) }
        let (height, heightOverflow) = side(input.height)
        let (width, widthOverflow) = side(input.width)
        let padded = [height, width, input.channels, samples]
        func product(_ factors: [Int]) -> Int? {
            var result = 1
            for factor in factors {
                let (next, overflow) = result.multipliedReportingOverflow(by: factor)
                guard !overflow else { return nil }
                result = next
            }
            return result
        }
        guard !heightOverflow, !widthOverflow, let inputValues = product(padded), inputValues <= maximumValues,
            let outputValues = product([output.count, samples]), outputValues <= maximumValues,
            let multiplyAdds = product(work), multiplyAdds <= maximumMultiplyAdds
        else {
            throw (cursor.member("padding") ?? cursor).error(
                .described(
                    "the layer is too large to work by hand: at most \(maximumValues) values "
                        + "(its padded input or output, over the batch) and \(maximumMultiplyAdds) multiply-adds",
                    prefix: ""))
        }
    }

    /// The message of a residual whose source is not an earlier layer.
    private static func residualSourceText(_ source: Int, index: Int) -> String {
        let latest = index - 1
        let range = latest == 0 ? "0 (the input)" : "0 (the input) to \(latest)"
        return "layer \(index + 1) can add the output of layer \(range), not \(source)"
    }

    /// The error a user sees for a layer that does not fit its input.
    static func error(_ error: LayerShapeError, layer index: Int, cursor: JSONCursor) -> InputError {
        let l = index + 1
        func at(_ key: String) -> JSONCursor { cursor.member(key) ?? cursor }
        switch error {
        case .imageIntoDense(let shape):
            return cursor.error(
                .described(
                    "a dense layer takes a vector, but its input is \(shape) maps; put {\"type\": \"flatten\"} before it",
                    prefix: ""))
        case .inputCount(let expected, let found):
            return at("weights").error(
                .weightColumns(count: found, incoming: expected, layer: l, isAugmented: false))
        case .vectorIntoMaps:
            return cursor.error(
                .described(
                    "a convolution or pooling takes maps (C × H × W), but its input is a vector; "
                        + (l == 1 ? "give the input as maps" : "it must come before the flatten"), prefix: ""))
        case .channels(let expected, let found):
            return at("kernels").error(
                .described(
                    "each kernel has \(counted(found, "input channel")), but the layer's input has "
                        + counted(expected, "map"), prefix: ""))
        case .window(let convolution):
            return at(cursor.member("kernels") == nil ? "size" : "kernels").error(
                .described(convolution.description(along: "rows"), prefix: ""))
        case .normalizationCount(let expected, let found):
            return at("gamma").error(
                .described("has \(counted(found, "value")), but the layer normalizes \(expected)", prefix: ""))
        case .maskCount(let expected, let found):
            return at("mask").error(
                .described(
                    "has \(counted(found, "entry", "entries")) per sample, but the layer's input has "
                        + counted(expected, "value"), prefix: ""))
        case .residualSource(let source):
            return at("from").error(.described(residualSourceText(source, index: index), prefix: ""))
        case .residualShape(let previous, let source, let added):
            return at("from").error(
                .described(
                    "layer \(source)'s output (\(added) values) cannot be added to layer \(l - 1)'s (\(previous)): "
                        + "a residual adds outputs of the same shape", prefix: ""))
        }
    }
}

/// Reads the members of one layer object, naming each place in errors.
private struct LayerReader {
    let cursor: JSONCursor

    /// The member `key` (checked present by the caller), or the layer itself.
    func place(_ key: String) -> JSONCursor { cursor.member(key) ?? cursor }

    /// A whole number ≥ `minimum`, or nil when the key is absent.
    func whole(_ key: String, atLeast minimum: Int) throws(InputError) -> Int? {
        guard let member = cursor.member(key) else { return nil }
        let value = try LayerDecoder.whole(member)
        guard value >= minimum else {
            throw member.error(.expected("a whole number of at least \(minimum)", found: specText(Double(value))))
        }
        return value
    }

    /// One number per entry (a single number for one entry), `count` of them;
    /// `fill` for each when the key is absent (nil: absent gives nil).
    func vector(_ key: String, count: Int, default fill: Double?, per noun: String) throws(InputError) -> [Double]? {
        guard let member = cursor.member(key) else {
            return fill.map { Array(repeating: $0, count: count) }
        }
        let values: [Double]
        switch member.value {
        case .number: values = [try member.number()]
        case .array: values = try member.vector()
        default: throw member.error(.expected("a number or a vector", found: member.value.typeName))
        }
        guard values.count == count else {
            throw member.error(
                .described(
                    "has \(counted(values.count, "entry", "entries")), but the layer needs \(count) (one per \(noun))",
                    prefix: ""))
        }
        return values
    }

    /// `"activation"`, the identity when absent.
    func activation() throws(InputError) -> Activation {
        guard let member = cursor.member("activation") else { return Activation(.identity) }
        return try ActivationSpec.decode(member)
    }
}
