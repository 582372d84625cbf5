import Foundation
import Testing

/// Issue 12's defect kinds at the command line: each reproduction with its
/// exact message and exit status (one line, never a crash, a hang or ∞).
@Suite("Reliability: no input, file or stream makes nnhw crash, hang, lose output or print ∞")
struct ReliabilityTests {
    /// Runs `nnhw` with `arguments` and expects exit `status` with exactly `line` on stderr and nothing on stdout.
    private func expectRefused(_ arguments: [String], _ status: Int32, _ line: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status)
        #expect(result.error.split(separator: "\n").first.map(String.init) == line)
        #expect(result.output.isEmpty)
    }

    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "nnhw-reliability-\(getpid())-\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("∞ never reaches an answer: a learning rate of 1e308 names learning_rate, in text and JSON")
    func overflowingUpdate() throws {
        let spec = try temporaryFile(
            "lr.json",
            #"{"input": [1, 2], "target": [1], "learning_rate": 1e308, "loss": "mse", "#
                + #""layers": [{"weights": [[1, 1]], "bias": [0], "activation": "identity"}]}"#)
        for format in ["text", "json", "latex", "markdown"] {
            try expectRefused(
                ["backward", "--net", spec, "--format", format], 65,
                "nnhw: learning_rate: step (10), layers[0].W_updated[0][0] would print ∞ or NaN; "
                    + "the numbers are too large for double precision")
        }
    }

    @Test("train-cost: household-years that overflow and an energy that underflows are refused")
    func trainCostEdges() throws {
        try expectRefused(
            [
                "train-cost", "--gpu-hours", "1", "--watts", "1e5", "--household-kwh-per-month", "1e-310", "--format",
                "json",
            ],
            65, "nnhw: --household-kwh-per-month: the number of household-years overflows")
        try expectRefused(
            ["train-cost", "--gpu-hours", "1e-200", "--watts", "1e-200"], 65,
            "nnhw: --watts: the energy underflows to 0; the numbers are too small for double precision")
    }

    @Test("average pooling computes the mean 1e308 without overflowing the sum")
    func poolingMean() throws {
        let result = try CommandRunner.run([
            "pool", "--input", "1e308 1e308; 1e308 -1e308", "--size", "2", "--mode", "avg", "--format", "json",
        ])
        #expect(result.status == 0)
        #expect(result.output.contains("[5e+307]"))
    }

    @Test("a FIFO, a directory and a device are refused at once (exit 66), not waited on")
    func onlyRegularFiles() throws {
        let fifo = NSTemporaryDirectory() + "nnhw-reliability-\(getpid())-fifo"
        unlink(fifo)
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let reason = "nnhw reads regular files, or - for standard input"
        try expectRefused(["forward", "--net", fifo], 66, "nnhw: \(fifo): cannot read: a FIFO; \(reason)")
        try expectRefused(
            ["conv", "--input", fifo, "--kernel", "1"], 66, "nnhw: \(fifo): cannot read: a FIFO; \(reason)")
        try expectRefused(["params", "--arch", "/tmp"], 66, "nnhw: /tmp: cannot read: a directory; \(reason)")
        try expectRefused(
            ["backward", "--net", "/dev/zero"], 66, "nnhw: /dev/zero: cannot read: a device; \(reason)")
    }

    @Test("a NUL and an escape in a description are kept, visibly escaped")
    func controlCharactersInText() throws {
        let spec = try temporaryFile(
            "nul.json",
            #"{"description": "before\u0000after\u001b[31m", "input": [1, 2], "#
                + #""layers": [{"weights": [[1, 0], [0, 1]], "bias": [0, 0], "activation": "relu"}]}"#)
        let result = try CommandRunner.run(["forward", "--net", spec])
        #expect(result.status == 0)
        #expect(result.output.contains(#"before\u{0}after\u{1b}[31m"#))
        #expect(!result.output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    @Test("user text quoted in an error is escaped, so the error is one line")
    func oneLineErrors() throws {
        let result = try CommandRunner.run(["forward", "--example", "relu-3-layer", "--format", "a\nb\u{1b}[31m"])
        #expect(result.status == 64)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"nnhw: --format: expected text, json, markdown or latex, got "a\nb\u{1b}[31m""#)
    }

    @Test("a failed write to standard output is reported with exit 74")
    func failedWrite() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let process = Process()
        guard let executable = CommandRunner.executable else {
            Issue.record("nnhw executable not found beside the test bundle")
            return
        }
        process.executableURL = executable
        process.arguments = ["backward", "--example", "relu-3-layer"]
        process.standardOutput = full
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 74)
        #expect(error == "nnhw: <stdout>: cannot write: No space left on device\n")
    }

    @Test("a reader that closes the pipe early ends nnhw quietly with exit 0, not SIGPIPE")
    func closedPipe() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        guard let nnhw = CommandRunner.executable?.path else {
            Issue.record("nnhw executable not found beside the test bundle")
            return
        }
        process.arguments = [
            "-c",
            #""$0" conv --input "1 2; 3 4" --kernel 1 --padding 60 | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}""#,
            nnhw,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "0\n")
    }

    @Test("counts past 2⁵³ are refused, not printed rounded; 2⁵³ itself prints exactly")
    func exactCounts() throws {
        try expectRefused(
            ["conv-size", "--input", "32x32x3", "--kernel", "3", "--filters", "9007199254740993"], 65,
            "nnhw: --input: the parameter or multiply-add count exceeds 2⁵³, the largest count printed exactly")
        try expectRefused(
            ["hyperparam-count", "--grid", "d=9007199254740993"], 65,
            "nnhw: --grid: the grid has more than 2⁵³ combinations, the largest count printed exactly")
        let result = try CommandRunner.run(["hyperparam-count", "--grid", "d=9007199254740992", "--format", "json"])
        #expect(result.output.contains(#""combinations": 9007199254740992"#))
        #expect(!result.output.contains("9007199254740992.0"))
    }

    @Test("gradcheck: a step lost in rounding is not judged (exit 0); the points of the difference are named")
    func gradcheckVerdicts() throws {
        let lost = try CommandRunner.run(["gradcheck", "--f", "x", "--at", "x=1e300"])
        #expect(lost.status == 0)
        #expect(lost.output.contains("not judged: step lost in rounding"))
        try expectRefused(
            ["gradcheck", "--f", "exp(x)", "--at", "x=709.782"], 65,
            "nnhw: --at: f is not a finite number at x + ε = 709.783 (±∞), a point the finite difference needs; "
                + "choose a point farther from the edge of the domain of f, or a smaller --eps")
        let zeroPower = try CommandRunner.run(["gradcheck", "--f", "0^x", "--at", "x=2"])
        #expect(zeroPower.status == 0)
        #expect(zeroPower.output.contains("pass"))
        try expectRefused(
            ["gradcheck", "--f", "２*x", "--at", "x=1"], 64,
            "nnhw: --f: column 1: expected a number, a variable or '(', found '２'")
    }

    @Test("--check: a written zero's exponent sets no tolerance, so {\"loss\": 0e300} is wrong for L = 4")
    func zeroWithExponent() throws {
        let answers = try temporaryFile("zero.json", #"{"loss": 0e300}"#)
        let result = try CommandRunner.run(["forward", "--example", "relu-3-layer", "--check", answers])
        #expect(result.status == 1)
    }

    @Test("messages name a place: an empty subcommand, an empty file name, stdin read twice, an extra word")
    func placesNamed() throws {
        try expectRefused([""], 64, "nnhw: '': not a subcommand")
        try expectRefused(
            ["forward", "--net", ""], 64, "nnhw: --net: the file name is empty; give a file, or - for standard input")
        try expectRefused(
            ["forward", "--net", "-", "--check", "-"], 64,
            "nnhw: --check: standard input (-) is already read by --net; give a file")
        try expectRefused(["help", "forward", "extra"], 64, "nnhw: extra: unexpected argument; options start with --")
    }

    @Test("a full gradient check is bounded by its work (about 2 s); sampling may check a part of a larger network")
    func boundedGradientCheck() throws {
        let spec = try temporaryFile(
            "wide.json",
            #"{"input": [0.5, 0.5], "target": [0.1], "loss": "mse", "layers": [{"units": 256, "activation": "tanh"}, "#
                + #"{"units": 256, "activation": "tanh"}, {"units": 1, "activation": "identity"}]}"#)
        try expectRefused(
            ["gradcheck", "--net", spec], 65,
            "nnhw: --net: checking 66817 parameters of a 66817-parameter network on 1 sample is more work than "
                + "a check of about 2 s allows (checked · parameters · samples ≤ 2³²); "
                + "give --sample N with N ≤ 64279, or --params")
        let sampled = try CommandRunner.run(["gradcheck", "--net", spec, "--sample", "20"])
        #expect(sampled.status == 0)
        #expect(sampled.output.contains("PASS: 20 of 20 parameters agree."))
    }

    @Test("worked conv and pool output is linear in what it prints: 19,881 entries each, well under 20 s")
    func linearWorkedOutput() throws {
        let side = 141
        let rows = (0..<side).map { i in (0..<side).map { j in String((i * side + j) % 7) }.joined(separator: " ") }
        let start = Date()
        let pool = try CommandRunner.run([
            "pool", "--input", rows.joined(separator: "; "), "--size", "1", "--mode", "max",
        ])
        let conv = try CommandRunner.run(["conv", "--input", "1 2; 3 4", "--kernel", "1", "--padding", "69"])
        #expect(pool.status == 0 && conv.status == 0)
        #expect(pool.output.contains("(19884) y₁₄₁,₁₄₁ = max(0) = 0"))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("a product of 100 variables is checked in well under 2 s: the derivative stays small as it is built")
    func longProduct() throws {
        let names = (0..<100).map { "x\($0)" }
        let start = Date()
        let result = try CommandRunner.run([
            "gradcheck", "--f", names.joined(separator: "*"), "--at", names.map { "\($0)=1" }.joined(separator: ","),
        ])
        #expect(result.status == 0)
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
