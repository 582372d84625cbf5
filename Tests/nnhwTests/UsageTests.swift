import Foundation
import Testing

@testable import nnhw

/// A command line nnhw must refuse as a usage error (exit 64).
struct UsageErrorCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    /// The first stderr line, exactly.
    let expected: String
    /// How the second line, the usage, starts.
    let usage: String

    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    static let forwardUsage = #"Usage: nnhw forward (--net FILE | --example NAME | --layer "W=… b=… ACT"…)"#
    static let overviewUsage = "Usage: nnhw <subcommand> [options]"

    init(_ arguments: [String], _ expected: String, usage: String = forwardUsage) {
        self.arguments = arguments
        self.expected = expected
        self.usage = usage
    }

    static let all: [UsageErrorCase] = [
        UsageErrorCase(
            [],
            "nnhw: missing subcommand; expected one of " + Registry.subcommands.map(\.name).joined(separator: ", "),
            usage: overviewUsage),
        UsageErrorCase(["frward"], "nnhw: frward: not a subcommand (did you mean forward?)", usage: overviewUsage),
        UsageErrorCase(["--nett"], "nnhw: --nett: unknown option; a subcommand comes first", usage: overviewUsage),
        UsageErrorCase(["help", "nope"], "nnhw: nope: not a subcommand", usage: "Usage: nnhw help <subcommand>"),
        UsageErrorCase(["forward", "--nett", "x.json"], "nnhw: --nett: unknown option (did you mean --net?)"),
        UsageErrorCase(["forward", "--net"], "nnhw: --net: missing value FILE"),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layer", "--format", "xml"],
            #"nnhw: --format: expected text, json, markdown or latex, got "xml""#),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layer", "--precision", "18"],
            #"nnhw: --precision: expected a whole number from 0 to 17, got "18""#),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layer", "--precision", "abc"],
            #"nnhw: --precision: expected a whole number from 0 to 17, got "abc""#),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layer", "--precision", "-1"],
            #"nnhw: --precision: expected a whole number from 0 to 17, got "-1""#),
        UsageErrorCase(
            ["forward", "--net", "Examples/relu-3-layer.json", "--example", "relu-3-layer"],
            "nnhw: --net: give either --net FILE or --example NAME, not both"),
        UsageErrorCase(["forward"], "nnhw: --net: missing; give --net FILE (or --example NAME)"),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layr"],
            #"nnhw: --example: expected relu-3-layer, tanh-augmented, softmax-cross-entropy-batch, logistic-regression-step, small-cnn, batchnorm-mlp or residual-mlp, got "relu-3-layr" (did you mean relu-3-layer?)"#
        ),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layer", "--example", "tanh-augmented"],
            "nnhw: --example: given more than once"),
        UsageErrorCase(
            ["forward", "--example", "relu-3-layer", "stray"],
            "nnhw: stray: unexpected argument; options start with --"),
        UsageErrorCase(
            ["backward", "--example", "relu-3-layer", "--format=xml"],
            #"nnhw: --format: expected text, json, markdown or latex, got "xml""#, usage: "Usage: nnhw backward "),
        UsageErrorCase(
            ["examples", "--show", "nope"],
            #"nnhw: --show: expected relu-3-layer, tanh-augmented, softmax-cross-entropy-batch, logistic-regression-step, small-cnn, batchnorm-mlp, residual-mlp, lenet or vgg16, got "nope""#,
            usage: "Usage: nnhw examples [--show NAME]"),
    ]
}

@Suite("Command line: usage errors, help and version")
struct UsageTests {
    @Test("Usage errors print the error and the usage, exit 64", arguments: UsageErrorCase.all)
    func usageError(_ usage: UsageErrorCase) throws {
        let result = try CommandRunner.run(usage.arguments)
        let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "", "expected two lines on stderr, got:\n\(result.error)")
        #expect(lines.first.map(String.init) == usage.expected)
        #expect(
            lines.dropFirst().first?.hasPrefix(usage.usage) == true, "usage line: \(lines.dropFirst().first ?? "none")")
        #expect(result.status == 64)
        #expect(result.output == "")
    }

    @Test("A usage error wins over a bad spec: --format xml with a malformed file")
    func usageBeforeData() throws {
        let result = try CommandRunner.run(["forward", "--net", "-", "--format", "xml"], input: "[]")
        #expect(result.status == 64)
        #expect(result.error.hasPrefix(#"nnhw: --format: expected text, json, markdown or latex, got "xml""#))
        #expect(result.output == "")
    }

    @Test(
        "Help and version exit 0 with the expected first line",
        arguments: [
            (["--help"], "nnhw "), (["-h"], "nnhw "), (["help"], "nnhw "),
            (["help", "forward"], "nnhw forward — "), (["forward", "--help"], "nnhw forward — "),
            (["backward", "-h"], "nnhw backward — "), (["help", "examples"], "nnhw examples — "),
        ])
    func help(_ arguments: [String], firstLine: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output.hasPrefix(firstLine))
        #expect(result.output.contains("Usage: nnhw "))
    }

    @Test("nnhw --help names the same text as nnhw help, and nnhw help forward as forward --help")
    func helpAgrees() throws {
        #expect(try CommandRunner.run(["--help"]).output == CommandRunner.run(["help"]).output)
        #expect(try CommandRunner.run(["help", "forward"]).output == CommandRunner.run(["forward", "--help"]).output)
    }

    @Test("--version prints the version", arguments: ["--version", "-V"])
    func version(_ flag: String) throws {
        let result = try CommandRunner.run([flag])
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output.wholeMatch(of: /nnhw [0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "got \(result.output)")
    }
}
