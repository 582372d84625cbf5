import Foundation
import Testing

/// The forward and backward pass of a dense ReLU network on one sample with
/// L = (ŷ − y)², written here from the formulas, independent of NNCore.
private struct ReferencePass {
    var a: [[Double]] = []
    var z: [[Double]] = []
    var delta: [[Double]] = []
    var gradW: [[[Double]]] = []
    var gradB: [[Double]] = []

    init(input: [Double], target: [Double], weights: [[[Double]]], biases: [[Double]], relu: [Bool]) {
        var current = input
        for layer in weights.indices {
            let pre = zip(weights[layer], biases[layer]).map { row, b in
                zip(row, current).reduce(b) { $0 + $1.0 * $1.1 }
            }
            current = relu[layer] ? pre.map { max(0, $0) } : pre
            a.append(pre)
            z.append(current)
        }
        var d = zip(current, target).map { 2 * ($0 - $1) }
        delta = Array(repeating: [], count: weights.count)
        gradW = Array(repeating: [], count: weights.count)
        gradB = Array(repeating: [], count: weights.count)
        for layer in weights.indices.reversed() {
            d = zip(d, a[layer]).map { relu[layer] ? ($1 > 0 ? $0 : 0) : $0 }
            delta[layer] = d
            let incoming = layer == 0 ? input : z[layer - 1]
            gradW[layer] = d.map { di in incoming.map { di * $0 } }
            gradB[layer] = d
            d = incoming.indices.map { j in weights[layer].indices.reduce(0) { $0 + weights[layer][$1][j] * d[$1] } }
        }
    }
}

private func numbers(_ value: Any?) -> [Double] {
    if let number = value as? Double { return [number] }
    if let array = value as? [Any] { return array.flatMap(numbers) }
    return []
}

private func matrix(_ value: Any?) -> [[Double]] { (value as? [Any] ?? []).map(numbers) }

@Suite("nnhw generate (issue 21, acceptance C)")
struct GenerateCommandTests {
    static let arguments = [
        "generate", "backward", "--sizes", "2,3,1", "--seed", "42", "--variants", "20", "--format", "json",
    ]

    @Test("20 variants of a 2-3-1 ReLU squared-error problem: every a, z, δ, ∂L/∂W, ∂L/∂b an integer, no dead unit")
    func integerVariants() throws {
        let result = try CommandRunner.run(Self.arguments)
        #expect(result.status == 0)
        #expect(result.error == "")
        let variants = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(variants.count == 20)
        var specs: Set<String> = []
        for (index, variant) in variants.enumerated() {
            #expect(variant["seed"] as? Double == Double(42 + index))
            let spec = try #require(variant["spec"] as? [String: Any])
            #expect(spec["loss"] as? String == "squared_error")
            let layers = try #require(spec["layers"] as? [[String: Any]])
            #expect(layers.map { $0["activation"] as? String } == ["relu", "relu"])
            let weights = layers.map { matrix($0["weights"]) }
            #expect(weights.map { [$0.count, $0.first?.count ?? 0] } == [[3, 2], [1, 3]])
            let reference = ReferencePass(
                input: numbers(spec["input"]), target: numbers(spec["target"]), weights: weights,
                biases: layers.map { numbers($0["bias"]) }, relu: [true, true])
            specs.insert("\(spec["input"] ?? "")\(weights)")

            let answer = try #require(variant["answer"] as? [String: Any])
            let answered = try #require(answer["layers"] as? [[String: Any]])
            #expect(answered.count == 2)
            for (layer, values) in answered.enumerated() {
                let a = numbers(values["a"])
                let entries =
                    a + numbers(values["z"]) + numbers(values["delta"]) + numbers(values["grad_W"])
                    + numbers(values["grad_b"])
                #expect(entries.count == [3 * 4 + 6, 1 * 4 + 3][layer])
                #expect(entries.allSatisfy { $0 == $0.rounded() }, "variant \(index + 1), layer \(layer + 1)")
                #expect(a.allSatisfy { $0 > 0 }, "variant \(index + 1): a dead unit in layer \(layer + 1)")
                #expect(a == reference.a[layer])
                #expect(numbers(values["z"]) == reference.z[layer])
                #expect(numbers(values["delta"]) == reference.delta[layer])
                #expect(matrix(values["grad_W"]) == reference.gradW[layer])
                #expect(numbers(values["grad_b"]) == reference.gradB[layer])
            }
            #expect(reference.delta[1] != [0], "variant \(index + 1): the output equals the target")
        }
        #expect(specs.count == 20, "the variants are not all different")
    }

    @Test("the same seed gives the same problems; variant i is --seed S + i − 1 alone")
    func reproducible() throws {
        let first = try CommandRunner.run(Self.arguments)
        let again = try CommandRunner.run(Self.arguments)
        #expect(first.output == again.output)
        let other = try CommandRunner.run([
            "generate", "backward", "--seed", "43", "--variants", "20", "--format", "json",
        ])
        #expect(other.output != first.output)
        let variants = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [[String: Any]])
        let alone = try CommandRunner.run(["generate", "backward", "--seed", "49", "--part", "spec"])
        let spec = try JSONSerialization.jsonObject(with: Data(alone.output.utf8)) as? NSDictionary
        #expect(spec == variants[7]["spec"] as? NSDictionary)
    }

    @Test("--part spec writes what nnhw backward solves into the answer key", arguments: [1, 5])
    func specSolves(_ seed: Int) throws {
        let spec = try CommandRunner.run(["generate", "backward", "--seed", "\(seed)", "--part", "spec"])
        let key = try CommandRunner.run(["generate", "backward", "--seed", "\(seed)", "--part", "key"])
        let solved = try CommandRunner.run(["backward", "--net", "-"], input: Data(spec.output.utf8))
        #expect(solved.status == 0)
        #expect(key.output == "Answer 1 · " + solved.output)
    }

    @Test(
        "--part statement gives the numbers and no solution, in every format", arguments: ["text", "markdown", "latex"])
    func statementOnly(_ format: String) throws {
        let result = try CommandRunner.run([
            "generate", "backward", "--seed", "3", "--part", "statement", "--format", format,
        ])
        #expect(result.status == 0)
        #expect(result.output.contains("Problem 1"))
        #expect(result.output.contains("Given"))
        #expect(!result.output.contains("Backward pass"))
        #expect(!result.output.contains("Answer"))
    }

    @Test("--standalone puts every statement and answer key of a set in one LaTeX document")
    func standaloneIsOneDocument() throws {
        let result = try CommandRunner.run([
            "generate", "backward", "--seed", "42", "--variants", "3", "--format", "latex", "--standalone",
        ])
        #expect(result.status == 0)
        #expect(result.output.components(separatedBy: "\\documentclass").count == 2)
        #expect(result.output.components(separatedBy: "\\end{document}").count == 2)
        #expect(result.output.hasSuffix("\\end{document}\n"))
        #expect(result.output.components(separatedBy: "Problem").count == 4)
        #expect(result.output.components(separatedBy: "Answer").count == 4)
    }

    @Test(
        "malformed options are refused with one line",
        arguments: [
            (
                ["generate", "backward", "--activations", "softmax"], 64,
                "nnhw: --activations: expected relu, identity, tanh or sigmoid, one for all layers or one per layer, got \"softmax\""
            ),
            (
                ["generate", "backward", "--sizes", "2,65"], 64,
                "nnhw: --sizes: expected sizes from 1 to 64 like 2,3,1 (inputs, then each layer's units), got \"2,65\""
            ),
            (
                ["generate", "convv"], 64,
                "nnhw: KIND: expected forward, backward, conv, pool, conv-size, softmax or optimize, got \"convv\" (did you mean conv?)"
            ),
        ] as [([String], Int32, String)])
    func malformed(_ arguments: [String], _ status: Int32, _ expected: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").first.map(String.init) == expected)
    }
}
