import NNCore
import Testing

@testable import NNHomework

@Suite("Layers given by size: \"units\" with seeded weights")
struct UnitsLayerTests {
    static let spec = #"""
        {"input": [1, -1], "target": 1,
         "layers": [{"units": 3, "activation": "relu"}, {"units": 1, "activation": "tanh"}],
         "loss": "mse"}
        """#

    @Test("weights are drawn by He uniform for ReLU and Glorot uniform for tanh, biases 0")
    func drawn() throws {
        let problem = try NetworkProblem(parsing: Self.spec, source: "units", seed: 0)
        #expect(problem.initializations == [.heUniform, .glorotUniform])
        let first = problem.network.layers[0]
        #expect(first.weights.rows == 3 && first.weights.columns == 2 && first.bias == [0, 0, 0])
        #expect(first.weights.elements.allSatisfy { abs($0) < (6.0 / 2).squareRoot() })
        // Same draw as the generator gives directly: SplitMix64(0), He uniform, 2 inputs, 3 units.
        var generator = SplitMix64(seed: 0)
        #expect(first.weights == WeightInitialization.heUniform.weights(inputs: 2, outputs: 3, using: &generator))
        let second = problem.network.layers[1]
        #expect(second.weights == WeightInitialization.glorotUniform.weights(inputs: 3, outputs: 1, using: &generator))
    }

    @Test("the same seed gives the same weights, another seed others")
    func seeded() throws {
        let zero = try NetworkProblem(parsing: Self.spec, source: "units", seed: 0)
        let again = try NetworkProblem(parsing: Self.spec, source: "units", seed: 0)
        let seven = try NetworkProblem(parsing: Self.spec, source: "units", seed: 7)
        #expect(zero.network == again.network)
        #expect(zero.network != seven.network)
    }

    @Test("the solution states how the weights were drawn")
    func stated() throws {
        let problem = try NetworkProblem(parsing: Self.spec, source: "units", seed: 0)
        let text = TextRenderer(options: RenderOptions(lineWidth: 1000)).render(try NetworkSolver().forward(problem))
        #expect(text.contains("W⁽¹⁾ is drawn from U(−r, r) by He uniform, r = √(6/in) = 1.7321 (seed 0)"))
        #expect(text.contains("W⁽²⁾ is drawn from U(−r, r) by Glorot uniform, r = √(6/(in + out)) = 1.2247 (seed 0)"))
    }

    struct Bad: Sendable {
        let layer: String
        let place: String
        let message: String
    }

    @Test(
        "a bad units layer is one clear error",
        arguments: [
            Bad(
                layer: #"{"units": 0, "activation": "relu"}"#, place: "layers[0].units",
                message: "expected a whole number of units from 1 to 4096, got 0"),
            Bad(
                layer: #"{"units": 2.5, "activation": "relu"}"#, place: "layers[0].units",
                message: "expected a whole number of units from 1 to 4096, got 2.5"),
            Bad(
                layer: #"{"units": 2, "weights": [[1, 2]], "activation": "relu"}"#, place: "layers[0].weights",
                message: "give either \"units\" (weights drawn at random) or weights and bias, not both"),
            Bad(
                layer: #"{"activation": "relu"}"#, place: "layers[0]",
                message: "missing key \"weights\" (or \"units\" to draw the weights at random)"),
        ])
    func bad(_ bad: Bad) {
        let spec = #"{"input": [1, 2], "target": 1, "layers": [\#(bad.layer)], "loss": "mse"}"#
        #expect(throws: InputError(.invalidData, at: bad.place, bad.message)) {
            try NetworkProblem(parsing: spec, source: "bad")
        }
    }
}
