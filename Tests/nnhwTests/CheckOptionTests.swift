import Testing

@testable import nnhw

/// Issue 14, Deliver 5: every subcommand that computes numbers takes `--check`.
@Suite("--check on every subcommand that computes numbers")
struct CheckOptionTests {
    /// The subcommands that print no computed values of one problem: conventions, a list of examples,
    /// shell completions, a spec template, a set of generated problems (several, so none to check against).
    static let withoutNumbers: Set<String> = ["notation", "examples", "completions", "new", "generate"]

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
