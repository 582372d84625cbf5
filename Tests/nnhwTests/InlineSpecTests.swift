import Foundation
import Testing

@testable import NNHomework

/// The README's ReLU network (Examples/relu-3-layer.json) written with
/// `--x`, `--y`, `--layer`, `--loss` and `--description` instead of a file.
let inlineReLUNetwork = [
    "--x", "2 1", "--y", "10",
    "--layer", "W=[[1,0],[3,4],[1,2]] b=[0,-2,5] relu",
    "--layer", "W=[[2, 6, 1], [0, 3, 1]] b=[-23,-11] relu",
    "--layer", "W=[[-2,3]] b=[18] relu",
    "--loss", "squared_error",
    "--description", "Three dense ReLU layers, squared-error loss: x = (2, 1), y = 10.",
]

@Suite("Network specs on the command line (issue 21, acceptance B)")
struct InlineSpecTests {
    static let formats = ["text", "markdown", "latex", "json"]
    static let subcommands = ["forward", "backward", "gradcheck", "jacobian", "hessian", "chain"]

    @Test(
        "the inline ReLU network prints byte for byte what its JSON spec prints",
        arguments: subcommands, formats)
    func sameOutputAsTheFile(_ subcommand: String, _ format: String) throws {
        let file = try CommandRunner.run([subcommand, "--net", "Examples/relu-3-layer.json", "--format", format])
        let inline = try CommandRunner.run([subcommand] + inlineReLUNetwork + ["--format", format])
        #expect(file.status == 0)
        #expect(inline.status == file.status)
        #expect(inline.error == file.error)
        #expect(!inline.output.isEmpty)
        #expect(inline.output == file.output)
    }

    @Test("--print-spec prints the JSON of Examples/relu-3-layer.json, and it solves as the file does")
    func printSpec() throws {
        let printed = try CommandRunner.run(["backward"] + inlineReLUNetwork + ["--print-spec"])
        #expect(printed.status == 0)
        #expect(printed.error == "")
        let file = try String(
            contentsOf: CommandRunner.examplesDirectory.appendingPathComponent("relu-3-layer.json"), encoding: .utf8)
        #expect(try JSONValue(parsing: printed.output) == JSONValue(parsing: file))
        let solved = try CommandRunner.run(["backward", "--net", "-"], input: Data(printed.output.utf8))
        let original = try CommandRunner.run(["backward", "--example", "relu-3-layer"])
        #expect(solved.status == 0)
        #expect(solved.output == original.output)
    }

    @Test(
        "each value form reads as the JSON it stands for",
        arguments: [
            (["--x", "2"], "\"input\": 2"),
            (["--x", "1 2; 3 4", "--y", "1 0"], "\"input\": [\n    [1, 2],\n    [3, 4]\n  ],\n  \"target\": [1, 0]"),
            (["--x", "[[1], [2]]", "--y", "[[1], [0]]"], "\"input\": [\n    [1],\n    [2]\n  ]"),
            (
                ["--loss", "squared_error scale=0.5"],
                "\"loss\": {\n    \"name\": \"squared_error\",\n    \"scale\": 0.5\n  }"
            ),
            (["--learning-rate", "0.1"], "\"learning_rate\": 0.1"),
        ])
    func valueForms(_ arguments: [String], _ expected: String) throws {
        var all = ["--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1, 1]] b=0 identity"]
        for index in stride(from: 0, to: arguments.count, by: 2) {
            if let given = all.firstIndex(of: arguments[index]) {
                all[given + 1] = arguments[index + 1]
            } else {
                all += [arguments[index], arguments[index + 1]]
            }
        }
        let result = try CommandRunner.run(["backward", "--print-spec"] + all)
        #expect(result.status == 0)
        #expect(result.output.contains(expected), "\(result.output)")
    }

    @Test(
        "a malformed inline spec is refused with one line naming the option or the JSON place",
        arguments: [
            (["--x", "2 1", "--layer", "W=[[1,0]] relu"], 64, "nnhw: --y: missing; give the target, e.g. --y 10"),
            (
                ["--x", "2 1", "--y", "3", "--layer", "W=[[1,0]] relu"], 64,
                "nnhw: --loss: missing; give the loss, e.g. --loss squared_error"
            ),
            (
                ["--y", "3", "--loss", "squared_error"], 64,
                "nnhw: --y: applies to a network given on the command line only; add --layer \"W=… b=… ACTIVATION\" per layer"
            ),
            (
                ["--layer", "W=[[1,0]] relu", "--y", "1", "--loss", "squared_error"], 64,
                "nnhw: --x: missing; give the input with --layer, e.g. --x \"2 1\""
            ),
            (
                ["--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0] relu"], 64,
                "nnhw: --layer 1: a bracket or quote in \"W=[[1,0] relu\" is not closed"
            ),
            (
                ["--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0]] relu tanh"], 64,
                "nnhw: --layer 1: names two activations, \"relu\" and \"tanh\"; a word without = is the activation, write other settings as KEY=VALUE"
            ),
            (
                ["--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0]] W=[[1,1]] relu"], 64,
                "nnhw: --layer 1: weights is given more than once"
            ),
            (
                ["--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0],] relu"], 65,
                "nnhw: --layer 1 W: line 1, column 7: trailing comma before ']'; remove the comma"
            ),
            (
                ["--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0,2]] relu"], 65,
                "nnhw: layers[0].weights: has 3 columns, but the input has 2 values (weights are out × in: one row per unit)"
            ),
            (
                ["--x", "2 a", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0]] relu"], 65,
                "nnhw: --x: row 1, column 2: \"a\" is not a finite number"
            ),
            (
                [
                    "--x", "2 1", "--y", "1", "--loss", "squared_error", "--layer", "W=[[1,0]] relu", "--example",
                    "relu-3-layer",
                ], 64,
                "nnhw: --x: give either --example NAME or the inline spec (--x, --layer …), not both"
            ),
        ] as [([String], Int32, String)])
    func malformed(_ arguments: [String], _ status: Int32, _ expected: String) throws {
        let result = try CommandRunner.run(["backward"] + arguments)
        #expect(result.status == status)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").first.map(String.init) == expected)
    }
}
