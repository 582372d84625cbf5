import NNCore

/// The network spec `nnhw new` writes: layer sizes, activations and a loss
/// filled in with placeholder numbers (or, with `--random`, small integers drawn
/// so that a hand solution stays in integers, see ``NiceNetwork``), so that it
/// runs as it is; and the comments that say what each key holds.
public struct NetworkTemplate: Sendable {
    /// The spec.
    public var spec: JSONValue
    /// What each key of the spec holds, one line each, for the user to read while editing it.
    public var comments: [String]

    /// The template `--sizes`, `--activations`, `--loss`, `--batch`, `--learning-rate`,
    /// `--random` and `--seed` ask for (defaults: 2,3,1; ReLU, then an output activation
    /// that suits the loss; squared error; one sample).
    ///
    /// - Throws: a usage error for malformed sizes or activations, or when `--random`
    ///   finds no integer draw; the loss's errors at `--loss`.
    public init(_ options: OptionValues) throws(InputError) {
        let sizes = try Self.sizes(options.text("--sizes") ?? "2,3,1")
        let lossJSON = try InlineNetworkSpec.loss(options.text("--loss") ?? "squared_error", place: "--loss")
        let loss = try LossSpec.decode(JSONCursor(value: lossJSON, path: "", rootName: "--loss"))
        if case .entropy = loss.function { throw InputError(at: "--loss", .entropyHasNoTarget) }
        let activations = try Self.activations(options.text("--activations"), layers: sizes.count - 1, loss: loss)
        let samples = options.whole("--batch") ?? 1
        let outputs = sizes[sizes.count - 1]

        var input = (0..<samples).map { sample in (0..<sizes[0]).map { Double(sample + $0 + 1) } }
        var weights = (1..<sizes.count).map { layer in
            (0..<sizes[layer]).map { unit in (0..<sizes[layer - 1]).map { Double((unit + $0) % 3 + 1) } }
        }
        var biases = (1..<sizes.count).map { Array(repeating: 0.0, count: sizes[$0]) }
        var regressionTarget = Array(repeating: Array(repeating: 1.0, count: outputs), count: samples)
        if options.has("--random") {
            var generator = SplitMix64(seed: options.seed("--seed") ?? 0)
            guard
                let drawn = NiceNetwork.draw(
                    sizes: sizes, isReLU: activations.map { $0 == "relu" }, samples: samples, using: &generator)
            else { throw InputError(at: "--random", .noNiceDraw) }
            (input, weights, biases, regressionTarget) = (drawn.input, drawn.weights, drawn.biases, drawn.target)
        }

        var members = [
            JSONMember(
                "description",
                .string(
                    "A \(sizes.map(String.init).joined(separator: "-")) network (\(activations.joined(separator: ", "))),"
                        + " loss \(LossNotation.canonicalName(loss.function))."))
        ]
        members.append(JSONMember("input", samples == 1 ? Self.vector(input[0]) : .array(input.map(Self.vector))))
        let target = Self.target(for: loss, outputs: outputs, samples: samples, regression: regressionTarget)
        members.append(JSONMember("target", samples == 1 ? target[0] : .array(target)))
        let layers = (0..<activations.count).map { layer in
            JSONValue.object([
                JSONMember("weights", .array(weights[layer].map(Self.vector))),
                JSONMember("bias", Self.vector(biases[layer])),
                JSONMember("activation", .string(activations[layer])),
            ])
        }
        members.append(JSONMember("layers", .array(layers)))
        members.append(JSONMember("loss", lossJSON))
        if let rate = options.number("--learning-rate") { members.append(JSONMember("learning_rate", .number(rate))) }
        spec = .object(members)
        comments = Self.comments(sizes: sizes, samples: samples)
    }

    private static func vector(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

    /// `--sizes`: whole numbers from 1 to 64 separated by commas, `-` or `x`, at least two.
    static func sizes(_ text: String) throws(InputError) -> [Int] {
        let words = text.split(whereSeparator: { ",- x×".contains($0) })
        var sizes: [Int] = []
        for word in words {
            guard let size = NumberText.whole(word), (1...64).contains(size) else {
                throw InputError(
                    at: "--sizes",
                    .expected("sizes from 1 to 64 like 2,3,1 (inputs, then each layer's units)", got: text))
            }
            sizes.append(size)
        }
        guard sizes.count >= 2 else {
            throw InputError(
                at: "--sizes", .expected("at least two sizes: the inputs and the output layer's units", got: text))
        }
        return sizes
    }

    /// `--activations`: one name per layer, or one for every layer; by default ReLU,
    /// then softmax for cross-entropy, sigmoid for binary cross-entropy and focal, else the identity.
    static func activations(_ text: String?, layers: Int, loss: Loss) throws(InputError) -> [String] {
        guard let text else {
            let output: String
            switch loss.function {
            case .crossEntropy: output = "softmax"
            case .binaryCrossEntropy, .focal: output = "sigmoid"
            default: output = "identity"
            }
            return Array(repeating: "relu", count: layers - 1) + [output]
        }
        let names = text.split(separator: ",").map { String($0).trimmingSpaces }
        guard names.count == layers || names.count == 1 else {
            throw InputError(
                at: "--activations", .expected("\(counted(layers, "activation")), one per layer", got: text))
        }
        for name in names {
            _ = try ActivationSpec.decode(JSONCursor(value: .string(name), path: "", rootName: "--activations"))
        }
        return names.count == layers ? names : Array(repeating: names[0], count: layers)
    }

    /// A target each sample of a loss accepts: a class index, a 0/1 or ±1 label, a
    /// uniform distribution, or for the regression losses `regression`.
    static func target(for loss: Loss, outputs: Int, samples: Int, regression: [[Double]]) -> [JSONValue] {
        (0..<samples).map { sample in
            switch loss.function {
            case .crossEntropy, .crossEntropyFromScores, .multiclassHinge:
                return .number(Double(sample % outputs))
            case .binaryCrossEntropy, .binaryCrossEntropyFromLogits, .focal:
                return vector(Array(repeating: Double((sample + 1) % 2), count: outputs))
            case .hinge, .squaredHinge, .perceptron, .logistic:
                return vector(Array(repeating: sample % 2 == 0 ? 1 : -1, count: outputs))
            case .klDivergence:
                return vector(Array(repeating: 1 / Double(outputs), count: outputs))
            default:
                return vector(regression[sample])
            }
        }
    }

    static func comments(sizes: [Int], samples: Int) -> [String] {
        let inputs = sizes[0]
        var lines = [
            "# A spec that runs as it is: save it, replace the numbers with your problem's, solve it.",
            samples == 1
                ? "# \"input\": one sample of \(counted(inputs, "value")), [x1, x2, ...]; a batch is a list of rows, one per sample."
                : "# \"input\": a batch of \(counted(samples, "sample")), one row of \(counted(inputs, "value")) each.",
            "# \"target\": what the loss compares the output with (a class index for cross-entropy),"
                + (samples == 1 ? " for the one sample." : " one per sample."),
            "# \"layers\": from the input to the output; \"weights\" is out x in, one row per unit:",
        ]
        for layer in 1..<sizes.count {
            lines.append(
                "#   layer \(layer): \(sizes[layer]) x \(sizes[layer - 1]) weights, \"bias\" of \(counted(sizes[layer], "entry", "entries"))"
            )
        }
        lines += [
            "# \"activation\": relu, identity, tanh, sigmoid, softmax, ... (nnhw activation --list).",
            "# \"loss\": a name, or {\"name\": ..., parameters} (nnhw loss --help); \"learning_rate\": eta adds one update.",
            "# \"description\": the problem's own words, printed under the solution's title.",
        ]
        return lines
    }
}
