import Foundation

/// A program a test runs on nnhw's pictures (xmllint, rsvg-convert, dot, pdflatex), found on the PATH.
enum ExternalTool {
    /// The folders searched.
    static let folders = ["/usr/bin", "/usr/local/bin", "/bin"]

    /// The path of `name`, or nil when it is not installed.
    static func path(_ name: String) -> String? {
        folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `name` is installed.
    static func exists(_ name: String) -> Bool { path(name) != nil }

    /// Runs `name arguments…` in `directory` with `input` on standard input; its exit status and output.
    static func run(_ name: String, _ arguments: [String], input: Data = Data(), in directory: URL? = nil) throws
        -> (status: Int32, output: Data, error: String)
    {
        guard let path = path(name) else { return (127, Data(), "\(name) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var output = Data()
        nonisolated(unsafe) var error = Data()
        DispatchQueue.global().async(group: group) { output = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { error = stderr.fileHandleForReading.readDataToEndOfFile() }
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, output, String(decoding: error, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnhw-pictures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
