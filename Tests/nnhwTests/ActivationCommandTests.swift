import Foundation
import Testing

/// The JSON object `nnhw ARGUMENTS --format json` prints, after checking it exits 0.
private func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try CommandRunner.run(arguments + ["--format", "json"])
    try #require(result.status == 0, "exit \(result.status): \(result.error)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
}

private func numbers(_ value: Any?) throws -> [Double] {
    try #require(value as? [Double], "not a list of numbers: \(String(describing: value))")
}

private func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ what: String) {
    #expect(actual.count == expected.count, "\(what): \(actual)")
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= tolerance, "\(what): \(actual) vs \(expected)")
    }
}

/// p = softmax(β s), as the test computes it independently (the maximum subtracted first).
private func softmax(_ s: [Double], beta: Double) -> [Double] {
    let m = s.map { beta * $0 }.max() ?? 0
    let e = s.map { exp(beta * $0 - m) }
    let total = e.reduce(0, +)
    return e.map { $0 / total }
}

@Suite("nnhw activation and nnhw softmax end to end")
struct ActivationCommandTests {
    @Test("issue 15: nnhw activation gelu --at \"-1 0 2\" gives mpmath's GELU and GELU′")
    func gelu() throws {
        let object = try json(["activation", "gelu", "--at", "-1 0 2"])
        // mpmath (40 digits): x*(1+erf(x/sqrt(2)))/2 and its derivative diff(g, x) at −1, 0, 2.
        expectClose(
            try numbers(object["values"]), [-0.15865525393145705, 0, 1.9544997361036416], tolerance: 1e-15, "values")
        expectClose(
            try numbers(object["derivatives"]), [-0.083315470587686298, 0.5, 1.0852318010781969], tolerance: 1e-15,
            "derivatives")
        let text = try CommandRunner.run(["activation", "gelu", "--at", "-1 0 2"]).output
        #expect(text.contains("GELU(−1) = −1 · 0.1587 = −0.1587"), "\(text)")
        #expect(text.contains("GELU′(2) = 0.9772 + 2 · 0.0540 = 1.0852"), "\(text)")
    }

    @Test("parameters as options: ELU with α = 0.5 at −3, 0 and 1/2; the kink convention is said at 0")
    func eluWithAlpha() throws {
        let object = try json(["activation", "elu", "--alpha", "0.5", "--at", "-3 0 1/2"])
        // By hand: 0.5 (e⁻³ − 1) = −0.475106465816068, 0.5 e⁻³ = 0.024893534183931972; ELU′(0) = α.
        expectClose(try numbers(object["values"]), [-0.475106465816068, 0, 0.5], tolerance: 1e-15, "values")
        expectClose(
            try numbers(object["derivatives"]), [0.024893534183931972, 0.5, 1], tolerance: 1e-15, "derivatives")
        let text = try CommandRunner.run(["activation", "elu", "--alpha", "0.5", "--at", "-3 0 1/2"]).output
        #expect(text.contains("x = 0 is a kink"), "\(text)")
        #expect(text.contains("ELU′(0) = 0.5"), "\(text)")
    }

    @Test("at the kinks of ReLU6 and hard sigmoid the derivative is PyTorch's 0")
    func kinks() throws {
        let relu6 = try json(["activation", "relu6", "--at", "0 3 6"])
        #expect(try numbers(relu6["derivatives"]) == [0, 1, 0])
        let hardSigmoid = try json(["activation", "hard_sigmoid", "--at", "-3 0 3"])
        #expect(try numbers(hardSigmoid["derivatives"]) == [0, 1.0 / 6, 0])
        #expect(try numbers(hardSigmoid["values"]) == [0, 0.5, 1])
    }

    @Test(
        "every activation name and alias runs, finite at ±1000",
        arguments: [
            "identity", "relu", "leaky_relu", "tanh", "sigmoid", "gelu", "elu", "selu", "softplus", "silu", "swish",
            "mish", "hard_tanh", "hard_sigmoid", "softsign", "relu6", "sign",
        ])
    func everyName(name: String) throws {
        let object = try json(["activation", name, "--at", "-1000 -0.5 0 0.5 1000"])
        #expect(try numbers(object["values"]).allSatisfy { $0.isFinite })
        #expect(try numbers(object["derivatives"]).allSatisfy { $0.isFinite })
    }

    @Test(
        "issue 15 C: softmax of (1, 2, 4) at T = 2 is (0.1402444, 0.2312239, 0.6285317), Jacobian as a central difference"
    )
    func softmaxAtTemperature() throws {
        let object = try json(["softmax", "--scores", "1 2 4", "--temperature", "2"])
        let p = try numbers(object["probabilities"])
        // The issue's values (mpmath: exp(s/2)/Σ exp(s/2) → 0.14024438316608848, 0.23122389762214907, 0.62853171921176245).
        expectClose(p, [0.1402444, 0.2312239, 0.6285317], tolerance: 1e-7, "probabilities")
        expectClose(p, [0.14024438316608848, 0.23122389762214907, 0.62853171921176245], tolerance: 1e-15, "mpmath")
        // mpmath: log of the above.
        expectClose(
            try numbers(object["log_probabilities"]),
            [-1.9643687841079448, -1.4643687841079448, -0.46436878410794484], tolerance: 1e-14, "log")
        #expect(object["argmax"] as? Int == 2)
        let jacobian = try #require(object["jacobian"] as? [[Double]])
        let scores = [1.0, 2, 4]
        let h = 1e-6
        for j in 0..<3 {
            var up = scores
            var down = scores
            up[j] += h
            down[j] -= h
            let plus = softmax(up, beta: 0.5)
            let minus = softmax(down, beta: 0.5)
            for i in 0..<3 {
                let numeric = (plus[i] - minus[i]) / (2 * h)
                #expect(abs(jacobian[i][j] - numeric) <= 1e-9, "J[\(i)][\(j)] = \(jacobian[i][j]) vs \(numeric)")
            }
        }
        let byBeta = try CommandRunner.run(["softmax", "--scores", "1 2 4", "--beta", "0.5", "--format", "json"])
        let byTemperature = try CommandRunner.run([
            "softmax", "--scores", "1 2 4", "--temperature", "2", "--format", "json",
        ])
        #expect(byBeta.output == byTemperature.output)
    }

    @Test("issue 15 C: softmax of (1000, 0, −1000) is finite, (1, 0, 0) to 1e-300, log-probabilities 0, −1000, −2000")
    func softmaxExtreme() throws {
        let object = try json(["softmax", "--scores", "1000 0 -1000"])
        let p = try numbers(object["probabilities"])
        expectClose(p, [1, 0, 0], tolerance: 1e-300, "probabilities")
        // By hand: ln p = s − max − ln(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) = s − 1000 in double precision.
        #expect(try numbers(object["log_probabilities"]) == [0, -1000, -2000])
        let jacobian = try #require(object["jacobian"] as? [[Double]])
        #expect(jacobian.joined().allSatisfy { $0.isFinite })
        let text = try CommandRunner.run(["softmax", "--scores", "1000 0 -1000"])
        #expect(text.status == 0)
        #expect(!text.output.contains("nan") && !text.output.contains("∞"))
    }

    @Test("softmax of several samples: one result per row, fractions accepted, no Jacobian")
    func softmaxRows() throws {
        let object = try json(["softmax", "--scores", "1/3 2/3; 0 0"])
        let rows = try #require(object["probabilities"] as? [[Double]])
        // By hand: softmax(1/3, 2/3) = (1, e^(1/3)) / (1 + e^(1/3)); (0, 0) gives (1/2, 1/2).
        let e = exp(1.0 / 3)
        expectClose(rows[0], [1 / (1 + e), e / (1 + e)], tolerance: 1e-15, "row 1")
        #expect(rows[1] == [0.5, 0.5])
        #expect(object["argmax"] as? [Int] == [1, 0])
        #expect(object["jacobian"] == nil)
    }

    @Test("issue 15: a network of ELU and SiLU layers passes gradcheck --net")
    func gradcheckNetwork() throws {
        let spec = """
            {"input": [0.5, -1], "target": [0.3],
             "layers": [
              {"weights": [[0.4, -0.2], [0.3, 0.8], [-0.5, 0.1]], "bias": [0.1, -0.2, 0.05],
               "activation": {"name": "elu", "alpha": 0.7}},
              {"weights": [[0.2, -0.6, 0.9], [0.5, 0.4, -0.3]], "bias": [0, 0.1], "activation": "silu"},
              {"weights": [[1.5, -0.7]], "bias": [0.2], "activation": "mish"}],
             "loss": "squared_error"}
            """
        let result = try CommandRunner.run(["gradcheck", "--net", "-"], input: spec)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("PASS: 20 of 20 parameters agree."), "\(result.output)")
    }

    @Test(
        "every new activation in a network passes gradcheck --net",
        arguments: [
            #""selu""#, #"{"name": "softplus", "beta": 2}"#, #""hard_tanh""#, #""hard_sigmoid""#, #""softsign""#,
            #""relu6""#, #""gelu""#, #"{"name": "gelu", "approximate": "tanh"}"#,
        ])
    func gradcheckEvery(activation: String) throws {
        let spec = """
            {"input": [[0.5, -1], [0.2, 0.4]], "target": [[0.3], [-0.1]],
             "layers": [
              {"weights": [[0.4, -0.2], [0.3, 0.8], [-0.5, 0.1]], "bias": [0.1, -0.2, 0.05], "activation": \(activation)},
              {"weights": [[1.5, -0.7, 0.4]], "bias": [0.2], "activation": "identity"}],
             "loss": "mse"}
            """
        let result = try CommandRunner.run(["gradcheck", "--net", "-"], input: spec)
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test("gradcheck --net flags a parameter whose ±ε crosses hard tanh's kink at 1, and does not fail it")
    func gradcheckKink() throws {
        // By hand: a = 2 · 0.5 = 1, hard tanh's kink; W⁽¹⁾ ± ε moves a across it.
        let spec = """
            {"input": [[0.5], [1]], "target": [[0.3], [0.2]],
             "layers": [{"weights": [[2]], "bias": [0], "activation": "hard_tanh"},
                        {"weights": [[1]], "bias": [0], "activation": "identity"}],
             "loss": "mse"}
            """
        let result = try CommandRunner.run(["gradcheck", "--net", "-", "--format", "json"], input: spec)
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        #expect(parameters.compactMap { $0["kink"] as? Bool } == [true, true, false, false])
        let text = try CommandRunner.run(["gradcheck", "--net", "-"], input: spec).output
        #expect(text.contains("moves a pre-activation across a kink of its activation"), "\(text)")
    }

    @Test("more than 10,000 scores or points are refused; a vector of over 100 scores has no Jacobian")
    func limits() throws {
        let many = (0...10_000).map { String($0 % 7) }.joined(separator: " ")
        let scores = try CommandRunner.run(["softmax", "--scores", many])
        #expect(scores.status == 65)
        #expect(scores.error.hasPrefix("nnhw: --scores: has 10001 scores, more than the 10000 a worked solution shows"))
        let points = try CommandRunner.run(["activation", "relu", "--at", many])
        #expect(points.status == 65)
        #expect(points.error.hasPrefix("nnhw: --at: has 10001 points, more than the 10000 a worked solution shows"))
        let wide = try json(["softmax", "--scores", (0...100).map(String.init).joined(separator: " ")])
        #expect(wide["jacobian"] == nil)
        #expect(try numbers(wide["probabilities"]).count == 101)
    }

    @Test("--list names every activation with its formula; NAME is required otherwise")
    func list() throws {
        let result = try CommandRunner.run(["activation", "--list"])
        #expect(result.status == 0)
        for name in [
            "identity", "relu", "leaky_relu", "gelu", "elu", "selu", "softplus", "silu, swish", "mish",
            "hard_tanh", "hard_sigmoid", "softsign", "relu6", "sign", "softmax",
        ] {
            #expect(result.output.contains("  \(name) "), "\(name) missing from --list")
        }
        #expect(result.output.contains("hard_sigmoid  ReLU6(x + 3) / 6"))
        let missing = try CommandRunner.run(["activation", "--at", "1"])
        #expect(missing.status == 64)
        #expect(missing.error.hasPrefix("nnhw: NAME: missing; give an activation name"))
    }

    @Test("backward writes each new derivative in the course notation")
    func backwardNotation() throws {
        let spec = """
            {"input": [0.5], "target": [0.3],
             "layers": [{"weights": [[2]], "bias": [-1], "activation": "relu6"},
                        {"weights": [[1]], "bias": [0], "activation": {"name": "softplus", "beta": 2}}],
             "loss": "squared_error"}
            """
        let result = try CommandRunner.run(["backward", "--net", "-"], input: spec)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("ReLU6′(a) = 1 if 0 < a < 6, else 0 (ReLU6′(0) = 0 and ReLU6′(6) = 0 by"))
        #expect(result.output.contains("δ⁽¹⁾ = (W⁽²⁾ᵀ δ⁽²⁾) · ReLU6′(a⁽¹⁾) = 1 · 0.0466 · 0 = 0"), "\(result.output)")
        #expect(result.output.contains("softplus′ᵦ(a⁽²⁾) = σ(β a⁽²⁾)"), "\(result.output)")
    }
}
