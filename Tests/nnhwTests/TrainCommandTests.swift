import Foundation
import Testing

/// Whether `python3` with numpy can be run, for the tests that compare with a numpy re-implementation.
let numpyIsAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import numpy"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    } catch {
        return false
    }
}()

/// The numbers a python3 script prints, one per line.
func pythonNumbers(_ script: String) throws -> [Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 failed")
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
}

@Suite("nnhw train end to end")
struct TrainCommandTests {
    /// XOR, 2-2-1 with tanh then sigmoid, binary cross-entropy (mean), in numpy: the forward pass, the
    /// gradients written out by hand (δ² = (ŷ − y)/S, δ¹ = δ² W² ⊙ (1 − z¹²)), SGD or PyTorch's momentum,
    /// batches in order; the loss of the whole data after each epoch, printed with repr.
    static func numpyScript(batchSize: Int, momentum: Double) -> String {
        """
        import numpy as np
        X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
        Y = np.array([[0], [1], [1], [0]], dtype=float)
        W1 = np.array([[0.5, -0.4], [0.3, 0.8]]); b1 = np.array([0.1, -0.2])
        W2 = np.array([[0.7, -0.6]]); b2 = np.array([0.05])
        lr, mu, B = 0.5, \(momentum), \(batchSize)
        params = [W1, b1, W2, b2]
        bufs = [np.zeros_like(p) for p in params]
        def forward(x):
            z1 = np.tanh(x @ W1.T + b1)
            return z1, 1 / (1 + np.exp(-(z1 @ W2.T + b2)))
        def loss(yhat, y):
            return np.mean(-(y * np.log(yhat) + (1 - y) * np.log(1 - yhat)))
        for epoch in range(5):
            for start in range(0, 4, B):
                x, y = X[start:start + B], Y[start:start + B]
                z1, yhat = forward(x)
                d2 = (yhat - y) / len(x)
                d1 = (d2 @ W2) * (1 - z1 ** 2)
                grads = [d1.T @ x, d1.sum(0), d2.T @ z1, d2.sum(0)]
                for p, g, v in zip(params, grads, bufs):
                    v *= mu
                    v += g
                    p -= lr * v
            print(repr(float(loss(forward(X)[1], Y))))
        """
    }

    @Test(
        "issue 16 D: XOR 2-2-1 tanh/sigmoid, 5 epochs: the losses equal numpy's to 1e-12",
        .enabled(if: numpyIsAvailable, "python3 with numpy is not installed"),
        arguments: [(4, 0.0), (2, 0.9)])
    func againstNumpy(_ batchSize: Int, _ momentum: Double) throws {
        let expected = try pythonNumbers(Self.numpyScript(batchSize: batchSize, momentum: momentum))
        try #require(expected.count == 5)
        var arguments = [
            "train", "--net", "Examples/training/xor-2-2-1.json", "--epochs", "5", "--batch-size", String(batchSize),
        ]
        if momentum > 0 { arguments += ["--optimizer", "momentum", "--momentum", String(momentum)] }
        let object = try CommandRunner.json(arguments)
        let losses = (object["epochs"] as? [[String: Any]] ?? []).compactMap { $0["loss"] as? Double }
        try #require(losses.count == 5)
        for (epoch, (loss, reference)) in zip(losses, expected).enumerated() {
            #expect(abs(loss - reference) <= 1e-12, "epoch \(epoch + 1): \(loss) ≠ numpy \(reference)")
        }
        #expect(losses[4] < losses[0])
    }

    @Test("issue 16 D: --save writes the trained spec; backward --net on it gives the last epoch's loss")
    func saveThenBackward() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-train-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let object = try CommandRunner.json([
            "train", "--net", "Examples/training/xor-2-2-1.json", "--data", "xor", "--optimizer", "adam", "--lr",
            "0.05",
            "--epochs", "5", "--save", file.path,
        ])
        let last = try #require((object["epochs"] as? [[String: Any]])?.last?["loss"] as? Double)
        let backward = try CommandRunner.json(["backward", "--net", file.path])
        let loss = try #require(backward["loss"] as? Double)
        #expect(abs(loss - last) <= 1e-15, "\(loss) ≠ \(last)")
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect(saved?["loss"] as? String == "binary_cross_entropy")
        #expect((object["final"] as? [String: Any])?["layers"] != nil)
    }

    @Test("accuracy is counted for a classification loss; iris trains with cross-entropy from a CSV-free name")
    func accuracy() throws {
        let spec = """
            {"input": [[0, 0]], "target": [0], "loss": "cross_entropy",
             "layers": [{"units": 8, "activation": "tanh"}, {"units": 3, "activation": "softmax"}]}
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-iris-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(spec.utf8).write(to: file)
        let object = try CommandRunner.json([
            "train", "--net", file.path, "--data", "iris", "--optimizer", "adam", "--lr", "0.05", "--epochs", "30",
            "--batch-size", "16", "--shuffle", "--seed", "3",
        ])
        let epochs = object["epochs"] as? [[String: Any]] ?? []
        try #require(epochs.count == 30)
        let accuracy = try #require(epochs.last?["accuracy"] as? Double)
        #expect(accuracy > 0.6)
        #expect((epochs.last?["loss"] as? Double ?? .infinity) < (epochs.first?["loss"] as? Double ?? 0))
    }

    @Test("Adaline: one identity unit with mse, one SGD epoch, as worked by hand")
    func adaline() throws {
        // ŷ = (0.1 − 0.4, 0.2) = (−0.3, 0.2), e = ŷ − y = (−1.3, 1.2); ∂L/∂w = (2/2) Σ e x = (1.1, −2.6),
        // ∂L/∂b = −0.1; w ← w − 0.1 ∂L/∂w = (−0.01, 0.06), b ← 0.01.
        let spec = """
            {"input": [[1, 2], [2, 0]], "target": [1, -1], "loss": "mse", "learning_rate": 0.1,
             "layers": [{"weights": [[0.1, -0.2]], "bias": [0], "activation": "identity"}]}
            """
        let result = try CommandRunner.run(["train", "--net", "-", "--epochs", "1", "--format", "json"], input: spec)
        try #require(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let layer = try #require(((object["final"] as? [String: Any])?["layers"] as? [[String: Any]])?.first)
        let weights = try #require((layer["weights"] as? [[Double]])?.first)
        #expect(abs(weights[0] + 0.01) <= 1e-15 && abs(weights[1] - 0.06) <= 1e-15, "\(weights)")
        #expect(abs(((layer["bias"] as? [Double])?.first ?? .nan) - 0.01) <= 1e-15)
        #expect((object["epochs"] as? [[String: Any]])?.first?["accuracy"] is NSNull)
    }

    @Test("a CSV file with a header: features, then the target column")
    func csvData() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-and-\(getpid()).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        try Data("x1,x2,y\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n".utf8).write(to: csv)
        let fromFile = try CommandRunner.json([
            "train", "--net", "Examples/training/xor-2-2-1.json", "--data", csv.path, "--epochs", "2",
        ])
        let builtIn = try CommandRunner.json([
            "train", "--net", "Examples/training/xor-2-2-1.json", "--data", "and", "--epochs", "2",
        ])
        let losses = { (object: [String: Any]) in
            (object["epochs"] as? [[String: Any]] ?? []).compactMap { $0["loss"] as? Double }
        }
        #expect(losses(fromFile).count == 2)
        #expect(losses(fromFile) == losses(builtIn))
    }

    @Test(
        "the worked output of a training run",
        arguments: [
            ("train-xor-sgd", ["train", "--net", "Examples/training/xor-2-2-1.json", "--epochs", "5"]),
            (
                "train-logistic-adam",
                [
                    "train", "--net", "Examples/logistic-regression-step.json", "--optimizer", "adam", "--lr", "0.1",
                    "--epochs", "3",
                ]
            ),
        ])
    func snapshot(_ name: String, _ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: name + ".txt")
    }
}
