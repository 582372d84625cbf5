import NNCore
import Testing

@testable import NNHomework

/// Issue 14, acceptance B: hand solutions rounded per quantity, each value
/// computed from the previous rounded ones, are never "wrong".
///
/// The fixtures come from a python3 script run once (decimal rounding, halves
/// away from zero; f′ from the rounded z: 1 − z² for tanh, z(1 − z) for sigmoid):
///
///     r = lambda x, k: float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-k), ROUND_HALF_UP))
///     rs = lambda x, s: r(x, s - 1 - floor(log10(abs(x))))          # s significant figures
///     # tanh-augmented: a to 2 decimals, z to 3, δ⁽²⁾ to 3, ∂L/∂W⁽²⁾ and δ⁽¹⁾ to 4, ∂L/∂x to 3 s.f.
///     a1 = [r(0.1 + 0.3*2, 2), r(0.2 + 0.4*2, 2)]                    # (0.70, 1.00)
///     z1 = [r(tanh(v), 3) for v in a1]                               # (0.604, 0.762)
///     a2 = r(0.2 + z1[0] - 3*z1[1], 2); z2 = r(tanh(a2), 3)          # −1.48, −0.901
///     d2 = r((z2 - 1)*(1 - z2**2), 3)                                # −0.358
///     d1 = [r(d2*(1 - z1[0]**2), 4), r(-3*d2*(1 - z1[1]**2), 4)]     # (−0.2274, 0.4504)
///     # sigmoid 2-2-2: a to 3 decimals, z and δ⁽²⁾ to 4, ∂L/∂W⁽²⁾ to 5, δ⁽¹⁾ and ∂L/∂W⁽¹⁾ to
///     # 3 significant figures, W⁽²⁾ updated to 4 decimals (each from the rounded values before it).
@Suite("Hand solutions rounded per quantity")
struct HandRoundingCheckTests {
    @Test("acceptance B: the tanh example rounded to 2, 3 and 4 decimals and 3 significant figures has nothing wrong")
    func tanhNetwork() throws {
        let mine = """
            {"layers": [{"a": [0.70, 1.00], "z": [0.604, 0.762], "delta": [-0.2274, 0.4504],
                         "grad_W": [[-0.2274, -0.4548], [0.4504, 0.9008]]},
                        {"a": [-1.48], "z": [-0.901], "delta": [-0.358], "grad_W": [[-0.358, -0.2162, -0.2728]]}],
             "grad_input": [0.112]}
            """
        let check = try checkBackward(mine, builtInProblem("tanh-augmented"))
        #expect(check.checkedCount == 17)
        #expect(check.entries.allSatisfy { $0.verdict == .right || $0.verdict == .rounding })
        #expect(check.passes)
        // δ⁽¹⁾ = (−0.2274, 0.4504) is off the exact (−0.22597, 0.44853) by more than 0.00005,
        // and follows from the student's own δ⁽²⁾ = −0.358 and z⁽¹⁾ = (0.604, 0.762).
        let delta = check.entries.filter { $0.path.hasPrefix("layers[0].delta") }
        #expect(delta.map(\.verdict) == [.rounding, .rounding])
        #expect(delta.map { $0.rounding?.source } == [.yourValues, .yourValues])
        #expect(delta.map { $0.rounding?.decimals } == [4, 4])
        // Under one rounding for every intermediate, this solution is 6 values wrong (the complaint).
        let problem = try builtInProblem("tanh-augmented")
        let everyIntermediate = try AnswerCheck(
            StudentAnswers(parsing: mine, source: "mine.json"), against: NetworkSolver().backward(problem),
            grading: Grading(roundedResult: { decimals throws(InputError) in
                try NetworkSolver(rounding: Rounding(decimals: decimals)).backward(problem).result
            }))
        #expect(!everyIntermediate.passes)
    }

    @Test("acceptance B: a sigmoid 2-2-2 network rounded per quantity, to decimals and significant figures, passes")
    func sigmoidNetworkRounded() throws {
        let mine = """
            {"layers": [{"a": [0.378, 0.392], "z": [0.5934, 0.5968], "delta": [0.00877, 0.00995],
                         "grad_W": [[0.000439, 0.000877], [0.000498, 0.000995]]},
                        {"a": [1.106, 1.225], "z": [0.7514, 0.7729], "delta": [0.1385, -0.0381],
                         "grad_W": [[0.08219, 0.08266], [-0.02261, -0.02274]],
                         "W_updated": [[0.3589, 0.4087], [0.5113, 0.5614]]}]}
            """
        let check = try checkBackward(mine, sigmoidNetwork())
        #expect(check.checkedCount == 24)
        #expect(check.entries.allSatisfy { $0.verdict == .right || $0.verdict == .rounding })
        // z⁽¹⁾₁ = σ(0.378) = 0.59339 from the student's a⁽¹⁾; exact σ(0.3775) = 0.59327.
        let z = try #require(check.entries.first { $0.path == "layers[0].z[0]" })
        #expect(z.verdict == .rounding)
        // ∂L/∂W⁽²⁾₁₁ = 0.1385 · 0.5934 = 0.082186 → 0.08219 (4 significant figures); exact 0.082167.
        let gradient = try #require(check.entries.first { $0.path == "layers[1].grad_W[0][0]" })
        #expect(gradient.rounding?.significantFigures == 4)
        #expect(gradient.rounding?.source == .yourValues)
    }

    @Test("a value no rounding of the student's own values explains stays wrong, and only it")
    func wrongStaysWrong() throws {
        // The tanh hand solution above with δ⁽¹⁾₂ = 0.4600 where its own values give 0.4504.
        let mine = """
            {"layers": [{"a": [0.70, 1.00], "z": [0.604, 0.762], "delta": [-0.2274, 0.4600],
                         "grad_W": [[-0.2274, -0.4548], [0.4504, 0.9008]]},
                        {"a": [-1.48], "z": [-0.901], "delta": [-0.358], "grad_W": [[-0.358, -0.2162, -0.2728]]}],
             "grad_input": [0.112]}
            """
        let check = try checkBackward(mine, builtInProblem("tanh-augmented"))
        #expect(check.entries.filter { $0.verdict == .wrong }.map(\.path) == ["layers[0].delta[1]"])
        #expect(!check.passes)
    }
}
