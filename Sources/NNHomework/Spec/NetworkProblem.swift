import NNCore

/// A forward/backward homework problem read from a network spec: the network,
/// the input and target, and how the course writes them.
///
/// Values are held one sample per row, as NNCore computes; a single sample
/// is a batch of one and is shown as column vectors.
public struct NetworkProblem: Sendable, Hashable {
    /// The problem's own words, shown under the title, if the spec has them.
    public var description: String?
    /// The layers and loss; without a ``target`` the loss is squared error and means nothing.
    public var network: Network
    /// X, one sample per row (z⁽⁰⁾ without any leading 1).
    public var input: Matrix
    /// Y, one row per sample, as probabilities for cross-entropy; nil when
    /// the spec gives neither a target nor a loss (a forward pass only).
    public var target: Matrix?
    /// The 0-based class of each sample, when the target was given as class indices.
    public var classIndices: [Int]?
    /// Whether the input was a batch (a matrix) rather than one sample.
    public var isBatch: Bool
    /// Whether each weight row starts with the bias weight and z⁽ˡ⁾ carries a leading 1.
    public var isAugmented: Bool
    /// Whether each layer was given a bias (false: b⁽ˡ⁾ = 0 is not shown).
    public var hasBias: [Bool]
    /// η for one gradient-descent update, if given.
    public var learningRate: Double?
    /// For each layer given as `"units"`, the rule its weights were drawn with (nil for given weights).
    public var initializations: [WeightInitialization?]
    /// The seed the drawn weights came from.
    public var seed: UInt64

    /// A problem with the given parts.
    public init(
        description: String? = nil, network: Network, input: Matrix, target: Matrix?, classIndices: [Int]? = nil,
        isBatch: Bool, isAugmented: Bool = false, hasBias: [Bool]? = nil, learningRate: Double? = nil,
        initializations: [WeightInitialization?]? = nil, seed: UInt64 = 0
    ) {
        self.description = description
        self.network = network
        self.input = input
        self.target = target
        self.classIndices = classIndices
        self.isBatch = isBatch
        self.isAugmented = isAugmented
        self.hasBias = hasBias ?? Array(repeating: true, count: network.layers.count)
        self.learningRate = learningRate
        self.initializations = initializations ?? Array(repeating: nil, count: network.layers.count)
        self.seed = seed
    }

    /// The number of samples S.
    public var sampleCount: Int { input.rows }
}

extension NetworkProblem {
    /// The keys a network spec may have.
    static let keys = ["description", "input", "target", "layers", "loss", "learning_rate", "augmented"]

    /// Reads a network spec from JSON text.
    ///
    /// - Parameters:
    ///   - text: the spec's JSON.
    ///   - source: the file name to name in errors about the document as a whole.
    ///   - seed: the seed for layers given as `"units"`, whose weights are drawn at random.
    ///   - requiresLoss: whether `target` and `loss` must be given; when false
    ///     (a forward pass) the spec may leave out both, but not only one.
    /// - Throws: an ``InputError`` naming the JSON path of the first problem found.
    public init(parsing text: String, source: String, seed: UInt64 = 0, requiresLoss: Bool = true) throws(InputError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw InputError(at: source, .syntax(error))
        }
        try self.init(json: value, source: source, seed: seed, requiresLoss: requiresLoss)
    }

    /// Reads a network spec from a parsed JSON document (see ``init(parsing:source:seed:requiresLoss:)``).
    public init(json: JSONValue, source: String, seed: UInt64 = 0, requiresLoss: Bool = true) throws(InputError) {
        let root = JSONCursor(value: json, path: "", rootName: source)
        if StackProblem.isStack(json), let layers = root.member("layers") {
            throw layers.error(.typedLayers)
        }
        let givesLoss = requiresLoss || root.member("target") != nil || root.member("loss") != nil
        try root.requireObject(
            allowed: Self.keys, required: givesLoss ? ["input", "target", "layers", "loss"] : ["input", "layers"])
        guard let inputCursor = root.member("input"), let layersCursor = root.member("layers") else {
            throw root.error(.missingKey(nil))
        }

        let description = try root.member("description")?.string()
        let isAugmented = try root.member("augmented")?.bool() ?? false
        let (input, isBatch) = try Self.decodeInput(inputCursor)
        let layerCursors = try layersCursor.elements()
        guard !layerCursors.isEmpty else { throw layersCursor.error(.noLayers) }
        try Self.refuseColumnInput(
            input, isBatch: isBatch, at: inputCursor, firstLayer: layerCursors.first, isAugmented: isAugmented)

        var layers: [Dense] = []
        var hasBias: [Bool] = []
        var initializations: [WeightInitialization?] = []
        var generator = SplitMix64(seed: seed)
        var weightCount = 0
        for (index, cursor) in layerCursors.enumerated() {
            let incoming = layers.last?.outputCount ?? input.columns
            let layer = try Self.decodeLayer(
                cursor, number: index + 1, incoming: incoming, isAugmented: isAugmented, weightCount: weightCount,
                generator: &generator)
            weightCount += layer.dense.weights.rows * layer.dense.weights.columns
            layers.append(layer.dense)
            hasBias.append(layer.hasBias)
            initializations.append(layer.initialization)
        }
        var network = Network(layers: layers, loss: Loss(.squaredError(scale: 1)))
        var target: Matrix?
        var classes: [Int]?
        if let targetCursor = root.member("target"), let lossCursor = root.member("loss") {
            network.loss = try LossSpec.decode(lossCursor)
            (target, classes) = try Self.decodeTarget(
                targetCursor, loss: network.loss, outputs: network.outputLayer.outputCount, samples: input.rows,
                isBatch: isBatch)
        }

        var learningRate: Double?
        if let rateCursor = root.member("learning_rate") {
            let rate = try rateCursor.number()
            guard rate > 0 else { throw rateCursor.error(.notPositive(rate)) }
            learningRate = rate
        }
        self.init(
            description: description, network: network, input: input, target: target, classIndices: classes,
            isBatch: isBatch, isAugmented: isAugmented, hasBias: hasBias, learningRate: learningRate,
            initializations: initializations, seed: seed)
    }

    /// `input`: a number (one input), a vector (one sample) or a matrix (a batch, one sample per row).
    static func decodeInput(_ cursor: JSONCursor) throws(InputError) -> (Matrix, isBatch: Bool) {
        switch cursor.value {
        case .number:
            return (Matrix(row: [try cursor.number()]), false)
        case .array(let values) where values.first.map({ if case .array = $0 { true } else { false } }) == true:
            return (try cursor.matrix(), true)
        case .array:
            return (Matrix(row: try cursor.vector()), false)
        default:
            throw cursor.error(
                .expected("a number, a vector or a matrix (one sample per row)", found: cursor.value.typeName))
        }
    }

    private static func decodeLayer(
        _ cursor: JSONCursor, number: Int, incoming: Int, isAugmented: Bool, weightCount: Int,
        generator: inout SplitMix64
    ) throws(InputError) -> (dense: Dense, hasBias: Bool, initialization: WeightInitialization?) {
        let allowed = isAugmented ? ["weights", "units", "activation"] : ["weights", "bias", "units", "activation"]
        if isAugmented, let bias = cursor.member("bias") {
            throw bias.error(.biasWhenAugmented)
        }
        try cursor.requireObject(allowed: allowed, required: ["activation"])
        guard let activationCursor = cursor.member("activation") else { throw cursor.error(.missingKey(nil)) }
        if let unitsCursor = cursor.member("units") {
            if let given = cursor.member("weights") ?? cursor.member("bias") {
                throw given.error(.unitsAndWeights)
            }
            let units = try unitsCursor.number()
            guard units == units.rounded(), (1...maximumUnits).contains(units) else {
                throw unitsCursor.error(.unitsRange(units, maximum: Int(maximumUnits)))
            }
            let (drawn, overflow) = incoming.multipliedReportingOverflow(by: Int(units))
            guard !overflow, drawn <= maximumWeights - weightCount else {
                throw unitsCursor.error(.tooManyWeights)
            }
            let activation = try ActivationSpec.decode(activationCursor)
            let rule = WeightInitialization(for: activation)
            let weights = rule.weights(inputs: incoming, outputs: Int(units), using: &generator)
            let bias = Array(repeating: 0.0, count: Int(units))
            return (Dense(weights: weights, bias: bias, activation: activation), true, rule)
        }
        guard let weightsCursor = cursor.member("weights") else {
            throw cursor.error(.missingWeights)
        }
        try refuseFlatWeights(weightsCursor, incoming: incoming, isAugmented: isAugmented)
        let given = try weightsCursor.matrix()
        let expectedColumns = isAugmented ? incoming + 1 : incoming
        if given.columns != expectedColumns {
            throw weightsCursor.error(
                .weightColumns(count: given.columns, incoming: incoming, layer: number, isAugmented: isAugmented))
        }
        let activation = try ActivationSpec.decode(activationCursor)
        if isAugmented {
            let weights = Matrix(given.rowArrays.map { Array($0.dropFirst()) })
            return (Dense(weights: weights, bias: given.column(0), activation: activation), true, nil)
        }
        guard let biasCursor = cursor.member("bias") else {
            let zero = Array(repeating: 0.0, count: given.rows)
            return (Dense(weights: given, bias: zero, activation: activation), false, nil)
        }
        let bias: [Double]
        switch biasCursor.value {
        case .number: bias = [try biasCursor.number()]
        case .array: bias = try biasCursor.vector()
        default: throw biasCursor.error(.expected("a number or a vector", found: biasCursor.value.typeName))
        }
        guard bias.count == given.rows else {
            throw biasCursor.error(.biasEntries(count: bias.count, rows: given.rows))
        }
        return (Dense(weights: given, bias: bias, activation: activation), true, nil)
    }

    /// The most units a `"units"` layer may ask for.
    private static let maximumUnits = 4096.0

    /// The most weights the layers may hold in all once `"units"` layers are drawn.
    public static let maximumWeights = 10_000_000
}
