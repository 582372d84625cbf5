import Foundation
import Testing

@Suite("nnhw examples")
struct ExamplesCommandTests {
    @Test("lists every file in Examples/, and nothing else")
    func listsEveryExample() throws {
        let result = try CommandRunner.run(["examples"])
        #expect(result.status == 0)
        #expect(result.error == "")
        let listed = result.output.split(separator: "\n").dropFirst()
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.sorted() == exampleNames)
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
