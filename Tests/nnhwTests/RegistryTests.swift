import Foundation
import Testing

@testable import nnhw

/// The words of a command line as a shell splits it: at spaces, except inside
/// double quotes; a `>` redirection and what follows it are left out.
private func shellWords(_ line: String) -> [String] {
    var words: [String] = []
    var word = ""
    var isQuoted = false
    var hasWord = false
    for character in line {
        if character == "\"" {
            isQuoted.toggle()
            hasWord = true
        } else if character == " " && !isQuoted {
            if hasWord { words.append(word) }
            word = ""
            hasWord = false
        } else {
            word.append(character)
            hasWord = true
        }
    }
    if hasWord { words.append(word) }
    return Array(words.prefix { $0 != ">" })
}

/// One example command line of one subcommand's declaration.
struct DeclaredExample: Sendable, CustomTestStringConvertible {
    let subcommand: String
    let line: String
    var testDescription: String { line }

    /// Every example of every subcommand in the registry.
    static let all: [DeclaredExample] = Registry.subcommands.flatMap { subcommand in
        subcommand.examples.map { DeclaredExample(subcommand: subcommand.name, line: $0) }
    }
}

/// The registry of subcommand declarations drives parsing, help, usage and
/// completions; these tests walk it and add nothing by hand.
@Suite("Every declared subcommand: help, usage, examples and completions follow the registry")
struct RegistryTests {
    static let names = Registry.subcommands.map(\.name)

    @Test("--help lists every declared option with its help, and the usage line", arguments: names)
    func helpListsEveryOption(_ name: String) throws {
        let subcommand = try #require(Registry.subcommand(named: name))
        let result = try CommandRunner.run([name, "--help"])
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == subcommand.help)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("Usage: \(subcommand.usage)"))
        for option in subcommand.options {
            let index = lines.firstIndex { $0 == "  \(option.label)" || $0.hasPrefix("  \(option.label) ") }
            let helpLine = index.map { lines[$0] == "  \(option.label)" ? lines[$0 + 1] : lines[$0] }
            #expect(helpLine?.hasSuffix(option.helpWithDefault) == true, "\(name) --help: no line for \(option.label)")
        }
        #expect(!subcommand.examples.isEmpty, "\(name) declares no example")
    }

    @Test("The usage line names every declared option and argument", arguments: names)
    func usageNamesEveryOption(_ name: String) throws {
        let subcommand = try #require(Registry.subcommand(named: name))
        let words = Set(
            subcommand.usage.split(whereSeparator: { " []()|…".contains($0) }).map(String.init))
        for option in subcommand.options { #expect(words.contains(option.name), "\(name) usage lacks \(option.name)") }
        for argument in subcommand.arguments {
            for choice in argument.choices { #expect(words.contains(choice), "\(name) usage lacks \(choice)") }
        }
        let refused = try CommandRunner.run([name, "--no-such-option"])
        #expect(refused.status == 64)
        #expect(refused.error.split(separator: "\n").last.map(String.init) == "Usage: \(subcommand.usage)")
    }

    @Test("Every declared example runs and exits 0, with declared options only", arguments: DeclaredExample.all)
    func exampleRuns(_ example: DeclaredExample) throws {
        let words = shellWords(example.line)
        try #require(words.first == "nnhw", "\(example.line) does not start with nnhw")
        let arguments = Array(words.dropFirst())
        let subcommand = try #require(arguments.first.flatMap(Registry.subcommand(named:)))
        for word in arguments where word.hasPrefix("--") {
            let name = String(word.prefix { $0 != "=" })
            #expect(subcommand.options.contains { $0.name == name }, "\(example.line): \(name) is not declared")
        }
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(example.line): \(result.error)")
        // Only notes for the reader may go to stderr, each line a `#` comment (nnhw new's template comments).
        #expect(
            result.error.split(separator: "\n").allSatisfy { $0.hasPrefix("# ") }, "\(example.line): \(result.error)")
        #expect(!result.output.isEmpty)
    }

    @Test("nnhw --help lists every subcommand of the registry, in order, with its summary")
    func overviewListsEverySubcommand() throws {
        let overview = try CommandRunner.run(["--help"]).output
        let section = try #require(overview.range(of: "Subcommands:\n"))
        let listed = overview[section.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("  ") }
        #expect(listed.map { $0.split(separator: " ").first.map(String.init) } == Self.names)
        for (line, subcommand) in zip(listed, Registry.subcommands) { #expect(line.hasSuffix(subcommand.summary)) }
    }

    @Test("README's table of subcommands lists every subcommand of the registry, and no other")
    func readmeListsEverySubcommand() throws {
        let readme = try String(
            contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `nnhw ") }
        let listed = rows.compactMap { $0.dropFirst("| `nnhw ".count).split(separator: "`").first.map(String.init) }
        #expect(listed == Self.names)
    }

    @Test("A rendering option declared once reaches every subcommand that renders: all of them or none")
    func renderingOptionsShared() throws {
        // The picture subcommands take the picture options instead (their --format names picture formats).
        let pictures: Set<String> = ["plot", "diagram"]
        for subcommand in Registry.subcommands where !pictures.contains(subcommand.name) {
            let shared = Rendering.options.filter { option in subcommand.options.contains { $0.name == option.name } }
            #expect(shared.isEmpty || shared.count == Rendering.options.count, "\(subcommand.name) has some only")
        }
        for name in pictures {
            let options = try #require(Registry.subcommand(named: name)).options.map(\.name)
            for option in PictureOptions.options([]) {
                #expect(options.contains(option.name), "\(name) lacks \(option.name)")
            }
        }
        #expect(Registry.rendering.count >= Registry.subcommands.count / 2)
        for subcommand in Registry.rendering {
            let help = try CommandRunner.run([subcommand.name, "--help"]).output
            for option in Rendering.options {
                #expect(help.contains("  \(option.label)"), "\(subcommand.name) lacks \(option.name)")
            }
        }
    }

    @Test("completions SHELL names every subcommand and every option", arguments: Completions.shells)
    func completionsNameEverything(_ shell: String) throws {
        let result = try CommandRunner.run(["completions", shell])
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == Completions.script(for: shell, subcommands: Registry.subcommands))
        for subcommand in Registry.subcommands {
            #expect(result.output.contains(subcommand.name))
            for option in subcommand.options {
                let written = shell == "fish" ? "-l \(option.name.dropFirst(2)) " : option.name
                #expect(result.output.contains(written), "\(shell): \(subcommand.name) \(option.name)")
            }
        }
    }

    @Test(
        "bash completes subcommands, options and choices from the script",
        arguments: [
            ("nnhw conv-", ["conv-size"]),
            ("nnhw pool --mo", ["--mode"]),
            ("nnhw pool --mode ", ["max", "avg"]),
            ("nnhw forward --format l", ["latex"]),
            ("nnhw completions ", ["--help", "bash", "zsh", "fish"]),
        ])
    func bashCompletes(_ line: String, expected: [String]) throws {
        let script = try CommandRunner.run(["completions", "bash"]).output
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }
        let program = """
            \(script)
            COMP_WORDS=(\(words.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            _nnhw; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init) == expected)
    }

    @Test("completions without a shell, or with an unknown one, is a usage error")
    func completionsRefused() throws {
        let missing = try CommandRunner.run(["completions"])
        #expect(missing.status == 64)
        #expect(missing.error.hasPrefix("nnhw: missing SHELL; expected bash|zsh|fish\n"))
        let unknown = try CommandRunner.run(["completions", "tcsh"])
        #expect(unknown.status == 64)
        #expect(unknown.error.hasPrefix(#"nnhw: SHELL: expected bash, zsh or fish, got "tcsh""#))
    }
}
