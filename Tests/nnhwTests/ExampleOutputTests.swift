import Foundation
import Testing

/// Every example in `Examples/`, by name: `relu-3-layer`, …
let exampleNames: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: CommandRunner.examplesDirectory.path)) ?? []
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}()

/// One run to compare with a golden file.
struct SnapshotCase: Sendable, CustomTestStringConvertible {
    let command: String
    let example: String
    let format: String

    var arguments: [String] { [command, "--net", "Examples/\(example).json", "--format", format] }
    var snapshotName: String { "\(command)-\(example).\(format == "text" ? "txt" : format)" }
    var testDescription: String { arguments.joined(separator: " ") }

    static let all: [SnapshotCase] = exampleNames.flatMap { example in
        ["forward", "backward"].flatMap { command in
            ["text", "json"].map { SnapshotCase(command: command, example: example, format: $0) }
        }
    }
}

@Suite("Worked solutions of the examples match the golden files")
struct ExampleOutputTests {
    @Test("Examples/ holds exactly the built-in examples nnhw examples lists")
    func examplesExist() throws {
        let listing = try CommandRunner.run(["examples"]).output
        let builtIn = listing.split(separator: "\n").dropFirst().prefix { $0.hasPrefix("  ") }
            .compactMap { $0.split(separator: " ").first }
        #expect(exampleNames == builtIn.map(String.init).sorted())
        #expect(exampleNames.count == 7)
    }

    @Test("Every example × forward/backward × text/json", arguments: SnapshotCase.all)
    func example(_ run: SnapshotCase) throws {
        let result = try CommandRunner.run(run.arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        #expect(!result.output.isEmpty)
        assertSnapshot(result.output, named: run.snapshotName)
    }

    @Test("--precision rounds the text output", arguments: ["0", "2"])
    func precision(_ digits: String) throws {
        let result = try CommandRunner.run(["backward", "--net", "Examples/tanh-augmented.json", "--precision", digits])
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: "backward-tanh-augmented-precision-\(digits).txt")
    }

    @Test("--precision 2 and 0 print different numbers from the default")
    func precisionChangesOutput() throws {
        let arguments = ["backward", "--net", "Examples/tanh-augmented.json"]
        let outputs = try [[], ["--precision", "2"], ["--precision", "0"]].map {
            try CommandRunner.run(arguments + $0).output
        }
        #expect(Set(outputs).count == 3)
        #expect(outputs[0].contains("0.6044"))  // tanh(0.7) at the default 4 decimals
        #expect(outputs[1].contains("0.6"))
        #expect(!outputs[1].contains("0.6044"))
    }

    @Test("--net - reads the spec from standard input, with the same output as the file", arguments: exampleNames)
    func standardInput(_ example: String) throws {
        let text = try String(
            contentsOf: CommandRunner.examplesDirectory.appendingPathComponent("\(example).json"), encoding: .utf8)
        for format in ["text", "json"] {
            let fromFile = try CommandRunner.run(["backward", "--net", "Examples/\(example).json", "--format", format])
            let fromStandardInput = try CommandRunner.run(["backward", "--net", "-", "--format", format], input: text)
            #expect(fromStandardInput.status == 0)
            #expect(fromStandardInput.error == "")
            #expect(fromStandardInput.output == fromFile.output)
            #expect(!fromStandardInput.output.isEmpty)
        }
    }

    @Test("--example NAME prints the same as --net Examples/NAME.json", arguments: exampleNames)
    func builtInExample(_ example: String) throws {
        let fromFile = try CommandRunner.run(["backward", "--net", "Examples/\(example).json", "--format", "json"])
        let builtIn = try CommandRunner.run(["backward", "--example", example, "--format", "json"])
        #expect(builtIn.status == 0)
        #expect(builtIn.error == "")
        #expect(builtIn.output == fromFile.output)
    }
}
