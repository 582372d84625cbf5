import Foundation
import Testing

/// The example spec `Examples/NAME.json`, parsed.
private func example(_ name: String) throws -> [String: Any] {
    let url = CommandRunner.examplesDirectory.appendingPathComponent("\(name).json")
    return try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

private func numbers(_ value: Any?) -> [Double] {
    (value as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
}
private func matrix(_ value: Any?) -> [[Double]] { (value as? [Any] ?? []).map(numbers) }
private func maps(_ value: Any?) -> [[[Double]]] { (value as? [Any] ?? []).map(matrix) }

/// C_out × H × W from C_in × H × W, written out with loops: y[o][i][j] = b[o] + Σ_c Σ_m Σ_n x̃[c][iS + m][jS + n] K[o][c][m][n].
private func convolve(_ x: [[[Double]]], _ kernels: [[[[Double]]]], bias: [Double], stride: Int, padding: Int)
    -> [[[Double]]]
{
    let (height, width, k) = (x[0].count, x[0][0].count, kernels[0][0].count)
    let outputSize = (height + 2 * padding - k) / stride + 1
    let outputWidth = (width + 2 * padding - k) / stride + 1
    func padded(_ c: Int, _ r: Int, _ s: Int) -> Double {
        let (row, column) = (r - padding, s - padding)
        return row < 0 || column < 0 || row >= height || column >= width ? 0 : x[c][row][column]
    }
    return kernels.indices.map { o in
        (0..<outputSize).map { i in
            (0..<outputWidth).map { j in
                var sum = bias[o]
                for c in x.indices {
                    for m in 0..<k {
                        for n in 0..<k { sum += padded(c, i * stride + m, j * stride + n) * kernels[o][c][m][n] }
                    }
                }
                return sum
            }
        }
    }
}

@Suite("Typed layers in network specs: forward, backward and gradcheck --net")
struct LayerStackCommandTests {
    @Test("issue 18 B: the small CNN's forward values equal a direct computation written out here")
    func cnnForward() throws {
        let spec = try example("small-cnn")
        let layers = try #require(spec["layers"] as? [[String: Any]])
        let input = maps(spec["input"])
        let kernels = (layers[0]["kernels"] as? [Any] ?? []).map(maps)
        let a = convolve(input, kernels, bias: numbers(layers[0]["bias"]), stride: 2, padding: 1)
        let z = a.map { $0.map { $0.map { max(0, $0) } } }
        let pooled = z.map { map in
            stride(from: 0, to: map.count - 1, by: 2).map { i in
                stride(from: 0, to: map[0].count - 1, by: 2).map { j in
                    max(map[i][j], map[i][j + 1], map[i + 1][j], map[i + 1][j + 1])
                }
            }
        }
        let flat = pooled.flatMap { $0.flatMap { $0 } }
        let weights = matrix(layers[3]["weights"])
        let logits = weights.map { row in zip(row, flat).reduce(0) { $0 + $1.0 * $1.1 } }
        let largest = logits.max() ?? 0
        let exponentials = logits.map { Foundation.exp($0 - largest) }
        let softmax = exponentials.map { $0 / exponentials.reduce(0, +) }

        let result = try CommandRunner.json(["forward", "--net", "Examples/small-cnn.json"])
        let shown = try #require(result["layers"] as? [[String: Any]])
        #expect(shown.map { $0["type"] as? String } == ["conv2d", "max_pool", "flatten", "dense"])
        let computedA = maps(shown[0]["a"]).flatMap { $0.flatMap { $0 } }
        let expectedA = a.flatMap { $0.flatMap { $0 } }
        #expect(computedA.count == 12)
        #expect(zip(computedA, expectedA).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(numbers(shown[2]["z"]) == flat)
        let output = numbers(result["output"])
        #expect(output.count == 2 && zip(output, softmax).allSatisfy { abs($0 - $1) <= 1e-12 })
        let loss = try #require((result["loss"] as? NSNumber)?.doubleValue)
        #expect(abs(loss - -Foundation.log(softmax[1])) <= 1e-12)
    }

    @Test("issue 18 B: gradcheck --net passes every parameter and input value of the CNN, none near a kink")
    func cnnGradientCheck() throws {
        let run = try CommandRunner.run(["gradcheck", "--net", "Examples/small-cnn.json", "--format", "json"])
        #expect(run.status == 0)
        let result = try CommandRunner.json(["gradcheck", "--net", "Examples/small-cnn.json"])
        let entries = try #require(result["parameters"] as? [[String: Any]])
        #expect(result["pass"] as? Bool == true)
        // 3·2·3·3 kernel weights + 3 biases + 2·3 + 2 dense parameters, and 2·4·4 input values.
        #expect(entries.count == 54 + 3 + 8 + 32)
        #expect(entries.allSatisfy { $0["pass"] as? Bool == true && $0["kink"] as? Bool == false })
        #expect(entries.first?["name"] as? String == "K1[1,1,1,1]")
        #expect(entries.last?["name"] as? String == "x[2,4,4]")
    }

    @Test("issue 18 A: batch norm inside a network — μ, σ², x̂ by the formulas, ∂L/∂x against central differences")
    func batchNormNetwork() throws {
        let spec = try example("batchnorm-mlp")
        let layers = try #require(spec["layers"] as? [[String: Any]])
        let x = matrix(spec["input"])
        let weights = matrix(layers[0]["weights"])
        let a = x.map { row in weights.map { w in zip(w, row).reduce(0) { $0 + $1.0 * $1.1 } } }
        let n = Double(a.count)
        let mean = (0..<3).map { j in a.reduce(0) { $0 + $1[j] } / n }
        let variance = (0..<3).map { j in a.reduce(0) { $0 + ($1[j] - mean[j]) * ($1[j] - mean[j]) } / n }
        let xHat = a.map { row in (0..<3).map { j in (row[j] - mean[j]) / (variance[j] + 1e-5).squareRoot() } }

        let result = try CommandRunner.json(["backward", "--net", "Examples/batchnorm-mlp.json"])
        let shown = try #require(result["layers"] as? [[String: Any]])
        #expect(shown[1]["type"] as? String == "batch_norm")
        #expect(zip(numbers(shown[1]["mean"]), mean).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(zip(numbers(shown[1]["variance"]), variance).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(zip(matrix(shown[1]["x_hat"]).flatMap { $0 }, xHat.flatMap { $0 }).allSatisfy { abs($0 - $1) <= 1e-12 })

        let check = try CommandRunner.json(["gradcheck", "--net", "Examples/batchnorm-mlp.json"])
        #expect(check["pass"] as? Bool == true)
        let entries = try #require(check["parameters"] as? [[String: Any]])
        let inputs = entries.filter { ($0["name"] as? String)?.hasPrefix("x[") == true }
        #expect(inputs.count == 12)
        let gradient = matrix(result["grad_input"]).flatMap { $0 }
        for (entry, analytic) in zip(inputs, gradient) {
            let numeric = try #require((entry["numeric"] as? NSNumber)?.doubleValue)
            #expect(abs(numeric - analytic) <= 1e-8)
            #expect(entry["kink"] as? Bool == false)
        }
        #expect(entries.contains { $0["name"] as? String == "gamma2[3]" })
    }

    @Test("issue 18 D: the residual block gives ∂L/∂x = 0.01 · (1 + 0.1 · 0.005) = 0.010005")
    func residual() throws {
        let result = try CommandRunner.json(["backward", "--net", "Examples/residual-mlp.json"])
        let gradient = try #require(numbers(result["grad_input"]).first)
        #expect(abs(gradient - 0.01 * (1 + 0.1 * 0.005)) <= 1e-12)
        let text = try CommandRunner.run(["backward", "--net", "Examples/residual-mlp.json", "--precision", "6"]).output
        #expect(text.contains("∂L/∂x = W⁽¹⁾ᵀ δ⁽¹⁾ + δ⁽³⁾ = 0.005 · 0.001 = 0.000005 + 0.01 = 0.010005"))
    }

    @Test(
        "params counts agree with the layers: the parameters gradcheck --net checks equal params' total",
        arguments: [
            ("small-cnn", "input 4x4x2; conv 3 k3 s2 p1; maxpool 2; flatten; dense 2", 65),
            ("batchnorm-mlp", "input 3; dense 3; batchnorm; dense 1", 22),
        ])
    func parameterCounts(example: String, layers: String, total: Int) throws {
        let check = try CommandRunner.json(["gradcheck", "--net", "Examples/\(example).json"])
        let entries = try #require(check["parameters"] as? [[String: Any]])
        let parameters = entries.filter { ($0["name"] as? String)?.hasPrefix("x[") == false }
        #expect(parameters.count == total)
        let counted = try CommandRunner.json(["params", "--layers", layers])
        #expect((counted["total_params"] as? NSNumber)?.intValue == total)
    }

    @Test(
        "train on typed layers: one SGD epoch moves every tensor by −η times backward's gradient, and --save reads back"
    )
    func trainStack() throws {
        let gradients = try CommandRunner.json(["backward", "--net", "Examples/small-cnn.json"])
        let layers = try #require(gradients["layers"] as? [[String: Any]])
        let spec = try example("small-cnn")
        let given = try #require(spec["layers"] as? [[String: Any]])
        let save = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-trained-cnn.json").path
        let run = try CommandRunner.json(
            ["train", "--net", "Examples/small-cnn.json", "--epochs", "1", "--lr", "0.1", "--save", save])
        let final = try #require(run["final"] as? [String: Any])
        let trained = try #require(final["layers"] as? [[String: Any]])
        let kernels = (given[0]["kernels"] as? [Any] ?? []).map(maps).flatMap { $0.flatMap { $0.flatMap { $0 } } }
        let kernelGradient = (layers[0]["grad_K"] as? [Any] ?? []).map(maps).flatMap {
            $0.flatMap { $0.flatMap { $0 } }
        }
        let newKernels = (trained[0]["kernels"] as? [Any] ?? []).map(maps).flatMap { $0.flatMap { $0.flatMap { $0 } } }
        #expect(newKernels.count == 54)
        for (k, (w, g)) in zip(newKernels, zip(kernels, kernelGradient)) { #expect(abs(k - (w - 0.1 * g)) <= 1e-12) }
        let weights = matrix(given[3]["weights"]).flatMap { $0 }
        let weightGradient = matrix(layers[3]["grad_W"]).flatMap { $0 }
        for (w, (w0, g)) in zip(matrix(trained[3]["weights"]).flatMap { $0 }, zip(weights, weightGradient)) {
            #expect(abs(w - (w0 - 0.1 * g)) <= 1e-12)
        }
        let epochs = try #require(run["epochs"] as? [[String: Any]])
        let loss = try #require((epochs.last?["loss"] as? NSNumber)?.doubleValue)
        let reread = try CommandRunner.json(["forward", "--net", save])
        #expect(abs(((reread["loss"] as? NSNumber)?.doubleValue ?? .nan) - loss) <= 1e-12)
    }

    @Test("dropout scales what it keeps by 1/(1 − p) and passes the gradient through the same mask")
    func dropout() throws {
        let spec = """
            {"input": [1, 2, 3, 4], "target": [0], "loss": "squared_error", "layers": [
              {"type": "dropout", "p": 0.5, "mask": [1, 0, 1, 0]},
              {"weights": [[1, 1, 1, 1]], "bias": [0], "activation": "identity"}]}
            """
        let run = try CommandRunner.run(["backward", "--net", "-", "--format", "json"], input: spec)
        let result = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let layers = try #require(result["layers"] as? [[String: Any]])
        #expect(numbers(layers[0]["z"]) == [2, 0, 6, 0])
        // ŷ = 8, ∂L/∂ŷ = 16, ∂L/∂x = 16 · m / (1 − p).
        #expect(numbers(result["grad_input"]) == [32, 0, 32, 0])
    }
}
