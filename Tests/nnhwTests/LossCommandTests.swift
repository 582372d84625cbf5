import Foundation
import Testing

/// `nnhw loss` end to end: the acceptance values, the seed homework's losses, the JSON keys.
@Suite("nnhw loss, end to end")
struct LossCommandTests {
    private static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CommandRunner.run(["loss"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    private static func grad(_ json: [String: Any]) throws -> [[Double]] {
        try #require(json["grad"] as? [[Double]])
    }

    static let svmScores = [[1.0, 2, 3], [0.5, -1, 2], [2, 1, 0.5]]

    private static func written(_ rows: [[Double]]) -> String {
        rows.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "; ")
    }

    /// Acceptance A: the multiclass SVM loss of CS231n's three score vectors.
    @Test("multiclass SVM: losses 0, 2.5, 2.5, mean 5/3, text 1.6667, gradients against a central difference")
    func multiclassSVM() throws {
        let arguments = ["--name", "multiclass_hinge", "--scores", Self.written(Self.svmScores), "--labels", "2,0,1"]
        let json = try Self.json(arguments)
        // Hand: sample 1 max(0, 1 − 3 + 1) + max(0, 2 − 3 + 1) = 0; sample 2 max(0, −1 − 0.5 + 1) + max(0, 2 − 0.5 + 1) = 2.5;
        // sample 3 max(0, 2 − 1 + 1) + max(0, 0.5 − 1 + 1) = 2.5; mean 5/3.
        #expect(json["losses"] as? [Double] == [0, 2.5, 2.5])
        let loss = try #require(json["loss"] as? Double)
        #expect(abs(loss - 5.0 / 3.0) <= 1e-12)
        #expect(json["reduction"] as? String == "mean")
        let gradient = try Self.grad(json)
        // Hand: one third of +1 per positive margin, and minus their count at the true class.
        let third = 1.0 / 3
        let expected: [[Double]] = [[0, 0, 0], [-third, 0, third], [third, -2 * third, third]]
        #expect(gradient == expected)
        let text = try CommandRunner.run(["loss"] + arguments)
        #expect(text.output.contains("= 1.6667"))
        #expect(text.output.contains("clipped at 0: classes 0 and 1"))
        // Sample 1's margin for class 1 is exactly 0 (a hinge): its scores are left out of the difference.
        let h = 1e-6
        for row in 1..<3 {
            for column in 0..<3 {
                var up = Self.svmScores
                var down = Self.svmScores
                up[row][column] += h
                down[row][column] -= h
                var upArguments = arguments
                upArguments[3] = Self.written(up)
                var downArguments = arguments
                downArguments[3] = Self.written(down)
                let plus = try #require(Self.json(upArguments)["loss"] as? Double)
                let minus = try #require(Self.json(downArguments)["loss"] as? Double)
                #expect(abs((plus - minus) / (2 * h) - gradient[row][column]) < 1e-6)
            }
        }
    }

    /// Acceptance D, perceptron: ℓ = max(0, −y s).
    @Test("the seed's perceptron loss")
    func perceptron() throws {
        // Hand: s = 0.5, −2, 1 with y = 1, 1, −1: max(0, −0.5) = 0, max(0, 2) = 2, max(0, 1) = 1; mean 1.
        // ∂ℓ/∂s = −y where −y s > 0: (0, −1, 1), divided by N = 3.
        let json = try Self.json(["--name", "perceptron", "--scores", "0.5 -2 1", "--labels", "1,1,-1"])
        #expect(json["losses"] as? [Double] == [0, 2, 1])
        #expect(json["loss"] as? Double == 1)
        let third = 1.0 / 3
        #expect(try Self.grad(json) == [[0, -third, third]])
    }

    /// Acceptance D, Adaline: ℓ = ½(y − ŷ)², squared error with c = ½.
    @Test("the seed's Adaline loss ½(y − ŷ)²")
    func adaline() throws {
        // Hand: ½(0.8 − 1)² = 0.02 and ½(−0.4 + 1)² = 0.18; mean 0.1; ∂L/∂ŷ = (ŷ − y)/N = (−0.1, 0.3).
        let json = try Self.json([
            "--name", "squared_error", "--scale", "0.5", "--pred", "0.8; -0.4", "--target", "1; -1",
        ])
        let losses = try #require(json["losses"] as? [Double])
        #expect(abs(losses[0] - 0.02) < 1e-15 && abs(losses[1] - 0.18) < 1e-15)
        #expect(abs(try #require(json["loss"] as? Double) - 0.1) < 1e-15)
        let gradient = try Self.grad(json)
        #expect(abs(gradient[0][0] + 0.1) < 1e-15 && abs(gradient[1][0] - 0.3) < 1e-15)
    }

    /// Acceptance D, logistic regression: ℓ = ln(1 + e^(−y s)).
    @Test("the seed's logistic loss")
    func logistic() throws {
        // By hand (calculator): ln(1 + e^−2) = 0.12692801104297249, ln(1 + e^1) = 1.3132616875182228; mean 0.72009484928059766.
        // ∂ℓ/∂s = −y σ(−y s): −σ(−2) = −0.11920292202211755 and −σ(1) = −0.7310585786300049, halved for the mean.
        let json = try Self.json(["--name", "logistic", "--scores", "2; -1", "--labels", "1 1"])
        let losses = try #require(json["losses"] as? [Double])
        #expect(abs(losses[0] - 0.12692801104297249) < 1e-15 && abs(losses[1] - 1.3132616875182228) < 1e-15)
        #expect(abs(try #require(json["loss"] as? Double) - 0.72009484928059766) < 1e-15)
        let gradient = try Self.grad(json)
        #expect(abs(gradient[0][0] + 0.11920292202211755 / 2) < 1e-15)
        #expect(abs(gradient[1][0] + 0.7310585786300049 / 2) < 1e-15)
    }

    @Test("reductions sum and none; KL in bits with fractions; cross-entropy from scores ±1000")
    func reductions() throws {
        // Hand: the SVM losses summed: 5; none reports them as the loss.
        let svm = ["--name", "multiclass_hinge", "--scores", Self.written(Self.svmScores), "--labels", "2,0,1"]
        #expect(try Self.json(svm + ["--reduction", "sum"])["loss"] as? Double == 5)
        let none = try Self.json(svm + ["--reduction", "none"])
        #expect(none["loss"] as? [Double] == [0, 2.5, 2.5])
        let unreduced: [[Double]] = [[0, 0, 0], [-1, 0, 1], [1, -2, 1]]
        #expect(try Self.grad(none) == unreduced)
        // mpmath: KL((1/2, 1/4, 1/4) ‖ uniform) = 0.084962500721156181 bits.
        let kl = try Self.json(["--name", "kl", "--p", "1/2 1/4 1/4", "--q", "1/3 1/3 1/3", "--base", "2"])
        #expect(abs(try #require(kl["loss"] as? Double) - 0.084962500721156181) < 1e-15)
        // Hand: ln(e^1000 + e^−1000 + 1) − 1000 = 0 to double precision; the softmax is (1, 0, 0) − y = 0.
        let stable = try Self.json(["--name", "cross_entropy", "--scores", "1000 -1000 0", "--labels", "0"])
        #expect(stable["loss"] as? Double == 0)
    }
}
