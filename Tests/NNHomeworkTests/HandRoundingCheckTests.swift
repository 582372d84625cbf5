import NNCore
import Testing

@testable import NNHomework

/// Issue 14, acceptance B: hand solutions rounded per quantity, each value
/// computed from the previous rounded ones, are never "wrong".
///
/// The fixtures come from this python3 script, run once (decimal rounding, halves
/// away from zero; f′ from the rounded z: 1 − z² for tanh, z(1 − z) for sigmoid);
/// the test writes its output with the decimals each value was rounded to (0.70, 1.00):
///
///     # Hand solutions rounded per quantity, each from the previous rounded values.
///     from decimal import Decimal, ROUND_HALF_UP
///     import math, json
///     def r(x, k):  # k decimals, halves away from zero
///         return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-k), rounding=ROUND_HALF_UP))
///     def rs(x, s):  # s significant figures
///         k = s - 1 - math.floor(math.log10(abs(x)))
///         return r(x, k)
///     # tanh-augmented: x=2, y=1, W1=[[0.1,0.3],[0.2,0.4]], W2=[[0.2,1,-3]], L=1/2(z2-y)^2
///     x, y = 2.0, 1.0
///     a1 = [r(0.1 + 0.3*x, 2), r(0.2 + 0.4*x, 2)]
///     z1 = [r(math.tanh(v), 3) for v in a1]
///     a2 = r(0.2 + 1*z1[0] - 3*z1[1], 2)
///     z2 = r(math.tanh(a2), 3)
///     d2 = r((z2 - y)*(1 - z2*z2), 3)
///     gW2 = [d2, r(d2*z1[0], 4), r(d2*z1[1], 4)]
///     d1 = [r(1*d2*(1 - z1[0]**2), 4), r(-3*d2*(1 - z1[1]**2), 4)]
///     gW1 = [[d1[0], r(d1[0]*x, 4)], [d1[1], r(d1[1]*x, 4)]]
///     gx = rs(0.3*d1[0] + 0.4*d1[1], 3)
///     print(json.dumps({"layers": [{"a": a1, "z": z1, "delta": d1, "grad_W": gW1},
///                                  {"a": [a2], "z": [z2], "delta": [d2], "grad_W": [gW2]}], "grad_input": [gx]}))
///     # sigmoid 2-2-2 (Mazur's example): x=(0.05,0.1), y=(0.01,0.99), eta=0.5, L=1/2 sum (z2-y)^2
///     s = lambda v: 1/(1+math.exp(-v))
///     x = [0.05, 0.10]; y = [0.01, 0.99]
///     W1 = [[0.15, 0.20], [0.25, 0.30]]; b1 = [0.35, 0.35]
///     W2 = [[0.40, 0.45], [0.50, 0.55]]; b2 = [0.60, 0.60]
///     a1 = [r(W1[i][0]*x[0] + W1[i][1]*x[1] + b1[i], 3) for i in range(2)]
///     z1 = [r(s(v), 4) for v in a1]
///     a2 = [r(W2[i][0]*z1[0] + W2[i][1]*z1[1] + b2[i], 3) for i in range(2)]
///     z2 = [r(s(v), 4) for v in a2]
///     d2 = [r((z2[i] - y[i])*z2[i]*(1 - z2[i]), 4) for i in range(2)]
///     gW2 = [[r(d2[i]*z1[j], 5) for j in range(2)] for i in range(2)]
///     d1 = [rs((W2[0][j]*d2[0] + W2[1][j]*d2[1])*z1[j]*(1 - z1[j]), 3) for j in range(2)]
///     gW1 = [[rs(d1[i]*x[j], 3) for j in range(2)] for i in range(2)]
///     W2u = [[r(W2[i][j] - 0.5*gW2[i][j], 4) for j in range(2)] for i in range(2)]
///     print(json.dumps({"layers": [{"a": a1, "z": z1, "delta": d1, "grad_W": gW1},
///                                  {"a": a2, "z": z2, "delta": d2, "grad_W": gW2, "W_updated": W2u}]}))
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
        // Under one rounding for every intermediate, this solution is 6 values wrong (the issue's complaint).
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

    /// The issue's example: a, z and ŷ to 2 decimals, δ⁽²⁾ to 3, δ⁽¹⁾ to 4, each from the rounded
    /// values before it (python3, as above): z⁽¹⁾ = (0.60, 0.76), a⁽²⁾ = −1.48, ŷ = −0.90,
    /// δ⁽²⁾ = r(−1.90 · (1 − 0.81), 3) = −0.361, δ⁽¹⁾ = (r(−0.361 · 0.64, 4), r(1.083 · 0.4224, 4)) = (−0.2310, 0.4575).
    @Test("regression: the issue's hand solution, once \"3 of 9 wrong\", passes")
    func issueExample() throws {
        let check = try checkBackward(
            #"{"layers": [{"a": [0.70, 1.00], "z": [0.60, 0.76], "delta": [-0.2310, 0.4575]}, {"a": [-1.48], "z": [-0.90], "delta": [-0.361]}], "output": [-0.90]}"#,
            builtInProblem("tanh-augmented"))
        #expect(check.checkedCount == 10)
        #expect(check.passes)
        #expect(check.roundingCount == 3)
    }
}
