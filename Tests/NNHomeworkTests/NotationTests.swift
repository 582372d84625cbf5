import NNCore
import Testing

@testable import NNHomework

@Suite("Notation presets")
struct NotationTests {
    static func relu() throws -> NetworkProblem {
        let example = try #require(BuiltInExample.named("relu-3-layer"))
        return try NetworkProblem(parsing: example.json, source: "relu")
    }

    @Test("presets by name and alias, with loss and prediction overrides")
    func parsing() throws {
        #expect(try Notation(parsing: "a/z") == .bishop)
        #expect(try Notation(parsing: "bishop") == .bishop)
        #expect(try Notation(parsing: "s/a") == .scoreActivation)
        #expect(try Notation(parsing: "ng") == .ng)
        let custom = try Notation(parsing: "z/a, loss=C, prediction=tilde")
        #expect(custom.preActivation == "z" && custom.activation == "a")
        #expect(custom.loss == "C" && custom.prediction == "ỹ")
        #expect(
            throws: InputError(
                .usage, at: "--notation",
                "unknown notation \"x/y\"; the notations are a/z, s/a, z/a (nnhw notation --list)")
        ) { try Notation(parsing: "x/y") }
        #expect(
            throws: InputError(
                .usage, at: "--notation",
                "unknown setting \"loss=Q\"; after the name give loss=L|C|E|J or prediction=hat|tilde")
        ) { try Notation(parsing: "a/z,loss=Q") }
    }

    /// Acceptance D (text): under s/a the pre-activations are s⁽ˡ⁾ and the activations a⁽ˡ⁾.
    @Test("s/a writes s⁽ˡ⁾ for pre-activations and a⁽ˡ⁾ for activations; the numbers do not change")
    func scoreActivation() throws {
        let problem = try Self.relu()
        let text = TextRenderer().render(try NetworkSolver(notation: .scoreActivation).backward(problem))
        #expect(text.contains("s⁽¹⁾ = W⁽¹⁾ a⁽⁰⁾ + b⁽¹⁾"))
        #expect(text.contains("a⁽¹⁾ = ReLU(s⁽¹⁾)"))
        #expect(text.contains("δ⁽³⁾ = ∂L/∂s⁽³⁾"))
        #expect(!text.contains("z⁽"))
        let plain = try NetworkSolver().backward(problem)
        #expect(try NetworkSolver(notation: .scoreActivation).backward(problem).result == plain.result)
    }

    /// Acceptance D (LaTeX and Markdown): the same example under s/a in the two typeset formats.
    @Test("s/a writes s^{(l)} for pre-activations in LaTeX and Markdown too")
    func scoreActivationTypeset() throws {
        let solution = try NetworkSolver(notation: .scoreActivation).backward(Self.relu())
        for output in [LaTeXRenderer().render(solution), MarkdownRenderer().render(solution)] {
            #expect(output.contains("s^{(1)}"))
            #expect(output.contains("W^{(1)} a^{(0)} + b^{(1)}"))
            #expect(!output.contains("z^{("))
        }
    }

    @Test("Ng style writes the cost J, and a tilde prediction where asked")
    func ngStyle() throws {
        let problem = try Self.relu()
        var notation = Notation.ng
        notation.predictionAccent = .tilde
        let text = TextRenderer().render(try NetworkSolver(notation: notation).backward(problem))
        #expect(text.contains("J = (ỹ − y)² = (8 − 10)² = 4"))
        #expect(text.contains("∂J/∂ỹ = 2(ỹ − y)"))
        #expect(text.contains("z⁽¹⁾ = W⁽¹⁾ a⁽⁰⁾ + b⁽¹⁾"))
        #expect(!text.contains("∂L"))
    }

    @Test("the gradient check names the loss in the notation's letter")
    func gradientCheck() throws {
        let (solution, passes) = try NetworkGradientCheckSolver(notation: .ng).solve(Self.relu())
        #expect(passes)
        let text = TextRenderer().render(solution)
        #expect(text.contains("a = ∂J/∂W₁,₁⁽¹⁾ = 32"))
        #expect(text.contains("J(W₁,₁⁽¹⁾ + ε)"))
    }
}
