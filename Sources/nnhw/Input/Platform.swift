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
    /// The bytes of the file at `path` ("-" for standard input), or why it cannot be read.
    ///
    /// Only a regular file (or standard input) is read: a FIFO, a device or a
    /// directory is refused at once rather than waited on. Reading stops after
    /// `limit` + 1 bytes, so an endless stream cannot exhaust memory: more than
    /// `limit` bytes means the input is too large.
    static func readBytes(atPath path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let isStandardInput = path == "-"
        let descriptor = isStandardInput ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { if !isStandardInput { close(descriptor) } }
        if !isStandardInput {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { return .failure(.system(errno)) }
            guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(mode: status.st_mode)) }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
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

    /// Writes `text` to standard output, every byte (a NUL included), or the
    /// C library's reason it could not; a reader that closed the pipe early
    /// (`nnhw … | head -1`) is not a failure.
    static func writeOutput(_ text: String) -> String? {
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(STDOUT_FILENO, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        guard let failure, failure != EPIPE else { return nil }
        return String(cString: strerror(failure))
    }

    /// Writes `text` to the file at `path`, created or truncated, or returns the C library's reason it could not.
    static func writeFile(_ text: String, atPath path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        return failure.map { String(cString: strerror($0)) }
    }

    /// Writes `text` to standard error.
    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }

    /// Lets a write to a closed pipe fail with EPIPE instead of ending the process by SIGPIPE.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Ends the process with `status`.
    static func exit(_ status: Int32) -> Never {
        fflush(stdout)
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            Platform.exit(status)
        #endif
    }
}

/// Why a file could not be read.
enum ReadFailure: Error {
    /// The C library's error number.
    case system(Int32)
    /// Not a regular file: `mode` is its `stat` mode.
    case notRegular(mode: mode_t)

    /// The reason in words: `strerror`'s text, or what kind of file it is.
    var reason: String {
        switch self {
        case .system(let number):
            return String(cString: strerror(number))
        case .notRegular(let mode):
            let kind: String
            switch mode & S_IFMT {
            case S_IFDIR: kind = "a directory"
            case S_IFIFO: kind = "a FIFO"
            case S_IFSOCK: kind = "a socket"
            case S_IFCHR, S_IFBLK: kind = "a device"
            default: kind = "not a regular file"
            }
            return "\(kind); nnhw reads regular files, or - for standard input"
        }
    }
}

private enum Platform {
    static func exit(_ status: Int32) -> Never { libcExit(status) }
}

private func libcExit(_ status: Int32) -> Never { exit(status) }
