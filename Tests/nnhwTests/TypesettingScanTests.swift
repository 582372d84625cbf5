import Foundation
import Testing

/// Every golden case: each example × subcommand, the README's runs and the
/// answer checks, as command lines without `--format` (the scan adds each format).
enum GoldenCases {
    static let invocations: [[String]] = {
        var lines: [[String]] = exampleNames.flatMap { example in
            ["forward", "backward", "gradcheck"].map { [$0, "--net", "Examples/\(example).json"] }
        }
        lines += ConvolutionRun.all.map(\.arguments)
        lines += BudgetSnapshotCase.commands.map(\.1)
        lines += ParamsCommandTests.snapshotRuns.map(\.arguments)
        lines += ChainRun.all.map(\.arguments) + ShapesRun.all.map(\.arguments)
        lines += TypesetCase.readmeExamples.map(\.1)
        lines += [
            ["gradcheck", "--f", "x^3", "--at", "x=2"],
            ["gradcheck", "--f", "x^3", "--at", "x=2", "--method", "forward"],
            ["gradcheck", "--f", "a*b + b^2", "--at", "a=-4,b=2"],
            ["gradcheck", "--f", "relu(x)", "--at", "x=0"],
            ["gradcheck", "--f", "sigmoid(w*x + b)", "--at", "w=0.5,x=2,b=-1"],
            ["gradcheck", "--f", "log(1 + exp(x)) / x - sqrt(abs(x))", "--at", "x=0.7"],
            ["gradcheck"],
            ["params", "--arch", "Examples/architectures/lenet.json"],
            [
                "backward", "--net", "Examples/relu-3-layer.json", "--check",
                "Tests/nnhwTests/Fixtures/relu-submitted.json",
            ],
            [
                "backward", "--net", "Examples/tanh-augmented.json", "--check",
                "Tests/nnhwTests/Fixtures/tanh-wrong.json",
            ],
            ["backward", "--net", "Examples/tanh-augmented.json", "--round-intermediates", "3"],
            ["forward", "--net", "Tests/nnhwTests/Fixtures/relu-no-loss.json"],
            ["backward", "--net", "Tests/nnhwTests/Fixtures/learning-rate-tenth.json"],
            ["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1", "--flip", "--padding", "1"],
        ]
        lines += CheckReportTests.runs.map(\.arguments)
        var seen = Set<[String]>()
        return lines.map(withoutFormat).filter { seen.insert($0).inserted }
    }()

    /// `arguments` without a `--format X` pair.
    private static func withoutFormat(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
            } else if argument == "--format" {
                skipNext = true
            } else {
                result.append(argument)
            }
        }
        return result
    }
}

/// What the scan finds wrong in one output.
enum TypesettingDefect {
    /// Unicode superscript and subscript characters, which LaTeX engines drop or reject.
    static let scripts = Set(
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᵀˡᵃᵇᶜᵈᵉᶠᵍʰʲᵏᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵁⱽᵂ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ")

    /// The defects of `output`, written in `format`, as sentences; empty when there are none.
    static func defects(in output: String, format: String) -> [String] {
        var found: [String] = []
        if output.contains("\\textbf{?}") || output.contains("\u{FFFD}") { found.append("a ? placeholder") }
        if format == "latex" || format == "markdown" {
            if let script = output.first(where: scripts.contains) {
                found.append("a Unicode super- or subscript \(script)")
            }
            if output.contains("\\textasciicircum") { found.append("\\textasciicircum") }
            for body in textBodies(in: output) where body.contains("_") || body.contains("^") {
                found.append("_ or ^ inside \\text{\(body)}")
            }
        }
        if format == "latex", let character = output.first(where: { !$0.isASCII }) {
            found.append("the unmapped character \(character)")
        }
        if format != "json", let long = longFloat(in: output) {
            found.append("a float with more than 15 significant digits: \(long)")
        }
        return found
    }

    /// The contents of every `\text{…}`, braces balanced.
    static func textBodies(in source: String) -> [String] {
        var bodies: [String] = []
        var rest = Substring(source)
        while let start = rest.range(of: "\\text{") {
            var depth = 1
            var body = ""
            var index = start.upperBound
            while index < rest.endIndex && depth > 0 {
                let character = rest[index]
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
                if depth > 0 { body.append(character) }
                index = rest.index(after: index)
            }
            bodies.append(body)
            rest = rest[index...]
        }
        return bodies
    }

    /// The first decimal number with more than 15 significant digits, if any.
    static func longFloat(in text: String) -> String? {
        var number = ""
        for character in text + " " {
            if character.isASCII && (character.isNumber || character == ".") {
                number.append(character)
                continue
            }
            let digits = number.filter(\.isNumber).drop { $0 == "0" }
            if number.contains(".") && digits.count > 15 { return number }
            number = ""
        }
        return nil
    }
}

@Suite("Typesetting scan of every golden case (issue 11, acceptance A and E)")
struct TypesettingScanTests {
    @Test(
        "LaTeX, Markdown, text and JSON have no placeholder, stray script, unmapped character or long float",
        arguments: GoldenCases.invocations)
    func scan(arguments: [String]) throws {
        for format in ["text", "json", "markdown", "latex"] {
            let result = try CommandRunner.run(arguments + ["--format", format])
            #expect(result.status == 0 || result.status == 1, "\(format): \(result.error)")
            let defects = TypesettingDefect.defects(in: result.output, format: format)
            #expect(defects.isEmpty, "\(format): \(defects.joined(separator: "; "))")
        }
    }

    @Test("at --width 80 no text line is wider than 80 columns", arguments: GoldenCases.invocations)
    func width(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments + ["--width", "80"])
        let lines: [Substring] = result.output.split(separator: "\n")
        let widest = lines.max { $0.count < $1.count } ?? ""
        #expect(widest.count <= 80, "\(widest)")
    }

    @Test("the scan finds each defect it looks for")
    func scanFindsDefects() {
        #expect(TypesettingDefect.defects(in: "a$^{(1)}$ \\textbf{?}", format: "latex") == ["a ? placeholder"])
        #expect(TypesettingDefect.defects(in: "z⁽²⁾", format: "markdown").count == 1)
        #expect(TypesettingDefect.defects(in: "\\text{n_out}", format: "markdown").count == 1)
        #expect(TypesettingDefect.defects(in: "\\text{3\\textasciicircum{}2}", format: "latex").count == 1)
        #expect(TypesettingDefect.defects(in: "δ", format: "latex") == ["the unmapped character δ"])
        #expect(TypesettingDefect.defects(in: "η = 0.10000000000000001", format: "text").count == 1)
        #expect(TypesettingDefect.defects(in: "η = 0.1, 1234567.25, 0.000012345678901234", format: "text").isEmpty)
        #expect(TypesettingDefect.defects(in: "δ⁽¹⁾ = 0.4485", format: "text").isEmpty)
    }
}
