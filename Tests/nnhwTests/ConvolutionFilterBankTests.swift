import Foundation
import Testing

/// `nnhw conv` with a C_out × C_in × k × k kernel, checked against a direct
/// computation written here with plain loops over the padded input.
@Suite("conv with several filters: C_out output channels, forward and backward")
struct ConvolutionFilterBankTests {
    typealias Tensor3 = [[[Double]]]

    /// X, 2 × 5 × 5.
    static let input: Tensor3 = [
        [[1, 2, 0, -1, 3], [0, 1, 3, 2, -2], [2, 1, 1, 0, 1], [-1, 0, 2, 1, 1], [3, 1, 0, 2, -1]],
        [[0, 1, 1, 2, 0], [2, 0, 1, -1, 1], [1, 1, 0, 3, 2], [0, 2, -2, 1, 0], [1, 0, 1, 1, 2]],
    ]
    /// K, 3 filters × 2 channels × 3 × 3.
    static let kernel: [Tensor3] = [
        [[[1, 0, -1], [2, 0, -2], [1, 0, -1]], [[0, 1, 0], [1, -1, 1], [0, 1, 0]]],
        [[[0.5, 0, 0], [0, 1, 0], [0, 0, 0.5]], [[-1, -1, -1], [0, 0, 0], [1, 1, 1]]],
        [[[2, -1, 0], [0, 0, 1], [1, 1, -2]], [[0, 0, 0], [0, 3, 0], [0, 0, 0]]],
    ]
    static let bias: [Double] = [1, -0.5, 2]
    /// δ = ∂L/∂Y, 3 × 3 × 3: H_out = ⌊(5 + 2 · 1 − 3) / 2⌋ + 1 = 3.
    static let delta: Tensor3 = [
        [[1, 0, -1], [2, 1, 0], [0, 0.5, 1]],
        [[0, 1, 0], [-1, 0, 2], [1, 1, 0]],
        [[0.5, 0, 0], [0, -2, 0], [0, 0, 1]],
    ]
    static let stride = 2
    static let padding = 1

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    static func arguments() throws -> [String] {
        try [
            "conv", "--input", json(input), "--kernel", json(kernel), "--bias", "1 -0.5 2", "--stride", "2",
            "--padding", "1", "--grad-output", json(delta),
        ]
    }

    /// X̃_c[r, s]: X with one row and column of zeros on every side (indices from 0).
    static func padded(_ c: Int, _ r: Int, _ s: Int) -> Double {
        let (row, column) = (r - padding, s - padding)
        guard (0..<5).contains(row), (0..<5).contains(column) else { return 0 }
        return input[c][row][column]
    }

    @Test("forward: y_o[i, j] = b_o + Σ_c Σ_m Σ_n X̃_c[2i + m, 2j + n] · K_o,c[m, n] for o = 1 to 3")
    func forward() throws {
        var expected = Tensor3(repeating: [[Double]](repeating: [0, 0, 0], count: 3), count: 3)
        for o in 0..<3 {
            for i in 0..<3 {
                for j in 0..<3 {
                    var sum = Self.bias[o]
                    for c in 0..<2 {
                        for m in 0..<3 {
                            for n in 0..<3 {
                                sum +=
                                    Self.padded(c, i * Self.stride + m, j * Self.stride + n) * Self.kernel[o][c][m][n]
                            }
                        }
                    }
                    expected[o][i][j] = sum
                }
            }
        }
        let object = try CommandRunner.json(Self.arguments())
        #expect(object["output"] as? Tensor3 == expected)
        let text = try CommandRunner.run(Self.arguments()).output
        #expect(text.contains("Feature map, output channel 3"))
        #expect(text.contains("Y₃ = "))
    }

    @Test("backward: ∂L/∂K_o,c and ∂L/∂b_o per output channel, ∂L/∂X_c summed over the three output channels")
    func backward() throws {
        var kernel = [Tensor3](
            repeating: Tensor3(repeating: [[Double]](repeating: [0, 0, 0], count: 3), count: 2), count: 3)
        var input = Tensor3(repeating: [[Double]](repeating: [0, 0, 0, 0, 0], count: 5), count: 2)
        var bias = [Double](repeating: 0, count: 3)
        for o in 0..<3 {
            for i in 0..<3 {
                for j in 0..<3 {
                    let upstream = Self.delta[o][i][j]
                    bias[o] += upstream
                    for c in 0..<2 {
                        for m in 0..<3 {
                            for n in 0..<3 {
                                let (r, s) = (i * Self.stride + m, j * Self.stride + n)
                                kernel[o][c][m][n] += upstream * Self.padded(c, r, s)
                                let (row, column) = (r - Self.padding, s - Self.padding)
                                if (0..<5).contains(row), (0..<5).contains(column) {
                                    input[c][row][column] += upstream * Self.kernel[o][c][m][n]
                                }
                            }
                        }
                    }
                }
            }
        }
        let object = try CommandRunner.json(Self.arguments())
        #expect(object["grad_kernel"] as? [Tensor3] == kernel)
        #expect(object["grad_bias"] as? [Double] == bias)
        #expect(object["grad_input"] as? Tensor3 == input)
        let text = try CommandRunner.run(Self.arguments()).output
        #expect(text.contains("∂L/∂b₂ = Σᵢⱼ δ₂,ᵢⱼ = 0 + 1 + 0 + (−1) + 0 + 2 + 1 + 1 + 0 = 4"))
        // x₁[1, 1] (from 1) sits at X̃₁[2, 2]: only window (1, 1) covers it, at its centre (m, n) = (2, 2),
        // in every filter: δ₁,₁₁ K₁,₁[2, 2] + δ₂,₁₁ K₂,₁[2, 2] + δ₃,₁₁ K₃,₁[2, 2] = 1 · 0 + 0 · 1 + 0.5 · 0.
        #expect(text.contains("∂L/∂x₁,₁,₁ = (1 · 0) + (0 · 1) + (0.5 · 0) = 0 + 0 + 0 = 0"))
    }

    @Test("--check grades every output channel: the printed answers are right, one changed entry is named")
    func check() throws {
        let arguments = try Self.arguments()
        let printed = try #require(CommandRunner.run(arguments + ["--format", "json"]).output.data(using: .utf8))
        var answers = try #require(JSONSerialization.jsonObject(with: printed) as? [String: Any])
        #expect(try CommandRunner.run(arguments + ["--check", "-"], input: printed).status == 0)
        var output = try #require(answers["output"] as? Tensor3)
        output[2][1][0] += 1
        answers["output"] = output
        let wrong = try CommandRunner.run(
            arguments + ["--check", "-"], input: JSONSerialization.data(withJSONObject: answers))
        #expect(wrong.status == 1)
        #expect(wrong.output.contains("output, entry [3][2][1]"))
    }

    @Test("one filter written as 1 × C × k × k prints what the C × k × k kernel prints")
    func singleFilterBank() throws {
        let kernel = "[[[1,0],[0,-1]],[[2,0],[1,1]]]"
        let base = ["conv", "--input", "[[[6,0,1],[3,4,1],[1,7,0]],[[1,1,0],[0,2,1],[1,0,1]]]", "--grad-output"]
        let single = try CommandRunner.run(base + ["1 2; 3 4", "--kernel", kernel, "--format", "json"])
        let bank = try CommandRunner.run(base + ["1 2; 3 4", "--kernel", "[\(kernel)]", "--format", "json"])
        #expect(single.status == 0)
        #expect(bank.output == single.output)
    }

    @Test("--bias on one filter adds b to every entry: 2 × 2 of [[1, 2], [3, 4]] with K = [[1]] and b = 0.5")
    func singleFilterBias() throws {
        let arguments = ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--bias", "0.5"]
        let object = try CommandRunner.json(arguments)
        #expect(object["output"] as? [[Double]] == [[1.5, 2.5], [3.5, 4.5]])
        #expect(try CommandRunner.run(arguments).output.contains("y₂,₁ = 3 · 1 + 0.5 = 3.5"))
    }
}
