import Foundation
import Testing

@testable import nnhw

/// The subcommands of the registry that read a spec file (an option of type file
/// other than `--check`, which reads answers), with that option's name.
let specTakingSubcommands: [(name: String, option: String)] = Registry.subcommands.compactMap { subcommand in
    subcommand.options.first { $0.type == .file && $0.name != "--check" }.map { (subcommand.name, $0.name) }
}

@Suite("nnhw new (issue 21, acceptance A)")
struct NewCommandTests {
    @Test("every subcommand of the registry that reads a spec has a template, read by the same option")
    func everySpecTakingSubcommandHasATemplate() {
        #expect(specTakingSubcommands.count >= 7)
        for (name, option) in specTakingSubcommands {
            let template = NewCommand.templates.first { $0.subcommand == name }
            #expect(template?.option == option, "nnhw new \(name): no template reading \(option)")
        }
        #expect(NewCommand.templates.count == specTakingSubcommands.count)
    }

    @Test(
        "nnhw new NAME writes a spec that nnhw NAME solves with exit 0, comments on stderr",
        arguments: specTakingSubcommands.map(\.name))
    func templateSolves(_ name: String) throws {
        let option = try #require(specTakingSubcommands.first { $0.name == name }).option
        let template = try CommandRunner.run(["new", name])
        #expect(template.status == 0)
        #expect(!template.error.isEmpty)
        #expect(template.error.split(separator: "\n").allSatisfy { $0.hasPrefix("#") })
        #expect(template.error.hasSuffix("# Then: nnhw \(name) \(option) FILE\n"))
        let solved = try CommandRunner.run([name, option, "-"], input: Data(template.output.utf8))
        #expect(solved.status == 0, "\(solved.error)")
        #expect(solved.error == "")
        #expect(!solved.output.isEmpty)
    }

    @Test(
        "network templates for other shapes, losses and --random solve with nnhw backward",
        arguments: [
            ["--sizes", "2,3,1", "--activations", "relu,identity", "--loss", "squared_error"],
            ["--sizes", "2,3,1", "--batch", "4", "--learning-rate", "0.1"],
            ["--sizes", "3-4-3", "--loss", "cross_entropy", "--batch", "2"],
            ["--sizes", "3,1", "--loss", "binary_cross_entropy"],
            ["--sizes", "2,2", "--loss", "hinge", "--activations", "tanh"],
            ["--sizes", "2,3", "--loss", "kl_divergence", "--activations", "softmax"],
            ["--sizes", "2,3,1", "--loss", "huber delta=2"],
            ["--sizes", "2,3,2,1", "--random", "--seed", "7"],
            ["--sizes", "3,4,2", "--batch", "3", "--random", "--seed", "1"],
        ])
    func shapes(_ arguments: [String]) throws {
        let template = try CommandRunner.run(["new", "backward"] + arguments)
        #expect(template.status == 0, "\(template.error)")
        let solved = try CommandRunner.run(["backward", "--net", "-"], input: Data(template.output.utf8))
        #expect(solved.status == 0, "\(solved.error)")
        #expect(solved.error == "")
    }

    @Test("--random gives integer weights, the same for the same seed, others for another")
    func randomIsSeeded() throws {
        let first = try CommandRunner.run(["new", "backward", "--random", "--seed", "5"])
        let again = try CommandRunner.run(["new", "backward", "--random", "--seed", "5"])
        let other = try CommandRunner.run(["new", "backward", "--random", "--seed", "6"])
        #expect(first.output == again.output)
        #expect(first.output != other.output)
        #expect(!first.output.split(separator: "\n").filter { !$0.contains("description") }.joined().contains("."))
    }

    @Test(
        "malformed template options are refused with one line",
        arguments: [
            (
                ["new", "backward", "--sizes", "2"], 64,
                "nnhw: --sizes: expected at least two sizes: the inputs and the output layer's units, got \"2\""
            ),
            (
                ["new", "backward", "--sizes", "2,0,1"], 64,
                "nnhw: --sizes: expected sizes from 1 to 64 like 2,3,1 (inputs, then each layer's units), got \"2,0,1\""
            ),
            (
                ["new", "backward", "--activations", "relu,relu,relu"], 64,
                "nnhw: --activations: expected 2 activations, one per layer, got \"relu,relu,relu\""
            ),
            (
                ["new", "backward", "--activations", "rleu"], 65,
                "nnhw: --activations: unknown activation \"rleu\"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign (did you mean \"relu\"?)"
            ),
            (
                ["new", "backward", "--loss", "entropy"], 65,
                "nnhw: --loss: entropy has no target, so it is no network loss; use nnhw loss --name entropy --p \"…\""
            ),
            (
                ["new", "params", "--sizes", "2,3"], 64,
                "nnhw: --sizes: shapes a network spec; nnhw params reads another kind, give no options"
            ),
            (
                ["new", "frobnicate"], 64,
                "nnhw: SUBCOMMAND: expected forward, backward, gradcheck, jacobian, hessian, chain, train, diagram or params, got \"frobnicate\""
            ),
        ] as [([String], Int32, String)])
    func malformed(_ arguments: [String], _ status: Int32, _ expected: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").first.map(String.init) == expected)
    }
}
