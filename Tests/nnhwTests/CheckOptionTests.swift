import Testing

@testable import nnhw

/// Issue 14, Deliver 5: every subcommand that computes numbers takes `--check`.
@Suite("--check on every subcommand that computes numbers")
struct CheckOptionTests {
    /// The subcommands that print no computed values: conventions, a list of examples, shell completions;
    /// the pictures, whose values a student draws rather than writes (a staged table's values are
    /// those of `gradcheck --f` and `backward`, which take `--check`); a spec template, and a set of
    /// generated problems (several, so none to check against).
    static let withoutNumbers: Set<String> = [
        "notation", "examples", "completions", "plot", "diagram", "new", "generate",
    ]

    @Test("each computing subcommand in the registry declares --check, as AnswerChecking declares it")
    func declared() {
        let computing = Registry.subcommands.filter { !Self.withoutNumbers.contains($0.name) }
        #expect(computing.map(\.name).contains("conv"))
        #expect(computing.map(\.name).contains("pool"))
        for subcommand in computing {
            #expect(subcommand.options.contains { $0.name == "--check" }, "\(subcommand.name)")
        }
    }
}
