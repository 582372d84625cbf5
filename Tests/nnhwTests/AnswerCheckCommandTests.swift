import Foundation
import Testing

/// The path of a MINE.json fixture.
private func fixture(_ name: String) -> String {
    CommandRunner.packageRoot.appendingPathComponent("Tests/nnhwTests/Fixtures/\(name)").path
}

@Suite("nnhw --check and --round-intermediates, end to end")
struct AnswerCheckCommandTests {
    // Acceptance A: by hand, ∂L/∂W⁽²⁾ = δ⁽²⁾ z⁽¹⁾ᵀ = (8, −12)ᵀ [2 8 9], so row 2, column 2 is −12 · 8 = −96.
    @Test("acceptance A: the submitted ∂L/∂W⁽²⁾ has exactly one ✗, at layer 2, row 2, column 2, and exits 1")
    func acceptanceA() throws {
        let result = try CommandRunner.run([
            "backward", "--example", "relu-3-layer", "--check", fixture("relu-submitted.json"),
        ])
        #expect(result.status == 1)
        #expect(result.error == "")
        #expect(
            result.output.contains(
                "✗ 1 of 6 values is wrong. It is grad_W of layer 2, row 2, column 2: you\n     wrote −46, it is −96; redo step 14."
            ))
        #expect(result.output.split(separator: "\n").filter { $0.hasPrefix("✗") }.count == 1)
        assertSnapshot(result.output, named: "check-relu-submitted.txt")
    }

    @Test("acceptance A: the corrected file exits 0")
    func acceptanceACorrected() throws {
        let result = try CommandRunner.run([
            "backward", "--example", "relu-3-layer", "--check", fixture("relu-corrected.json"),
        ])
        #expect(result.status == 0)
        #expect(result.output.contains("✓ All 6 values you wrote are right."))
    }

    // Acceptance B: exact δ⁽¹⁾ = (−0.22597, 0.44853); rounded to 3 decimals at every step (numpy,
    // see RoundingTests) the computation gives (−0.225, 0.447).
    @Test("acceptance B: δ⁽¹⁾ = (−0.225, 0.447) is reported as only rounding, exit 0, json report")
    func acceptanceB() throws {
        let text = try CommandRunner.run([
            "backward", "--example", "tanh-augmented", "--check", fixture("tanh-rounded.json"),
        ])
        #expect(text.status == 0)
        #expect(text.output.components(separatedBy: "matches when every intermediate is rounded to 3").count == 3)
        #expect(!text.output.contains("✗"))
        let json = try CommandRunner.run([
            "backward", "--example", "tanh-augmented", "--check", fixture("tanh-rounded.json"), "--format", "json",
        ])
        #expect(json.status == 0)
        assertSnapshot(json.output, named: "check-tanh-rounded.json")
    }

    @Test("acceptance B: δ⁽¹⁾ = (−0.225, 0.600) has its second entry wrong and exits 1")
    func acceptanceBWrong() throws {
        let result = try CommandRunner.run([
            "backward", "--example", "tanh-augmented", "--check", fixture("tanh-wrong.json"),
        ])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "It is delta of layer 1, entry 2: you wrote 0.600,\n     it is 0.4485; redo step 12."))
        assertSnapshot(result.output, named: "check-tanh-wrong.txt")
    }

    @Test("--round-intermediates 3 says so at the top and carries δ⁽¹⁾ = (−0.225, 0.447)")
    func roundIntermediates() throws {
        let text = try CommandRunner.run([
            "backward", "--example", "tanh-augmented", "--round-intermediates", "3", "--precision", "3",
        ])
        #expect(text.status == 0)
        #expect(text.output.contains("Intermediates rounded to 3 decimals, as by hand"))
        assertSnapshot(text.output, named: "backward-tanh-augmented-round-3.txt")
        let json = try CommandRunner.run([
            "backward", "--example", "tanh-augmented", "--round-intermediates", "3", "--format", "json",
        ])
        #expect(json.output.contains("\"delta\": [-0.225, 0.447]"))
    }

    @Test(
        "bad --check files and --round-intermediates values are one line on stderr",
        arguments: [
            (
                ["backward", "--example", "relu-3-layer", "--round-intermediates", "16"], Int32(64),
                "nnhw: --round-intermediates: expected a whole number from 0 to 15, got \"16\"\n"
            ),
            (["forward", "--example", "relu-3-layer", "--check", "/nonexistent/mine.json"], Int32(66), ""),
            (
                ["gradcheck", "--check", "x.json"], Int32(64),
                "nnhw: --check: checks one problem; give --f and --at, or --net FILE\n"
            ),
        ])
    func badInput(arguments: [String], status: Int32, firstLine: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status)
        #expect(result.output == "")
        if !firstLine.isEmpty { #expect(result.error.hasPrefix(firstLine)) }
    }

    @Test("a MINE.json whose shape differs from the solution exits 65 with the place")
    func wrongShape() throws {
        let result = try CommandRunner.run(
            ["backward", "--example", "relu-3-layer", "--check", "-"],
            input: #"{"layers": [{}, {"grad_W": [[16, 64], [-24, -96]]}, {}]}"#)
        #expect(result.status == 65)
        #expect(result.output == "")
        #expect(result.error == "nnhw: <stdin>: layers[1].grad_W[0]: has 2 entries, but the solution has 3\n")
    }

    // By hand: n_out = ⌊(36 + 2·3 − 3)/2⌋ + 1 = 20; params = 2·(3·3·3) + 2 = 56.
    @Test("conv-size, train-cost, hyperparam-count and gradcheck check answers too")
    func otherSubcommands() throws {
        let conv = try CommandRunner.run(
            [
                "conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "3", "--stride", "2", "--filters", "2",
                "--check", "-", "--format", "json",
            ], input: #"{"output": [20, 20, 2], "params": 54}"#)
        #expect(conv.status == 1)
        #expect(conv.output.contains("\"first_wrong\": \"params\""))
        // 10 · 6 · 5 = 300 combinations (hand count).
        let grid = try CommandRunner.run(
            ["hyperparam-count", "--grid", "d=10", "--grid", "lambda=6", "--grid", "p=5", "--check", "-"],
            input: #"{"combinations": 300}"#)
        #expect(grid.status == 0)
        // 2,788,000 GPU-hours · 700 W = 1,951,600 kWh (hand computation).
        let cost = try CommandRunner.run(
            ["train-cost", "--gpu-hours", "2788000", "--watts", "700", "--check", "-"], input: #"{"kwh": 1951600}"#)
        #expect(cost.status == 0)
        // d(x³)/dx at 2 = 3 · 2² = 12 (hand computation).
        let formula = try CommandRunner.run(
            ["gradcheck", "--f", "x^3", "--at", "x=2", "--check", "-", "--format", "json"],
            input: #"{"variables": [{"analytic": 11}]}"#)
        #expect(formula.status == 1)
        #expect(
            formula.output.contains(
                "\"path\": \"variables[0].analytic\",\n      \"yours\": 11,\n      \"expected\": 12,"))
    }
}
