import Foundation
import Testing

@Suite("--sig, --width, --heading-level and --no-preamble")
struct RenderOptionTests {
    static let tanh = ["backward", "--example", "tanh-augmented"]

    @Test("--sig 3 writes every non-integer with 3 significant digits: ŷ = tanh(−1.48) = −0.902")
    func significant() throws {
        let result = try CommandRunner.run(Self.tanh + ["--sig", "3"])
        #expect(result.status == 0)
        #expect(result.output.contains("ŷ = z⁽²⁾ = tanh(a⁽²⁾) = tanh(−1.48) = −0.902"))
        #expect(result.output.contains("(−0.226, 0.449)ᵀ"))
    }

    @Test("--width 60 keeps every line of the solution within 60 columns")
    func narrow() throws {
        let result = try CommandRunner.run(Self.tanh + ["--width", "60"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines.filter { $0.count > 60 })")
        #expect(lines.contains("Backward pass · 2 dense layers, tanh · loss (1/2) Σ (ŷ − y)²"))
    }

    @Test("--heading-level subsection sets the title as \\subsection* and sections as \\subsubsection*")
    func headingLevel() throws {
        let result = try CommandRunner.run(Self.tanh + ["--format", "latex", "--heading-level", "subsection"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\\subsection*{Backward pass"))
        #expect(result.output.contains("\\subsubsection*{Forward pass}"))
        #expect(!result.output.contains("\\section*"))
        let none = try CommandRunner.run(Self.tanh + ["--format", "latex", "--heading-level", "none"])
        #expect(!none.output.contains("section*"))
        #expect(none.output.contains("\\paragraph*{Forward pass}"))
    }

    @Test("--no-preamble leaves out the sentences stating conventions, in every format but json")
    func noPreamble() throws {
        for format in ["text", "latex", "markdown"] {
            let full = try CommandRunner.run(Self.tanh + ["--format", format])
            let bare = try CommandRunner.run(Self.tanh + ["--format", format, "--no-preamble"])
            #expect(full.output.contains("Each weight row starts with the bias weight"))
            #expect(!bare.output.contains("Each weight row starts with the bias weight"))
            #expect(bare.output.contains("Forward pass"))
        }
    }

    @Test(
        "bad values are usage errors naming the option",
        arguments: [
            (["--sig", "0"], "nnhw: --sig: expected a whole number from 1 to 17, got \"0\""),
            (["--sig", "3", "--precision", "2"], "nnhw: --sig: give either --sig or --precision, not both"),
            (["--width", "10"], "nnhw: --width: expected a whole number from 20 to 1000, got \"10\""),
            (
                ["--heading-level", "chapter", "--format", "latex"],
                "nnhw: --heading-level: expected section, subsection, subsubsection or none, got \"chapter\""
            ),
            (["--heading-level", "section"], "nnhw: --heading-level: only goes with --format latex"),
        ])
    func badValues(options: [String], message: String) throws {
        let result = try CommandRunner.run(Self.tanh + options)
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix(message + "\n"))
    }
}
