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
        #expect(output.contains("∂f/∂x = 3·x^2 = 3·2^2 = 12"))
        #expect(output.contains("(8.012006001 − 7.988005999) / 0.002 = 12.000001"))
        let forward = try CommandRunner.run(["gradcheck", "--f", "x^3", "--at", "x=2", "--method", "forward"]).output
        #expect(forward.contains("(8.012006001 − 8) / 0.001 = 12.006001"))
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
}
