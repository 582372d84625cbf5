import Testing

@testable import NNHomework

/// Issue 14, Deliver 4: answers in another shape or key spelling are read as the solution's.
@Suite("Forgiving shapes and key spellings in --check")
struct ForgivingShapeTests {
    /// The tanh example without the augmented bias column: W⁽¹⁾ = (0.3, 0.4)ᵀ is 2 × 1,
    /// so ∂L/∂W⁽¹⁾ = δ⁽¹⁾ x = 2 · (−0.225966, 0.448531) = (−0.451933, 0.897062)ᵀ (python3) is a column.
    private func columnProblem() throws -> NetworkProblem {
        try NetworkProblem(
            parsing: """
                {"input": 2, "target": 1,
                 "layers": [{"weights": [[0.3], [0.4]], "bias": [0.1, 0.2], "activation": "tanh"},
                            {"weights": [[1, -3]], "bias": [0.2], "activation": "tanh"}],
                 "loss": {"name": "squared_error", "scale": 0.5}}
                """, source: "column")
    }

    @Test("a plain number for a one-element array: ∂L/∂x = 0.1116")
    func numberForArray() throws {
        let check = try checkBackward(#"{"grad_input": 0.1116}"#, builtInProblem("tanh-augmented"))
        #expect(check.entries.map(\.path) == ["grad_input[0]"])
        #expect(check.entries.map(\.verdict) == [.right])
        #expect(check.reshaped.map(\.kind) == [.numberAsArray])
    }

    @Test(
        "a row for a column vector is read as the column and said so",
        arguments: ["[-0.4519, 0.8971]", "[[-0.4519, 0.8971]]"])
    func rowForColumn(row: String) throws {
        let problem = try columnProblem()
        let check = try checkBackward(#"{"layers": [{"grad_W": \#(row)}, {}]}"#, problem)
        #expect(check.entries.map(\.path) == ["layers[0].grad_W[0][0]", "layers[0].grad_W[1][0]"])
        #expect(check.entries.map(\.verdict) == [.right, .right])
        #expect(check.reshaped == [AnswerCheck.Reshaping(path: "layers[0].grad_W", kind: .rowAsColumn)])
        let text = TextRenderer(options: RenderOptions(lineWidth: 400)).render(
            check.report(for: try NetworkSolver().backward(problem)))
        #expect(
            text.contains("grad_W of layer 1 is a column vector; you wrote it as a row, and it is read as the column."))
    }

    @Test("keys in any case style", arguments: ["grad_W", "gradW", "GradW", "grad-w", "GRAD_W"])
    func keySpellings(key: String) throws {
        let check = try checkBackward(
            #"{"layers": [{}, {"\#(key)": [[16, 64, 72], [-24, -96, -108]]}, {}]}"#, builtInProblem("relu-3-layer"))
        #expect(check.entries.count == 6)
        #expect(check.entries.allSatisfy { $0.path.hasPrefix("layers[1].grad_W[") && $0.verdict == .right })
    }
}
