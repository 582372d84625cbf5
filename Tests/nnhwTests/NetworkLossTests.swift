import Foundation
import Testing

/// The losses of the catalogue inside a network spec: `gradcheck --net` agrees
/// with backpropagation for each, through forward and backward.
@Suite("Network specs with the new losses")
struct NetworkLossTests {
    private static func spec(target: String, loss: String, output: String = "identity") -> String {
        #"{"input": [[1, -2], [0.5, 3], [-1, 0.25]], "target": \#(target), "layers": ["#
            + #"{"weights": [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], "bias": [0.1, 0, -0.1], "activation": "tanh"}, "#
            + #"{"weights": [[1, -0.5, 0.3], [0.2, 0.8, -1], [-0.4, 0.6, 0.9]], "bias": [0, 0.1, -0.2], "activation": "\#(output)"}], "#
            + #""loss": \#(loss)}"#
    }

    private static let values = "[[2.5, 0, -1], [-1, 0.3, 2], [0, 0, 0.5]]"
    private static let signs = "[[1, -1, 1], [-1, -1, 1], [1, 1, -1]]"
    private static let bits = "[[1, 0, 1], [0, 0.25, 1], [1, 1, 0]]"
    private static let distributions = "[[0.2, 0.3, 0.5], [1, 0, 0], [0.25, 0.25, 0.5]]"

    static let specs: [(String, String)] = [
        ("huber", spec(target: values, loss: #"{"name": "huber", "delta": 1}"#)),
        ("multiclass_hinge", spec(target: "[2, 0, 1]", loss: #"{"name": "multiclass_hinge", "margin": 1}"#)),
        ("smooth_l1", spec(target: values, loss: #"{"name": "smooth_l1", "beta": 0.5, "reduction": "sum"}"#)),
        ("mae", spec(target: values, loss: #""l1""#)),
        ("cross_entropy from scores", spec(target: "[2, 0, 1]", loss: #"{"name": "cross_entropy", "from": "scores"}"#)),
        ("bce with logits", spec(target: bits, loss: #""bce_with_logits""#)),
        ("hinge", spec(target: signs, loss: #"{"name": "hinge", "margin": 2}"#)),
        ("squared_hinge", spec(target: signs, loss: #""squared_hinge""#)),
        ("perceptron", spec(target: signs, loss: #""perceptron""#)),
        ("logistic", spec(target: signs, loss: #""logistic""#)),
        ("focal", spec(target: bits, loss: #"{"name": "focal", "gamma": 2, "alpha": 0.25}"#)),
        ("kl_divergence", spec(target: distributions, loss: #""kl""#, output: "softmax")),
    ]

    @Test("gradcheck --net passes for each loss", arguments: specs)
    func gradcheck(name: String, spec: String) throws {
        let result = try CommandRunner.run(["gradcheck", "--net", "-", "--format", "json"], input: spec)
        #expect(result.status == 0, "\(name): \(result.error)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["pass"] as? Bool == true, "\(name)")
        for command in ["forward", "backward"] {
            let run = try CommandRunner.run([command, "--net", "-"], input: spec)
            #expect(run.status == 0, "\(name) \(command): \(run.error)")
        }
    }

    @Test("each new spec key is validated")
    func validation() throws {
        let cases: [(String, String, String)] = [
            (
                Self.values, #"{"name": "huber", "margin": 1}"#,
                "nnhw: loss.margin: \"margin\" applies to hinge, squared_hinge or multiclass_hinge only, not to huber"
            ),
            (Self.values, #"{"name": "huber", "delta": 0}"#, "nnhw: loss.delta: must be positive, got 0"),
            (Self.values, #"{"name": "focal", "gamma": -1}"#, "nnhw: loss.gamma: must be 0 or more, got -1"),
            (
                Self.values, #"{"name": "kl", "base": 1}"#,
                "nnhw: loss.base: a logarithm's base must be positive and not 1, got 1"
            ),
            (
                Self.values, #"{"name": "cross_entropy", "from": "logits"}"#,
                "nnhw: loss.from: unknown input \"logits\"; expected probabilities or scores"
            ),
            (Self.values, #""hinge""#, "nnhw: target: hinge needs labels −1 or 1, found 2.5"),
            (
                Self.distributions, #""multiclass_hinge""#,
                "nnhw: target: multiclass_hinge needs a 0-based class index per sample, not probability rows"
            ),
            (Self.values, #"{"name": "huber", "wobble": 1}"#, ""),
        ]
        for (target, loss, message) in cases {
            let result = try CommandRunner.run(["forward", "--net", "-"], input: Self.spec(target: target, loss: loss))
            #expect(result.status == 65, "\(loss)")
            let line = result.error.split(separator: "\n").first.map(String.init) ?? ""
            if message.isEmpty {
                #expect(line.contains("wobble"), "\(line)")
            } else {
                #expect(line == message)
            }
        }
    }
}
