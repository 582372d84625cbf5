import NNCore

/// A forward/backward homework problem on a network of typed layers — dense,
/// `conv2d`, `max_pool`, `avg_pool`, `flatten`, `batch_norm`, `layer_norm`,
/// `dropout`, `residual` — read from a network spec in which some layer has a `"type"`.
///
/// Values are held one sample per row, each sample's values in the order of its
/// ``SampleShape`` (maps row by row, PyTorch's flattening order).
public struct StackProblem: Sendable, Hashable {
    /// The problem's own words, shown under the title, if the spec has them.
    public var description: String?
    /// The layers and the loss.
    public var stack: LayerStack
    /// X, one sample per row.
    public var input: Matrix
    /// Y, one row per sample; nil for a forward pass without a loss.
    public var target: Matrix?
    /// The 0-based class of each sample, when the target was given as class indices.
    public var classIndices: [Int]?
    /// Whether the input was a batch rather than one sample.
    public var isBatch: Bool

    /// A problem with the given parts.
    public init(
        description: String? = nil, stack: LayerStack, input: Matrix, target: Matrix?, classIndices: [Int]? = nil,
        isBatch: Bool
    ) {
        self.description = description
        self.stack = stack
        self.input = input
        self.target = target
        self.classIndices = classIndices
        self.isBatch = isBatch
    }

    /// The number of samples S.
    public var sampleCount: Int { input.rows }

    /// The keys a spec of typed layers may have.
    static let keys = ["description", "input", "target", "layers", "loss", "learning_rate"]

    /// Whether a parsed spec is one of typed layers: some entry of `layers` is an object with a `"type"`.
    public static func isStack(_ spec: JSONValue) -> Bool {
        guard case .object(let members) = spec, let layers = members.first(where: { $0.key == "layers" }),
            case .array(let entries) = layers.value
        else { return false }
        return entries.contains { entry in
            if case .object(let keys) = entry { keys.contains { $0.key == "type" } } else { false }
        }
    }

    /// Reads a spec of typed layers from a parsed JSON document; `source` names
    /// the document in errors, and `requiresLoss: false` lets it leave out target and loss.
    ///
    /// - Throws: an ``InputError`` naming the JSON path of the first problem found.
    public init(json: JSONValue, source: String, requiresLoss: Bool = true) throws(InputError) {
        let root = JSONCursor(value: json, path: "", rootName: source)
        let givesLoss = requiresLoss || root.member("target") != nil || root.member("loss") != nil
        try root.requireObject(
            allowed: Self.keys, required: givesLoss ? ["input", "target", "layers", "loss"] : ["input", "layers"])
        guard let inputCursor = root.member("input"), let layersCursor = root.member("layers") else {
            throw root.error(.missingKey(nil))
        }
        if let rateCursor = root.member("learning_rate") { throw rateCursor.error(.stackUpdate) }
        let layerCursors = try layersCursor.elements()
        guard !layerCursors.isEmpty else { throw layersCursor.error(.noLayers) }
        for cursor in layerCursors { try StackLayerDecoder.requireKnownType(cursor) }
        let takesMaps = StackLayerDecoder.firstLayerTakesMaps(layerCursors)
        let (input, shape, isBatch) = try StackInputDecoder.decode(inputCursor, asMaps: takesMaps)

        var layers: [StackLayer] = []
        var shapes = [shape]
        for (index, cursor) in layerCursors.enumerated() {
            let layer = try StackLayerDecoder.layer(cursor, index: index, shapes: shapes, samples: input.rows)
            do {
                shapes.append(try layer.outputShape(for: shapes[index], earlier: shapes))
            } catch {
                throw StackLayerDecoder.error(error, layer: index, cursor: cursor)
            }
            try StackLayerDecoder.requireAffordable(
                layer, input: shapes[index], output: shapes[index + 1], samples: input.rows, cursor: cursor)
            layers.append(layer)
        }
        let loss = try root.member("loss").map { (cursor) throws(InputError) in try LossSpec.decode(cursor) }
        let stack: LayerStack
        do {
            stack = try LayerStack(
                inputShape: shape, layers: layers, loss: loss ?? Loss(.squaredError(scale: 1)))
        } catch {
            throw StackLayerDecoder.error(error.reason, layer: error.layer, cursor: layerCursors[error.layer])
        }
        var target: Matrix?
        var classes: [Int]?
        if let targetCursor = root.member("target"), let loss {
            (target, classes) = try NetworkProblem.decodeTarget(
                targetCursor, loss: loss, outputs: shapes[shapes.count - 1].count, samples: input.rows,
                isBatch: isBatch)
        }
        self.init(
            description: try root.member("description")?.string(), stack: stack, input: input, target: target,
            classIndices: classes, isBatch: isBatch)
    }
}
