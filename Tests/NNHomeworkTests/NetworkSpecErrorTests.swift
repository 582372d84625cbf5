import Testing

@testable import NNHomework

/// A spec nnhw must reject, and the error it must give.
struct MalformedSpec: Sendable, CustomTestStringConvertible {
    let name: String
    let json: String
    let place: String
    let message: String

    init(_ name: String, _ json: String, at place: String, _ message: String) {
        self.name = name
        self.json = json
        self.place = place
        self.message = message
    }

    var testDescription: String { name }
}

/// The error decoding `text` throws, or nil (recorded as an issue) when it decodes.
private func decodingError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
    do {
        let problem = try NetworkProblem(parsing: text, source: "spec.json")
        Issue.record("decoded without error: \(problem)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Errors in a network spec")
struct NetworkSpecErrorTests {
    /// Each message was read and judged as a user would see it (`nnhw: <place>: <message>`).
    static let malformed: [MalformedSpec] = [
        MalformedSpec(
            "unknown top-level key, with a suggestion",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}], "loss": "squared_error", "learnig_rate": 0.1}"#,
            at: "spec.json",
            #"unknown key "learnig_rate" (did you mean "learning_rate"?); expected description, input, target, layers, loss, learning_rate, augmented"#
        ),
        MalformedSpec(
            "missing required key",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}]}"#,
            at: "spec.json", #"missing key "loss""#),
        MalformedSpec(
            "root is not an object",
            "[1, 2]",
            at: "spec.json", "expected an object, found an array"),
        MalformedSpec(
            "input of the wrong type",
            #"{"input": "x", "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "input", "expected a number, a vector or a matrix (one sample per row), found a string"),
        MalformedSpec(
            "empty input",
            #"{"input": [], "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "input", "is empty"),
        MalformedSpec(
            "non-number in the input",
            #"{"input": [1, "2"], "target": 1, "layers": [{"weights": [[1, 1]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "input[1]", "expected a number, found a string"),
        MalformedSpec(
            "ragged batch input",
            #"{"input": [[1, 2], [3]], "target": [1, 2], "layers": [{"weights": [[1, 1]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "input[1]", "has 1 entry, but row 0 has 2"),
        MalformedSpec(
            "no layers",
            #"{"input": [1], "target": 1, "layers": [], "loss": "squared_error"}"#,
            at: "layers", "is empty; a network needs at least one layer"),
        MalformedSpec(
            "layers not an array",
            #"{"input": [1], "target": 1, "layers": {"weights": [[1]]}, "loss": "squared_error"}"#,
            at: "layers", "expected an array, found an object"),
        MalformedSpec(
            "first layer's weights do not fit the input",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2, 3]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].weights",
            "has 3 columns, but the input has 2 values (weights are out × in: one row per unit)"),
        MalformedSpec(
            "later layer's weights do not fit the previous layer",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}, {"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[1].weights",
            "has 2 columns, but layer 1 outputs 1 value (weights are out × in: one row per unit)"),
        MalformedSpec(
            "bias of the wrong length",
            #"{"input": [1, 2], "target": [1, 2], "layers": [{"weights": [[1, 2], [3, 4]], "bias": [1], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].bias", "has 1 entry, but weights has 2 rows (one per unit)"),
        MalformedSpec(
            "unknown layer key, with a suggestion",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu", "baias": [0]}], "loss": "squared_error"}"#,
            at: "layers[0]", #"unknown key "baias" (did you mean "bias"?); expected weights, bias, units, activation"#),
        MalformedSpec(
            "layer without activation",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]]}], "loss": "squared_error"}"#,
            at: "layers[0]", #"missing key "activation""#),
        MalformedSpec(
            "weights given as a vector",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [1, 2], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].weights",
            "is a flat list of 2 numbers; weights are out × in, a list of rows (one per unit), so one unit's weights are written [[1, 2]]"
        ),
        MalformedSpec(
            "unknown activation, suggestion for swapped letters",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "rleu"}], "loss": "squared_error"}"#,
            at: "layers[0].activation",
            #"unknown activation "rleu"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign (did you mean "relu"?)"#
        ),
        MalformedSpec(
            "unknown activation, no suggestion",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "maxout"}], "loss": "squared_error"}"#,
            at: "layers[0].activation",
            #"unknown activation "maxout"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign"#
        ),
        MalformedSpec(
            "alpha on relu",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": {"name": "relu", "alpha": 0.1}}], "loss": "squared_error"}"#,
            at: "layers[0].activation.alpha", #""alpha" applies to leaky_relu and elu only, not to relu"#),
        MalformedSpec(
            "gelu approximate of an unknown form",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": {"name": "gelu", "approximate": "fast"}}], "loss": "squared_error"}"#,
            at: "layers[0].activation.approximate", #"expected "tanh", "none", true or false"#),
        MalformedSpec(
            "softmax with beta 0",
            #"{"input": [1, 2], "target": [0.5, 0.5], "layers": [{"weights": [[1, 2], [1, 1]], "activation": {"name": "softmax", "beta": 0}}], "loss": "squared_error"}"#,
            at: "layers[0].activation.beta", "softmax coldness β must not be 0"),
        MalformedSpec(
            "activation object without name",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": {"alpha": 0.1}}], "loss": "squared_error"}"#,
            at: "layers[0].activation", #"missing key "name""#),
        MalformedSpec(
            "activation of the wrong type",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": 3}], "loss": "squared_error"}"#,
            at: "layers[0].activation", #"expected an activation name or an object with "name", found a number"#),
        MalformedSpec(
            "unknown loss, with a suggestion",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squard_error"}"#,
            at: "loss",
            #"unknown loss "squard_error"; expected one of squared_error, mse, mae, huber, smooth_l1, cross_entropy, binary_cross_entropy, binary_cross_entropy_with_logits, hinge, squared_hinge, multiclass_hinge, perceptron, logistic, kl_divergence, entropy, focal (did you mean "squared_error"?)"#
        ),
        MalformedSpec(
            "scale on mse",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": {"name": "mse", "scale": 2}}"#,
            at: "loss.scale", #""scale" applies to squared_error only, not to mse"#),
        MalformedSpec(
            "negative squared-error scale",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": {"name": "squared_error", "scale": -1}}"#,
            at: "loss.scale", "must be positive, got -1"),
        MalformedSpec(
            "unknown reduction",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": {"name": "squared_error", "reduction": "max"}}"#,
            at: "loss.reduction", #"unknown reduction "max"; expected mean or sum"#),
        MalformedSpec(
            "target of the wrong length",
            #"{"input": [1, 2], "target": [1, 2], "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "target", "has 2 values, but the network outputs 1 value"),
        MalformedSpec(
            "class index out of range",
            #"{"input": [1, 2], "target": 3, "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target", "class 3 is not a 0-based class index of the 2 outputs (0…1)"),
        MalformedSpec(
            "class index not an integer",
            #"{"input": [1, 2], "target": 0.5, "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target", "class 0.5 is not a 0-based class index of the 2 outputs (0…1)"),
        MalformedSpec(
            "probability row not summing to 1",
            #"{"input": [1, 2], "target": [0.5, 0.6], "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target",
            "a cross-entropy target must be a probability vector (entries ≥ 0, summing to 1); it sums to 1.1"),
        MalformedSpec(
            "probability row with a negative entry",
            #"{"input": [1, 2], "target": [1.5, -0.5], "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target[1]",
            "is negative (-0.5); a cross-entropy target must be a probability vector (entries ≥ 0, summing to 1)"),
        MalformedSpec(
            "batch class index out of range",
            #"{"input": [[1, 2], [3, 4]], "target": [0, 2], "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target[1]", "class 2 is not a 0-based class index of the 2 outputs (0…1)"),
        MalformedSpec(
            "batch target with too few entries",
            #"{"input": [[1, 2], [3, 4]], "target": [0], "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target", "has 1 entry, but the input has 2 samples (one class or row per sample)"),
        MalformedSpec(
            "batch target with too many rows",
            #"{"input": [[1, 2], [3, 4]], "target": [1, 2, 3], "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "target", "has 3 rows, but the input has 2 samples (one target row per sample)"),
        MalformedSpec(
            "batch target row of the wrong width",
            #"{"input": [[1, 2], [3, 4]], "target": [[1, 2], [3, 4]], "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "target[0]", "has 2 values, but the network outputs 1 value"),
        MalformedSpec(
            "binary cross-entropy target outside [0, 1]",
            #"{"input": [1, 2], "target": 2, "layers": [{"weights": [[1, 2]], "activation": "sigmoid"}], "loss": "bce"}"#,
            at: "target", "binary cross-entropy needs targets in [0, 1], found 2"),
        MalformedSpec(
            "bias with augmented",
            #"{"input": [1, 2], "target": 1, "augmented": true, "layers": [{"weights": [[1, 2]], "bias": [0], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].bias",
            #"with "augmented": true the bias weights are the first column of weights; remove "bias""#),
        MalformedSpec(
            "augmented weights without the bias column",
            #"{"input": [1, 2], "target": 1, "augmented": true, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].weights",
            "has 2 columns, but the input has 2 values plus the bias column (weights are out × in: one row per unit)"),
        MalformedSpec(
            "augmented not a bool",
            #"{"input": [1, 2], "target": 1, "augmented": "yes", "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "augmented", "expected true or false, found a string"),
        MalformedSpec(
            "learning rate zero",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error", "learning_rate": 0}"#,
            at: "learning_rate", "must be positive, got 0"),
        MalformedSpec(
            "description not a string",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error", "description": 5}"#,
            at: "description", "expected a string, found a number"),
        MalformedSpec(
            "duplicate key from the JSON parser",
            #"{"input": [1, 2], "input": [1], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "spec.json", #"line 1, column 19: duplicate key "input""#),
        MalformedSpec(
            "trailing comma from the JSON parser",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error",}"#,
            at: "spec.json", "line 1, column 112: trailing comma before '}'; remove the comma"),
        MalformedSpec(
            "number out of range from the JSON parser",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2e999]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "spec.json", "line 1, column 60: number 2e999 is out of range"),
        MalformedSpec(
            "loss object without name",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": {"scale": 2}}"#,
            at: "loss", #"missing key "name""#),
        MalformedSpec(
            "empty weights",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].weights", "is empty"),
        MalformedSpec(
            "bias as a string",
            #"{"input": [1, 2], "target": 1, "layers": [{"weights": [[1, 2]], "bias": "0", "activation": "relu"}], "loss": "squared_error"}"#,
            at: "layers[0].bias", "expected a number or a vector, found a string"),
        MalformedSpec(
            "batch input row not an array",
            #"{"input": [[1, 2], 3], "target": [1, 2], "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "squared_error"}"#,
            at: "input[1]", "expected a row (an array of numbers), found a number"),
        MalformedSpec(
            "single-sample cross-entropy target given as a matrix",
            #"{"input": [1, 2], "target": [[0.5, 0.5]], "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target[0]", "expected a number, found an array"),
        MalformedSpec(
            "probability row of the wrong width",
            #"{"input": [1, 2], "target": [1, 0, 0], "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target", "has 3 values, but the network outputs 2 class probabilities"),
        MalformedSpec(
            "cross-entropy target of the wrong type",
            #"{"input": [1, 2], "target": "1", "layers": [{"weights": [[1, 2], [3, 4]], "activation": "softmax"}], "loss": "cross_entropy"}"#,
            at: "target", "expected a 0-based class index or a probability vector, found a string"),
        MalformedSpec(
            "loss of the wrong type",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}], "loss": 3}"#,
            at: "loss", #"expected a loss name or an object with "name", found a number"#),
        MalformedSpec(
            "batch target mixing classes and rows",
            #"{"input": [[1], [2]], "target": [0, [0.5, 0.5]], "layers": [{"weights": [[1], [2]], "activation": "softmax"}], "loss": "ce"}"#,
            at: "target[0]", "is a class index, but other samples are probability rows; give every sample the same way"),
        MalformedSpec(
            "approximate on relu",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": {"name": "relu", "approximate": true}}], "loss": "sse"}"#,
            at: "layers[0].activation.approximate", #""approximate" applies to gelu only, not to relu"#),
        MalformedSpec(
            "one input, two weight columns",
            #"{"input": 1, "target": 1, "layers": [{"weights": [[1, 2]], "activation": "relu"}], "loss": "sse"}"#,
            at: "layers[0].weights", "has 2 columns, but the input has 1 value (weights are out × in: one row per unit)"
        ),
        MalformedSpec(
            "unknown activation key, with a suggestion",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": {"name": "relu", "alhpa": 1}}], "loss": "sse"}"#,
            at: "layers[0].activation",
            #"unknown key "alhpa" (did you mean "alpha"?); expected name, alpha, approximate, beta, scale"#),
        MalformedSpec(
            "misspelt activation name, suggestion for a missing letter",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": "sigmod"}], "loss": "sse"}"#,
            at: "layers[0].activation",
            #"unknown activation "sigmod"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign (did you mean "sigmoid"?)"#
        ),
        MalformedSpec(
            "layer not an object",
            #"{"input": [1], "target": 1, "layers": [3], "loss": "sse"}"#,
            at: "layers[0]", "expected an object, found a number"),
        MalformedSpec(
            "class index for a one-output network",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}], "loss": "cross_entropy"}"#,
            at: "target", "class 1 is not a 0-based class index of the 1 output (0…0)"),
        MalformedSpec(
            "missing comma from the JSON parser",
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}], "loss": "sse" "x": 1}"#,
            at: "spec.json", #"line 1, column 97: expected ',' or '}' after an object member, found '"'"#),
    ]

    @Test("a malformed spec is rejected with its place and a message a user can act on", arguments: malformed)
    func rejects(_ spec: MalformedSpec) throws {
        let error = try #require(decodingError(spec.json))
        #expect(error.kind == .invalidData)
        #expect(error.place == spec.place)
        #expect(error.message == spec.message)
    }

    @Test("a JSON syntax error names the source, and the line and column where it is")
    func syntaxErrorOnALaterLine() throws {
        let text = """
            {
              "input": [1, 2],
              "target": 1 1,
              "layers": [{"weights": [[1, 2]], "activation": "relu"}],
              "loss": "sse"
            }
            """
        let error = try #require(decodingError(text))
        #expect(error.kind == .invalidData)
        #expect(error.place == "spec.json")
        #expect(error.message.hasPrefix("line 3, column 15: "), "\(error.message)")
        #expect(error.description == "spec.json: \(error.message)")
    }

    @Test("the first problem in document order is reported, not a later one")
    func firstProblemWins() throws {
        let error = try #require(
            decodingError(
                #"{"input": [1, "x"], "target": "y", "layers": [], "loss": "nope"}"#))
        #expect(error.place == "input[1]")
    }

    @Test(
        "a suggestion is offered only for a near miss",
        arguments: [
            ("tanhh", #" (did you mean "tanh"?)"#),
            ("sigmiod", #" (did you mean "sigmoid"?)"#),
            ("Relu7", #" (did you mean "relu"?)"#),
            ("maxout", ""),
            ("threshold", ""),
        ])
    func suggestion(name: String, suffix: String) throws {
        let error = try #require(
            decodingError(
                #"{"input": 1, "target": 1, "layers": [{"weights": [[1]], "activation": "\#(name)"}], "loss": "sse"}"#))
        #expect(error.place == "layers[0].activation")
        #expect(
            error.message
                == #"unknown activation "\#(name)"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign"#
                + suffix)
    }
}
