import Testing

/// One run of a subcommand's README example in LaTeX or Markdown, to compare with a golden file.
struct TypesetCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let format: String

    var snapshotName: String { "\(name).\(format == "latex" ? "tex" : "md")" }
    var testDescription: String { (arguments + ["--format", format]).joined(separator: " ") }

    /// The README example of each subcommand that does not read a network spec.
    static let readmeExamples: [(String, [String])] = [
        ("gradcheck-cube", ["gradcheck", "--f", "x^3", "--at", "x=2"]),
        ("gradcheck-net-relu", ["gradcheck", "--net", "Examples/relu-3-layer.json", "--params", "W3,b3"]),
        (
            "conv-size-acceptance-a",
            ["conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "3", "--stride", "2", "--filters", "2"]
        ),
        ("conv-flip-padding", ["conv", "--input", "6 0 1; 3 4 1; 1 7 0", "--kernel", "1 0; 0 -1"]),
        ("pool-max", ["pool", "--input", "1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4", "--size", "2", "--mode", "max"]),
        (
            "params-lenet",
            [
                "params", "--layers",
                "input 28x28x1; conv 10 k5; maxpool 2; conv 20 k5; maxpool 2; flatten; dense 50; dense 10",
            ]
        ),
        (
            "hyperparam-count-grid",
            [
                "hyperparam-count", "--grid", "d=10", "--grid", "lambda=6", "--grid", "p=5", "--epochs", "10",
                "--epoch-time", "2min",
            ]
        ),
        (
            "train-cost-dollars",
            ["train-cost", "--dollars", "5580000", "--price", "0.085", "--household-kwh-per-month", "899"]
        ),
    ]

    static let all: [TypesetCase] =
        exampleNames.flatMap { example in
            ["forward", "backward"].flatMap { command in
                ["latex", "markdown"].map {
                    TypesetCase(
                        name: "\(command)-\(example)", arguments: [command, "--net", "Examples/\(example).json"],
                        format: $0)
                }
            }
        }
        + readmeExamples.flatMap { name, arguments in
            ["latex", "markdown"].map { TypesetCase(name: name, arguments: arguments, format: $0) }
        }
}

@Suite("LaTeX and Markdown output")
struct TypesetOutputTests {
    @Test("Every example and README example in LaTeX and Markdown matches its golden file", arguments: TypesetCase.all)
    func typeset(_ run: TypesetCase) throws {
        let result = try CommandRunner.run(run.arguments + ["--format", run.format])
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: run.snapshotName)
        if run.format == "latex" {
            // The escaper maps every character nnhw writes; a bold ? marks one it does not know.
            let isASCII = result.output.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(isASCII)
            #expect(!result.output.contains("\\textbf{?}"))
        }
    }

    @Test("--standalone wraps the LaTeX fragment in a document with amsmath")
    func standalone() throws {
        let arguments = ["backward", "--example", "relu-3-layer", "--format", "latex"]
        let fragment = try CommandRunner.run(arguments)
        let document = try CommandRunner.run(arguments + ["--standalone"])
        #expect(document.status == 0)
        #expect(
            document.output
                == "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n"
                + "\\begin{document}\n\n"
                + fragment.output + "\n\\end{document}\n")
        // Step 14 of the ReLU example, ∂L/∂W⁽²⁾ = δ⁽²⁾ z⁽¹⁾ᵀ, by hand: (8, −12)ᵀ (2, 8, 9) = [[16, 64, 72], [−24, −96, −108]].
        #expect(fragment.output.contains("\\begin{bmatrix} 16 & 64 & 72 \\\\ -24 & -96 & -108 \\end{bmatrix}"))
    }

    @Test("--standalone without --format latex is a usage error", arguments: [[], ["--format", "markdown"]])
    func standaloneNeedsLaTeX(_ format: [String]) throws {
        let result = try CommandRunner.run(["backward", "--example", "relu-3-layer", "--standalone"] + format)
        #expect(result.status == 64)
        #expect(result.output == "")
        #expect(result.error.hasPrefix("nnhw: --standalone: only goes with --format latex\nUsage: nnhw backward "))
    }

    @Test("--max-columns elides the middle columns in text and LaTeX, and rejects a bad value")
    func maxColumns() throws {
        let arguments = ["forward", "--example", "softmax-cross-entropy-batch"]
        // W⁽¹⁾ᵀ of the spec is [[0.5, 0.3, −0.6, 0.2], [−0.2, 0.8, 0.1, 0.2], [0.1, −0.5, 0.9, 0.2]]:
        // at most 3 columns shown keeps the first and the last around the gap.
        let latex = try CommandRunner.run(arguments + ["--format", "latex", "--max-columns", "3"])
        #expect(
            latex.output.contains(
                "\\begin{bmatrix} 0.5 & \\cdots & 0.2 \\\\ -0.2 & \\cdots & 0.2 \\\\ 0.1 & \\cdots & 0.2 \\end{bmatrix}"
            ))
        let full = try CommandRunner.run(arguments + ["--format", "latex"])
        #expect(full.output.contains("\\begin{bmatrix} 0.5 & 0.3 & -0.6 & 0.2 \\\\"))
        #expect(!full.output.contains("\\cdots"))
        let text = try CommandRunner.run(arguments + ["--max-columns", "3"])
        #expect(text.output.contains("⎡ 0.5  ⋯  0.2⎤"))
        let bad = try CommandRunner.run(arguments + ["--max-columns", "0"])
        #expect(bad.status == 64)
        #expect(bad.error.hasPrefix("nnhw: --max-columns: expected a whole number from 1 to 1000, got \"0\"\n"))
    }
}
