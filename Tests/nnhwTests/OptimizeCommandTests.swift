import Foundation
import Testing

@Suite("nnhw optimize, nnhw ema and nnhw perceptron end to end")
struct OptimizeCommandTests {
    private func numbers(_ value: Any?) -> [Double] { value as? [Double] ?? [] }

    private func steps(_ object: [String: Any]) -> [[String: Any]] { object["steps"] as? [[String: Any]] ?? [] }

    @Test("issue 16 A through the command line: Adam on w² from 1, η = 0.1, three steps")
    func adamAcceptance() throws {
        let object = try CommandRunner.json([
            "optimize", "--method", "adam", "--f", "w^2", "--at", "w=1", "--lr", "0.1", "--steps", "3",
        ])
        let all = steps(object)
        try #require(all.count == 3)
        // Hand-worked: g = 2, m = 0.2, v = 0.004, m̂ = 2, v̂ = 4, w = 1 − 0.1·2/(2 + 1e-8).
        #expect(abs(numbers(all[0]["w"])[0] - 0.9) <= 1e-8)
        #expect(numbers(all[0]["m_hat"]) == [2])
        #expect(abs(numbers(all[0]["v_hat"])[0] - 4) <= 1e-12)
        // Independent recurrence for steps 2 and 3.
        var (w, m, v) = (1.0, 0.0, 0.0)
        for t in 1...3 {
            let g = 2 * w
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            w -= 0.1 * (m / (1 - pow(0.9, Double(t)))) / ((v / (1 - pow(0.999, Double(t)))).squareRoot() + 1e-8)
            #expect(abs(numbers(all[t - 1]["w"])[0] - w) <= 1e-12)
            #expect(abs(numbers(all[t - 1]["m"])[0] - m) <= 1e-12)
            #expect(abs(numbers(all[t - 1]["v"])[0] - v) <= 1e-15)
            #expect(abs((all[t - 1]["f"] as? Double ?? .nan) - w * w) <= 1e-12)
        }
        #expect(numbers((object["final"] as? [String: Any])?["w"]) == numbers(all[2]["w"]))
        #expect(object["variables"] as? [String] == ["w"])
    }

    @Test("repeated --grad gives one gradient per step; the classic convention v ← μv − ηg, w ← w + v")
    func repeatedGradients() throws {
        let object = try CommandRunner.json([
            "optimize", "--method", "momentum", "--convention", "classic", "--w", "1 2", "--grad", "1 0",
            "--grad", "0 1", "--lr", "0.5", "--momentum", "0.5",
        ])
        let all = steps(object)
        try #require(all.count == 2)
        // v₁ = −0.5(1, 0) = (−0.5, 0), w₁ = (0.5, 2); v₂ = 0.5 v₁ − 0.5(0, 1) = (−0.25, −0.5), w₂ = (0.25, 1.5).
        #expect(numbers(all[0]["velocity"]) == [-0.5, 0])
        #expect(numbers(all[1]["velocity"]) == [-0.25, -0.5])
        #expect(numbers(all[1]["w"]) == [0.25, 1.5])
    }

    @Test("AdaGrad keeps sum_sq, RMSprop v, PyTorch's Nesterov a velocity; a schedule sets each lr")
    func stateKeys() throws {
        let adagrad = steps(
            try CommandRunner.json(["optimize", "--method", "adagrad", "--w", "1", "--grad", "3", "--steps", "2"]))
        #expect(adagrad.map { numbers($0["sum_sq"]) } == [[9], [18]])
        let rmsprop = steps(
            try CommandRunner.json(["optimize", "--method", "rmsprop", "--rho", "0.9", "--w", "1", "--grad", "2"]))
        #expect(abs(numbers(rmsprop[0]["v"])[0] - 0.4) <= 1e-15)
        let nesterov = steps(
            try CommandRunner.json([
                "optimize", "--method", "nesterov", "--w", "0", "--grad", "1", "--steps", "3", "--lr", "1",
                "--schedule", "step:2:0.5",
            ]))
        #expect(nesterov.map { $0["lr"] as? Double } == [1, 1, 0.5])
        #expect(numbers(nesterov[1]["velocity"]) == [1.9])
    }

    static let tenValues: [Double] = [25, 28, 26, 22, 30, 31, 27, 24, 29, 33]

    @Test("issue 16 C: ema of 10 values, β = 0.9, with and without bias correction, against the closed form")
    func averageAcceptance() throws {
        let text = Self.tenValues.map { String(Int($0)) }.joined(separator: " ")
        let plain = try CommandRunner.json(["ema", "--values", text, "--beta", "0.9"])
        #expect(plain["corrected"] == nil)
        let object = try CommandRunner.json(["ema", "--values", text, "--beta", "0.9", "--bias-correction"])
        let averages = numbers(object["averages"])
        let corrected = numbers(object["corrected"])
        try #require(averages.count == 10 && corrected.count == 10)
        #expect(numbers(plain["averages"]) == averages)
        for t in 1...10 {
            // vₜ = (1 − β) Σₖ β^(t−k) θₖ, the recurrence unrolled.
            let v = (1...t).reduce(0.0) { $0 + 0.1 * pow(0.9, Double(t - $1)) * Self.tenValues[$1 - 1] }
            #expect(abs(averages[t - 1] - v) <= 1e-12, "v\(t)")
            #expect(abs(corrected[t - 1] - v / (1 - pow(0.9, Double(t)))) <= 1e-12, "v̂\(t)")
        }
        #expect(corrected[0] == 25)
    }

    @Test("issue 16 C: perceptron on a separable 2-D set reproduces the hand-worked updates")
    func perceptronAcceptance() throws {
        // By hand, from θ = 0, θ₀ = 0: point 1 margin 0, mistake → θ = (1, 1), θ₀ = 1; point 2 margin −2,
        // mistake → θ = (−1, 2), θ₀ = 0; point 3 margin 5; point 4 margin 0, mistake → θ = (1, 3), θ₀ = −1;
        // epoch 2 has margins 3, 2, 4, 6: no mistake.
        let object = try CommandRunner.json(["perceptron", "--data", "1 1 1; 2 -1 -1; -1 2 1; -2 -1 -1", "--offset"])
        let updates = object["updates"] as? [[String: Any]] ?? []
        #expect(updates.map { $0["point"] as? Int } == [1, 2, 4])
        #expect(updates.map { numbers($0["theta"]) } == [[1, 1], [-1, 2], [1, 3]])
        #expect(updates.map { $0["theta0"] as? Double } == [1, 0, -1])
        #expect(numbers(object["theta"]) == [1, 3])
        #expect(object["theta0"] as? Double == -1)
        #expect(object["mistakes"] as? [Int] == [1, 1, 0, 1])
        #expect(object["epochs"] as? Int == 2)
        #expect(object["converged"] as? Bool == true)
    }

    @Test("perceptron --mistakes: θ = Σ mᵢ yᵢ xᵢ, θ₀ = Σ mᵢ yᵢ")
    func mistakeCounts() throws {
        let object = try CommandRunner.json(["perceptron", "--data", "1 1 1; 2 -1 -1", "--offset", "--mistakes", "1,2"])
        #expect(numbers(object["theta"]) == [-3, 3])
        #expect(object["theta0"] as? Double == -1)
    }

    @Test(
        "worked output",
        arguments: [
            (
                "optimize-adam",
                ["optimize", "--method", "adam", "--f", "w^2", "--at", "w=1", "--lr", "0.1", "--steps", "3"]
            ),
            (
                "optimize-nesterov-lr-inside",
                [
                    "optimize", "--method", "nesterov", "--convention", "lr-inside", "--f", "x^2 + 10*y^2", "--at",
                    "x=1,y=1", "--lr", "0.01", "--steps", "3", "--weight-decay", "0.1", "--schedule", "exp:0.5",
                ]
            ),
            ("ema-bias-correction", ["ema", "--values", "25 28 26 22", "--beta", "0.9", "--bias-correction"]),
            ("perceptron-offset", ["perceptron", "--data", "1 1 1; 2 -1 -1; -1 2 1; -2 -1 -1", "--offset"]),
        ])
    func snapshot(_ name: String, _ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: name + ".txt")
    }
}
