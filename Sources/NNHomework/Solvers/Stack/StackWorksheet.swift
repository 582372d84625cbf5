import NNCore

/// The solution of one problem on a network of typed layers while it is being
/// written, with the values of the forward pass and how to show them.
///
/// A vector between layers is shown as in a dense network (a column for one
/// sample, a matrix of rows for a batch); maps are shown one H × W matrix per
/// channel c and sample s, as z⁽ˡ⁾꜀ (z⁽ˡ⁾ₛ,꜀ in a batch).
struct StackWorksheet {
    let problem: StackProblem
    let pass: StackPass
    /// L, or nil for a forward pass without a loss.
    let loss: Double?
    let symbols: NetworkSymbols
    var solution: Solution

    /// The worksheet of `problem`, its forward pass and loss computed.
    ///
    /// - Throws: an ``InputError`` when a layer's values or the loss overflow,
    ///   or the loss is undefined for the outputs.
    init(problem: StackProblem, notation: Notation, title: Prose) throws(InputError) {
        self.problem = problem
        self.symbols = NetworkSymbols(notation: notation, isBatch: problem.isBatch)
        self.pass = problem.stack.forward(problem.input)
        for (index, layer) in pass.layers.enumerated()
        where !layer.output.isFinite || layer.preActivation?.isFinite == false {
            throw InputError(at: "layers[\(index)]", .layerOverflows(index))
        }
        if let target = problem.target {
            try NetworkWorksheet.requireDefinedLoss(
                problem.stack.loss, rule: problem.stack.outputRule, output: pass.output, target: target)
            let value = problem.stack.loss(of: pass, target: target)
            guard value.isFinite else { throw InputError(at: "loss", .lossOverflows) }
            self.loss = value
        } else {
            self.loss = nil
        }
        self.solution = Solution(
            title: Self.title(title, problem: problem, notation: notation), preamble: Self.preamble(problem))
    }

    var layerCount: Int { problem.stack.layers.count }
    var isBatch: Bool { problem.isBatch }
    var samples: Int { problem.sampleCount }

    /// The shape of z⁽ˡ⁾.
    func shape(_ layer: Int) -> SampleShape { problem.stack.shapes[layer] }

    /// z⁽ˡ⁾ for l = 0 … L.
    func output(_ layer: Int) -> Matrix { pass.output(ofLayer: layer) }

    /// The JSON path of a key of layer l: `layers[l − 1].key`.
    func path(_ layer: Int, _ key: String) -> String { "layers[\(layer - 1)].\(key)" }

    // MARK: Showing values

    /// A vector value taking part in a computation: a column for one sample, the matrix for a batch.
    func operand(_ value: Matrix) -> MathExpression {
        isBatch ? .matrix(value) : .matrix(value.transposed())
    }

    /// A vector value that is a result: inline for one sample, the matrix for a batch.
    func result(_ value: Matrix) -> MathExpression {
        isBatch ? .matrix(value) : .inlineVector(value.row(0))
    }

    /// The symbol of one map: `letter⁽ˡ⁾` with the channel (and, in a batch, the sample) as subscript.
    func map(_ letter: String, layer: Int?, sample: Int, channel: Int?, channels: Int) -> MathExpression {
        let parts = (isBatch ? ["\(sample + 1)"] : []) + (channels > 1 ? [channel.map { "\($0 + 1)" } ?? "c"] : [])
        return .symbol(Symbol(letter, layer: layer, index: parts.isEmpty ? nil : parts.joined(separator: ",")))
    }

    /// z⁽ˡ⁾ of one channel of one sample.
    func zMap(_ layer: Int, sample: Int, channel: Int?) -> MathExpression {
        map(
            symbols.notation.activation, layer: layer, sample: sample, channel: channel, channels: shape(layer).channels
        )
    }

    /// a⁽ˡ⁾ of one channel of one sample.
    func aMap(_ layer: Int, sample: Int, channel: Int?) -> MathExpression {
        map(
            symbols.notation.preActivation, layer: layer, sample: sample, channel: channel,
            channels: shape(layer).channels)
    }

    /// The lower-case name of a map quantity q⁽ˡ⁾ for formulas that hold for every sample.
    func sampleSymbols() -> NetworkSymbols { NetworkSymbols(notation: symbols.notation, isBatch: false) }

    /// The maps of sample s of a batch value of z⁽ˡ⁾'s shape.
    func maps(_ value: Matrix, layer: Int, sample: Int) -> [Matrix] {
        shape(layer).maps(of: value, sample: sample)
    }

    /// The activation notation of layer l.
    func activation(_ layer: Int) -> ActivationNotation? {
        problem.stack.layers[layer - 1].activation.map { ActivationNotation(activation: $0) }
    }

    /// Whether layer l's activation is the identity (no step for it).
    func isIdentity(_ layer: Int) -> Bool {
        guard let notation = activation(layer) else { return true }
        return notation.name == nil && notation.activation.scale == 1
    }

    // MARK: Title and conventions

    /// "Backward pass · conv2d, ReLU, max pool, flatten, dense · loss … · one sample".
    private static func title(_ kind: Prose, problem: StackProblem, notation: Notation) -> Prose {
        let names = problem.stack.layers.map { StackLayerNotation.name(of: $0) }
        var parts: [Prose] = [kind, Prose.joined(names, separator: ", ")]
        if problem.target != nil { parts.append(LossNotation.name(of: problem.stack.loss, notation: notation)) }
        parts.append(problem.isBatch ? "batch of \(problem.sampleCount)" : "one sample")
        return Prose.joined(parts, separator: " \(MathExpression.text("·")) ")
    }

    private static func preamble(_ problem: StackProblem) -> [Prose] {
        var lines: [Prose] = []
        if let description = problem.description { lines.append(.written(description)) }
        let shapes = problem.stack.shapes.map { shape -> Prose in
            let sizes = shape.isImage ? [shape.channels, shape.height, shape.width] : [shape.channels]
            return Prose(.infix(.cross, sizes.map { .count($0) }))
        }
        lines.append(
            "Shapes of one sample, from the input to the output: \(Prose.joined(shapes, separator: " \(MathExpression.text("→")) "))."
        )
        if problem.stack.shapes.contains(where: \.isImage) {
            lines.append(
                "Maps are C \(MathExpression.text("×")) H \(MathExpression.text("×")) W, one matrix per channel; "
                    + "\(MathExpression.infix(.correlation, [.symbol(Symbol("K")), .symbol(Symbol("z"))])) is cross-correlation (the kernel is not flipped), as deep-learning libraries compute a convolution; "
                    + "a flatten reads the maps channel after channel, each row by row.")
        }
        if problem.isBatch {
            lines.append("Vectors of a batch are matrices with one sample per row.")
        }
        return lines
    }
}
