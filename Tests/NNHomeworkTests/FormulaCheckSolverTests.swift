import NNCore
import Testing

@testable import NNHomework

@Suite("Formula gradient check: problem decoding and solver")
struct FormulaCheckSolverTests {
    private func result(
        _ formula: String, at point: String, eps: Double? = nil, method: FiniteDifference = .central
    ) throws
        -> (JSONValue, Bool)
    {
        let problem = try FormulaCheckProblem(formula: formula, point: point, epsilon: eps, method: method)
        let checked = try FormulaCheckSolver().check(problem)
        return (checked.solution.result, checked.passed)
    }

    /// Acceptance A. By hand: f′ = 3x², f′(2) = 12;
    /// central (2.001³ − 1.999³)/0.002 = (8.012006001 − 7.988005999)/0.002 = 12.000001;
    /// forward (2.001³ − 2³)/0.001 = 12.006001.
    @Test("acceptance A: x^3 at x = 2, ε = 0.001")
    func acceptanceA() throws {
        let (central, passed) = try result("x^3", at: "x=2", eps: 0.001)
        #expect(passed)
        #expect(central["derivative"]?["x"] == .string("3·x^2"))
        let entry = try #require(central["variables"]?.arrayValue?.first)
        #expect(entry["analytic"]?.numberValue == 12)
        let numeric = try #require(entry["numeric"]?.numberValue)
        #expect(numeric.isApproximatelyEqual(to: 12.000001, relativeTolerance: 1e-9))
        #expect(central["pass"] == .bool(true))
        let (forward, _) = try result("x^3", at: "x=2", eps: 0.001, method: .forward)
        let forwardNumeric = try #require(forward["variables"]?.arrayValue?.first?["numeric"]?.numberValue)
        #expect(forwardNumeric.isApproximatelyEqual(to: 12.006001, relativeTolerance: 1e-9))
        #expect(forward["method"] == .string("forward"))
    }

    /// By hand: ∂(ab + b²)/∂a = b = 2, ∂/∂b = a + 2b = 0 at (−4, 2).
    @Test("several variables: every partial derivative, in the order of --at")
    func severalVariables() throws {
        let (json, passed) = try result("a*b + b^2", at: "a=-4,b=2")
        #expect(passed)
        let entries = try #require(json["variables"]?.arrayValue)
        #expect(entries.map { $0["name"]?.stringValue } == ["a", "b"])
        #expect(entries.map { $0["analytic"]?.numberValue } == [2, 0])
        #expect(json["derivative"]?["b"] == .string("a + 2·b"))
        // ∂f/∂b: g = 0 and ĝ = 0 exactly (f(−4, 2 ± ε) = −4 + 2ε·… cancels), so the difference is 0, not 0/0.
        #expect(entries[1]["difference"]?.numberValue == 0)
        #expect(entries[1]["numeric"]?.numberValue == 0)
        #expect(json["point"]?["a"]?.numberValue == -4)
    }

    /// By hand: g = 10·e⁰ = 10, ĝ = (e⁵ − e⁻⁵)/1 = 148.41; |g − ĝ| = 138.4 > τ·148.4 = 74.2.
    @Test("a step too large for the curvature fails the rule")
    func failing() throws {
        let (json, passed) = try result("exp(10*x)", at: "x=0", eps: 0.5)
        #expect(!passed)
        #expect(json["variables"]?.arrayValue?.first?["pass"] == .bool(false))
    }

    @Test("a check across a kink is flagged, not failed: relu at 0")
    func kink() throws {
        let (json, passed) = try result("relu(x)", at: "x=0")
        #expect(passed)
        let entry = try #require(json["variables"]?.arrayValue?.first)
        #expect(entry["kink"] == .bool(true))
        #expect(entry["analytic"]?.numberValue == 0)  // relu′(0) = 0
        #expect(entry["numeric"]?.numberValue == 0.5)  // (0.001 − 0)/0.002
    }

    @Test(
        "malformed values are usage errors at their option",
        arguments: [
            ("x^", "x=1", "--f: column 3: expected a number, a variable or '(', but the formula ends"),
            ("x*y", "x=1", "--at: no value for y (f uses x, y)"),
            ("x", "x=1,x=2", "--at: x is given more than once"),
            ("x", "x", #"--at: expected name=value pairs separated by commas, got "x""#),
            ("2", "x=1", "--f: f has no variables to differentiate"),
        ] as [(String, String, String)])
    func usageErrors(formula: String, point: String, expected: String) {
        #expect(throws: InputError.self) {
            try FormulaCheckProblem(formula: formula, point: point)
        }
        do {
            _ = try FormulaCheckProblem(formula: formula, point: point)
        } catch {
            #expect(error.kind == .usage)
            #expect(error.description == expected)
        }
    }

    @Test("f outside its domain is invalid data")
    func domain() throws {
        let problem = try FormulaCheckProblem(formula: "log(x)", point: "x=-1")
        #expect(throws: InputError.self) { try FormulaCheckSolver().check(problem) }
        do {
            _ = try FormulaCheckSolver().check(problem)
        } catch {
            #expect(error.kind == .invalidData)
        }
    }

    @Test("digits: enough to show |g − ĝ| to 4 significant digits, and f(x ± ε) to reproduce ĝ")
    func digits() {
        #expect(CheckDigits.decimals(resolving: 1e-6, of: 12) == 9)
        #expect(CheckDigits.decimals(9, dividedBy: 0.002, for: 8) == 12)
        #expect(CheckDigits.exactDecimals(2.001) == 3)
        #expect(CheckDigits.decimals(resolving: 0, of: 12) == 0)
    }
}

/// Issue 11: words are plain text and everything else math, so each renderer sets
/// ε, τ, O(ε²) and |g − ĝ| in its own notation.
@Suite("Gradient checks write their prose as words and math")
struct GradientCheckProseTests {
    /// The characters a text run may hold: ASCII and typographic punctuation.
    static func isPlainWords(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII || "—–’“”…".contains($0) }
    }

    /// Every prose of a solution: title, preamble, section titles, remarks, step notes and column titles.
    static func prose(of solution: Solution) -> [Prose] {
        var all = [solution.title] + solution.preamble
        for section in solution.sections {
            all.append(section.title)
            for item in section.items {
                switch item {
                case .remark(let remark): all.append(remark)
                case .step(let step): all += step.note.map { [$0] } ?? []
                case .table(let table): all += table.columns.map(\.title)
                }
            }
        }
        return all
    }

    static func textRuns(of solution: Solution) -> [String] {
        prose(of: solution).flatMap(\.runs).compactMap { if case .text(let text) = $0 { text } else { nil } }
    }

    @Test(
        "formula mode: no symbol, number or operator in a text run",
        arguments: [
            ("x^3", "x=2", "central"), ("x^3", "x=2", "forward"), ("a*b + b^2", "a=-4,b=2", "central"),
            ("relu(x)", "x=0", "central"), ("exp(10*x)", "x=0", "central"),
        ])
    func formula(formula: String, point: String, method: String) throws {
        let problem = try FormulaCheckProblem(
            formula: formula, point: point, epsilon: method == "forward" ? 1e-12 : nil,
            method: method == "forward" ? .forward : .central)
        let solution = try FormulaCheckSolver().check(problem).solution
        for text in Self.textRuns(of: solution) {
            #expect(Self.isPlainWords(text), "\(text)")
            #expect(text.allSatisfy { !$0.isNumber }, "\(text)")
        }
    }

    @Test("network mode: no symbol, number or operator in a text run", arguments: ["relu-3-layer", "tanh-augmented"])
    func network(name: String) throws {
        let example = try #require(BuiltInExample.named(name))
        let problem = try NetworkProblem(parsing: example.json, source: name)
        let target = try #require(problem.target)
        var gradients = problem.network.backward(problem.network.forward(problem.input), target: target)
        gradients.weightGradients[0][0, 0] += 1  // a failure, so the FAIL verdict is scanned too
        let (solution, _) = try NetworkGradientCheckSolver().solve(problem, against: gradients)
        for text in Self.textRuns(of: solution) where text != problem.description {
            #expect(Self.isPlainWords(text), "\(text)")
            #expect(text.allSatisfy { !$0.isNumber }, "\(text)")
        }
    }
}
