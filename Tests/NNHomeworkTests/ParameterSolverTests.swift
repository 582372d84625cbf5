import NNCore
import Testing

@testable import NNHomework

/// The solver's JSON result member `key`.
private func member(_ value: JSONValue, _ key: String) -> JSONValue? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
}

@Suite("nnhw params: decoding and the worked table")
struct ParameterSolverTests {
    static let lenet = """
        {"input": [32, 32, 1], "layers": [
          {"type": "conv", "filters": 6, "kernel": 5}, {"type": "avgpool", "kernel": 2},
          {"type": "conv", "filters": 16, "kernel": 5}, {"type": "avgpool", "kernel": 2}, {"type": "flatten"},
          {"type": "dense", "units": 120}, {"type": "dense", "units": 84}, {"type": "dense", "units": 10}]}
        """

    @Test("JSON and compact forms give the same architecture; the compact names round-trip")
    func compactEqualsJSON() throws {
        let json = try ArchitectureProblem(parsing: Self.lenet, source: "lenet.json")
        let compact = try ArchitectureProblem(
            compact:
                "input 32x32x1; conv 6 k5; avgpool 2; conv 16 k5; avgpool 2; flatten; dense 120; dense 84; dense 10")
        #expect(json.architecture == compact.architecture)
        let text =
            "input 224x224x3; conv 64 k3x5 s2 p1x2 d2 nobias; maxpool 3 s2 same; batchnorm; dropout 0.5; "
            + "activation relu; flatten; dense 10 nobias"
        let layers = try ArchitectureProblem(compact: text).architecture.layers
        #expect(
            layers.map { LayerNotation(layer: $0).compact }.joined(separator: "; ")
                == text.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.joined(
                    separator: "; "))
    }

    @Test("LeNet-5: each row's formula with its numbers; totals 61,706 (hand, see NNCoreTests)")
    func lenetSolution() throws {
        let solution = try ParameterSolver().solve(try ArchitectureProblem(parsing: Self.lenet, source: "lenet.json"))
        let text = TextRenderer().render(solution)
        #expect(text.contains("(5 · 5 · 1 + 1) · 6 = 156"))  // hand
        #expect(text.contains("(400 + 1) · 120 = 48,120"))  // hand
        #expect(text.contains("total parameters = 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706"))
        #expect(member(solution.result, "total_params") == .number(61_706))
        #expect(member(solution.result, "mult_adds") == .number(416_520))
    }

    @Test("Acceptance E at the solver: batch norm of 64 channels, torch 128; keras 128 + 128 non-trainable")
    func batchNormConventions() throws {
        let problem = try ArchitectureProblem(compact: "input 8x8x64; batchnorm")
        let torch = try ParameterSolver(convention: .torch).solve(problem)
        #expect(member(torch.result, "total_params") == .number(128))  // hand: 2·64
        #expect(member(torch.result, "trainable_params") == .number(128))
        #expect(member(torch.result, "non_trainable_params") == .number(0))
        #expect(TextRenderer().render(torch).contains("2 · 64 = 128"))
        let keras = try ParameterSolver(convention: .keras).solve(problem)
        #expect(member(keras.result, "total_params") == .number(256))  // hand: 2·64 + 2·64
        #expect(member(keras.result, "trainable_params") == .number(128))
        #expect(member(keras.result, "non_trainable_params") == .number(128))
        #expect(TextRenderer().render(keras).contains("2 · 64 + 2 · 64 = 256"))
    }

    @Test("Recurrent formula shows gates and bias vectors: torch 4·(20·10 + 20·20 + 2·20), keras … + 20")
    func recurrentFormula() throws {
        let problem = try ArchitectureProblem(compact: "input 5x10; lstm 20")
        #expect(
            TextRenderer().render(try ParameterSolver().solve(problem)).contains(
                "4 · (20 · 10 + 20 · 20 + 2 · 20) = 2,560"))
        #expect(
            TextRenderer().render(try ParameterSolver(convention: .keras).solve(problem)).contains(
                "4 · (20 · 10 + 20 · 20 + 20) = 2,480"))
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let compact: String?
        let json: String?
        let message: String
        var testDescription: String { message }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            compact: "input 28x28x1; conv 10 k", json: nil,
            message:
                #"--layers: layer 1 "conv 10 k": unknown word "k"; expected numbers, k5 (kernel), s2 (stride), p1 (padding), d2 (dilation), h8 (heads), same, valid, full, nobias, seq or key=value"#
        ),
        ErrorCase(
            compact: "input 28x28x1; conv 10", json: nil, message: #"--layers: layer 1 "conv 10": missing key "kernel""#
        ),
        ErrorCase(
            compact: "input 28x28x1; conv 10 k5; dense 10", json: nil,
            message:
                #"--layers: layer 2 "dense 10": a dense layer cannot follow an H×W×C output (24×24×10); put a flatten layer before it"#
        ),
        ErrorCase(
            compact: "input 28x28x1; conv 0 k5", json: nil,
            message: #"--layers: layer 1 "conv 0 k5": filters must be at least 1, not 0"#),
        ErrorCase(
            compact: "input 28x28x1; conv 4 k5 s0", json: nil,
            message: #"--layers: layer 1 "conv 4 k5 s0": the stride along the height must be at least 1, got 0"#),
        ErrorCase(
            compact: "input 4x4x1; conv 4 k5", json: nil,
            message:
                #"--layers: layer 1 "conv 4 k5": the window spans 5 along the height, more than the 4 of the padded input"#
        ),
        ErrorCase(
            compact: "input 28x-28x1", json: nil,
            message: #"--layers: input "input 28x-28x1": every size of the input shape must be at least 1, not -28"#),
        ErrorCase(
            compact: "conv 10 k5", json: nil,
            message: #"--layers: must start with the input shape, e.g. "input 28x28x1; …""#),
        ErrorCase(
            compact: "input 28x28x1; cnov 10 k5", json: nil,
            message:
                #"--layers: layer 1 "cnov 10 k5": unknown layer type "cnov" (did you mean "conv"?); expected dense, conv, maxpool, avgpool, flatten, batchnorm, dropout, activation, embedding, rnn, lstm, gru, attention"#
        ),
        ErrorCase(
            compact: nil,
            json:
                #"{"input": [28, 28, 1], "layers": [{"type": "conv", "filters": 10, "kernel": 5}, {"type": "dense", "units": 10}]}"#,
            message: "layers[1]: a dense layer cannot follow an H×W×C output (24×24×10); put a flatten layer before it"),
        ErrorCase(
            compact: nil, json: #"{"input": [28, 28, 1], "layers": [{"type": "conv", "filters": 2.5, "kernel": 5}]}"#,
            message: "layers[0].filters: expected a whole number, found 2.5"),
        ErrorCase(
            compact: nil, json: #"{"input": [28, 28, 1], "layers": [{"type": "conv", "filters": 10, "kernal": 5}]}"#,
            message:
                #"layers[0]: unknown key "kernal" (did you mean "kernel"?); expected type, filters, kernel, stride, padding, dilation, bias"#
        ),
        ErrorCase(
            compact: nil,
            json:
                #"{"input": [1048576], "layers": [{"type": "dense", "units": 1048576}, {"type": "dense", "units": 1073741824}, {"type": "dense", "units": 1073741824}]}"#,
            message:
                "layers[2]: the parameters of a dense layer passes 2^53 = 9007199254740992, the largest count that can be printed exactly"
        ),
    ]

    @Test("Errors name the layer and say what is wrong", arguments: errorCases)
    func errors(_ error: ErrorCase) throws {
        let thrown = #expect(throws: InputError.self) {
            let problem =
                try error.compact.map { (text) throws(InputError) in try ArchitectureProblem(compact: text) }
                ?? ArchitectureProblem(parsing: error.json ?? "", source: "arch.json")
            _ = try ParameterSolver().solve(problem)
        }
        #expect(thrown?.kind == .invalidData)
        #expect(thrown?.description == error.message)
    }
}
