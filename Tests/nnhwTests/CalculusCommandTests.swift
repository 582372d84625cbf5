import Foundation
import Testing

/// Issue 17: `nnhw jacobian` and `nnhw hessian`, end to end.
@Suite("nnhw jacobian and nnhw hessian, end to end")
struct CalculusCommandTests {
    private func json(_ arguments: [String], input: String? = nil) throws -> [String: Any] {
        let result =
            try input.map { try CommandRunner.run(arguments + ["--format", "json"], input: $0) }
            ?? CommandRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    private func matrix(_ value: Any?) throws -> [[Double]] {
        try #require(value as? [[Double]])
    }

    private func points(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["points"] as? [[String: Any]])
    }

    // Acceptance B. f = x⁴ − 2x² + y² (by hand): ∇f = (4x³ − 4x, 2y), H = [[12x² − 4, 0], [0, 2]].
    // (0, 0): H = [[−4, 0], [0, 2]], det −8, a saddle; (±1, 0): H = [[8, 0], [0, 2]], f = −1, minima;
    // (2, 1): ∇f = (24, 2), not critical.
    @Test("acceptance B: x⁴ − 2x² + y² has a saddle at (0, 0) and minima at (±1, 0); (2, 1) is not critical")
    func secondDerivativeTest() throws {
        let arguments = [
            "hessian", "--f", "x^4 - 2*x^2 + y^2", "--at", "x=0,y=0", "--at", "x=1,y=0", "--at", "x=-1,y=0",
            "--at", "x=2,y=1",
        ]
        let all = try points(json(arguments))
        #expect(all.count == 4)
        let saddle = all[0]
        #expect(try matrix(saddle["hessian"]) == [[-4, 0], [0, 2]])
        #expect(saddle["determinant"] as? Double == -8)
        #expect(saddle["eigenvalues"] as? [Double] == [-4, 2])
        #expect(saddle["leading_minors"] as? [Double] == [-4, -8])
        #expect(saddle["critical"] as? Bool == true)
        #expect(saddle["classification"] as? String == "saddle")
        #expect(saddle["value"] as? Double == 0)
        for minimum in all[1...2] {
            #expect(try matrix(minimum["hessian"]) == [[8, 0], [0, 2]])
            #expect(minimum["value"] as? Double == -1)
            #expect(minimum["determinant"] as? Double == 16)
            #expect(minimum["eigenvalues"] as? [Double] == [2, 8])
            #expect(minimum["gradient"] as? [Double] == [0, 0])
            #expect(minimum["classification"] as? String == "minimum")
        }
        let regular = all[3]
        #expect(regular["critical"] as? Bool == false)
        #expect(regular["gradient"] as? [Double] == [24, 2])
        #expect(regular["classification"] is NSNull)
        #expect(try matrix(regular["hessian"]) == [[44, 0], [0, 2]])
        let text = try CommandRunner.run(arguments + ["--width", "200"]).output
        #expect(text.contains("(4) ∂²f/∂x² = 12x² − 4 = 12 · 0² − 4 = −4"))
        #expect(text.contains("det(H) = H₁₁ H₂₂ − H₁₂² = −4 · 2 − 0² = −8"))
        #expect(text.contains("Saddle point: ∇ f = 0 but H has eigenvalues of both signs, 1 positive and 1 negative"))
        #expect(text.contains("Minimum: ∇ f = 0 and every eigenvalue of H is positive, so H is positive definite"))
        #expect(text.contains("Not a critical point: max(|∂f/∂xᵢ|) = 24, more than τ = 1·10⁻⁹"))
    }

    // −(x² + y²) at 0: H = −2I, a maximum; x³ + y² at 0: H = [[0, 0], [0, 2]], inconclusive (by hand).
    @Test("a maximum and an inconclusive point, with the tolerance of a zero eigenvalue")
    func maximumAndInconclusive() throws {
        let maximum = try points(json(["hessian", "--f", "0 - (x^2 + y^2)", "--at", "x=0,y=0"]))[0]
        #expect(maximum["classification"] as? String == "maximum")
        #expect(try matrix(maximum["hessian"]) == [[-2, 0], [0, -2]])
        let flat = try points(json(["hessian", "--f", "x^3 + y^2", "--at", "x=0,y=0"]))[0]
        #expect(flat["classification"] as? String == "inconclusive")
        #expect(flat["eigenvalues"] as? [Double] == [0, 2])
        let text = try CommandRunner.run(["hessian", "--f", "x^3 + y^2", "--at", "x=0,y=0", "--width", "200"]).output
        #expect(text.contains("Inconclusive: ∇ f = 0 and no eigenvalues of opposite signs, but 1 eigenvalue is zero"))
    }

    // Acceptance C. W₁ = [[1, 2], [3, −1], [0, 4]], W₂ = [[2, 0, −1], [1, 3, 5]]:
    // W₂W₁ = [[2·1 + 0·3 − 1·0, 2·2 + 0 − 4], [1 + 9 + 0, 2 − 3 + 20]] = [[2, 0], [10, 19]] (by hand, and numpy).
    @Test("acceptance C: the Jacobian of g(f(x)) = W₂W₁x is W₂W₁, as formulas and as a two-layer identity network")
    func composition() throws {
        let formulas = try json([
            "jacobian", "--f", "2*(x + 2*y) + 0*(3*x - y) - 4*y; (x + 2*y) + 3*(3*x - y) + 5*(4*y)", "--at",
            "x=0.5,y=-3",
        ])
        #expect(try matrix(formulas["jacobian"]) == [[2, 0], [10, 19]])
        #expect(formulas["shape"] as? [Int] == [2, 2])
        #expect(formulas["layout"] as? String == "numerator")
        let spec = """
            {"input": [0.5, -3], "layers": [
              {"weights": [[1, 2], [3, -1], [0, 4]], "bias": [0, 0, 0], "activation": "identity"},
              {"weights": [[2, 0, -1], [1, 3, 5]], "bias": [0, 0], "activation": "identity"}]}
            """
        let network = try json(["jacobian", "--net", "-"], input: spec)
        #expect(try matrix(network["jacobian"]) == [[2, 0], [10, 19]])
        #expect(network["shape"] as? [Int] == [2, 2])
        #expect(network["layout"] as? String == "numerator")
        let factors = try #require(network["factors"] as? [[[Double]]])
        #expect(factors == [[[1, 2], [3, -1], [0, 4]], [[2, 0, -1], [1, 3, 5]]])
    }

    // Acceptance C. A = [[1, 2], [3, 4]], B = [[5, −1], [0, 2]]: A + B = [[6, 1], [3, 6]] (by hand).
    // As a network: layer 1 stacks [A; B] (4 × 2), layer 2 is [I I] (2 × 4), so ŷ = Ax + Bx.
    @Test("acceptance C: the Jacobian of f(x) + g(x) = W₁x + W₂x is W₁ + W₂, as formulas and as a network")
    func sum() throws {
        let formulas = try json(["jacobian", "--f", "(x + 2*y) + (5*x - y); (3*x + 4*y) + 2*y", "--at", "x=1,y=2"])
        #expect(try matrix(formulas["jacobian"]) == [[6, 1], [3, 6]])
        let symbolic = try #require(formulas["symbolic"] as? [[String]])
        #expect(symbolic == [["6", "1"], ["3", "6"]])
        let spec = """
            {"input": [1, 2], "layers": [
              {"weights": [[1, 2], [3, 4], [5, -1], [0, 2]], "bias": [0, 0, 0, 0], "activation": "linear"},
              {"weights": [[1, 0, 1, 0], [0, 1, 0, 1]], "bias": [0, 0], "activation": "linear"}]}
            """
        let network = try json(["jacobian", "--net", "-"], input: spec)
        #expect(try matrix(network["jacobian"]) == [[6, 1], [3, 6]])
    }

    // f = (x y, sin x + y²) at (1, 2): J = [[y, x], [cos x, 2y]] = [[2, 1], [cos 1, 4]] (by hand).
    @Test("the symbolic partials read back by the parser, the shape and its transpose named, the check passing")
    func formulaJacobian() throws {
        let object = try json(["jacobian", "--f", "x*y; sin(x) + y^2; x", "--at", "x=1,y=2"])
        let j = try matrix(object["jacobian"])
        #expect(j[0] == [2, 1])
        #expect(j[1][0] == cos(1))
        #expect(j[1][1] == 4)
        #expect(j[2] == [1, 0])
        #expect(object["shape"] as? [Int] == [3, 2])
        #expect(try #require(object["symbolic"] as? [[String]]) == [["y", "x"], ["cos(x)", "2·y"], ["1", "0"]])
        let check = try #require(object["check"] as? [String: Any])
        #expect(check["pass"] as? Bool == true)
        #expect(try #require(check["max_abs_error"] as? Double) < 1e-9)
        let text = try CommandRunner.run([
            "jacobian", "--f", "x*y; sin(x) + y^2; x", "--at", "x=1,y=2", "--width", "200",
        ])
        #expect(text.output.contains("(3) ∂f₂/∂x = cos(x) = cos(1) = 0.5403"))
        #expect(text.output.contains("∂f/∂x is m × n = 3 × 2"))
        #expect(text.output.contains("the denominator layout writes its transpose Jᵀ, 2 × 3"))
    }

    // relu-3-layer at x = (2, 1): every ReLU is active (a = (2, 8, 9), (38, 22), 8), so
    // ∂ŷ/∂x = W³W²W¹ = [−2, 3]·[[2, 6, 1], [0, 3, 1]]·[[1, 0], [3, 4], [1, 2]] = [−4, 3, 1]·… = [−12, −10] (by hand).
    @Test("jacobian --net: the relu-3-layer product, in the s/a notation the pre-activation is s")
    func networkJacobian() throws {
        let object = try json(["jacobian", "--example", "relu-3-layer"])
        #expect(try matrix(object["jacobian"]) == [[-12, -10]])
        #expect(object["shape"] as? [Int] == [1, 2])
        let text = try CommandRunner.run(["jacobian", "--example", "relu-3-layer", "--notation", "s/a"]).output
        #expect(text.contains("∂a⁽¹⁾/∂a⁽⁰⁾ = diag(ReLU′(s⁽¹⁾)) W⁽¹⁾"))
        #expect(text.contains("s⁽¹⁾ = W⁽¹⁾ a⁽⁰⁾ + b⁽¹⁾ = (2, 8, 9)ᵀ"))
    }

    @Test("jacobian --net on a batch needs --sample; --sample picks the sample")
    func batch() throws {
        let refused = try CommandRunner.run(["jacobian", "--net", "Examples/softmax-cross-entropy-batch.json"])
        #expect(refused.status == 64)
        #expect(refused.error.hasPrefix("nnhw: --sample: the input is a batch of"))
        let chosen = try json(["jacobian", "--net", "Examples/softmax-cross-entropy-batch.json", "--sample", "2"])
        #expect(chosen["sample"] as? Int == 2)
        let beyond = try CommandRunner.run(["jacobian", "--example", "relu-3-layer", "--sample", "2"])
        #expect(beyond.status == 64)
        #expect(beyond.error.hasPrefix("nnhw: --sample: no sample 2: the input has 1 sample\n"))
    }

    @Test("--check grades a written classification and Jacobian entries")
    func check() throws {
        let hessian = try CommandRunner.run(
            ["hessian", "--f", "x^4 - 2*x^2 + y^2", "--at", "x=0,y=0", "--check", "-", "--width", "200"],
            input: #"{"points": [{"classification": "minimum", "determinant": -8}]}"#)
        #expect(hessian.status == 1)
        #expect(hessian.output.contains("classification of point 1: you wrote \"minimum\", it is \"saddle\"."))
        let jacobian = try CommandRunner.run(
            ["jacobian", "--f", "x*y; sin(x) + y^2", "--at", "x=1,y=2", "--check", "-"],
            input: #"{"jacobian": [[2, 1], [0.54, 4]]}"#)
        #expect(jacobian.status == 0)
        #expect(jacobian.output.contains("✓ All 4 values you wrote are right."))
    }

    @Test("hessian --net refuses a network of more than 200 parameters")
    func tooLarge() throws {
        let weights = (0..<15).map { _ in "[" + (0..<15).map { _ in "0.1" }.joined(separator: ",") + "]" }
        let spec = """
            {"input": [\((0..<15).map { _ in "1" }.joined(separator: ","))], "target": [0],
             "layers": [{"weights": [\(weights.joined(separator: ","))], "bias": [\((0..<15).map { _ in "0" }.joined(separator: ","))], "activation": "tanh"},
                        {"weights": [[\((0..<15).map { _ in "1" }.joined(separator: ","))]], "bias": [0], "activation": "identity"}],
             "loss": "squared_error"}
            """
        let result = try CommandRunner.run(["hessian", "--net", "-"], input: spec)
        #expect(result.status == 65)
        #expect(
            result.error
                == "nnhw: layers: the network has 256 parameters; a Hessian by finite differences is limited to 200 (200 × 200 entries); use a smaller network\n"
        )
    }
}
