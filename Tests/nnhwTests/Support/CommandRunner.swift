import Foundation
import Testing

/// What one run of the `nnhw` executable printed, and how it exited.
struct CommandResult: Sendable {
    /// Everything written to standard output.
    var output: String
    /// Everything written to standard error.
    var error: String
    /// The exit status.
    var status: Int32
}

/// Runs the real `nnhw` executable built beside this test bundle.
enum CommandRunner {
    /// The package root: `Tests/nnhwTests/Support/CommandRunner.swift` is three folders down.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `Examples/` folder of the package.
    static let examplesDirectory = packageRoot.appendingPathComponent("Examples")

    /// The `nnhw` executable in the build products folder of the running test
    /// bundle (so `swift test -c release` runs the release build), never a
    /// possibly stale one elsewhere.
    static let executable: URL? = {
        var folders: [URL] = []
        // Linux: the test runner is an executable in the products folder.
        folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // Darwin: the .xctest bundle sits in the products folder.
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.lazy.map { $0.appendingPathComponent("nnhw") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A fixed environment, so that nothing from the caller's shell
    /// (locale, terminal width, colour settings) changes the output.
    static let environment = [
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "COLUMNS": "80",
    ]

    /// Writing to a pipe whose reader has exited must fail with EPIPE, not kill the test runner.
    private static let ignoreBrokenPipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs `nnhw arguments…` with `input` on standard input (none: empty input),
    /// in the package root so that relative paths such as `Examples/x.json` work.
    /// With `addressSpaceLimit` (bytes), nnhw runs under `prlimit --as`, so that
    /// using more memory than that (resident or not) fails the run.
    static func run(_ arguments: [String], input: Data? = nil, addressSpaceLimit: Int? = nil) throws -> CommandResult {
        let url = try #require(
            executable,
            "nnhw executable not found beside the test bundle; swift test builds it"
        )
        let process = Process()
        if let addressSpaceLimit {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            process.arguments = ["--as=\(addressSpaceLimit)", "--", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.environment = environment
        process.currentDirectoryURL = packageRoot
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { outputData = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
        ignoreBrokenPipe
        // nnhw may exit before reading its input; a write to the closed pipe then fails, which is fine.
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try? stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "nnhw \(arguments.joined(separator: " ")) was killed by a signal")
        return CommandResult(
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The JSON object `nnhw ARGUMENTS --format json` prints, after requiring exit status 0.
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--format", "json"])
        try #require(result.status == 0, "exit \(result.status): \(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// Runs `nnhw arguments…` with `text` on standard input.
    static func run(_ arguments: [String], input text: String) throws -> CommandResult {
        try run(arguments, input: Data(text.utf8))
    }
}
