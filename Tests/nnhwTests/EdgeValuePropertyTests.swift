import Foundation
import NNCore
import Testing

@testable import nnhw

/// Issue 12, acceptance B: random finite inputs near the edges of double
/// precision (1e±300, denormals, 2⁵³ ± 1) given to every subcommand in every
/// format either solve (exit 0, no ∞ or NaN printed) or are refused with one
/// `nnhw:` line (exit 64, plus the usage line, or 65). Runs in process, seeded.
@Suite("Edge values: every subcommand in every format exits 0 with finite output or refuses in one line")
struct EdgeValuePropertyTests {
    /// Numbers near the edges of a double, and ordinary ones between.
    private static let edges: [String] = [
        "1e300", "-1e300", "1e-300", "-1e-300", "5e-324", "2.2e-308", "1.7e308", "-1.7e308", "1e154", "1e-154",
        "9007199254740991", "9007199254740992", "9007199254740993", "0", "1", "-1", "0.5", "3", "-2.5", "709.78",
    ]
    /// Whole numbers near the edges of a count.
    private static let wholeEdges: [String] = [
        "1", "2", "3", "7", "64", "4096", "65536", "4294967296", "9007199254740991", "9007199254740992",
        "9007199254740993", "9223372036854775807",
    ]

    private static let formats = ["text", "json", "markdown", "latex"]

    /// One random command line of each subcommand that takes numbers.
    private static func invocations(using generator: inout SplitMix64, specFile: (String) -> String) -> [[String]] {
        func pick(_ values: [String]) -> String { values[Int(generator.next() % UInt64(values.count))] }
        func x() -> String { pick(edges) }
        func n() -> String { pick(wholeEdges) }
        func matrix() -> String { "\(x()) \(x()); \(x()) \(x())" }
        let spec =
            #"{"input": [\#(x()), \#(x())], "target": [\#(pick(["0", "1", "0.5", x()]))], "#
            + #""learning_rate": \#(pick(["0.1", "1e308", "1e-300", "5e-324"])), "loss": "mse", "#
            + #""layers": [{"weights": [[\#(x()), \#(x())], [\#(x()), \#(x())]], "bias": [\#(x()), \#(x())], "#
            + #""activation": "\#(pick(["tanh", "relu", "sigmoid", "gelu"]))"}, "#
            + #"{"weights": [[\#(x()), \#(x())]], "bias": [\#(x())], "activation": "identity"}]}"#
        let file = specFile(spec)
        return [
            ["forward", "--net", file],
            ["backward", "--net", file],
            ["gradcheck", "--net", file],
            [
                "gradcheck", "--f", pick(["x*y", "exp(x)*y", "x^y", "log(x)+y", "x/y", "sqrt(x)*tanh(y)"]),
                "--at", "x=\(x()),y=\(x())",
            ],
            ["jacobian", "--net", file],
            ["hessian", "--net", file],
            [
                "jacobian", "--f", pick(["x*y; x^y", "exp(x)*y; x/y", "log(x)+y; sqrt(x)*tanh(y)"]),
                "--at", "x=\(x()),y=\(x())",
            ],
            [
                "hessian", "--f", pick(["x*y", "exp(x)*y", "x^y", "log(x)+y", "x/y", "x^4 - 2*x^2 + y^2"]),
                "--at", "x=\(x()),y=\(x())", "--at", "x=\(x()),y=\(x())",
            ],
            ["conv", "--input", matrix(), "--kernel", matrix(), "--padding", pick(["0", "1", "2"])],
            ["pool", "--input", matrix(), "--size", pick(["1", "2"]), "--mode", pick(["max", "avg"])],
            ["conv-size", "--input", "\(n())x\(n())x\(n())", "--kernel", n(), "--filters", n()],
            ["params", "--layers", "input \(n())x\(n())x\(n()); conv \(n()) 3; dense \(n())"],
            ["chain", "--upstream", x(), "--factors", "\(x()) \(x()) \(x())", pick(["--skip", "--no-preamble"])],
            [
                "chain", "--upstream", x(), "--factor", x(), "--depth", pick(["1..6", "2,4", "200"]),
                "--residual-every", "2",
            ],
            ["shapes", "--layers", "input \(n()); dense \(n()); dense \(n())", "--batch", n()],
            ["shapes", "--dy", "\(n())x\(n())", "--dx", n()],
            ["hyperparam-count", "--grid", "a=\(n()) b=\(n())"],
            [
                "hyperparam-count", "--confidence", pick(["0.95", "0.999999", "0.5"]), "--good-fraction",
                pick(["0.05", "1e-300", "5e-324", "0.999"]),
            ],
            [
                "train-cost", "--gpu-hours", x(), "--watts", x(), "--price", x(), "--carbon", x(),
                "--household-kwh-per-month", x(),
            ],
            [
                "train-cost", "--params", x(), "--tokens", x(), "--gpu-flops", x(), "--utilization",
                pick(["0.5", "1", "1e-300"]), "--gpus", n(), "--gpu-hour-price", x(), "--watts", x(), "--carbon", x(),
                "--compare", "household,flight,car",
            ],
            [
                "inference-cost", "--active-params", x(), "--tokens-per-day", x(), "--gpu-flops", x(),
                "--utilization", pick(["0.5", "1", "1e-300"]), "--server-watts", x(), "--gpus-per-server", n(),
                "--price", x(), "--gpu-hour-price", x(), "--carbon", x(), "--compare", "household,flight,car",
            ],
        ]
    }

    /// Whether `output` prints a non-finite number in any format.
    private static func printsNonFinite(_ output: String) -> Bool {
        output.contains("∞") || output.contains("\\infty") || output.contains("NaN")
            || output.split(whereSeparator: { !$0.isLetter }).contains { ["inf", "nan"].contains($0.lowercased()) }
    }

    @Test("200 seeded rounds over every numeric subcommand and format", arguments: [UInt64(1), 2, 3, 4])
    func edges(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let folder = NSTemporaryDirectory() + "nnhw-edges-\(getpid())-\(seed)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var counter = 0
        var statuses: [Int32: Int] = [:]
        for _ in 0..<50 {
            let lines = Self.invocations(using: &generator) { spec in
                counter += 1
                let path = "\(folder)/\(counter).json"
                try? spec.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            for arguments in lines {
                let format = Self.formats[Int(generator.next() % UInt64(Self.formats.count))]
                let outcome = Program.run(arguments + ["--format", format])
                statuses[outcome.status, default: 0] += 1
                let shown = (arguments + ["--format", format]).joined(separator: " ")
                let errorLines = outcome.error.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                switch outcome.status {
                case 0, 1:
                    #expect(!Self.printsNonFinite(outcome.output), "\(shown) printed ∞ or NaN")
                    #expect(outcome.error.isEmpty, "\(shown) wrote to stderr")
                case 64:
                    #expect(errorLines.count == 2 && errorLines[0].hasPrefix("nnhw: "), "\(shown): \(outcome.error)")
                case 65:
                    #expect(errorLines.count == 1 && errorLines[0].hasPrefix("nnhw: "), "\(shown): \(outcome.error)")
                    #expect(outcome.output.isEmpty, "\(shown) printed output with a data error")
                default:
                    Issue.record("\(shown) exited \(outcome.status): \(outcome.error)")
                }
            }
        }
        #expect(statuses[0, default: 0] > 100, "too few edge inputs solved to test their output: \(statuses)")
        #expect(statuses[65, default: 0] > 100, "too few edge inputs refused to test the refusal: \(statuses)")
    }
}
