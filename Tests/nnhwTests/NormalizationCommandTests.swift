import Foundation
import Testing

@testable import nnhw

@Suite("nnhw batchnorm and nnhw layernorm end to end")
struct NormalizationCommandTests {
    static let batch = "1.2 -0.5 3; 0.8 2.1 -1; -1.3 0.4 0.5; 2 -1.5 1"
    static let gradient = "0.1 -0.2 0.3; 0.4 0.5 -0.6; -0.7 0.8 0.9; 1 -1.1 1.2"

    private func expectClose(_ actual: Any?, _ expected: [[Double]], sourceLocation: SourceLocation = #_sourceLocation)
    {
        let rows = actual as? [[Double]] ?? []
        #expect(rows.count == expected.count, sourceLocation: sourceLocation)
        for (row, expectedRow) in zip(rows, expected) {
            #expect(
                row.count == expectedRow.count && zip(row, expectedRow).allSatisfy { abs($0 - $1) <= 1e-12 },
                "\(row) ≠ \(expectedRow)", sourceLocation: sourceLocation)
        }
    }

    @Test("issue 18 A: a 4 × 3 batch forward and backward against numpy to 1e-12, through the command line")
    func acceptanceA() throws {
        // numpy 2.4: xh = (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-5); y = gamma*xh + beta;
        // dx = (1/N) * gamma / np.sqrt(var + eps) * (N*g - g.sum(0) - xh*(g*xh).sum(0))
        let object = try CommandRunner.json([
            "batchnorm", "--x", Self.batch, "--gamma", "1.5 -0.5 2", "--beta", "0.1 0.2 -0.3", "--grad-output",
            Self.gradient,
        ])
        expectClose(
            object["y"],
            [
                [0.7458205681481919, 0.4361006727772978, 2.6705865362617995],
                [0.25376680194004575, -0.5460781259762608, -2.921105767289823],
                [-2.329515470652722, 0.09611570397798899, -0.8242211534579647],
                [1.7299281005644844, 0.8138617492209741, -0.1252596155140118],
            ])
        expectClose(
            object["grad_x"],
            [
                [-0.42814056915377086, -0.02956799794803099, -0.781126743774763],
                [0.17337756700842213, 0.1432993356063432, -0.9636089805132622],
                [0.04073822034295736, -0.255955967330764, 0.7299074339833652],
                [0.21402478180239165, 0.14222462967245178, 1.01482829030466],
            ])
        expectClose(
            [object["grad_gamma"] as? [Double] ?? []], [[2.304451805074818, 2.357229117008541, 1.1008644222617257]])
        expectClose([object["grad_beta"] as? [Double] ?? []], [[0.8, 0, 1.8]])
        expectClose([object["variance"] as? [Double] ?? []], [[1.486875, 1.751875, 2.046875]])
    }

    @Test("momentum 0.1 updates the running statistics with the unbiased variance (numpy var(ddof=1))")
    func runningStatistics() throws {
        // numpy: 0.9·0 + 0.1·x.mean(0); 0.9·1 + 0.1·x.var(0, ddof=1).
        let object = try CommandRunner.json(["batchnorm", "--x", Self.batch, "--momentum", "0.1"])
        expectClose([object["running_mean"] as? [Double] ?? []], [[0.0675, 0.0125, 0.08750000000000001]])
        expectClose(
            [object["running_var"] as? [Double] ?? []], [[1.0982500000000002, 1.1335833333333334, 1.1729166666666666]])
    }

    @Test("evaluation mode normalizes with the running statistics: x̂ = (1 − 2)/√(1 + 1e-5), ∂L/∂x = γg/√(σ² + ε)")
    func evaluationMode() throws {
        let object = try CommandRunner.json([
            "batchnorm", "--x", "1 2; 3 4", "--mode", "eval", "--running-mean", "2 3", "--running-var", "1 4",
            "--gamma", "2 1", "--grad-output", "1 1; 1 1",
        ])
        expectClose(
            object["x_hat"],
            [
                [-1 / (1 + 1e-5).squareRoot(), -1 / (4 + 1e-5).squareRoot()],
                [1 / (1 + 1e-5).squareRoot(), 1 / (4 + 1e-5).squareRoot()],
            ])
        expectClose(
            object["grad_x"],
            [
                [2 / (1 + 1e-5).squareRoot(), 1 / (4 + 1e-5).squareRoot()],
                [2 / (1 + 1e-5).squareRoot(), 1 / (4 + 1e-5).squareRoot()],
            ])
        #expect(object["running_mean"] == nil)
    }

    @Test("--feature gives one feature's values across the batch: μ = 2.5, σ² = 1.25 for 1, 2, 3, 4 (by hand)")
    func feature() throws {
        let object = try CommandRunner.json(["batchnorm", "--feature", "1 2 3 4"])
        #expect(object["mean"] as? [Double] == [2.5])
        #expect(object["variance"] as? [Double] == [1.25])
        #expect((object["y"] as? [[Double]])?.count == 4)
    }

    @Test("layer norm normalizes each sample over its features; values against numpy to 1e-12")
    func layerNorm() throws {
        // numpy: mu = x.mean(1, keepdims=True); v = x.var(1, keepdims=True); xh = (x - mu)/np.sqrt(v + 1e-5);
        // gh = g*gamma; dx = (1/D)/np.sqrt(v + eps)*(D*gh - gh.sum(1, keepdims=True) - xh*(gh*xh).sum(1, keepdims=True))
        let object = try CommandRunner.json([
            "layernorm", "--x", "1 2 3; 2 0 -2", "--gamma", "1 0.5 2", "--grad-output", "0.1 0.2 -0.3; 0.4 -0.5 0.6",
        ])
        expectClose(
            object["y"], [[-1.2247356859083902, 0, 2.4494713718167804], [1.2247425750014138, 0, -2.4494851500028276]])
        expectClose(
            object["grad_x"],
            [
                [-0.1428794002567411, 0.28577166004529103, -0.14289225978854994],
                [0.21432903207176077, -0.42865990125049486, 0.214330869178734],
            ])
        expectClose([object["grad_gamma"] as? [Double] ?? []], [[0.36742346140972654, 0, -1.1022662507733654]])
        expectClose([object["grad_beta"] as? [Double] ?? []], [[0.5, -0.3, 0.3]])
    }

    @Test("the worked text shows μ and σ² with the numbers put in, and each ∂L/∂x term by term")
    func workedText() throws {
        let text = try CommandRunner.run([
            "batchnorm", "--x", "1.2 -0.5; 0.8 2.1; -1.3 0.4", "--gamma", "1.5 0.5", "--beta", "0.1 -0.2",
            "--grad-output", "0.1 0.2; 0.3 -0.4; 0.5 0.6",
        ]).output
        #expect(text.contains("μ₁ = (1/N) Σₙ x = (1.2 + 0.8 + (−1.3)) / 3 = 0.2333"))
        #expect(text.contains("Σ ĝ₁ = 0.15 + 0.45 + 0.75 = 1.35"))
        #expect(text.contains("(3 · 0.15 − 1.35 − 0.8816 · (−0.6840))"))
    }

    static let badCases: [([String], String, Int32)] = [
        (
            ["batchnorm", "--x", "1 2 3"],
            "nnhw: --x: is one sample (rows are samples, columns features): batch norm in training mode normalizes "
                + "each feature over the batch, and one sample has variance 0; give several rows, or --mode eval with "
                + "running statistics\n", 65
        ),
        (
            ["batchnorm", "--x", "1 2; 3 4", "--gamma", "1 2 3"],
            "nnhw: --gamma: has 3 values, but --x has 2 features (columns); give one per feature\n", 65
        ),
        (
            ["batchnorm", "--x", "1 2; 3 4", "--mode", "eval", "--running-mean", "0 0"],
            "nnhw: --running-var: missing; give the running statistics for --mode eval, one per feature\nUsage: "
                + "\(batchNormUsage)\n", 64
        ),
        (
            ["batchnorm", "--x", "1 2; 3 4", "--mode", "eval", "--running-mean", "0 0", "--running-var", "1 -1"],
            "nnhw: --running-var: a variance cannot be negative\n", 65
        ),
        (
            [
                "batchnorm", "--x", "1 2; 3 4", "--mode", "eval", "--running-mean", "0 0", "--running-var", "1 1",
                "--momentum", "0.1",
            ], "nnhw: --momentum: applies to training mode only; add --mode train\nUsage: \(batchNormUsage)\n", 64
        ),
        (
            ["layernorm", "--x", "1 2; 3 4", "--grad-output", "1 2"],
            "nnhw: --grad-output: ∂L/∂Y is 1 × 2, but the output Y is 2 × 2; give one value per output entry\n", 65
        ),
        (
            ["layernorm", "--x", "1 2; 3 4", "--beta", "1 2; 3 4"],
            "nnhw: --beta: is a 2 × 2 matrix; expected a list of numbers, a row or a column\n", 65
        ),
    ]

    @Test("bad input: one line on stderr, nothing on stdout, the documented exit status", arguments: badCases)
    func badInput(_ arguments: [String], _ expected: String, _ status: Int32) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.output == "")
        #expect(result.error == expected)
        #expect(result.status == status)
    }

    @Test(
        "text matches the golden files",
        arguments: [
            (
                "batchnorm-train",
                [
                    "batchnorm", "--x", "1.2 -0.5; 0.8 2.1; -1.3 0.4", "--gamma", "1.5 0.5", "--beta", "0.1 -0.2",
                    "--grad-output", "0.1 0.2; 0.3 -0.4; 0.5 0.6",
                ]
            ),
            (
                "batchnorm-eval",
                [
                    "batchnorm", "--x", "1 2; 3 4", "--mode", "eval", "--running-mean", "2 3", "--running-var", "1 4",
                    "--grad-output", "1 1; 1 1",
                ]
            ),
            ("batchnorm-momentum", ["batchnorm", "--feature", "1 2 3 4", "--momentum", "0.1"]),
            (
                "layernorm-backward",
                [
                    "layernorm", "--x", "1 2 3; 2 0 -2", "--gamma", "1 0.5 2", "--grad-output",
                    "0.1 0.2 -0.3; 0.4 -0.5 0.6",
                ]
            ),
        ])
    func snapshot(_ name: String, _ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: name + ".txt")
    }
}

private let batchNormUsage = Registry.subcommand(named: "batchnorm")?.usage ?? "no batchnorm subcommand"
