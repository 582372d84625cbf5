import Foundation
import Testing

@testable import nnhw

/// One run of `nnhw shapes` compared with a golden file.
struct ShapesRun: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    static let commands: [(String, [String])] = [
        (
            "shapes-mnist-batch",
            ["shapes", "--layers", "input 784; dense 128; dense 10", "--batch", "32", "--bytes", "4"]
        ),
        ("shapes-small", ["shapes", "--layers", "input 3; dense 2 nobias", "--bytes", "8"]),
        ("shapes-dy-dx", ["shapes", "--dy", "1", "--dx", "5"]),
        ("shapes-matrix", ["shapes", "--dy", "1", "--dx", "3x4"]),
    ]

    static let all: [ShapesRun] = commands.flatMap { name, arguments in
        [
            ShapesRun(name: name + ".txt", arguments: arguments),
            ShapesRun(name: name + ".json", arguments: arguments + ["--format", "json"]),
        ]
    }
}

@Suite("shapes end to end")
struct ShapesCommandTests {
    @Test("text and JSON match the golden files", arguments: ShapesRun.all)
    func snapshot(_ run: ShapesRun) throws {
        let result = try CommandRunner.run(run.arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: run.name)
    }

    @Test("784 → 128 → 10, batch 32, 4 bytes: every entry count and byte count, by hand")
    func mnist() throws {
        let object = try CommandRunner.json([
            "shapes", "--layers", "input 784; dense 128; dense 10", "--batch", "32", "--bytes", "4",
        ])
        let layers = try #require(object["layers"] as? [[String: Any]])
        try #require(layers.count == 2)
        func part(_ layer: Int, _ key: String) throws -> [String: Any] {
            try #require(layers[layer][key] as? [String: Any], "layer \(layer + 1) \(key)")
        }
        func batch(_ layer: Int, _ key: String) throws -> [String: Any] {
            try #require(try part(layer, key)["batch"] as? [String: Any])
        }
        // Layer 1: W is 128 × 784 = 100,352 entries, 401,408 bytes.
        #expect(try part(0, "W")["shape"] as? [Int] == [128, 784])
        #expect(try part(0, "W")["entries"] as? Int == 100_352)
        #expect(try part(0, "W")["bytes"] as? Int == 401_408)
        #expect(try part(0, "b")["entries"] as? Int == 128)
        #expect(try part(0, "a")["shape"] as? [Int] == [128, 1])
        #expect(try batch(0, "a")["shape"] as? [Int] == [32, 128])
        #expect(try batch(0, "delta")["entries"] as? Int == 4_096)
        #expect(try batch(0, "z")["bytes"] as? Int == 16_384)
        #expect(try part(0, "grad_W")["shape"] as? [Int] == [128, 784])
        // ∂z⁽¹⁾/∂z⁽⁰⁾: 128 · 784 for one sample; 32 · 128 · 32 · 784 = 102,760,448 for the batch.
        #expect(try part(0, "jacobian_z")["entries"] as? Int == 128 * 784)
        #expect(try batch(0, "jacobian_z")["entries"] as? Int == 102_760_448)
        #expect(try batch(0, "jacobian_z")["bytes"] as? Int == 411_041_792)
        // ∂a⁽¹⁾/∂W⁽¹⁾: 128 · 128 · 784 = 12,845,056 entries, 51,380,224 bytes; × 32 for the batch.
        #expect(try part(0, "jacobian_W")["shape"] as? [Int] == [128, 128, 784])
        #expect(try part(0, "jacobian_W")["entries"] as? Int == 12_845_056)
        #expect(try part(0, "jacobian_W")["bytes"] as? Int == 51_380_224)
        #expect(try batch(0, "jacobian_W")["bytes"] as? Int == 1_644_167_168)
        // Layer 2: 10 × 128; ∂a⁽²⁾/∂W⁽²⁾ 10 · 10 · 128 = 12,800.
        #expect(try part(1, "W")["entries"] as? Int == 1_280)
        #expect(try part(1, "jacobian_W")["entries"] as? Int == 12_800)
        // Totals: W 100,352 + 1,280; ∂a/∂W 12,845,056 + 12,800; bytes × 4.
        let entries = try #require(object["total_entries"] as? [String: Int])
        let bytes = try #require(object["total_bytes"] as? [String: Int])
        #expect(entries["W"] == 101_632)
        #expect(entries["b"] == 138)
        #expect(entries["jacobian_W"] == 12_857_856)
        #expect(bytes["jacobian_W"] == 51_431_424)
        let batchEntries = try #require(object["batch_total_entries"] as? [String: Int])
        #expect(batchEntries["jacobian_z"] == 102_760_448 + 32 * 10 * 32 * 128)
        let text = try CommandRunner.run([
            "shapes", "--layers", "input 784; dense 128; dense 10", "--batch", "32",
        ]).output
        #expect(text.contains(" (6) bytes(∂a⁽¹⁾/∂W⁽¹⁾) = 4 B · 12,845,056 = 51,380,224 B = 51.3802 MB\n"))
    }

    @Test("--notation z/a,loss=J names the Jacobians ∂a⁽¹⁾/∂a⁽⁰⁾ and ∂z⁽¹⁾/∂W⁽¹⁾; JSON keys stay the same")
    func notation() throws {
        let arguments = ["shapes", "--layers", "input 3; dense 2", "--notation", "z/a,loss=J"]
        let text = try CommandRunner.run(arguments).output
        #expect(text.contains("∂a⁽¹⁾/∂a⁽⁰⁾  2 × 3            6   24 B\n"))
        #expect(text.contains("∂z⁽¹⁾/∂W⁽¹⁾  2 × 2 × 3       12   48 B\n"))
        #expect(text.contains("∂J/∂W⁽¹⁾"))
        let layer = try #require((try CommandRunner.json(arguments)["layers"] as? [[String: Any]])?.first)
        #expect((layer["jacobian_W"] as? [String: Any])?["entries"] as? Int == 12)
    }

    @Test("--bytes 8 doubles every byte count; a layer without bias has no b")
    func float64() throws {
        let layer = try #require(
            (try CommandRunner.json(["shapes", "--layers", "input 3; dense 2 nobias", "--bytes", "8"])["layers"]
                as? [[String: Any]])?
                .first)
        #expect((layer["W"] as? [String: Any])?["bytes"] as? Int == 48)
        #expect(layer["b"] is NSNull)
    }

    @Test(
        "issue 17 E: ∂y/∂x⃗, ∂y⃗/∂x, ∂y⃗/∂x⃗ are 1 × n, m × 1, m × n in numerator layout, the transposes in denominator",
        arguments: [
            (["1", "5"], [1, 5]), (["3", "1"], [3, 1]), (["3", "5"], [3, 5]), (["1", "1"], [1, 1]),
        ])
    func derivativeShapes(_ sizes: [String], _ numerator: [Int]) throws {
        let object = try CommandRunner.json(["shapes", "--dy", sizes[0], "--dx", sizes[1]])
        #expect(object["shape"] as? [Int] == numerator)
        #expect(object["layout"] as? String == "numerator")
        #expect(object["denominator_shape"] as? [Int] == numerator.reversed())
        #expect(object["entries"] as? Int == numerator[0] * numerator[1])
    }

    @Test("a scalar by a 3 × 4 matrix is 4 × 3 in numerator layout, 3 × 4 in denominator; Y by x a tensor")
    func matrixShapes() throws {
        let scalar = try CommandRunner.json(["shapes", "--dy", "1", "--dx", "3x4"])
        #expect(scalar["shape"] as? [Int] == [4, 3])
        #expect(scalar["denominator_shape"] as? [Int] == [3, 4])
        let tensor = try CommandRunner.json(["shapes", "--dy", "2x3", "--dx", "5"])
        #expect(tensor["shape"] as? [Int] == [2, 3, 5])
        #expect(tensor["denominator_shape"] as? [Int] == [5, 2, 3])
        let text = try CommandRunner.run(["shapes", "--dy", "3", "--dx", "5"]).output
        #expect(text.contains("(1) shape(∂y/∂x) = 3 × 5   [numerator layout]\n"))
        #expect(text.contains("(2) shape(∂y/∂x) = 5 × 3   [denominator layout]\n"))
    }
}
