import Foundation
import NNCore
import Testing

@testable import NNHomework

/// The problem of a built-in example.
private func example(_ name: String) throws -> NetworkProblem {
    let found = try #require(BuiltInExample.named(name))
    return try NetworkProblem(parsing: found.json, source: "example \(name)")
}

/// The step whose left-hand side is `lhs`.
private func step(_ solution: Solution, _ lhs: MathExpression) throws -> Step {
    try #require(solution.steps.first { $0.lhs == lhs })
}

/// Every number of an expression, in reading order.
private func numbers(_ expression: MathExpression) -> [Double] {
    switch expression {
    case .number(let x), .given(let x), .preciseNumber(let x, _): [x]
    case .matrix(let m): m.elements
    case .inlineVector(let entries): entries
    case .product(let parts), .infix(_, let parts), .vectorOf(let parts), .apply(_, let parts): parts.flatMap(numbers)
    case .parenthesized(let inner): numbers(inner)
    default: []
    }
}

private func close(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}

private let ln = FunctionName("ln")
private let text = TextRenderer().proseLayout

/// softmax of each row, as numpy's `np.exp(a) / np.exp(a).sum(axis=1, keepdims=True)`.
private func softmaxRows(_ rows: [[Double]]) -> [[Double]] {
    rows.map { row in
        let e = row.map { exp($0) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}

@Suite("Losses per sample, class targets and bias sums in network solutions (issue 11)")
struct NetworkLossStepTests {
    @Test("a class target is named with its 1-based output: class 2 is the 3rd output, −ln(ŷ₃)")
    func classIndexFromOne() throws {
        // a = W x = (1, 0, 0), ŷ = softmax(a) = (e, 1, 1)/(e + 2); class 2 (0-based) is ŷ₃ = 1/(e + 2).
        let spec = #"""
            {"input": [1, 0], "target": 2, "loss": "cross_entropy",
             "layers": [{"weights": [[1, 0], [0, 1], [0, 0]], "bias": [0, 0, 0], "activation": "softmax"}]}
            """#
        let problem = try NetworkProblem(parsing: spec, source: "spec")
        let solution = try NetworkSolver().forward(problem)
        let loss = try step(solution, .symbol(Symbol("L")))
        let e = exp(1.0)
        #expect(loss.rhs.count == 4)
        #expect(loss.rhs[1] == .product([.number(-1), .apply(ln, [.symbol(Symbol("y", index: "3", accent: .hat))])]))
        #expect(close(numbers(loss.rhs[2]), [-1, 1 / (e + 2)]))
        #expect(close(numbers(loss.rhs[3]), [log(e + 2)]))
        #expect(loss.note.map(text.text(for:)) == "class 2, the 3rd output")
        let rendered = TextRenderer().render(solution)
        // 1/(e + 2) = 0.2119, ln(e + 2) = 1.5514.
        #expect(
            rendered.contains(
                "(4) L = −Σⱼ yⱼ ln(ŷⱼ) = −ln(ŷ₃) = −ln(0.2119) = 1.5514\n        [class 2, the 3rd output]\n"))
    }

    @Test("ordinals: 1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th")
    func ordinals() {
        let numbers = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
        #expect(
            numbers.map { "\($0)\(LossNotation.ordinalSuffix($0))" }
                == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"])
    }

    @Test("a batch of 3 shows each ℓₛ with its number put in, and 1ᵀΔ as the sum of Δ's rows; JSON has losses")
    func batchLossesAndBiasSums() throws {
        // By hand, numpy-style: A = X Wᵀ + b, P = softmax(A) row by row, ℓₛ = −ln P[s, yₛ],
        // Δ = (P − Y) / 3, ∂L/∂b = Δ.sum(axis=0).
        let x: [[Double]] = [[1, 2, 0], [0, 1, -1], [2, 0, 1]]
        let w: [[Double]] = [[0.5, -0.2, 0.1], [0.3, 0.8, -0.5], [-0.6, 0.1, 0.9], [0.2, 0.2, 0.2]]
        let b: [Double] = [0, 0.1, -0.1, 0]
        let classes = [1, 3, 0]
        let a = x.map { row in (0..<4).map { k in zip(row, w[k]).reduce(b[k]) { $0 + $1.0 * $1.1 } } }
        let p = softmaxRows(a)
        let losses = classes.enumerated().map { -log(p[$0][$1]) }
        let delta = p.enumerated().map { s, row in row.enumerated().map { ($1 - (classes[s] == $0 ? 1 : 0)) / 3 } }
        let biasGradient = (0..<4).map { k in delta.reduce(0) { $0 + $1[k] } }
        #expect(close(losses, [0.3909, 1.8250, 0.8048], tolerance: 1e-4))  // the golden file's rounded values

        let solution = try NetworkSolver().backward(try example("softmax-cross-entropy-batch"))
        for s in 0..<3 {
            let sample = try step(solution, .symbol(Symbol("ℓ", index: "\(s + 1)")))
            let output = classes[s] + 1
            #expect(
                sample.rhs[0]
                    == .product([.number(-1), .apply(ln, [.symbol(Symbol("y", index: "\(output)", accent: .hat))])]))
            #expect(close(numbers(sample.rhs[1]), [-1, p[s][classes[s]]]))
            #expect(close(numbers(sample.rhs[2]), [losses[s]]))
            #expect(sample.resultPaths == ["losses[\(s)]"])
        }
        #expect(close(solution.result["losses"]?.arrayValue?.compactMap(\.numberValue) ?? [], losses))
        let mean = losses.reduce(0, +) / 3
        #expect(close([solution.result["loss"]?.numberValue ?? .nan], [mean]))

        let bias = try step(solution, .partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol("b", layer: 1))))
        guard case .infix(.plus, let columns) = bias.rhs[1] else {
            Issue.record("∂L/∂b⁽¹⁾ is not written as a sum: \(bias.rhs)")
            return
        }
        #expect(columns.count == 3)
        for (s, column) in columns.enumerated() {
            guard case .matrix(let m) = column else { continue }
            #expect(m.columns == 1)
            #expect(close(m.elements, delta[s]))
        }
        #expect(close(numbers(bias.rhs[2]), biasGradient))
        let rendered = TextRenderer().render(solution)
        #expect(rendered.contains(" (4) ℓ₁ = −ln(ŷ₂) = −ln(0.6765) = 0.3909   [class 1, the 2nd output]\n"))
        #expect(rendered.contains("     Each sample s has its own loss ℓₛ = −Σⱼ yⱼ ln(ŷⱼ).\n"))
    }

    @Test("a wrong ℓ₂ in MINE.json names losses, entry 2 and its own step to redo")
    func wrongSampleLoss() throws {
        let solution = try NetworkSolver().forward(try example("softmax-cross-entropy-batch"))
        let check = try AnswerCheck(
            StudentAnswers(parsing: #"{"losses": [0.3909, 1.9, 0.80]}"#, source: "mine.json"), against: solution)
        #expect(check.entries.map(\.verdict) == [.right, .wrong, .right])
        let wrong = try #require(check.firstWrong)
        #expect(wrong.words == "losses, entry 2")
        #expect(wrong.step?.number == 5)
        #expect(wrong.step?.lhs == .symbol(Symbol("ℓ", index: "2")))
    }

    @Test(
        "one sample has losses = [L]; the steps' text runs are plain words",
        arguments: BuiltInExample.all.filter { !StackProblem.isStack((try? JSONValue(parsing: $0.json)) ?? .null) }.map(
            \.name))
    func plainWords(_ name: String) throws {
        let solution = try NetworkSolver().backward(try example(name))
        if let loss = solution.result["loss"], !(try example(name)).isBatch {
            #expect(solution.result["losses"] == .array([loss]))
        }
        var prose = [solution.title] + solution.preamble + solution.sections.map(\.title)
        prose += solution.steps.compactMap(\.note)
        for section in solution.sections {
            for case .remark(let remark) in section.items { prose.append(remark) }
        }
        let allowed = Set("—–’“”…")
        for run in prose.flatMap(\.runs) {
            guard case .text(let words) = run else { continue }
            let stray = words.filter { !(($0.isASCII && !$0.isNewline) || allowed.contains($0)) }
            #expect(stray.isEmpty, "\(name): “\(words)” holds \(stray)")
        }
    }

    @Test("forward without a target or loss writes no loss; backward and the default decoder need them")
    func forwardWithoutLoss() throws {
        let spec = #"{"input": [2], "layers": [{"weights": [[3]], "bias": [1], "activation": "identity"}]}"#
        let problem = try NetworkProblem(parsing: spec, source: "spec", requiresLoss: false)
        #expect(problem.target == nil)
        let solution = try NetworkSolver().forward(problem)
        #expect(solution.sections.map(\.title) == ["Forward pass"])
        #expect(solution.result["loss"] == nil)
        #expect(solution.result["losses"] == nil)
        #expect(solution.result["output"] == .array([.number(7)]))
        #expect(text.text(for: solution.title) == "Forward pass · 1 dense layer, identity · one sample")
        #expect(throws: InputError.self) { try NetworkSolver().backward(problem) }
        #expect {
            try NetworkProblem(parsing: spec, source: "spec")
        } throws: { error in
            (error as? InputError)?.description == "spec: missing key \"target\""
        }
    }

    @Test("the update remark and step write η as given: 0.1, not 0.10000000000000001")
    func learningRateGiven() throws {
        let spec = #"""
            {"input": 1, "target": 1, "loss": "squared_error", "learning_rate": 0.1,
             "layers": [{"weights": [[0.3]], "bias": [0.2], "activation": "identity"}]}
            """#
        let solution = try NetworkSolver().backward(try NetworkProblem(parsing: spec, source: "spec"))
        let update = try #require(solution.sections.last)
        guard case .remark(let remark) = update.items.first else {
            Issue.record("no update remark")
            return
        }
        #expect(remark.runs.last == .math(.given(0.1)))
        #expect(
            text.text(for: remark) == "W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾ and b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾ with η = 0.1")
        let precise = TextRenderer(options: RenderOptions(precision: 17)).proseLayout.text(for: remark)
        #expect(precise.hasSuffix("with η = 0.1"))
    }
}
