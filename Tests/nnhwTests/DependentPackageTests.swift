import Foundation
import Testing

/// Runs `command` with `arguments` in `directory`, with the caller's environment
/// less the variables that change how nnhw is compiled.
private func run(_ command: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NNHW_NATIVE"] = nil
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("A package depending on NNCore")
struct DependentPackageTests {
    /// Issue 13 D: the package, copied into a git repository of its own and tagged
    /// 1.0.0, is a versioned dependency (`from: "1.0.0"`) of a tiny package that
    /// multiplies two matrices with NNCore; `swift build` of that package succeeds,
    /// so the manifest gives a dependent no unsafe flags, and the program prints the product.
    @Test("builds with swift build against a tagged local clone, and runs", .timeLimit(.minutes(10)))
    func versionedDependencyBuilds() throws {
        let root = CommandRunner.packageRoot
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-dependent-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let library = work.appendingPathComponent("nnhw")
        let fixture = work.appendingPathComponent("fixture")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources", "Tests", "Examples"] {
            try FileManager.default.copyItem(
                at: root.appendingPathComponent(item), to: library.appendingPathComponent(item))
        }
        let identity = ["-c", "user.name=nnhw tests", "-c", "user.email=tests@nnhw.invalid"]
        for step in [["init", "-q"], ["add", "-A"], identity + ["commit", "-q", "-m", "nnhw"], ["tag", "1.0.0"]] {
            let result = try run("git", step, in: library)
            try #require(result.status == 0, "git \(step.joined(separator: " ")): \(result.output)")
        }
        try FileManager.default.createDirectory(
            at: fixture.appendingPathComponent("Sources/Fixture"), withIntermediateDirectories: true)
        try """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "Fixture",
            dependencies: [.package(url: "\(library.absoluteString)", from: "1.0.0")],
            targets: [.executableTarget(name: "Fixture", dependencies: [.product(name: "NNCore", package: "nnhw")])]
        )
        """.write(to: fixture.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try """
        import NNCore

        let a = Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4])
        print((a * a).elements)
        """.write(to: fixture.appendingPathComponent("Sources/Fixture/main.swift"), atomically: true, encoding: .utf8)
        let build = try run("swift", ["build"], in: fixture)
        #expect(build.status == 0, "swift build of the fixture:\n\(build.output)")
        #expect(!build.output.contains("unsafe"))
        let resolved = try String(contentsOf: fixture.appendingPathComponent("Package.resolved"), encoding: .utf8)
        #expect(resolved.contains("\"version\" : \"1.0.0\""))
        let product = try run("swift", ["run", "--skip-build", "Fixture"], in: fixture)
        #expect(product.status == 0)
        #expect(product.output.hasSuffix("[7.0, 10.0, 15.0, 22.0]\n"))  // [[1,2],[3,4]]² by hand
    }
}
