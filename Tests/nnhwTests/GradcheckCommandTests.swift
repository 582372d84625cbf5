import Foundation
import Testing

@Suite("nnhw gradcheck, formula mode, end to end")
struct GradcheckCommandTests {
    @Test(
        "text and json output match the golden files",
        arguments: [
            (["gradcheck", "--f", "x^3", "--at", "x=2"], "gradcheck-cube.txt"),
            (["gradcheck", "--f", "x^3", "--at", "x=2", "--format", "json"], "gradcheck-cube.json"),
            (["gradcheck", "--f", "x^3", "--at", "x=2", "--method", "forward"], "gradcheck-cube-forward.txt"),
            (["gradcheck", "--f", "a*b + b^2", "--at", "a=-4,b=2"], "gradcheck-two-variables.txt"),
            (["gradcheck", "--f", "relu(x)", "--at", "x=0", "--format", "json"], "gradcheck-relu-kink.json"),
            (["gradcheck"], "gradcheck-demonstration.txt"),
        ])
    func snapshot(arguments: [String], name: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.error == "")
        assertSnapshot(result.output, named: name)
    }

    /// Acceptance A in the text a student reads: 3·x^2, 12, and the difference with numbers put in.
    @Test("acceptance A in the text output")
    func acceptanceText() throws {
        let output = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--eps", "0.001"]).output
        #expect(output.contains("∂f/∂x = 3x² = 3 · 2² = 12"))
        #expect(output.contains("(8.012006001 − 7.988005999) / 0.002 = 12.000001"))
        let forward = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--method", "forward"]).output
        #expect(forward.contains("(8.012006001 − 8) / 0.001 = 12.006001"))
    }

    /// Issue 11, acceptance D: the symbolic derivative 3x² is typeset as a power in LaTeX and
    /// Markdown, while JSON keeps the formula in the syntax `--f` reads (`3·x^2`).
    @Test("acceptance D: the derivative of x^3 is 3x^{2} in LaTeX, 3·x^2 in JSON")
    func typesetDerivative() throws {
        let latex = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--format", "latex"])
        #expect(latex.status == 0)
        #expect(latex.output.contains("\\frac{\\partial f}{\\partial x} &= 3x^{2} = 3 \\cdot 2^{2} = 12"))
        #expect(latex.output.contains("$f$ = $x^{3}$"))
        let markdown = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--format", "markdown"])
        #expect(markdown.output.contains("3x^{2}"))
        let json = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["function"] as? String == "x^3")
        #expect((object["derivative"] as? [String: Any])?["x"] as? String == "3·x^2")
    }

    /// By hand: g = 12, ĝ = 12.000001, so |g − ĝ| / (|g| + |ĝ|) = 10⁻⁶ / 24.000001 = 4.1667·10⁻⁸.
    @Test("the course-style difference is a step in text and a key in JSON")
    func difference() throws {
        let text = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2"]).output
        #expect(text.contains("(5) |g − ĝ| / (|g| + |ĝ|) = 1.0000·10⁻⁶ / 24.000001 = 4.1667·10⁻⁸"))
        let json = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--format", "json"]).output
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entry = try #require((object["variables"] as? [[String: Any]])?.first)
        let difference = try #require(entry["difference"] as? Double)
        #expect(abs(difference - 4.1667e-8) < 1e-12)
    }

    /// Regression: under --sig the values of f at x ± ε kept 3 significant digits,
    /// (f(2.00) − f(2.00)) / 0.002 = (8.01 − 7.99) / 0.002, hiding the digits the quotient needs.
    @Test("--sig rounds the errors but keeps the digits f(x ± ε) needs")
    func significantDigits() throws {
        let output = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--sig", "3"]).output
        #expect(output.contains("(f(2.001) − f(1.999))"))
        #expect(output.contains("(8.012006001 − 7.988005999) / 0.002 = 12.000001"))
        #expect(output.contains("(3) |g − ĝ| = |12 − 12.000001| = 1.00·10⁻⁶"))
    }

    /// By hand: g = 10, ĝ = e⁵ − e⁻⁵ = 148.41, beyond τ = 0.5 of it.
    @Test("a failed check exits 1 and says FAIL")
    func failure() throws {
        let result = try CommandRunner.run(["gradcheck", "--f", "exp(10*x)", "--at", "x=0", "--eps", "0.5"])
        #expect(result.status == 1)
        #expect(result.error == "")
        #expect(result.output.contains("FAIL: ∂f/∂x disagrees"))
    }

    @Test(
        "acceptance D: malformed formulas and points give one line and exit 64 or 65",
        arguments: [
            (
                ["--f", "x^", "--at", "x=1"],
                "nnhw: --f: column 3: expected a number, a variable or '(', but the formula ends", 64
            ),
            (["--f", "(x", "--at", "x=1"], "nnhw: --f: column 3: expected ')'", 64),
            (
                ["--f", "2**x", "--at", "x=1"], "nnhw: --f: column 2: '**' is not an operator; write '^' for a power",
                64
            ),
            (
                ["--f", "foo(x)", "--at", "x=1"],
                "nnhw: --f: column 1: unknown function foo; the functions are exp log sqrt abs sin cos tan tanh sigmoid relu sign step max min",
                64
            ),
            (["--f", "x*y", "--at", "x=1"], "nnhw: --at: no value for y (f uses x, y)", 64),
            (["--f", "x", "--at", "y=1"], "nnhw: --at: y is not a variable of f (f uses x)", 64),
            (["--f", "x", "--at", "x=abc"], #"nnhw: --at: x=abc: "abc" is not a number"#, 64),
            (["--f", "x"], "nnhw: --at: missing; give a value for every variable, e.g. --at x=2", 64),
            (["--at", "x=1"], #"nnhw: --f: missing; give the formula to check, e.g. --f "x^3""#, 64),
            (
                ["--f", "x", "--at", "x=1", "--net", "x.json"],
                "nnhw: --net: is for network mode and --f for formula mode; give one or the other", 64
            ),
            (
                ["--f", "log(x)", "--at", "x=-1"],
                "nnhw: --at: f is not a finite number at x = −1 (NaN); choose a point inside the domain of f", 65
            ),
        ] as [([String], String, Int32)])
    func malformed(arguments: [String], expected: String, status: Int32) throws {
        let result = try CommandRunner.run(["gradcheck"] + arguments)
        #expect(result.status == status)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").first.map(String.init) == expected)
    }

    /// Regression: a 232-character tower of powers in 22 variables, found by the
    /// Expression fuzzer (Tests/Fuzz/Corpus/Expression/regression-power-tower-timeout),
    /// timed out in a harness that differentiated it twice; `gradcheck` must answer in time.
    @Test("a fuzzer's tower of powers is checked in well under 2 s")
    func powerTower() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus/Expression/regression-power-tower-timeout")
        let formula = try String(contentsOf: corpus, encoding: .utf8)
        let variables = Set(formula.split { !$0.isLetter && !$0.isNumber }.filter { $0.first?.isLetter == true })
        let point = variables.sorted().map { "\($0)=1.1" }.joined(separator: ",")
        let start = Date()
        let result = try CommandRunner.run(["gradcheck", "--f", formula, "--at", point, "--format", "json"])
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(result.status == 0 || result.status == 1)
        #expect(result.error == "")
    }
}
