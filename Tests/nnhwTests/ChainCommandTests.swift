import Foundation
import Testing

@testable import nnhw

/// One run of `nnhw chain` compared with a golden file.
struct ChainRun: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    static let commands: [(String, [String])] = [
        ("chain-seed", ["chain", "--upstream", "0.01", "--factors", "0.005 0.1"]),
        ("chain-seed-skip", ["chain", "--upstream", "0.01", "--factors", "0.005 0.1", "--skip"]),
        ("chain-depth", ["chain", "--upstream", "0.5", "--factor", "0.5", "--depth", "1..6"]),
        (
            "chain-residual",
            ["chain", "--upstream", "0.5", "--factor", "0.5", "--depth", "2,4,6", "--residual-every", "2"]
        ),
        ("chain-sigmoid", ["chain", "--activation", "sigmoid", "--depth", "1..5"]),
        ("chain-net-relu", ["chain", "--example", "relu-3-layer"]),
    ]

    static let all: [ChainRun] = commands.flatMap { name, arguments in
        [
            ChainRun(name: name + ".txt", arguments: arguments),
            ChainRun(name: name + ".json", arguments: arguments + ["--format", "json"]),
        ]
    }
}

@Suite("chain end to end")
struct ChainCommandTests {
    @Test("text and JSON match the golden files", arguments: ChainRun.all)
    func snapshot(_ run: ChainRun) throws {
        let result = try CommandRunner.run(run.arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: run.name)
    }

    private func text(_ arguments: [String]) throws -> String {
        let result = try CommandRunner.run(arguments + ["--width", "100"])
        try #require(result.status == 0, "exit \(result.status): \(result.error)")
        return result.output
    }

    private func rows(_ arguments: [String]) throws -> [[String: Any]] {
        try #require(try CommandRunner.json(arguments)["rows"] as? [[String: Any]])
    }

    @Test("issue 17 A: 0.01 · 0.005 · 0.1 = 0.000005 (exact decimal product, by hand)")
    func seedChain() throws {
        let arguments = ["chain", "--upstream", "0.01", "--factors", "0.005 0.1"]
        let gradient = try #require(try CommandRunner.json(arguments)["gradient"] as? Double)
        #expect(abs(gradient - 0.000005) <= 1e-15)
        #expect(try text(arguments).contains("(1) ∂L/∂x = G · f₁ · f₂ = 0.01 · 0.005 · 0.1 = 0.000005\n"))
        #expect(try CommandRunner.json(arguments)["verdict"] as? String == "vanishing")
    }

    @Test("issue 17 A: with a skip path 0.01 · (0.005 · 0.1 + 1) = 0.010005 (by hand)")
    func seedSkip() throws {
        let arguments = ["chain", "--upstream", "0.01", "--factors", "0.005 0.1", "--skip"]
        let gradient = try #require(try CommandRunner.json(arguments)["gradient"] as? Double)
        #expect(abs(gradient - 0.010005) <= 1e-15)
        #expect(
            try text(arguments).contains(
                "(1) ∂L/∂x = G · (f₁ · f₂ + 1) = 0.01 · (0.005 · 0.1 + 1) = 0.01 · 1.0005 = 0.010005\n"))
        #expect(try CommandRunner.json(arguments)["verdict"] as? String == "preserved")
    }

    @Test("issue 17 A: 0.5ⁿ⁺¹ through n = 1 … 6 layers is upstream 0.5 times 0.5 per layer (powers of 2, exact)")
    func seedDepth() throws {
        let arguments = ["chain", "--upstream", "0.5", "--factor", "0.5", "--depth", "1..6"]
        let expected = [0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125]
        let rows = try rows(arguments)
        #expect(rows.map { $0["depth"] as? Int } == [1, 2, 3, 4, 5, 6])
        let gradients = rows.compactMap { $0["gradient"] as? Double }
        try #require(gradients.count == expected.count)
        for (gradient, value) in zip(gradients, expected) { #expect(abs(gradient - value) <= 1e-15) }
        let output = try text(arguments)
        #expect(output.contains("(1) g₁ = 0.5 · 0.5 = 0.25\n"))
        #expect(output.contains("(6) g₆ = 0.5 · 0.5⁶ = 0.0078125\n"))
        #expect(output.contains("from depth 7 on"))
    }

    @Test("issue 17 A: residual blocks of two layers, 0.5 · 1.25ᴮ = 0.625, 0.78125, 0.9765625 for B = 1, 2, 3")
    func seedResidual() throws {
        let arguments = [
            "chain", "--upstream", "0.5", "--factor", "0.5", "--depth", "2,4,6", "--residual-every", "2",
        ]
        let rows = try rows(arguments)
        #expect(rows.map { $0["blocks"] as? Int } == [1, 2, 3])
        let gradients = rows.compactMap { $0["gradient"] as? Double }
        try #require(gradients.count == 3)
        for (gradient, value) in zip(gradients, [0.625, 0.78125, 0.9765625]) { #expect(abs(gradient - value) <= 1e-15) }
        let output = try text(arguments)
        #expect(output.contains("(1) g₂ = 0.5 · (1 + 0.5²) = 0.5 · 1.25 = 0.625   [1 block]\n"))
        #expect(output.contains("(3) g₆ = 0.5 · (1 + 0.5²)³ = 0.5 · 1.25³ = 0.9765625   [3 blocks]\n"))
    }

    @Test("the residual blocks of a listed chain: 0.5 · (1 + 0.5 · 0.5)(1 + 0.5 · 0.5) = 0.78125")
    func residualFactors() throws {
        let object = try CommandRunner.json([
            "chain", "--upstream", "0.5", "--factors", "0.5 0.5 0.5 0.5", "--residual-every", "2",
        ])
        #expect(object["gradient"] as? Double == 0.78125)
        #expect(object["gain"] as? Double == 1.5625)
    }

    @Test("a skip path around a residual block adds 1 to the block's 1 + ∏: 0.5 · (1 + 0.25 + 1) = 1.125")
    func skipAroundBlocks() throws {
        let object = try CommandRunner.json([
            "chain", "--upstream", "0.5", "--factors", "0.5 0.5", "--residual-every", "2", "--skip",
        ])
        #expect(object["gradient"] as? Double == 1.125)
        #expect(object["verdict"] as? String == "growing")
    }

    @Test("--activation sigmoid takes σ′(0) = 1/4; tanh and relu take 1")
    func activation() throws {
        let sigmoid = try CommandRunner.json(["chain", "--activation", "sigmoid", "--depth", "3"])
        #expect(sigmoid["factor"] as? Double == 0.25)
        #expect(
            try rows(["chain", "--activation", "sigmoid", "--depth", "3"]).first?["gradient"] as? Double == 0.015625)
        for name in ["tanh", "relu"] {
            #expect(try CommandRunner.json(["chain", "--activation", name, "--depth", "4"])["factor"] as? Double == 1)
        }
    }

    @Test("--net: each ‖δ⁽ˡ⁾‖ is the norm of the δ⁽ˡ⁾ that backward prints for the same spec")
    func networkNorms() throws {
        let backward = try CommandRunner.json(["backward", "--example", "relu-3-layer"])
        let deltas = try #require((backward["layers"] as? [[String: Any]])?.compactMap { $0["delta"] as? [Double] })
        let chain = try #require(
            try CommandRunner.json(["chain", "--example", "relu-3-layer"])["layers"] as? [[String: Any]])
        let norms = chain.compactMap { $0["delta_norm"] as? Double }
        try #require(norms.count == 3 && deltas.count == 3)
        for (norm, delta) in zip(norms, deltas) {
            #expect(abs(norm - delta.map { $0 * $0 }.reduce(0, +).squareRoot()) <= 1e-12)
        }
        // √416 and √208 (δ⁽¹⁾ = (16, 12, −4), δ⁽²⁾ = (8, −12), δ⁽³⁾ = −4 of the README's backward pass), by mpmath.
        #expect(abs(norms[0] - 20.396078054371138) <= 1e-12)
        #expect(abs(norms[1] - 14.422205101855956) <= 1e-12)
        #expect(norms[2] == 4)
        let output = try text(["chain", "--example", "relu-3-layer"])
        #expect(output.contains("(3) ‖δ⁽¹⁾‖ = √(16² + 12² + (−4)²) = 20.3961\n"))
        #expect(
            try text(["chain", "--example", "relu-3-layer", "--notation", "z/a,loss=J"]).contains("δ⁽ˡ⁾ = ∂J/∂z⁽ˡ⁾"))
    }

    @Test("a product with more decimals than 12 is rounded, not shown in full; a long repeated chain is a power")
    func longChain() throws {
        let factors = Array(repeating: "0.9", count: 30).joined(separator: " ")
        let output = try text(["chain", "--factors", factors, "--skip"])
        // 0.9³⁰ + 1 = 1.04239115827521624…, by mpmath: 30 decimals, shown at --precision 4.
        #expect(output.contains("= 1 · (0.9³⁰ + 1) = 1 · 1.0424 = 1.0424\n"))
        #expect(output.contains("(2) gain = 0.9³⁰ + 1 = 1.0424\n"))
        let gain = try #require(try CommandRunner.json(["chain", "--factors", factors, "--skip"])["gain"] as? Double)
        #expect(abs(gain - 1.0423911582752162) <= 1e-15)
    }

    @Test("the verdict's words follow the stated thresholds on the gain")
    func thresholds() throws {
        let cases: [(String, String)] = [
            ("0", "none"), ("0.009", "vanishing"), ("0.01", "shrinking"), ("0.49", "shrinking"), ("0.5", "preserved"),
            ("-2", "preserved"), ("2.01", "growing"), ("100", "growing"), ("100.5", "exploding"),
        ]
        for (factor, verdict) in cases {
            #expect(
                try CommandRunner.json(["chain", "--factors", factor])["verdict"] as? String == verdict,
                "factor \(factor)")
        }
    }
}
