import Foundation
import Testing

/// x rounded to `decimals` decimals, halves away from zero as the decimal is written,
/// by Foundation's Decimal (independent of NNCore's Rounding); x itself for nil.
private func rounded(_ x: Double, _ decimals: Int?) -> Double {
    guard let decimals else { return x }
    var written = Decimal(string: String(format: "%.12f", x)) ?? 0
    var result = Decimal()
    NSDecimalRound(&result, &written, decimals, .plain)
    return Double("\(result)") ?? .nan
}

/// The forward and backward pass of a dense network on one sample with
/// L = (ŷ − y)², every value rounded right after it is computed (as the
/// statement asks), f′ of tanh and sigmoid from the rounded z; written here
/// from the formulas, independent of NNCore.
private struct RoundedReference {
    var a: [[Double]] = []
    var z: [[Double]] = []
    var loss = 0.0
    var delta: [[Double]] = []
    var gradW: [[[Double]]] = []
    var gradB: [[Double]] = []
    var gradInput: [Double] = []
    var newW: [[[Double]]] = []
    var newB: [[Double]] = []

    init(
        input: [Double], target: [Double], weights: [[[Double]]], biases: [[Double]], activations: [String],
        decimals: Int?, learningRate: Double?
    ) {
        func r(_ x: Double) -> Double { rounded(x, decimals) }
        var current = input
        for layer in weights.indices {
            let pre = zip(weights[layer], biases[layer]).map { row, b in
                r(zip(row, current).reduce(0) { $0 + $1.0 * $1.1 } + b)
            }
            current = pre.map { x in
                switch activations[layer] {
                case "relu": r(max(0, x))
                case "tanh": r(Foundation.tanh(x))
                case "sigmoid": r(1 / (1 + exp(-x)))
                default: r(x)
                }
            }
            a.append(pre)
            z.append(current)
        }
        loss = r(zip(current, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
        var g = zip(current, target).map { r(2 * ($0 - $1)) }
        let count = weights.count
        delta = Array(repeating: [], count: count)
        gradW = Array(repeating: [], count: count)
        gradB = Array(repeating: [], count: count)
        for layer in weights.indices.reversed() {
            let d = g.indices.map { i in
                let (pre, out) = (a[layer][i], z[layer][i])
                let slope: Double =
                    switch activations[layer] {
                    case "relu": pre > 0 ? 1 : 0
                    case "tanh": 1 - out * out
                    case "sigmoid": out * (1 - out)
                    default: 1
                    }
                return r(g[i] * slope)
            }
            delta[layer] = d
            let incoming = layer == 0 ? input : z[layer - 1]
            gradW[layer] = d.map { di in incoming.map { r(di * $0) } }
            gradB[layer] = d
            g = incoming.indices.map { j in r(weights[layer].indices.reduce(0) { $0 + weights[layer][$1][j] * d[$1] }) }
        }
        gradInput = g
        if let eta = learningRate {
            newW = weights.indices.map { l in
                weights[l].indices.map { i in
                    weights[l][i].indices.map { j in r(weights[l][i][j] - eta * gradW[l][i][j]) }
                }
            }
            newB = biases.indices.map { l in biases[l].indices.map { i in r(biases[l][i] - eta * gradB[l][i]) } }
        }
    }
}

private func numbers(_ value: Any?) -> [Double] {
    if let number = value as? NSNumber { return [number.doubleValue] }
    if let array = value as? [Any] { return array.flatMap(numbers) }
    if let object = value as? [String: Any] { return object.keys.sorted().flatMap { numbers(object[$0]) } }
    return []
}

private func matrix(_ value: Any?) -> [[Double]] { (value as? [Any] ?? []).map(numbers) }

/// Whether x has at most `decimals` decimals.
private func hasDecimals(_ x: Double, atMost decimals: Int) -> Bool {
    let scaled = x * pow(10, Double(decimals))
    return abs(scaled - scaled.rounded()) < 1e-6 && abs(rounded(x, decimals) - x) < 1e-12
}

private func close(_ left: [Double], _ right: [Double]) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy { abs($0 - $1) <= 1e-12 }
}

/// The variants `nnhw generate backward … --format json` prints, with the reference pass of each.
private func variants(_ arguments: [String]) throws -> [(variant: [String: Any], reference: RoundedReference)] {
    let run = try CommandRunner.run(["generate", "backward", "--format", "json"] + arguments)
    try #require(run.status == 0, "exit \(run.status): \(run.error)")
    let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    return try objects.map { variant in
        let spec = try #require(variant["spec"] as? [String: Any])
        let layers = try #require(spec["layers"] as? [[String: Any]])
        let command = variant["command"] as? [String] ?? []
        let decimals = command.firstIndex(of: "--round-intermediates").flatMap { Int(command[$0 + 1]) }
        let reference = RoundedReference(
            input: numbers(spec["input"]), target: numbers(spec["target"]),
            weights: layers.map { matrix($0["weights"]) },
            biases: layers.map { numbers($0["bias"]) }, activations: layers.map { $0["activation"] as? String ?? "" },
            decimals: decimals, learningRate: (spec["learning_rate"] as? NSNumber)?.doubleValue)
        return (variant, reference)
    }
}

/// Every value of a variant's answer checked against its reference; returns the answer's layers.
private func expectMatches(_ variant: [String: Any], _ reference: RoundedReference, _ label: String) throws
    -> [[String: Any]]
{
    let answer = try #require(variant["answer"] as? [String: Any])
    let layers = try #require(answer["layers"] as? [[String: Any]])
    for (l, values) in layers.enumerated() {
        #expect(close(numbers(values["a"]), reference.a[l]), "\(label) a\(l + 1)")
        #expect(close(numbers(values["z"]), reference.z[l]), "\(label) z\(l + 1)")
        #expect(close(numbers(values["delta"]), reference.delta[l]), "\(label) delta\(l + 1)")
        #expect(close(numbers(values["grad_W"]), reference.gradW[l].flatMap { $0 }), "\(label) grad_W\(l + 1)")
        #expect(close(numbers(values["grad_b"]), reference.gradB[l]), "\(label) grad_b\(l + 1)")
        if !reference.newW.isEmpty {
            #expect(close(numbers(values["W_updated"]), reference.newW[l].flatMap { $0 }), "\(label) W_updated\(l + 1)")
            #expect(close(numbers(values["b_updated"]), reference.newB[l]), "\(label) b_updated\(l + 1)")
        } else {
            #expect(values["W_updated"] == nil)
        }
    }
    #expect(close(numbers(answer["loss"]), [reference.loss]), "\(label) loss")
    #expect(close(numbers(answer["grad_input"]), reference.gradInput), "\(label) grad_input")
    return layers
}

@Suite("nnhw generate forward|backward: tanh and sigmoid, dead units, a learning-rate step (issue 21, Deliver 4)")
struct GenerateNetworkOptionsTests {
    @Test(
        "tanh and sigmoid networks: 20 variants, every value at most K decimals, equal to a rounded pass written here, no unit saturated",
        arguments: [
            (["--activations", "tanh"], 4),
            (["--sizes", "2,3,1", "--activations", "sigmoid,identity", "--decimals", "3"], 3),
            (["--sizes", "3,2,2,1", "--activations", "tanh,relu,sigmoid"], 4),
            (["--activations", "tanh,identity", "--learning-rate", "0.5"], 4),
        ] as [([String], Int)])
    func rounded(_ options: [String], _ k: Int) throws {
        let drawn = try variants(options + ["--seed", "11", "--variants", "20"])
        #expect(drawn.count == 20)
        var specs: Set<String> = []
        for (index, (variant, reference)) in drawn.enumerated() {
            let label = "variant \(index + 1)"
            #expect(
                variant["command"] as? [String] == [
                    "nnhw", "backward", "--net", "FILE", "--round-intermediates", "\(k)",
                ])
            let spec = try #require(variant["spec"] as? [String: Any])
            specs.insert("\(numbers(spec))")
            #expect(numbers(spec).allSatisfy { hasDecimals($0, atMost: 1) }, "\(label): the spec has one decimal")
            let answer = variant["answer"]
            #expect(
                numbers(answer).allSatisfy { hasDecimals($0, atMost: k) },
                "\(label): a value with more than \(k) decimals")
            let layers = try expectMatches(variant, reference, label)
            let activations = (spec["layers"] as? [[String: Any]] ?? []).map { $0["activation"] as? String ?? "" }
            for (l, values) in layers.enumerated() where ["tanh", "sigmoid"].contains(activations[l]) {
                #expect(
                    numbers(values["a"]).allSatisfy { abs($0) <= 2 }, "\(label): a saturated unit in layer \(l + 1)")
            }
            for (l, values) in layers.enumerated() where activations[l] == "relu" {
                #expect(numbers(values["a"]).allSatisfy { $0 >= 0.1 }, "\(label): a ReLU unit at its kink or dead")
            }
            #expect(reference.delta.last?.contains { $0 != 0 } == true, "\(label): the output equals the target")
        }
        #expect(specs.count == 20, "the variants are not all different")
        let again = try variants(options + ["--seed", "11", "--variants", "20"])
        #expect(again.map { numbers($0.variant) } == drawn.map { numbers($0.variant) })
    }

    @Test("a tanh problem states its rounding, and its --part spec with the command line on stderr reproduces the key")
    func roundedSpecReproducesKey() throws {
        let options = ["generate", "backward", "--activations", "tanh,identity", "--seed", "3", "--width", "200"]
        let statement = try CommandRunner.run(options + ["--part", "statement"])
        #expect(statement.output.contains("Round every intermediate value to 4 decimals"))
        let spec = try CommandRunner.run(options + ["--part", "spec"])
        #expect(spec.error == "# Answer key: nnhw backward --net FILE --round-intermediates 4\n")
        let key = try CommandRunner.run(options + ["--part", "key"])
        let solved = try CommandRunner.run(
            ["backward", "--net", "-", "--round-intermediates", "4", "--width", "200"], input: Data(spec.output.utf8))
        #expect(solved.status == 0)
        #expect(key.output == "Answer 1 · " + solved.output)
        let integer = try CommandRunner.run(["generate", "backward", "--seed", "3", "--part", "spec"])
        #expect(integer.error == "# Answer key: nnhw backward --net FILE\n")
    }

    @Test(
        "--dead-units N: 20 variants with exactly N dead hidden ReLU units (a ≤ −1), their δ zero, every value an integer",
        arguments: [(["--sizes", "2,4,1"], 2), (["--sizes", "2,3,2,1"], 5), (["--sizes", "2,3,1"], 3)]
            as [([String], Int)])
    func deadUnits(_ options: [String], _ dead: Int) throws {
        let drawn = try variants(options + ["--dead-units", "\(dead)", "--seed", "5", "--variants", "20"])
        #expect(drawn.count == 20)
        for (index, (variant, reference)) in drawn.enumerated() {
            let label = "variant \(index + 1)"
            #expect(numbers(variant["answer"]).allSatisfy { $0 == $0.rounded() }, "\(label): not all integers")
            let layers = try expectMatches(variant, reference, label)
            var zeros = 0
            for values in layers.dropLast() {
                let (a, z, delta) = (numbers(values["a"]), numbers(values["z"]), numbers(values["delta"]))
                #expect(a.allSatisfy { $0 <= -1 || $0 >= 1 }, "\(label): a unit at the kink")
                for unit in a.indices where z[unit] == 0 {
                    zeros += 1
                    #expect(a[unit] <= -1)
                    #expect(delta[unit] == 0, "\(label): a dead unit with δ ≠ 0")
                    #expect(matrix(values["grad_W"])[unit].allSatisfy { $0 == 0 })
                }
            }
            #expect(zeros == dead, "\(label): \(zeros) dead units")
            #expect(numbers(layers.last?["a"]).allSatisfy { $0 >= 1 }, "\(label): a dead output unit")
        }
    }

    @Test(
        "--learning-rate η: the updated W and b of 20 variants equal W − η ∂L/∂W recomputed here, with at most the decimals of η",
        arguments: [("0.1", 1), ("0.25", 2), ("0.05", 2), ("2", 0)])
    func learningRate(_ rate: String, _ decimals: Int) throws {
        let drawn = try variants(["--learning-rate", rate, "--seed", "8", "--variants", "20"])
        for (index, (variant, reference)) in drawn.enumerated() {
            let label = "variant \(index + 1)"
            let spec = try #require(variant["spec"] as? [String: Any])
            #expect((spec["learning_rate"] as? NSNumber)?.doubleValue == Double(rate))
            let layers = try expectMatches(variant, reference, label)
            let eta = Double(rate) ?? 0
            let weights = (spec["layers"] as? [[String: Any]] ?? []).map { matrix($0["weights"]) }
            let biases = (spec["layers"] as? [[String: Any]] ?? []).map { numbers($0["bias"]) }
            for (l, values) in layers.enumerated() {
                let gradW = matrix(values["grad_W"])
                let expected = weights[l].indices.flatMap { i in
                    weights[l][i].indices.map { weights[l][i][$0] - eta * gradW[i][$0] }
                }
                let updated = numbers(values["W_updated"]) + numbers(values["b_updated"])
                let expectedB = zip(biases[l], numbers(values["grad_b"])).map { $0 - eta * $1 }
                #expect(close(updated, expected + expectedB), "\(label): layer \(l + 1)")
                #expect(updated.count == expected.count + expectedB.count)
                #expect(updated.allSatisfy { hasDecimals($0, atMost: decimals) }, "\(label): \(updated)")
                #expect(
                    (numbers(values["a"]) + numbers(values["delta"]) + gradW.flatMap { $0 }).allSatisfy {
                        $0 == $0.rounded()
                    })
            }
        }
        let statement = try CommandRunner.run(["generate", "backward", "--learning-rate", rate, "--part", "statement"])
        #expect(statement.output.contains("gradient-descent step"))
        #expect(statement.output.contains("η = \(rate)"))
        let none = try CommandRunner.run(["generate", "backward", "--part", "statement"])
        #expect(!none.output.contains("gradient-descent"))
    }

    @Test(
        "malformed settings are refused with one usage line",
        arguments: [
            (
                ["generate", "backward", "--dead-units", "4"],
                "nnhw: --dead-units: 4 dead units asked for, but the network has only 3 hidden ReLU units"
            ),
            (
                ["generate", "backward", "--activations", "tanh", "--dead-units", "1"],
                "nnhw: --dead-units: 1 dead unit asked for, but the network has no hidden ReLU unit"
            ),
            (
                ["generate", "forward", "--learning-rate", "0.1"],
                "nnhw: --learning-rate: a gradient-descent step needs the gradients; use generate backward"
            ),
            (
                ["generate", "backward", "--learning-rate", "0.1234567"],
                "nnhw: --learning-rate: expected at most 6 decimals, got \"0.1234567\""
            ),
            (
                ["generate", "backward", "--activations", "sigmoid", "--decimals", "1"],
                "nnhw: --decimals: expected at least 2 decimals for a tanh or sigmoid network, got \"1\""
            ),
        ] as [([String], String)])
    func malformed(_ arguments: [String], _ expected: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").first.map(String.init) == expected)
    }
}
