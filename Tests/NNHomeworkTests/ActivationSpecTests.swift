import NNCore
import Testing

@testable import NNHomework

/// The activation of a one-layer spec whose activation is written `activation`.
private func decoded(_ activation: String) throws -> Activation {
    let spec =
        #"{"input": 1, "target": 1, "layers": [{"weights": [[1]], "activation": \#(activation)}], "loss": "sse"}"#
    return try NetworkProblem(parsing: spec, source: "spec.json").network.layers[0].activation
}

@Suite("Activation names and parameters in a spec, and the numbers of --at and --scores")
struct ActivationSpecTests {
    @Test(
        "every name and alias decodes to its function, with its parameters and defaults",
        arguments: [
            (#""elu""#, Activation.Function.elu(alpha: 1)),
            (#"{"name": "elu", "alpha": 0.5}"#, .elu(alpha: 0.5)),
            (#""selu""#, .selu),
            (#""softplus""#, .softplus(beta: 1)),
            (#"{"name": "softplus", "beta": 2}"#, .softplus(beta: 2)),
            (#""silu""#, .silu),
            (#""swish""#, .silu),
            (#""mish""#, .mish),
            (#""hard_tanh""#, .hardTanh),
            (#""HardTanh""#, .hardTanh),
            (#""hard-sigmoid""#, .hardSigmoid),
            (#""hardsigmoid""#, .hardSigmoid),
            (#""softsign""#, .softsign),
            (#""relu6""#, .relu6),
            (#""sign""#, .sign),
            (#"{"name": "leaky_relu", "alpha": 0.2}"#, .leakyReLU(alpha: 0.2)),
            (#"{"name": "gelu", "approximate": "tanh"}"#, .gelu(.tanhApproximation)),
        ])
    func names(activation: String, function: Activation.Function) throws {
        #expect(try decoded(activation).function == function)
    }

    @Test("the output scale applies to the new functions too")
    func scale() throws {
        let activation = try decoded(#"{"name": "silu", "scale": 3}"#)
        #expect(activation.scale == 3)
        // By hand: 3 · 1 · σ(1) with σ(1) = 0.7310585786300049 (numpy 1 / (1 + np.exp(-1))).
        #expect(abs(activation.value(1) - 3 * 0.7310585786300049) < 1e-15)
    }

    @Test("fractions are read as p/q; a zero denominator or a third part is not a number")
    func fractions() throws {
        #expect(NumberListText.number("1/3") == 1.0 / 3)
        #expect(NumberListText.number("-2/7") == -2.0 / 7)
        #expect(NumberListText.number("−1/2") == -0.5)
        #expect(NumberListText.number("2.5") == 2.5)
        #expect(NumberListText.number("1/0") == nil)
        #expect(NumberListText.number("1/2/3") == nil)
        #expect(NumberListText.number("/2") == nil)
        let rows = try NumberListText.rows(parsing: "1/3, 2; 0 -1/4", place: "--scores")
        #expect(rows.rowArrays == [[1.0 / 3, 2], [0, -0.25]])
    }
}
