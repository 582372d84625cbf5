import NNCore
import Testing

@testable import NNHomework

@Suite("Network gradient check")
struct NetworkGradientCheckTests {
    static func example(_ name: String) throws -> NetworkProblem {
        let example = try #require(BuiltInExample.named(name))
        return try NetworkProblem(parsing: example.json, source: name)
    }

    static func maxRelativeError(_ solution: Solution) throws -> Double {
        guard case .object(let members) = solution.result,
            case .number(let value)? = members.first(where: { $0.key == "max_rel_error" })?.value
        else { throw CheckFailure() }
        return value
    }

    struct CheckFailure: Error {}

    @Test(
        "both networks of the foundation issue pass with max relative error below 1e-6",
        arguments: [
            "relu-3-layer", "tanh-augmented",
        ])
    func foundationNetworksPass(name: String) throws {
        let (solution, passes) = try NetworkGradientCheckSolver().solve(Self.example(name))
        #expect(passes)
        #expect(try Self.maxRelativeError(solution) < 1e-6)
        #expect(TextRenderer().render(solution).contains("PASS"))
    }

    @Test("a corrupted analytic gradient fails and the report names the element")
    func corruptedGradientIsNamed() throws {
        let problem = try Self.example("relu-3-layer")
        let target = try #require(problem.target)
        var gradients = problem.network.backward(problem.network.forward(problem.input), target: target)
        gradients.weightGradients[1][1, 1] = -46  // −96 is right: the slip of a real hand solution
        let (solution, passes) = try NetworkGradientCheckSolver().solve(problem, against: gradients)
        #expect(!passes)
        let text = TextRenderer().render(solution)
        #expect(text.contains("FAIL: 1 of 20 parameters disagree: W₂,₂⁽²⁾."))
        #expect(text.contains("Largest relative error: W₂,₂⁽²⁾"))
        guard case .object(let members) = solution.result else { throw CheckFailure() }
        #expect(members.first { $0.key == "worst" }?.value == .string("W2[2,2]"))
        #expect(members.first { $0.key == "pass" }?.value == .bool(false))
    }

    @Test("the first parameter is worked out with L(w ± ε) to enough decimals")
    func firstParameterWorkedOut() throws {
        let (solution, _) = try NetworkGradientCheckSolver().solve(Self.example("relu-3-layer"))
        let text = TextRenderer().render(solution)
        // L(W1[1,1] ± 1e-6) = (8 ± 2·16·1e-6·… ) by hand: ŷ = 8 ± 32e-6·(−1)… the two losses are 4 ± 3.2e-5.
        #expect(text.contains("4.00003200 − 3.99996800"))
        #expect(text.contains("a = ∂L/∂W₁,₁⁽¹⁾ = 32"))
    }

    @Test("names follow the spec: 1-based, bias as column 1 when augmented")
    func names() throws {
        let relu = try Self.example("relu-3-layer")
        let plain = ParameterNames(network: relu.network, isAugmented: false)
        #expect(plain.name(of: Parameter(layer: 1, .weight(row: 0, column: 2))) == "W2[1,3]")
        #expect(plain.name(of: Parameter(layer: 2, .bias(row: 0))) == "b3[1]")
        let tanh = try Self.example("tanh-augmented")
        let augmented = ParameterNames(network: tanh.network, isAugmented: true)
        #expect(augmented.name(of: Parameter(layer: 0, .bias(row: 1))) == "W1[2,1]")
        #expect(augmented.name(of: Parameter(layer: 0, .weight(row: 1, column: 0))) == "W1[2,2]")
        // Shown as math with the same 1-based row and column: W₁,₃⁽²⁾, b₁⁽³⁾, and W₂,₁⁽¹⁾ for the bias weight.
        #expect(
            plain.symbol(of: Parameter(layer: 1, .weight(row: 0, column: 2)))
                == .symbol(Symbol("W", layer: 2, index: "1,3")))
        #expect(plain.symbol(of: Parameter(layer: 2, .bias(row: 0))) == .symbol(Symbol("b", layer: 3, index: "1")))
        #expect(
            augmented.symbol(of: Parameter(layer: 0, .bias(row: 1))) == .symbol(Symbol("W", layer: 1, index: "2,1")))
        #expect(
            augmented.symbol(of: Parameter(layer: 0, .weight(row: 1, column: 0)))
                == .symbol(Symbol("W", layer: 1, index: "2,2")))
    }

    @Test("--params selects whole tensors or single entries, and names unknown ones")
    func selection() throws {
        let problem = try Self.example("relu-3-layer")
        let names = ParameterNames(network: problem.network, isAugmented: false)
        #expect(try names.select("W3,b2").map(names.name(of:)) == ["b2[1]", "b2[2]", "W3[1,1]", "W3[1,2]"])
        #expect(try names.select("W2[2,2]").map(names.name(of:)) == ["W2[2,2]"])
        #expect(
            throws: InputError(
                .usage, at: "--params",
                "no parameter or tensor \"W4\"; the network has W1, b1, W2, b2, W3, b3 (did you mean W1?)")
        ) {
            try names.select("W4")
        }
    }

    @Test("a seeded sample is reproducible and has the asked size")
    func sample() throws {
        let problem = try Self.example("relu-3-layer")
        let solver = NetworkGradientCheckSolver(sampleSize: 5, seed: 9)
        let first = try solver.solve(problem).solution.result
        #expect(first == (try solver.solve(problem).solution.result))
        guard case .object(let members) = first,
            case .array(let entries)? = members.first(where: { $0.key == "parameters" })?.value
        else { throw CheckFailure() }
        #expect(entries.count == 5)
    }

    /// By hand for relu-3-layer, W₁,₁⁽¹⁾: a = 32 and |a − n| = 2.3727·10⁻⁸ (the table's first row),
    /// so the difference is about 2.3727·10⁻⁸ / 64 = 3.7073·10⁻¹⁰, half the relative error 7.4146·10⁻¹⁰.
    @Test("JSON carries the course-style difference |a − n| / (|a| + |n|) of every parameter, and text shows it")
    func difference() throws {
        let (solution, _) = try NetworkGradientCheckSolver().solve(Self.example("relu-3-layer"))
        let entries = try #require(solution.result["parameters"]?.arrayValue)
        for entry in entries {
            let a = try #require(entry["analytic"]?.numberValue)
            let n = try #require(entry["numeric"]?.numberValue)
            let difference = try #require(entry["difference"]?.numberValue)
            #expect(difference.isApproximatelyEqual(to: abs(a - n) / (abs(a) + abs(n)), relativeTolerance: 1e-12))
        }
        let first = try #require(entries.first?["difference"]?.numberValue)
        #expect(first.isApproximatelyEqual(to: 3.7073e-10, relativeTolerance: 1e-4))
        #expect(TextRenderer().render(solution).contains("(5) |a − n| / (|a| + |n|) = 3.7073·10⁻¹⁰"))
        #expect(solution.step(producing: "parameters[0].difference")?.number == 5)
    }

    @Test("a ReLU pre-activation on its kink is reported as a kink, not a failure")
    func kink() throws {
        let spec =
            #"{"input": [1], "target": 1, "layers": [{"weights": [[1]], "bias": [-1], "activation": "relu"}], "loss": "squared_error"}"#
        let (solution, passes) = try NetworkGradientCheckSolver().solve(NetworkProblem(parsing: spec, source: "kink"))
        #expect(passes)
        let text = TextRenderer().render(solution)
        #expect(text.contains("  kink\n"))
        #expect(text.contains("kink: w + ε or w − ε moves a ReLU pre-activation across 0"))
        #expect(text.contains("2 near a kink, not counted"))
    }
}
