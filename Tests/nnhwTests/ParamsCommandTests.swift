import Foundation
import Testing

/// The compact LeNet-like network of PyTorch's MNIST example, as `nnhw params --help` shows it.
private let mnistLayers = "input 28x28x1; conv 10 k5; maxpool 2; conv 20 k5; maxpool 2; flatten; dense 50; dense 10"

/// The JSON result of a run, parsed.
private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
}

@Suite("nnhw params")
struct ParamsCommandTests {
    struct SnapshotRun: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let snapshot: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let snapshotRuns: [SnapshotRun] = [
        SnapshotRun(
            arguments: ["params", "--arch", "Examples/architectures/vgg16.json"], snapshot: "params-vgg16.txt"),
        SnapshotRun(
            arguments: ["params", "--arch", "Examples/architectures/vgg16.json", "--format", "json"],
            snapshot: "params-vgg16.json"),
        SnapshotRun(
            arguments: ["params", "--arch", "Examples/architectures/lenet.json"], snapshot: "params-lenet.txt"),
        SnapshotRun(
            arguments: ["params", "--arch", "Examples/architectures/lenet.json", "--format", "json"],
            snapshot: "params-lenet.json"),
        SnapshotRun(
            arguments: [
                "params", "--layers",
                "input 50; embedding 10000 128; attention 128 h8; lstm 64 seq; gru 32; batchnorm; dense 10",
                "--convention", "keras",
            ], snapshot: "params-sequence-keras.txt"),
    ]

    @Test("Text and JSON output match the golden files", arguments: snapshotRuns)
    func snapshot(_ run: SnapshotRun) throws {
        let result = try CommandRunner.run(run.arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: run.snapshot)
    }

    @Test("Acceptance D: VGG-16 has 138,357,544 parameters (torchvision's vgg16)")
    func vgg16() throws {
        let text = try CommandRunner.run(["params", "--arch", "Examples/architectures/vgg16.json"])
        #expect(text.output.contains("(1) total parameters = Σₗ parameters of layer l = 138,357,544"))
        let result = try json(
            CommandRunner.run(["params", "--arch", "Examples/architectures/vgg16.json", "--format", "json"]))
        #expect(result["total_params"] as? Int == 138_357_544)  // published: torchvision vgg16
        #expect(result["trainable_params"] as? Int == 138_357_544)
        #expect(result["non_trainable_params"] as? Int == 0)
        #expect(result["mult_adds"] as? Int == 15_470_264_320)  // independent Python loop (see NNCoreTests)
        #expect((result["layers"] as? [Any])?.count == 22)
    }

    @Test("issue 11: at --width 80 the VGG-16 table fits, its long formulas going on as `= …` under them")
    func vgg16InEightyColumns() throws {
        let text = try CommandRunner.run(["params", "--arch", "Examples/architectures/vgg16.json", "--width", "80"])
        let lines = text.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains(" #  layer             output shape     parameters                      trainable"))
        #expect(lines.contains(" 1  conv 64 k3 same   224 × 224 × 64   (3 · 3 · 3 + 1) · 64 = 1,792        1,792"))
        let wrapped = try #require(
            lines.firstIndex(of: "12  conv 512 k3 same  28 × 28 × 512    (3 · 3 · 512 + 1) · 512         2,359,808"))
        #expect(lines[wrapped + 1] == "                                       = 2,359,808")
        #expect(lines.contains("20  dense 4096        4,096            (25,088 + 1) · 4,096          102,764,544"))
        let lenet = try CommandRunner.run(["params", "--arch", "Examples/architectures/lenet.json", "--width", "80"])
        #expect(lenet.output.contains("1  conv 6 k5   28 × 28 × 6   (5 · 5 · 1 + 1) · 6 = 156           156\n"))
    }

    @Test("LeNet-5 from the file and the same layers in compact form print the same table")
    func lenetCompact() throws {
        let file = try CommandRunner.run(["params", "--arch", "Examples/architectures/lenet.json", "--format", "json"])
        let compact = try CommandRunner.run([
            "params", "--layers",
            "input 32x32x1; conv 6 k5; avgpool 2; conv 16 k5; avgpool 2; flatten; dense 120; dense 84; dense 10",
            "--format", "json",
        ])
        #expect(compact.status == 0)
        #expect(file.output == compact.output)
        #expect(try json(file)["total_params"] as? Int == 61_706)  // hand: 156 + 2416 + 48120 + 10164 + 850
    }

    @Test("Acceptance E: batch norm of 64 channels: torch 128; keras 128 trainable + 128 non-trainable")
    func batchNorm() throws {
        let torch = try json(
            CommandRunner.run(["params", "--layers", "input 16x16x64; batchnorm", "--format", "json"]))
        #expect(torch["total_params"] as? Int == 128)  // hand: 2·64
        #expect(torch["non_trainable_params"] as? Int == 0)
        let keras = try json(
            CommandRunner.run([
                "params", "--layers", "input 16x16x64; batchnorm", "--convention", "keras", "--format", "json",
            ]))
        #expect(keras["trainable_params"] as? Int == 128)  // hand: 2·64 γ, β
        #expect(keras["non_trainable_params"] as? Int == 128)  // hand: 2·64 moving mean, variance
        #expect(keras["total_params"] as? Int == 256)
        let text = try CommandRunner.run(["params", "--layers", "input 16x16x64; batchnorm", "--convention", "keras"])
        #expect(text.output.contains("(3) non-trainable = 128   [batch norm's moving mean and variance]"))
    }

    @Test("The help example runs: PyTorch's MNIST network has 21,840 parameters")
    func helpExample() throws {
        let result = try json(CommandRunner.run(["params", "--layers", mnistLayers, "--format", "json"]))
        // Hand: 260 + 5020 + 16050 + 510 (conv1 1→10 k5, conv2 10→20 k5, fc 320→50, fc 50→10).
        #expect(result["total_params"] as? Int == 21_840)
    }

    struct ErrorRun: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let input: String?
        let error: String
        let status: Int32
        var testDescription: String { error }
    }

    static let errorRuns: [ErrorRun] = [
        ErrorRun(
            arguments: ["params", "--layers", "input 28x28x1; conv 10 k5; dense 10"], input: nil,
            error:
                #"nnhw: --layers: layer 2 "dense 10": a dense layer cannot follow an H×W×C output (24×24×10); put a flatten layer before it"#,
            status: 65),
        ErrorRun(
            arguments: ["params", "--layers", "input 28x28x1; conv 10 k"], input: nil,
            error:
                #"nnhw: --layers: layer 1 "conv 10 k": unknown word "k"; expected numbers, k5 (kernel), s2 (stride), p1 (padding), d2 (dilation), h8 (heads), same, valid, full, nobias, seq or key=value"#,
            status: 65),
        ErrorRun(
            arguments: ["params", "--layers", "input 3x3x1; maxpool 5"], input: nil,
            error:
                #"nnhw: --layers: layer 1 "maxpool 5": the window spans 5 along the height, more than the 3 of the padded input"#,
            status: 65),
        ErrorRun(
            arguments: ["params", "--layers", "input 28x28x1; conv 4 k3 s0"], input: nil,
            error: #"nnhw: --layers: layer 1 "conv 4 k3 s0": the stride along the height must be at least 1, got 0"#,
            status: 65),
        ErrorRun(
            arguments: ["params", "--layers", "input 28x-2x1"], input: nil,
            error: #"nnhw: --layers: input "input 28x-2x1": every size of the input shape must be at least 1, not -2"#,
            status: 65),
        ErrorRun(
            arguments: ["params", "--layers", "input 4000000000x4000000000x4000000000; flatten"], input: nil,
            error:
                #"nnhw: --layers: input "input 4000000000x4000000000x4000000000": the element count of 4000000000×4000000000×4000000000 passes 2^53 = 9007199254740992, the largest count that can be printed exactly"#,
            status: 65),
        ErrorRun(
            arguments: ["params", "--arch", "-"],
            input:
                #"{"input": [28, 28, 1], "layers": [{"type": "conv", "filters": 10, "kernel": 5}, {"type": "dense", "units": 10}]}"#,
            error:
                "nnhw: layers[1]: a dense layer cannot follow an H×W×C output (24×24×10); put a flatten layer before it",
            status: 65),
        ErrorRun(
            arguments: ["params", "--arch", "-"],
            input: #"{"input": [28, 28, 1], "layers": [{"type": "conv", "filters": -1, "kernel": 5}]}"#,
            error: "nnhw: layers[0]: filters must be at least 1, not -1", status: 65),
        ErrorRun(
            arguments: ["params", "--arch", "Examples/architectures/none.json"], input: nil,
            error: "nnhw: Examples/architectures/none.json: cannot read: No such file or directory", status: 66),
    ]

    @Test("Bad architectures: one line on stderr, nothing on stdout, exit 65 (66 unreadable)", arguments: errorRuns)
    func error(_ run: ErrorRun) throws {
        let result =
            try run.input.map { try CommandRunner.run(run.arguments, input: $0) } ?? CommandRunner.run(run.arguments)
        #expect(result.error == run.error + "\n")
        #expect(result.output == "")
        #expect(result.status == run.status)
    }

    @Test(
        "Usage errors exit 64",
        arguments: [
            (["params"], "nnhw: --arch: missing; give --arch FILE or --layers TEXT"),
            (
                ["params", "--arch", "x.json", "--layers", "input 3"],
                "nnhw: --arch: give either --arch FILE or --layers TEXT, not both"
            ),
            (
                ["params", "--layers", "input 3", "--convention", "tf"],
                #"nnhw: --convention: expected torch or keras, got "tf""#
            ),
        ])
    func usage(_ arguments: [String], _ message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64)
        #expect(result.output == "")
        #expect(result.error.hasPrefix(message + "\nUsage: nnhw params "))
    }
}
