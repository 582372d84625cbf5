#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files, standard streams and the exit status, from the C library, so the
/// executable needs no Foundation and starts in a few milliseconds.
enum System {
    /// The bytes of the file at `path` ("-" for standard input), or the C library's reason it cannot be read.
    ///
    /// Reading stops after `limit` + 1 bytes, so an endless stream cannot exhaust memory:
    /// more than `limit` bytes means the input is too large.
    static func readBytes(atPath path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let isStandardInput = path == "-"
        guard let file = isStandardInput ? stdin : fopen(path, "rb") else {
            return .failure(ReadFailure(reason: String(cString: strerror(errno))))
        }
        defer { if !isStandardInput { fclose(file) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: buffer[0..<count])
            if count < buffer.count || bytes.count > limit { break }
        }
        if ferror(file) != 0 {
            return .failure(ReadFailure(reason: String(cString: strerror(errno))))
        }
        return .success(bytes)
    }

    /// The width of the terminal standard output writes to, in columns, or nil
    /// when standard output is not a terminal (a file, a pipe).
    static func terminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether a file (or directory) exists at `path`.
    static func fileExists(atPath path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Writes `text` to standard output.
    static func writeOutput(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    /// Writes `text` to standard error.
    static func writeError(_ text: String) {
        fputs(text, stderr)
    }

    /// Ends the process with `status`.
    static func exit(_ status: Int32) -> Never {
        fflush(stdout)
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            Platform.exit(status)
        #endif
    }
}

/// Why a file could not be read: the C library's `strerror` text.
struct ReadFailure: Error {
    let reason: String
}

private enum Platform {
    static func exit(_ status: Int32) -> Never { libcExit(status) }
}

private func libcExit(_ status: Int32) -> Never { exit(status) }
