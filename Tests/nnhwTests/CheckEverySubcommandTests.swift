import Foundation
import Testing

/// Issue 14: `--check` on formulas and on conv and pool, end to end.
@Suite("--check on formulas, conv and pool")
struct CheckEverySubcommandTests {
    /// `nnhw gradcheck --f x^3 --at x=2 --check -` with ∂f/∂x written as `formula`.
    private func derivative(_ formula: String, format: String = "text") throws -> CommandResult {
        try CommandRunner.run(
            ["gradcheck", "--f", "x^3", "--at", "x=2", "--check", "-", "--format", format, "--width", "200"],
            input: #"{"derivative": {"x": "\#(formula)"}}"#)
    }

    // Acceptance A: d(x³)/dx = 3x² (by hand), however it is spelled.
    @Test(
        "acceptance A: 3x² is right however it is spelled",
        arguments: ["3*x^2", "x^2*3", "3 * x ^ 2", "3·x^2", "x*x*3"])
    func equivalentFormulas(formula: String) throws {
        let result = try derivative(formula)
        #expect(result.status == 0)
        #expect(result.output.contains("✓ The value you wrote is right."))
    }

    // 3x³ and 3x² differ at x = 2: 24 against 12 (by hand).
    @Test("acceptance A: 3*x^3 is wrong, and the report says where the formulas differ")
    func differentFormula() throws {
        let result = try derivative("3*x^3")
        #expect(result.status == 1)
        #expect(result.output.contains("you wrote 3x³, it is 3x²; they differ at x = 2: yours gives 24, 3x² gives 12."))
        let json = try derivative("3*x^3", format: "json")
        #expect(json.output.contains(#""yours": "3*x^3","#))
        #expect(json.output.contains(#""expected": "3·x^2","#))
        #expect(json.output.contains(#""verdict": "wrong","#))
        let latex = try derivative("3*x^3", format: "latex")
        #expect(latex.output.contains("you wrote $3x^{3}$, it is $3x^{2}$; they differ at $x = 2$"))
    }

    @Test("3x^2 without an operator is not read by the expression language: an error naming the place")
    func implicitProduct() throws {
        let result = try derivative("3x^2")
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("nnhw: <stdin>: derivative.x: not a formula: column 2"))
    }

    // The feature map of [[6,0,1],[3,4,1],[1,7,0]] ⋆ [[1,0],[0,−1]] is [[2,−1],[−4,4]] (by hand: 6−4, 0−1, 3−7, 4−0).
    @Test("acceptance D: conv --check grades the feature map and names an index one off")
    func convolution() throws {
        let arguments = ["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1", "--check", "-"]
        let right = try CommandRunner.run(arguments, input: #"{"output": [[2, -1], [-4, 4]]}"#)
        #expect(right.status == 0)
        #expect(right.output.contains("✓ All 4 values you wrote are right."))
        let shifted = try CommandRunner.run(
            arguments + ["--format", "json"], input: #"{"output": [[-1, -1], [-4, 4]]}"#)
        #expect(shifted.status == 1)
        #expect(shifted.output.contains(#""slip": "index_off_by_one","#))
    }

    // Max pooling 2 × 2 of [[1,3,2,4],[5,6,1,2],[7,2,9,0],[1,8,3,4]] is [[6,4],[8,9]] (by hand).
    @Test("acceptance D: pool --check grades the pooled map in every format")
    func pooling() throws {
        let arguments = [
            "pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4", "--size", "2", "--mode", "max", "--check", "-",
        ]
        for format in ["text", "markdown", "latex"] {
            let wrong = try CommandRunner.run(
                arguments + ["--format", format], input: #"{"output": [[6, 4], [7, 9]]}"#)
            #expect(wrong.status == 1)
            #expect(wrong.output.contains("Your answers"))
        }
        let json = try CommandRunner.run(arguments + ["--format", "json"], input: #"{"output": [[6, 4], [7, 9]]}"#)
        #expect(json.output.contains(#""first_wrong": "output[1][0]","#))
        let right = try CommandRunner.run(arguments, input: #"{"output": [[6, 4], [8, 9]]}"#)
        #expect(right.status == 0)
    }

    // By hand: (36 + 2·3 − 3)/2 = 19.5; ⌊19.5⌋ + 1 = 20 is right, ⌈19.5⌉ + 1 = 21 the slip.
    @Test("acceptance C: a ceiling for the floor in conv-size is named")
    func ceilingForFloor() throws {
        let result = try CommandRunner.run(
            [
                "conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "3", "--stride", "2", "--filters", "2",
                "--check", "-", "--format", "json",
            ], input: #"{"output": [21, 20, 2]}"#)
        #expect(result.status == 1)
        #expect(result.output.contains(#""slip": "ceiling_for_floor","#))
    }

    // By hand: ln(0.05)/ln(0.95) = 58.404 trials; ⌈58.404⌉ = 59 is right, ⌊58.404⌋ = 58 the slip.
    @Test("acceptance C: a floor for the ceiling in a random-search trial count is named")
    func floorForCeiling() throws {
        let result = try CommandRunner.run(
            ["hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "0.95", "--check", "-"],
            input: #"{"trials": 58}"#)
        #expect(result.status == 1)
        #expect(result.output.contains("you rounded the bound down"))
    }
}
