import Foundation
import Testing

/// A two-input, one-unit network spec with `input`, and `extra` members or a `layer` replacing the default.
private func spec(
    input: String = "[1, 2]", layer: String = #"{"weights": [[1, 2]], "bias": [0], "activation": "relu"}"#,
    extra: String = ""
) -> String {
    #"{"input": \#(input), "target": 1, "layers": [\#(layer)], "loss": "squared_error"\#(extra)}"#
}

@Suite("Messages that explain what was parsed (issue 21, acceptance D)")
struct SpecMessageTests {
    @Test(
        "each message of Deliver 3, end to end: nnhw backward --net - prints it as its one line and exits 65",
        arguments: [
            (
                spec(input: "[[1], [2]]"),
                #"nnhw: input: is a column, read as a batch of 2 samples of 1 value each (a row per sample), but layer 1 takes 2 values; write one sample as a list: "input": [1, 2]"#
            ),
            (
                spec(layer: #"{"weights": [0.5, -0.5], "bias": [0], "activation": "relu"}"#),
                "nnhw: layers[0].weights: is a flat list of 2 numbers; weights are out × in, a list of rows (one per unit), so one unit's weights are written [[0.5, -0.5]]"
            ),
            (
                spec(layer: #"{"weights": [0.5, -0.5, 1], "activation": "relu"}"#),
                "nnhw: layers[0].weights: is a flat list of 3 numbers; weights are out × in, a list of rows (one per unit), each of 2 values: [[…], […]]"
            ),
            (
                spec(extra: #", "lr": 0.1"#),
                #"nnhw: <stdin>: unknown key "lr" (did you mean "learning_rate"?); expected description, input, target, layers, loss, learning_rate, augmented"#
            ),
            (
                spec(extra: #", "eta": 0.1"#),
                #"nnhw: <stdin>: unknown key "eta" (did you mean "learning_rate"?); expected description, input, target, layers, loss, learning_rate, augmented"#
            ),
            (
                spec(extra: #", "learningRate": 0.1"#),
                #"nnhw: <stdin>: unknown key "learningRate" (did you mean "learning_rate"?); expected description, input, target, layers, loss, learning_rate, augmented"#
            ),
            (
                #"{"x": [1, 2], "target": 1, "layers": [], "loss": "squared_error"}"#,
                #"nnhw: <stdin>: unknown key "x" (did you mean "input"?); expected description, input, target, layers, loss, learning_rate, augmented"#
            ),
            (
                #"{"input": [1, 2], "y": 1, "layers": [], "loss": "squared_error"}"#,
                #"nnhw: <stdin>: unknown key "y" (did you mean "target"?); expected description, input, target, layers, loss, learning_rate, augmented"#
            ),
            (
                spec(layer: #"{"W": [[1, 2]], "activation": "relu"}"#),
                #"nnhw: layers[0]: unknown key "W" (did you mean "weights"?); expected weights, bias, units, activation"#
            ),
            (
                spec(layer: #"{"weights": [[1, 2]], "b": [0], "activation": "relu"}"#),
                #"nnhw: layers[0]: unknown key "b" (did you mean "bias"?); expected weights, bias, units, activation"#
            ),
            (
                spec(layer: #"{"weights": [[1, 2]], "act": "relu"}"#),
                #"nnhw: layers[0]: unknown key "act" (did you mean "activation"?); expected weights, bias, units, activation"#
            ),
        ] as [(String, String)])
    func message(_ json: String, _ expected: String) throws {
        let result = try CommandRunner.run(["backward", "--net", "-"], input: Data(json.utf8))
        #expect(result.status == 65)
        #expect(result.output == "")
        #expect(result.error == expected + "\n")
    }

    @Test("a column input is not refused when the first layer does take one value: it is a batch")
    func columnBatchStillReads() throws {
        let json = spec(
            input: "[[1], [2]]", layer: #"{"weights": [[3]], "bias": [0], "activation": "relu"}"#
        ).replacingOccurrences(of: #""target": 1"#, with: #""target": [1, 0]"#)
        let result = try CommandRunner.run(["backward", "--net", "-"], input: Data(json.utf8))
        #expect(result.status == 0, "\(result.error)")
    }

    @Test("the column-input message written for --x when the network is inline")
    func columnInputInline() throws {
        let result = try CommandRunner.run([
            "backward", "--x", "1; 2", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,2]] relu",
        ])
        #expect(result.status == 65)
        #expect(
            result.error
                == #"nnhw: input: is a column, read as a batch of 2 samples of 1 value each (a row per sample), but layer 1 takes 2 values; write one sample as a list: --x "1 2""#
                + "\n")
    }
}
