import Foundation
import Testing

@Suite("nnhw gradcheck, network mode, end to end")
struct GradcheckNetworkTests {
    @Test(
        "text and json output match the golden files",
        arguments: [
            (["gradcheck", "--example", "relu-3-layer"], "gradcheck-net-relu.txt"),
            (["gradcheck", "--example", "relu-3-layer", "--format", "json"], "gradcheck-net-relu.json"),
            (["gradcheck", "--example", "tanh-augmented"], "gradcheck-net-tanh.txt"),
            (
                ["gradcheck", "--net", "Examples/softmax-cross-entropy-batch.json", "--params", "b1"],
                "gradcheck-net-softmax-b1.txt"
            ),
        ])
    func snapshot(arguments: [String], name: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.error == "")
        assertSnapshot(result.output, named: name)
    }

    /// Acceptance B: both networks of the foundation issue pass, max relative error below 1e-6.
    @Test(
        "both foundation networks pass with max relative error below 1e-6",
        arguments: ["relu-3-layer", "tanh-augmented"])
    func foundationNetworks(name: String) throws {
        let result = try CommandRunner.run(["gradcheck", "--example", name, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["pass"] as? Bool == true)
        let worst = try #require(json["max_rel_error"] as? Double)
        #expect(worst < 1e-6)
        let parameters = try #require(json["parameters"] as? [[String: Any]])
        #expect(parameters.count == (name == "relu-3-layer" ? 20 : 7))
        #expect(Set(parameters.compactMap { $0["name"] as? String }).count == parameters.count)
    }

    /// ε = 0.5 makes the O(ε²) error of the tanh network far larger than rtol = 10⁻⁶ allows:
    /// a genuine disagreement, so the run must fail with exit 1 and name the worst element.
    @Test("a check that fails exits 1, names the failures and the worst element")
    func failure() throws {
        let result = try CommandRunner.run([
            "gradcheck", "--example", "tanh-augmented", "--eps", "0.5", "--rtol", "1e-6", "--atol", "0",
        ])
        #expect(result.status == 1)
        #expect(result.error == "")
        #expect(result.output.contains("FAIL: 7 of 7 parameters disagree: W₁,₁⁽¹⁾, W₁,₂⁽¹⁾, W₂,₁⁽¹⁾, W₂,₂⁽¹⁾"))
        #expect(result.output.contains("Largest relative error: W"))
    }

    @Test("units layers print their drawn weights and depend on --seed")
    func unitsLayers() throws {
        let spec =
            #"{"input": [1, -1], "target": 1, "layers": [{"units": 2, "activation": "tanh"}, {"units": 1, "activation": "identity"}], "loss": "mse"}"#
        let zero = try CommandRunner.run(["gradcheck", "--net", "-"], input: spec)
        let seven = try CommandRunner.run(["gradcheck", "--net", "-", "--seed", "7"], input: spec)
        #expect(zero.status == 0 && seven.status == 0)
        #expect(zero.output.contains("Weights drawn at random with --seed 0"))
        #expect(seven.output.contains("Weights drawn at random with --seed 7"))
        #expect(zero.output != seven.output)
    }

    @Test("a seeded sample checks the asked number of parameters, the same ones every run")
    func sample() throws {
        let arguments = ["gradcheck", "--example", "relu-3-layer", "--sample", "5", "--seed", "3", "--format", "json"]
        let first = try CommandRunner.run(arguments)
        #expect(first.status == 0)
        #expect(first.output == (try CommandRunner.run(arguments)).output)
        let json = try #require(JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect((json["parameters"] as? [Any])?.count == 5)
    }

    @Test(
        "bad network-mode options are usage errors",
        arguments: [
            (["--example", "relu-3-layer", "--eps", "0"], "nnhw: --eps: must be positive, got 0"),
            (["--example", "relu-3-layer", "--atol", "-1"], "nnhw: --atol: must be 0 or more, got -1"),
            (
                ["--example", "relu-3-layer", "--sample", "0"],
                "nnhw: --sample: expected a whole number of at least 1, got \"0\""
            ),
            (
                ["--example", "relu-3-layer", "--params", "W9"],
                "nnhw: --params: no parameter or tensor \"W9\"; the network has W1, b1, W2, b2, W3, b3 (did you mean W1?)"
            ),
            (["--rtol", "0.1"], "nnhw: --net: missing; network mode checks --net FILE or --example NAME"),
            (
                ["--f", "x", "--at", "x=1", "--params", "W1"],
                "nnhw: --params: is for network mode and --f for formula mode; give one or the other"
            ),
        ])
    func usage(arguments: [String], expected: String) throws {
        let result = try CommandRunner.run(["gradcheck"] + arguments)
        #expect(result.status == 64)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").first.map(String.init) == expected)
    }
}
