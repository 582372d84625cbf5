import NNCore
import Testing

@testable import NNHomework

/// The problem of a built-in example.
private func problem(_ name: String) throws -> NetworkProblem {
    let found = try #require(BuiltInExample.named(name))
    return try NetworkProblem(parsing: found.json, source: "example \(name)")
}

/// The backward solution of an example checked against `mine`, with the rounded re-solve.
private func check(_ mine: String, example: String) throws -> AnswerCheck {
    let network = try problem(example)
    let solution = try NetworkSolver().backward(network)
    return try AnswerCheck(
        StudentAnswers(parsing: mine, source: "mine.json"), against: solution,
        grading: Grading(roundedResult: { decimals throws(InputError) in
            try NetworkSolver(rounding: Rounding(decimals: decimals)).backward(network).result
        })
    )
}

/// The error checking `mine` against the relu-3-layer backward solution throws.
private func checkError(_ mine: String) throws -> InputError? {
    do {
        _ = try check(mine, example: "relu-3-layer")
        return nil
    } catch let error as InputError {
        return error
    }
}

@Suite("Answer checking")
struct AnswerCheckTests {
    // Acceptance A: the submitted solution had ∂L/∂W⁽²⁾ = [[16, 64, 72], [−24, −46, −108]];
    // by hand (OUTPUT-EXAMPLES.md step 14) δ⁽²⁾ z⁽¹⁾ᵀ = (8, −12)ᵀ [2 8 9] gives −12 · 8 = −96.
    @Test("acceptance A: −46 in ∂L/∂W⁽²⁾ is the one wrong entry, −96 at layer 2, row 2, column 2, step 14")
    func acceptanceA() throws {
        let result = try check(
            #"{"layers": [{}, {"grad_W": [[16, 64, 72], [-24, -46, -108]]}, {}]}"#, example: "relu-3-layer")
        #expect(result.checkedCount == 6)
        #expect(result.wrongCount == 1)
        #expect(result.rightCount == 5)
        let wrong = try #require(result.firstWrong)
        #expect(wrong.path == "layers[1].grad_W[1][1]")
        #expect(wrong.words == "grad_W of layer 2, row 2, column 2")
        #expect(wrong.correct == .number(-96))
        #expect(wrong.step?.number == 14)
        #expect(wrong.step?.lhs == .partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol("W", layer: 2))))
        #expect(!result.passes)
        #expect(
            TextRenderer().proseLayout.text(for: result.summary)
                == "✗ 1 of 6 values is wrong. It is grad_W of layer 2, row 2, column 2: you wrote −46, it is −96; redo step 14."
        )
        // The verdict is a mark, the key is code and the numbers are math, so LaTeX sets ✗ as \times and grad_W in \texttt.
        #expect(result.summary.runs.first == .mark(.fail))
        #expect(result.summary.runs.contains(.code("grad_W")))
        #expect(result.summary.runs.contains(.math(.count(14))))
        let latex = LaTeXRenderer().proseLayout.paragraph(for: result.summary)
        #expect(latex.hasPrefix("$\\times$ $1$ of $6$ values is wrong. It is \\texttt{grad\\_W} of layer $2$"))
        #expect(latex.hasSuffix("redo step $14$."))
    }

    @Test("the rounding verdict is ≈ as math and names the decimals as a number")
    func roundingVerdictProse() throws {
        let result = try check(#"{"layers": [{"delta": [-0.225, 0.4485]}, {}]}"#, example: "tanh-augmented")
        let report = result.report(for: try NetworkSolver().backward(problem("tanh-augmented")))
        let remarks = report.sections[0].items.compactMap { if case .remark(let prose) = $0 { prose } else { nil } }
        #expect(remarks.count == 2)
        let sentence = try #require(remarks.last)
        #expect(sentence.runs.first == .math(.text("≈")))
        #expect(
            TextRenderer().proseLayout.text(for: sentence)
                == "≈ delta of layer 1, entry 1: you wrote −0.225, it is −0.2260; right up to your rounding: it matches when every intermediate is rounded to 3 decimals."
        )
        #expect(
            TextRenderer().proseLayout.text(for: remarks[0])
                == "✓ No value is wrong: 1 of 2 are right and 1 is right up to your rounding (≈ below).")
    }

    @Test("acceptance A: the corrected ∂L/∂W⁽²⁾ passes")
    func acceptanceACorrected() throws {
        let result = try check(
            #"{"layers": [{}, {"grad_W": [[16, 64, 72], [-24, -96, -108]]}, {}]}"#, example: "relu-3-layer")
        #expect(result.passes)
        #expect(result.rightCount == 6)
    }

    // Acceptance B: exact δ⁽¹⁾ = (−0.22597, 0.44853) (numpy); with a⁽ˡ⁾, z⁽ˡ⁾, L, ∂L/∂ŷ and δ⁽ˡ⁾
    // rounded to 3 decimals (f′ unrounded) numpy gives (−0.225, 0.447); see RoundingTests.
    @Test("acceptance B: δ⁽¹⁾ = (−0.225, 0.447) is only rounding, not wrong")
    func acceptanceB() throws {
        let result = try check(#"{"layers": [{"delta": [-0.225, 0.447]}, {}]}"#, example: "tanh-augmented")
        #expect(result.entries.map(\.verdict) == [.rounding, .rounding])
        #expect(result.entries.map { $0.rounding?.decimals } == [3, 3])
        #expect(result.entries.map { $0.rounding?.value } == [-0.225, 0.447])
        #expect(result.entries.map { $0.step?.number } == [12, 12])
        #expect(result.passes)
    }

    @Test("acceptance B: δ⁽¹⁾ = (−0.225, 0.600) has its second entry wrong")
    func acceptanceBWrong() throws {
        let result = try check(#"{"layers": [{"delta": [-0.225, 0.600]}, {}]}"#, example: "tanh-augmented")
        #expect(result.entries.map(\.verdict) == [.rounding, .wrong])
        #expect(result.firstWrong?.words == "delta of layer 1, entry 2")
        #expect(!result.passes)
    }

    @Test("an exact value within half a unit of the last written digit is right: 0.4485 for 0.44853")
    func halfUnitTolerance() throws {
        let result = try check(#"{"layers": [{"delta": [-0.2260, 0.4485]}, {}]}"#, example: "tanh-augmented")
        #expect(result.entries.map(\.verdict) == [.right, .right])
    }

    @Test(
        "the decimals of a written number decide its tolerance",
        arguments: [
            ("0.447", 0.447, 3, 0.0005), ("8", 8, 0, 0.5), ("1e-3", 0.001, 3, 0.0005), ("-46", -46, 0, 0.5),
            ("0e300", 0, 0, 0.5), ("0.00e-5", 0, 7, 0.000_000_05), ("3e2", 300, -2, 50),
        ])
    func writtenDecimals(literal: String, value: Double, decimals: Int, tolerance: Double) {
        let number = WrittenNumber(literal: literal, value: value)
        #expect(number.decimals == decimals)
        #expect(number.tolerance.isApproximatelyEqual(to: tolerance, relativeTolerance: 1e-12))
    }

    @Test(
        "a malformed MINE.json is one error naming the place",
        arguments: [
            (
                #"{"layers": [{}, {"grad_W": [[16, 64, 72], [-24, -46, -108]]}]}"#,
                "mine.json: layers: has 2 entries, but the solution has 3 (write {} for one you do not claim)"
            ),
            (
                #"{"layers": [{}, {"grad_W": [[16, 64, 72]]}, {}]}"#,
                "mine.json: layers[1].grad_W: has 1 row, but the solution has 2"
            ),
            (
                #"{"los": 4}"#,
                "mine.json: unknown key \"los\" (did you mean \"loss\"?); the solution has layers, output, loss, losses, grad_input"
            ),
            (#"{"loss": "four"}"#, "mine.json: loss: expected a number as in the solution, found a string"),
            (
                #"{"loss": 4"#,
                "mine.json: line 1, column 11: unexpected end of input: expected ',' or '}' after an object member"
            ),
        ])
    func malformed(mine: String, message: String) throws {
        let error = try #require(try checkError(mine))
        #expect(error.kind == .invalidData)
        #expect(error.description == message)
    }

    @Test("the report JSON counts the verdicts and names each entry's step")
    func reportJSON() throws {
        let result = try check(#"{"loss": 4, "grad_input": [48, 41]}"#, example: "relu-3-layer")
        let report = result.report(for: try NetworkSolver().backward(problem("relu-3-layer"))).result
        #expect(report["checked"]?.numberValue == 3)
        #expect(report["right"]?.numberValue == 2)
        #expect(report["wrong"]?.numberValue == 1)
        #expect(report["first_wrong"] == .string("grad_input[1]"))
        let entries = report["entries"]?.arrayValue ?? []
        #expect(entries.map { $0["step"]?.numberValue } == [8, 19, 19])
        #expect(entries.map { $0["verdict"] } == [.string("right"), .string("right"), .string("wrong")])
    }
}

@Suite("Rounded intermediates print numbers that reproduce each result")
struct RoundedIntermediatesTextTests {
    /// Regression: tanh′ was taken from the unrounded tanh(a), so the step read
    /// 1 − (−0.902)² = 0.187 where 1 − 0.902² = 0.186396 (by hand).
    @Test("tanh′ comes from the rounded z and is shown with the digits δ uses")
    func tanhDerivativeFromRoundedOutput() throws {
        let example = try #require(BuiltInExample.named("tanh-augmented"))
        let problem = try NetworkProblem(parsing: example.json, source: "tanh")
        let solution = try NetworkSolver(rounding: Rounding(decimals: 3)).backward(problem)
        let text = TextRenderer(options: RenderOptions(precision: 3)).render(solution)
        #expect(text.contains("tanh′(a⁽²⁾) = 1 − tanh(a⁽²⁾)² = 1 − (−0.902)² = 0.186396"))
        // −1.902 · 0.186396 = −0.35453 → −0.355 (by hand).
        #expect(text.contains("= −1.902 · 0.186396 = −0.355"))
        // 1 − 0.604² = 0.635184 and 1 − 0.762² = 0.419356 (by hand).
        #expect(text.contains("(0.635184, 0.419356)ᵀ"))
    }
}
