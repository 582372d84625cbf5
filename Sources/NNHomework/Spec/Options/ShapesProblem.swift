import NNCore

/// A shape problem of `nnhw shapes`: the tensors and Jacobians of a stack of
/// dense layers, or the shape of one derivative ∂y/∂x.
public enum ShapesProblem: Sendable, Hashable {
    /// `--layers "input 784; dense 128; dense 10"`, `--batch S`, `--bytes 4|8`.
    case layers(DenseStack)
    /// `--dy 1 --dx 5`: the shape of ∂y/∂x for y and x of the given sizes.
    case derivative(DerivativeShape)

    /// The problem the options of `nnhw shapes` name.
    ///
    /// - Throws: a usage error when the options mix the two modes or leave both out;
    ///   an invalid-data error for a layer that is not dense or an input that is not a vector.
    public init(_ options: OptionValues) throws(InputError) {
        let bytes = options.text("--bytes").flatMap(Int.init) ?? 4
        let dy = options.sizes("--dy")
        let dx = options.sizes("--dx")
        if let text = options.text("--layers") {
            if let other = ["--dy", "--dx"].first(where: options.isGiven) {
                throw InputError(
                    at: other, .conflicts(with: "--layers", because: "--dy and --dx ask for one derivative"))
            }
            self = .layers(try DenseStack(compact: text, batch: options.whole("--batch"), bytes: bytes))
            return
        }
        if options.isGiven("--batch") {
            throw InputError(at: "--batch", .appliesOnly(to: "--layers", add: "--layers \"input 784; dense 10\""))
        }
        switch (dy, dx) {
        case (let dy?, let dx?):
            for (option, sizes) in [("--dy", dy), ("--dx", dx)] {
                if let size = sizes.first(where: { $0 < 1 }) {
                    throw InputError(at: option, .expected("sizes of at least 1 (1 alone is a scalar)", got: "\(size)"))
                }
            }
            self = .derivative(DerivativeShape(y: dy, x: dx, bytes: bytes))
        case (nil, .some): throw InputError(at: "--dy", .missing(give: "the size of y: 1 (a scalar), 5 or 3x4"))
        case (.some, nil): throw InputError(at: "--dx", .missing(give: "the size of x: 1 (a scalar), 5 or 3x4"))
        case (nil, nil):
            throw InputError(
                at: "--layers", .missing(give: "--layers \"input 784; dense 128; dense 10\" or --dy 1 --dx 5"))
        }
    }
}

/// Dense layers after a vector input, as `nnhw shapes` sizes them.
public struct DenseStack: Sendable, Hashable {
    /// One dense layer l: n⁽ˡ⁻¹⁾ inputs, n⁽ˡ⁾ outputs.
    public struct Layer: Sendable, Hashable {
        /// n⁽ˡ⁻¹⁾.
        public var inputs: Int
        /// n⁽ˡ⁾.
        public var outputs: Int
        /// Whether the layer has a bias b⁽ˡ⁾.
        public var hasBias: Bool
    }

    /// Layers 1 … L.
    public var layers: [Layer]
    /// S, the samples of a batch, or nil for one sample only.
    public var batch: Int?
    /// Bytes per entry: 4 (float32) or 8 (float64).
    public var bytes: Int
    /// Where each layer was written (index 0: the input), for errors.
    public var origins: [ArchitectureProblem.Origin]

    /// The stack of the compact form of `nnhw params` (its parser), dense layers only.
    ///
    /// - Throws: the parser's errors and those of `nnhw params` (a size below 1);
    ///   an invalid-data error at `--layers` for no layer, a layer that is not
    ///   dense or an input that is not a vector.
    public init(compact text: String, batch: Int?, bytes: Int) throws(InputError) {
        let problem = try ArchitectureProblem(compact: text)
        let input = problem.architecture.input.dimensions
        guard input.count == 1 else { throw InputError(at: "--layers", .inputNotVector(input)) }
        var width = input[0]
        var layers: [Layer] = []
        for (index, layer) in problem.architecture.layers.enumerated() {
            guard case .dense(let units, let bias) = layer else {
                let origin = problem.origins[index + 1]
                throw InputError(at: origin.place, .notDense(LayerNotation(layer: layer).type, prefix: origin.prefix))
            }
            layers.append(Layer(inputs: width, outputs: units, hasBias: bias))
            width = units
        }
        do {
            _ = try problem.architecture.summary(convention: .torch)
        } catch {
            throw problem.inputError(for: error)
        }
        guard !problem.architecture.layers.isEmpty else { throw InputError(at: "--layers", .noLayers) }
        self.layers = layers
        self.batch = batch
        self.bytes = bytes
        self.origins = problem.origins
    }
}

/// The derivative ∂y/∂x of a y and an x of the given sizes: [] or [1] for a
/// scalar, [n] for a vector, [p, q] for a matrix.
public struct DerivativeShape: Sendable, Hashable {
    /// The sizes of y.
    public var y: [Int]
    /// The sizes of x.
    public var x: [Int]
    /// Bytes per entry.
    public var bytes: Int

    /// The derivative of a y of sizes `y` by an x of sizes `x`; a size `1` alone is a scalar.
    public init(y: [Int], x: [Int], bytes: Int = 4) {
        self.y = y == [1] ? [] : y
        self.x = x == [1] ? [] : x
        self.bytes = bytes
    }
}
