import Foundation
import Testing

@testable import NNHomework

/// `Examples/` at the package root, found from this file's path.
private let examplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // NNHomeworkTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Examples")

/// The names of the `Examples/*.json` files, without the extension, sorted.
private func exampleFileNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)
        .filter { $0.hasSuffix(".json") }
        .map { String($0.dropLast(".json".count)) }
        .sorted()
}

@Suite("Built-in examples")
struct BuiltInExampleTests {
    @Test("there are examples, with distinct names, and Examples/ holds at least one file")
    func thereAreExamples() throws {
        #expect(!BuiltInExample.all.isEmpty)
        let names = BuiltInExample.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(try !exampleFileNames().isEmpty, "no Examples/*.json under \(examplesDirectory.path)")
    }

    @Test("every Examples/*.json file is built in, byte for byte", arguments: try exampleFileNames())
    func fileIsBuiltIn(name: String) throws {
        let example = try #require(BuiltInExample.named(name), "Examples/\(name).json is not built in")
        let bytes = try Data(contentsOf: examplesDirectory.appendingPathComponent("\(name).json"))
        let file = Array(bytes)
        let embedded = Array(example.json.utf8)
        let firstDifference =
            zip(file, embedded).enumerated().first { $1.0 != $1.1 }?.offset ?? min(file.count, embedded.count)
        let identical = file == embedded
        #expect(
            identical,
            "Examples/\(name).json (\(file.count) bytes) differs from the built-in text (\(embedded.count) bytes) at byte \(firstDifference)"
        )
    }

    @Test("every built-in example has its file", arguments: BuiltInExample.all.map(\.name))
    func builtInHasFile(name: String) throws {
        #expect(try exampleFileNames().contains(name), "no Examples/\(name).json")
    }

    @Test("every built-in example decodes and solves forward and backward", arguments: BuiltInExample.all.map(\.name))
    func solves(name: String) throws {
        let example = try #require(BuiltInExample.named(name))
        let spec = try JSONValue(parsing: example.json)
        let forward: Solution
        let backward: Solution
        let description: String?
        if StackProblem.isStack(spec) {
            let problem = try StackProblem(json: spec, source: "example \(name)")
            (forward, backward, description) =
                (try StackSolver().forward(problem), try StackSolver().backward(problem), problem.description)
        } else {
            let problem = try NetworkProblem(json: spec, source: "example \(name)")
            (forward, backward, description) =
                (try NetworkSolver().forward(problem), try NetworkSolver().backward(problem), problem.description)
        }
        #expect(!forward.steps.isEmpty)
        #expect(backward.steps.count > forward.steps.count)
        #expect(forward.result["loss"]?.numberValue?.isFinite == true)
        #expect(backward.result["grad_input"] != nil)
        #expect(!example.summary.isEmpty)
        #expect(description != nil, "example \(name) has no description")
    }
}
