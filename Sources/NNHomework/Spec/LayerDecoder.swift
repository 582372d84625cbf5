import NNCore

/// Decodes the layers of an architecture file, each a JSON object with a
/// `"type"` and that type's keys; the compact `--layers` form is turned into
/// the same objects and decoded here too.
enum LayerDecoder {
    /// The keys each layer type takes, the required ones first; the names follow the schema.
    static let keys: [(type: String, required: [String], optional: [String])] = [
        ("dense", ["units"], ["bias"]),
        ("conv", ["filters", "kernel"], ["stride", "padding", "dilation", "bias"]),
        ("maxpool", ["kernel"], ["stride", "padding"]),
        ("avgpool", ["kernel"], ["stride", "padding"]),
        ("flatten", [], []),
        ("batchnorm", [], []),
        ("dropout", [], ["rate"]),
        ("activation", [], ["function"]),
        ("embedding", ["vocab", "dim"], []),
        ("rnn", ["units"], ["bias", "return_sequences"]),
        ("lstm", ["units"], ["bias", "return_sequences"]),
        ("gru", ["units"], ["bias", "return_sequences", "reset_after"]),
        ("attention", ["dim", "heads"], ["bias"]),
    ]

    /// The layer types, in the order help lists them.
    static var types: [String] { keys.map(\.type) }

    /// The input shape: an array of 1 to 3 whole numbers, [H, W, C], [T, d] or [n].
    static func shape(_ cursor: JSONCursor) throws(InputError) -> FeatureShape {
        let entries = try cursor.elements()
        guard (1...3).contains(entries.count) else {
            throw cursor.error(
                .expected(
                    "1 to 3 sizes ([H, W, C] channels last, [T, d] or [n])", found: counted(entries.count, "size")))
        }
        var sizes: [Int] = []
        for entry in entries { sizes.append(try whole(entry)) }
        return FeatureShape(sizes)
    }

    /// One layer object.
    static func layer(_ cursor: JSONCursor) throws(InputError) -> ArchitectureLayer {
        guard case .object = cursor.value else {
            throw cursor.error(.expected("an object", found: cursor.value.typeName))
        }
        guard let typeCursor = cursor.member("type") else { throw cursor.error(.missingKey("type")) }
        let type = try typeCursor.string()
        guard let entry = keys.first(where: { $0.type == type }) else { throw typeCursor.error(unknownType(type)) }
        try cursor.requireObject(allowed: ["type"] + entry.required + entry.optional, required: entry.required)
        func whole(_ key: String) throws(InputError) -> Int {
            guard let member = cursor.member(key) else { throw cursor.error(.missingKey(key)) }
            return try LayerDecoder.whole(member)
        }
        func flag(_ key: String, default value: Bool) throws(InputError) -> Bool {
            try cursor.member(key)?.bool() ?? value
        }
        func pair(_ key: String, default value: Int) throws(InputError) -> HeightWidth<Int> {
            guard let member = cursor.member(key) else { return HeightWidth(square: value) }
            return try LayerDecoder.pair(member)
        }
        switch type {
        case "dense":
            return .dense(units: try whole("units"), bias: try flag("bias", default: true))
        case "conv":
            return .convolution(
                ConvolutionLayer(
                    filters: try whole("filters"), kernelSize: try pair("kernel", default: 1),
                    stride: try pair("stride", default: 1), padding: try padding(cursor.member("padding")),
                    dilation: try pair("dilation", default: 1), bias: try flag("bias", default: true)))
        case "maxpool", "avgpool":
            let kernel = try pair("kernel", default: 1)
            return .pooling(
                PoolingLayer(
                    mode: type == "maxpool" ? .max : .average, kernelSize: kernel,
                    stride: try cursor.member("stride").map { (member) throws(InputError) in try Self.pair(member) },
                    padding: try padding(cursor.member("padding"))))
        case "flatten":
            return .flatten
        case "batchnorm":
            return .batchNormalization
        case "dropout":
            guard let rateCursor = cursor.member("rate") else { return .dropout(rate: nil) }
            let rate = try rateCursor.number()
            guard (0..<1).contains(rate) else {
                throw rateCursor.error(.expected("a rate from 0 up to (not including) 1", found: specText(rate)))
            }
            return .dropout(rate: rate)
        case "activation":
            return .activation(try cursor.member("function")?.string())
        case "embedding":
            return .embedding(vocabulary: try whole("vocab"), dimension: try whole("dim"))
        case "attention":
            return .attention(
                dimension: try whole("dim"), heads: try whole("heads"), bias: try flag("bias", default: true))
        default:
            let cell: RecurrentLayer.Cell = type == "lstm" ? .lstm : type == "gru" ? .gru : .rnn
            return .recurrent(
                RecurrentLayer(
                    cell: cell, units: try whole("units"), bias: try flag("bias", default: true),
                    returnSequences: try flag("return_sequences", default: false),
                    resetAfter: try flag("reset_after", default: true)))
        }
    }

    /// The error for a layer type that does not exist, with a guess.
    static func unknownType(_ type: String) -> DataError {
        .unknownLayerType(type, suggestion: closestMatch(to: type, among: types), types: types)
    }

    /// A whole number (sizes are checked to be positive when the architecture is summarised).
    static func whole(_ cursor: JSONCursor) throws(InputError) -> Int {
        let value = try cursor.number()
        guard value.rounded() == value else { throw cursor.error(.expected("a whole number", found: specText(value))) }
        guard let integer = Int(exactly: value), integer.magnitude < 1 << 53 else {
            throw cursor.error(.tooLarge(value))
        }
        return integer
    }

    /// A size for both dimensions: `3`, or `[3, 5]` for height 3 and width 5.
    static func pair(_ cursor: JSONCursor) throws(InputError) -> HeightWidth<Int> {
        guard case .array = cursor.value else { return HeightWidth(square: try whole(cursor)) }
        let entries = try cursor.elements()
        guard entries.count == 2 else {
            throw cursor.error(
                .expected("one number or two ([height, width])", found: counted(entries.count, "entry", "entries")))
        }
        return HeightWidth(try whole(entries[0]), try whole(entries[1]))
    }

    /// The padding: absent (none), `1`, `[1, 2]`, or "same", "valid", "full".
    static func padding(_ cursor: JSONCursor?) throws(InputError) -> HeightWidth<Padding> {
        guard let cursor else { return HeightWidth(square: .valid) }
        guard case .string(let name) = cursor.value else {
            let sizes = try pair(cursor)
            return HeightWidth(.symmetric(sizes.height), .symmetric(sizes.width))
        }
        let rules: [String: Padding] = ["same": .same, "valid": .valid, "full": .full]
        guard let rule = rules[name] else {
            throw cursor.error(.unknownPadding(name))
        }
        return HeightWidth(square: rule)
    }
}
