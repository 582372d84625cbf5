import Foundation
import Testing

/// `forward` and `backward` end to end on specs beyond the examples: a forward
/// pass without a loss, and a learning rate the user gave as 0.1.
@Suite("nnhw forward without a loss, and given numbers, end to end")
struct NetworkOutputTests {
    static let noLoss = "Tests/nnhwTests/Fixtures/relu-no-loss.json"
    static let tenth = "Tests/nnhwTests/Fixtures/learning-rate-tenth.json"

    @Test("forward runs without a target or loss: the outputs, no loss section, no loss in JSON")
    func forwardWithoutLoss() throws {
        let text = try CommandRunner.run(["forward", "--net", Self.noLoss, "--width", "80"])
        #expect(text.status == 0)
        #expect(text.error == "")
        assertSnapshot(text.output, named: "forward-relu-no-loss.txt")
        // By hand: z⁽¹⁾ = (2, 8, 9), z⁽²⁾ = (38, 22), a⁽³⁾ = −2 · 38 + 3 · 22 + 18 = 8; and no loss.
        #expect(text.output.contains("(7) ŷ = z⁽³⁾ = ReLU(a⁽³⁾) = ReLU(8) = 8\n"))
        #expect(!text.output.contains("Loss"))
        #expect(text.output.hasPrefix("Forward pass · 3 dense layers, ReLU · one sample\n"))

        let json = try CommandRunner.run(["forward", "--net", Self.noLoss, "--format", "json"])
        #expect(json.status == 0)
        assertSnapshot(json.output, named: "forward-relu-no-loss.json")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["layers", "output"])
        #expect(object["output"] as? [Double] == [8])
    }

    @Test("backward still needs the target, and forward a loss beside a target, with the usual error")
    func lossRequired() throws {
        let backward = try CommandRunner.run(["backward", "--net", Self.noLoss])
        #expect(backward.status == 65)
        #expect(backward.output == "")
        #expect(backward.error == "nnhw: \(Self.noLoss): missing key \"target\"\n")

        let onlyTarget = #"{"input": 1, "target": 1, "layers": [{"weights": [[1]], "activation": "relu"}]}"#
        let forward = try CommandRunner.run(["forward", "--net", "-"], input: onlyTarget)
        #expect(forward.status == 65)
        #expect(forward.output == "")
        #expect(forward.error == "nnhw: <stdin>: missing key \"loss\"\n")
    }

    @Test(
        "acceptance D: η = 0.1 prints as 0.1 in text, Markdown, LaTeX and JSON",
        arguments: ["text", "markdown", "latex", "json"])
    func learningRateAsGiven(_ format: String) throws {
        let result = try CommandRunner.run(["backward", "--net", Self.tenth, "--format", format])
        #expect(result.status == 0)
        #expect(!result.output.contains("0.10000000000000001"))
        switch format {
        case "text":
            #expect(result.output.contains("with η = 0.1\n"))
            #expect(result.output.contains("[0.4  0.3] − 0.1 [−0.5250  1.0500]"))  // W⁽¹⁾ − η ∂L/∂W⁽¹⁾
        case "markdown", "latex":
            #expect(result.output.contains("with $\\eta$ = $0.1$"))
            #expect(result.output.contains("- 0.1 \\begin{bmatrix}"))
        default:
            // b − η ∂L/∂b with η = 0.1: σ(0.4 − 0.6 + 0.1) = σ(−0.1), ∂L/∂b = ŷ − 1.
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let layers = try #require(object["layers"] as? [[String: Any]])
            let updated = try #require(layers[0]["b_updated"] as? [Double])
            let yHat = 1 / (1 + exp(0.1))
            #expect(abs(updated[0] - (0.1 - 0.1 * (yHat - 1))) < 1e-15)
        }
    }
}
