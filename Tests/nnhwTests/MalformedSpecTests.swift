import Foundation
import Testing

/// A spec nnhw must refuse with one exact line on stderr and nothing on stdout.
struct MalformedSpec: Sendable, CustomTestStringConvertible {
    /// How the spec reaches nnhw.
    enum Source: Sendable {
        /// `--net -`, the bytes on standard input; errors name `<stdin>`.
        case standardInput
        /// `--net <temporary file>`; `{file}` in the expected line stands for its path.
        case file
        /// `--net <path>` as given, nothing written.
        case path(String)
    }

    let name: String
    let bytes: [UInt8]
    let source: Source
    let expected: String
    let status: Int32

    init(_ name: String, _ text: String, via source: Source = .standardInput, _ expected: String, status: Int32 = 65) {
        self.init(name, bytes: Array(text.utf8), via: source, expected, status: status)
    }

    init(_ name: String, bytes: [UInt8], via source: Source, _ expected: String, status: Int32 = 65) {
        self.name = name
        self.bytes = bytes
        self.source = source
        self.expected = expected
        self.status = status
    }

    var testDescription: String { name }
}

/// A valid one-layer network around `input`; `layers`, `loss`, `target` and
/// `extra` replace parts of it, so each case shows only what is wrong.
private func spec(
    input: String = "[1, 2]", target: String = "1",
    layers: String = #"[{"weights": [[1, 2]], "bias": [0], "activation": "relu"}]"#,
    loss: String = #""mse""#, extra: String = ""
) -> String {
    #"{"input": \#(input), "target": \#(target), "layers": \#(layers), "loss": \#(loss)\#(extra)}"#
}

private func layer(_ weights: String, _ activation: String = #""relu""#, bias: String? = nil) -> String {
    #"{"weights": \#(weights), \#(bias.map { #""bias": \#($0), "# } ?? "")"activation": \#(activation)}"#
}

private let softmaxLayer = "[" + layer("[[1, 2], [3, 4]]", #""softmax""#) + "]"

/// Each malformed spec and the one line nnhw must print for it.
let malformedSpecs: [MalformedSpec] = [
    // JSON text
    MalformedSpec(
        "JSON syntax error", "{\"input\": [1, 2],\n  \"target\" 1}",
        #"nnhw: <stdin>: line 2, column 12: expected ':' after the key "target", found '1'"#),
    MalformedSpec(
        "JSON syntax error in a file names the file", "{\"input\": [1, 2],\n  \"target\" 1}", via: .file,
        #"nnhw: {file}: line 2, column 12: expected ':' after the key "target", found '1'"#),
    MalformedSpec(
        "trailing comma", #"{"input": [1, 2,], "target": 1}"#,
        "nnhw: <stdin>: line 1, column 16: trailing comma before ']'; remove the comma"),
    MalformedSpec(
        "NaN literal", spec(input: "[NaN, 2]"),
        "nnhw: <stdin>: line 1, column 12: NaN and Infinity are not numbers in JSON"),
    MalformedSpec(
        "1e999", spec(input: "[1e999, 2]"),
        "nnhw: <stdin>: line 1, column 12: number 1e999 is out of range"),
    MalformedSpec(
        "empty file", "", via: .file, "nnhw: {file}: line 1, column 1: unexpected end of input: expected a value"),
    MalformedSpec(
        "empty standard input", "", "nnhw: <stdin>: line 1, column 1: unexpected end of input: expected a value"),
    MalformedSpec("top level an array", "[1, 2]", "nnhw: <stdin>: expected an object, found an array"),
    MalformedSpec(
        "invalid UTF-8", bytes: Array(#"{"description": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8), via: .file,
        "nnhw: {file}: is not UTF-8 text"),
    // Files
    MalformedSpec(
        "nonexistent file", "", via: .path("/nonexistent/nnhw-spec.json"),
        "nnhw: /nonexistent/nnhw-spec.json: cannot read: No such file or directory", status: 66),
    MalformedSpec(
        "a directory as --net", "", via: .path("Examples"),
        "nnhw: Examples: cannot read: a directory; nnhw reads regular files, or - for standard input",
        status: 66),
    // Top-level keys
    MalformedSpec(
        "missing loss", #"{"input": [1, 2], "target": 1, "layers": []}"#, #"nnhw: <stdin>: missing key "loss""#),
    MalformedSpec(
        "missing layers", #"{"input": [1, 2], "target": 1, "loss": "mse"}"#, #"nnhw: <stdin>: missing key "layers""#),
    MalformedSpec(
        "unknown top-level key", spec(extra: #", "layer": []"#),
        #"nnhw: <stdin>: unknown key "layer" (did you mean "layers"?); expected description, input, target, layers, loss, learning_rate, augmented"#
    ),
    MalformedSpec(
        "learning_rate 0", spec(extra: #", "learning_rate": 0"#), "nnhw: learning_rate: must be positive, got 0"),
    MalformedSpec(
        "augmented not a bool", spec(extra: #", "augmented": "yes""#),
        "nnhw: augmented: expected true or false, found a string"),
    // Layers
    MalformedSpec(
        "unknown key in a layer", spec(layers: #"[{"weights": [[1, 2]], "activaton": "relu"}]"#),
        #"nnhw: layers[0]: unknown key "activaton" (did you mean "activation"?); expected weights, bias, units, activation"#
    ),
    MalformedSpec(
        "ragged weights", spec(target: "[1, 1]", layers: "[" + layer("[[1, 2], [3]]") + "]"),
        "nnhw: layers[0].weights[1]: has 1 entry, but row 0 has 2"),
    MalformedSpec("empty weights", spec(layers: "[" + layer("[]") + "]"), "nnhw: layers[0].weights: is empty"),
    MalformedSpec("empty layers", spec(layers: "[]"), "nnhw: layers: is empty; a network needs at least one layer"),
    MalformedSpec(
        "weights columns not matching the input", spec(layers: "[" + layer("[[1, 2, 3]]") + "]"),
        "nnhw: layers[0].weights: has 3 columns, but the input has 2 values (weights are out × in: one row per unit)"),
    MalformedSpec(
        "weights columns not matching the previous layer",
        spec(layers: "[" + layer("[[1, 2], [3, 4], [5, 6]]") + ", " + layer("[[1, 2]]") + "]"),
        "nnhw: layers[1].weights: has 2 columns, but layer 1 outputs 3 values (weights are out × in: one row per unit)"),
    MalformedSpec(
        "bias length wrong", spec(layers: "[" + layer("[[1, 2]]", bias: "[1, 2]") + "]"),
        "nnhw: layers[0].bias: has 2 entries, but weights has 1 row (one per unit)"),
    MalformedSpec(
        "a string in a matrix", spec(layers: "[" + layer(#"[[1, "2"]]"#) + "]"),
        "nnhw: layers[0].weights[0][1]: expected a number, found a string"),
    MalformedSpec(
        "bias given with augmented true",
        spec(layers: "[" + layer("[[0, 1, 2]]", bias: "[0]") + "]", extra: #", "augmented": true"#),
        #"nnhw: layers[0].bias: with "augmented": true the bias weights are the first column of weights; remove "bias""#
    ),
    // Activations
    MalformedSpec(
        "unknown activation", spec(layers: "[" + layer("[[1, 2]]", #""rleu""#) + "]"),
        #"nnhw: layers[0].activation: unknown activation "rleu"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign (did you mean "relu"?)"#
    ),
    MalformedSpec(
        "alpha on relu", spec(layers: "[" + layer("[[1, 2]]", #"{"name": "relu", "alpha": 0.1}"#) + "]"),
        #"nnhw: layers[0].activation.alpha: "alpha" applies to leaky_relu and elu only, not to relu"#),
    MalformedSpec(
        "softmax beta 0",
        spec(
            target: "0", layers: "[" + layer("[[1, 2], [3, 4]]", #"{"name": "softmax", "beta": 0}"#) + "]",
            loss: #""cross_entropy""#),
        "nnhw: layers[0].activation.beta: softmax coldness β must not be 0"),
    // Losses
    MalformedSpec(
        "unknown loss", spec(loss: #""squared_eror""#),
        #"nnhw: loss: unknown loss "squared_eror"; expected one of squared_error, mse, mae, huber, smooth_l1, cross_entropy, binary_cross_entropy, binary_cross_entropy_with_logits, hinge, squared_hinge, multiclass_hinge, perceptron, logistic, kl_divergence, entropy, focal (did you mean "squared_error"?)"#
    ),
    MalformedSpec(
        "squared_error scale -1", spec(loss: #"{"name": "squared_error", "scale": -1}"#),
        "nnhw: loss.scale: must be positive, got -1"),
    MalformedSpec(
        "unknown reduction", spec(loss: #"{"name": "mse", "reduction": "average"}"#),
        #"nnhw: loss.reduction: unknown reduction "average"; expected mean or sum"#),
    MalformedSpec(
        "cross-entropy on an identity output with a negative prediction",
        spec(
            target: "[1, 0]", layers: "[" + layer("[[1, -2], [3, 4]]", #""identity""#) + "]", loss: #""cross_entropy""#),
        "nnhw: loss: cross-entropy needs predicted probabilities ŷ > 0, but ŷ has -3; use a softmax output layer"),
    // Targets
    MalformedSpec(
        "cross-entropy class index out of range", spec(target: "2", layers: softmaxLayer, loss: #""cross_entropy""#),
        "nnhw: target: class 2 is not a 0-based class index of the 2 outputs (0…1)"),
    MalformedSpec(
        "non-integer class index", spec(target: "0.5", layers: softmaxLayer, loss: #""cross_entropy""#),
        "nnhw: target: class 0.5 is not a 0-based class index of the 2 outputs (0…1)"),
    MalformedSpec(
        "probability target not summing to 1",
        spec(target: "[0.5, 0.25]", layers: softmaxLayer, loss: #""cross_entropy""#),
        "nnhw: target: a cross-entropy target must be a probability vector (entries ≥ 0, summing to 1); it sums to 0.75"
    ),
    MalformedSpec(
        "target length mismatch", spec(target: "[1, 2]"),
        "nnhw: target: has 2 values, but the network outputs 1 value"),
    MalformedSpec(
        "binary cross-entropy target 2",
        spec(target: "2", layers: "[" + layer("[[1, 2]]", #""sigmoid""#) + "]", loss: #""binary_cross_entropy""#),
        "nnhw: target: binary cross-entropy needs targets in [0, 1], found 2"),
    MalformedSpec(
        "batch target with the wrong number of rows", spec(input: "[[1, 2], [3, 4]]", target: "[1, 2, 3]"),
        "nnhw: target: has 3 rows, but the input has 2 samples (one target row per sample)"),
    // Arithmetic
    MalformedSpec(
        "values that overflow",
        spec(input: "[1e200]", layers: "[" + layer("[[1e200]]", #""identity""#) + "]"),
        "nnhw: layers[0]: layer 1's values overflow; the numbers are too large for double precision"),
]

@Suite("Malformed specs: one exact line on stderr, nothing on stdout")
struct MalformedSpecTests {
    @Test("There are at least 30 distinct malformed specs")
    func coverage() {
        #expect(malformedSpecs.count >= 30)
        #expect(Set(malformedSpecs.map(\.name)).count == malformedSpecs.count)
        #expect(Set(malformedSpecs.map(\.expected)).count >= 30)
    }

    @Test("nnhw backward refuses the spec", arguments: malformedSpecs)
    func refuses(_ spec: MalformedSpec) throws {
        var expected = spec.expected
        let result: CommandResult
        switch spec.source {
        case .standardInput:
            result = try CommandRunner.run(["backward", "--net", "-"], input: Data(spec.bytes))
        case .path(let path):
            result = try CommandRunner.run(["backward", "--net", path])
        case .file:
            let file = FileManager.default.temporaryDirectory
                .appendingPathComponent("nnhw-e2e-\(UUID().uuidString).json")
            try Data(spec.bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            expected = expected.replacingOccurrences(of: "{file}", with: file.path)
            result = try CommandRunner.run(["backward", "--net", file.path])
        }
        #expect(result.error == expected + "\n")
        #expect(result.status == spec.status)
        #expect(result.output == "")
    }

    @Test("forward refuses a malformed spec the same way as backward")
    func forwardToo() throws {
        let result = try CommandRunner.run(["forward", "--net", "-"], input: spec(layers: "[]"))
        #expect(result.error == "nnhw: layers: is empty; a network needs at least one layer\n")
        #expect(result.status == 65)
        #expect(result.output == "")
    }
}
