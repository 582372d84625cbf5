import Foundation
import Testing

/// Issue 14: the answer-check report of each kind of verdict, in every format, against golden files.
@Suite("--check reports in every format")
struct CheckReportTests {
    /// A golden run: its snapshot's base name and its arguments without `--format`.
    struct Run: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    /// Rounding explained by the student's own values (tanh and sigmoid hand solutions),
    /// named slips, a formula that differs, and a ceiling for a floor.
    static let runs = [
        Run(
            name: "check-tanh-hand-rounded",
            arguments: [
                "backward", "--net", "Examples/tanh-augmented.json", "--check",
                "Tests/nnhwTests/Fixtures/tanh-hand-rounded.json",
            ]),
        Run(
            name: "check-sigmoid-hand-rounded",
            arguments: [
                "backward", "--net", "Tests/nnhwTests/Fixtures/sigmoid-2-2-2.json", "--check",
                "Tests/nnhwTests/Fixtures/sigmoid-hand-rounded.json",
            ]),
        Run(
            name: "check-relu-slips",
            arguments: [
                "backward", "--net", "Examples/relu-3-layer.json", "--check",
                "Tests/nnhwTests/Fixtures/relu-slips.json",
            ]),
        Run(
            name: "check-cube-derivative",
            arguments: [
                "gradcheck", "--f", "x^3", "--at", "x=2", "--check",
                "Tests/nnhwTests/Fixtures/cube-derivative-wrong.json",
            ]),
        Run(
            name: "check-conv-size-ceiling",
            arguments: [
                "conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "3", "--stride", "2", "--filters", "2",
                "--check", "Tests/nnhwTests/Fixtures/conv-size-ceiling.json",
            ]),
    ]

    @Test("each report matches its golden file in text, markdown, latex and json", arguments: runs)
    func golden(run: Run) throws {
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("latex", "tex"), ("json", "json")] {
            let result = try CommandRunner.run(run.arguments + ["--format", format, "--width", "80"])
            #expect(result.error.isEmpty)
            #expect(result.status == (run.name.hasSuffix("hand-rounded") ? 0 : 1))
            assertSnapshot(result.output, named: "\(run.name).\(ext)")
        }
    }

    // relu-3-layer by hand: a⁽¹⁾ = (2, 8, 9) with W⁽¹⁾x = (2, 10, 4); δ⁽²⁾ = (8, −12), with ReLU(a⁽²⁾) = (38, 22)
    // for ReLU′ (304, −264); ∂L/∂W⁽³⁾ = −4 · (38, 22) = (−152, −88).
    @Test("the slips report names the bias left out and f for f′ and keeps the right values right")
    func slipsNamed() throws {
        let result = try CommandRunner.run(
            [
                "backward", "--net", "Examples/relu-3-layer.json", "--check",
                "Tests/nnhwTests/Fixtures/relu-slips.json",
                "--format", "json",
            ])
        #expect(result.output.components(separatedBy: #""slip": "bias_left_out""#).count == 3)
        #expect(result.output.components(separatedBy: #""slip": "function_for_derivative""#).count == 3)
        #expect(result.output.contains(#""right": 3,"#))
    }
}
