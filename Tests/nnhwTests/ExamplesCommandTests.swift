import Foundation
import Testing

/// Every architecture in `Examples/architectures/`, by name: `lenet`, …
let architectureNames: [String] = {
    let folder = CommandRunner.examplesDirectory.appendingPathComponent("architectures")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}()

@Suite("nnhw examples")
struct ExamplesCommandTests {
    @Test("lists every file in Examples/, then every file in Examples/architectures/, and nothing else")
    func listsEveryExample() throws {
        let result = try CommandRunner.run(["examples"])
        #expect(result.status == 0)
        #expect(result.error == "")
        let lines = result.output.split(separator: "\n")
        let heading = try #require(lines.dropFirst().firstIndex { !$0.hasPrefix("  ") })
        func names(_ lines: ArraySlice<Substring>) -> [String] {
            lines.compactMap { $0.split(separator: " ").first.map(String.init) }.sorted()
        }
        #expect(names(lines[1..<heading]) == exampleNames)
        #expect(names(lines[(heading + 1)...]) == architectureNames)
    }

    @Test("--show NAME prints an architecture's file exactly too", arguments: architectureNames)
    func showArchitecture(_ name: String) throws {
        let file = try String(
            contentsOf: CommandRunner.examplesDirectory.appendingPathComponent("architectures/\(name).json"),
            encoding: .utf8)
        let result = try CommandRunner.run(["examples", "--show", name])
        #expect(result.status == 0)
        #expect(result.output == file)
        let counted = try CommandRunner.run(["params", "--arch", "-"], input: Data(result.output.utf8))
        #expect(counted.status == 0)
    }

    @Test("--show NAME prints exactly the file's text", arguments: exampleNames)
    func show(_ name: String) throws {
        let file = try String(
            contentsOf: CommandRunner.examplesDirectory.appendingPathComponent("\(name).json"), encoding: .utf8)
        let result = try CommandRunner.run(["examples", "--show", name])
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output == file)
    }
}
