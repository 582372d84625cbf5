import Foundation
import Testing

/// The variants `nnhw generate KIND --format json` prints.
private func variants(_ kind: String, seed: Int = 11, count: Int = 20, extra: [String] = []) throws -> [[String: Any]] {
    let run = try CommandRunner.run(
        ["generate", kind, "--seed", "\(seed)", "--variants", "\(count)", "--format", "json"] + extra)
    try #require(run.status == 0, "exit \(run.status): \(run.error)")
    return try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
}

/// Every number in a JSON value (true and false count as 1 and 0), but those of members named `skipping`.
private func numbers(_ value: Any?, skipping: String? = nil) -> [Double] {
    switch value {
    case let number as NSNumber: [number.doubleValue]
    case let array as [Any]: array.flatMap { numbers($0, skipping: skipping) }
    case let object as [String: Any]:
        object.filter { $0.key != skipping }.sorted { $0.key < $1.key }.flatMap {
            numbers($0.value, skipping: skipping)
        }
    default: []
    }
}

/// "1 2; 3 4" as rows.
private func rows(_ text: String) -> [[Double]] {
    text.split(separator: ";").map { $0.split(separator: " ").compactMap { Double($0) } }
}

/// The value after `option` in a command line.
private func option(_ command: [String], _ name: String) -> String {
    command.firstIndex(of: name).map { command[$0 + 1] } ?? ""
}

@Suite("nnhw generate conv, pool, conv-size, softmax and optimize (issue 21, Deliver 4)")
struct GenerateExerciseTests {
    @Test("conv: every value of 20 keys is an integer, and the output equals a direct computation from the command")
    func convolution() throws {
        for variant in try variants("conv") {
            let command = try #require(variant["command"] as? [String])
            let answer = variant["answer"]
            #expect(numbers(answer).allSatisfy { $0 == $0.rounded() })
            let x = rows(option(command, "--input"))
            let k = rows(option(command, "--kernel"))
            let (s, p) = (Int(option(command, "--stride")) ?? 0, Int(option(command, "--padding")) ?? 0)
            let n = (x.count + 2 * p - k.count) / s + 1
            let expected = (0..<n).map { i in
                (0..<n).map { j in
                    var sum = 0.0
                    for m in k.indices {
                        for q in k.indices {
                            let (r, c) = (i * s + m - p, j * s + q - p)
                            if r >= 0, c >= 0, r < x.count, c < x.count { sum += x[r][c] * k[m][q] }
                        }
                    }
                    return sum
                }
            }
            let output = (answer as? [String: Any])?["output"] as? [[NSNumber]] ?? []
            #expect(output.map { $0.map(\.doubleValue) } == expected)
        }
    }

    @Test("pool: integer keys; the average windows' means are integers and equal the sums over 4")
    func pooling() throws {
        let all = try variants("pool")
        #expect(Set(all.map { option($0["command"] as? [String] ?? [], "--mode") }) == ["max", "avg"])
        for variant in all {
            let command = try #require(variant["command"] as? [String])
            let x = rows(option(command, "--input"))
            let isMax = option(command, "--mode") == "max"
            let expected = [0, 2].map { i in
                [0, 2].map { j in
                    let window = [x[i][j], x[i][j + 1], x[i + 1][j], x[i + 1][j + 1]]
                    return isMax ? window.max() ?? 0 : window.reduce(0, +) / 4
                }
            }
            let output = (variant["answer"] as? [String: Any])?["output"] as? [[NSNumber]] ?? []
            #expect(output.map { $0.map(\.doubleValue) } == expected)
            #expect(expected.joined().allSatisfy { $0 == $0.rounded() })
        }
    }

    @Test("conv-size: the windows cover the padded input exactly; output and parameters by the formulas")
    func convolutionSize() throws {
        for variant in try variants("conv-size") {
            let command = try #require(variant["command"] as? [String])
            let answer = try #require(variant["answer"] as? [String: Any])
            let sizes = option(command, "--input").split(separator: "x").compactMap { Int($0) }
            let (k, p, s) = (
                Int(option(command, "--kernel")) ?? 0, Int(option(command, "--padding")) ?? 0,
                Int(option(command, "--stride")) ?? 0
            )
            let filters = Int(option(command, "--filters")) ?? 0
            #expect((sizes[0] + 2 * p - k) % s == 0)
            let side = (sizes[0] + 2 * p - k) / s + 1
            #expect((answer["output"] as? [Int]) == [side, side, filters])
            #expect((answer["params"] as? Int) == (k * k * sizes[2] + 1) * filters)
            #expect(answer["exact"] as? Bool == true)
        }
    }

    @Test(
        "softmax: the probabilities equal exp(sᵢ)/Σ exp(sⱼ) of the drawn integer scores; the statement asks for K decimals"
    )
    func softmax() throws {
        for variant in try variants("softmax", extra: ["--decimals", "3"]) {
            let command = try #require(variant["command"] as? [String])
            let scores = option(command, "--scores").split(separator: " ").compactMap { Double($0) }
            #expect(scores.allSatisfy { $0 == $0.rounded() })
            #expect(option(command, "--precision") == "3")
            let total = scores.map { Foundation.exp($0) }.reduce(0, +)
            let probabilities = (variant["answer"] as? [String: Any])?["probabilities"] as? [NSNumber] ?? []
            #expect(probabilities.count == scores.count)
            for (p, s) in zip(probabilities, scores) {
                #expect(abs(p.doubleValue - Foundation.exp(s) / total) <= 1e-15)
            }
        }
        let statement = try CommandRunner.run([
            "generate", "softmax", "--seed", "2", "--decimals", "3", "--part", "statement",
        ])
        #expect(statement.output.contains("rounded to 3 decimals"))
    }

    @Test("optimize: every computed value of 20 keys has at most --decimals decimals, for K = 0, 2 and 4")
    func optimization() throws {
        for decimals in [0, 2, 4] {
            for variant in try variants("optimize", extra: ["--decimals", "\(decimals)"]) {
                for x in numbers(variant["answer"], skipping: "lr") {
                    var scaled = x
                    for _ in 0..<decimals { scaled *= 10 }
                    #expect(abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)), "\(x)")
                }
            }
        }
    }

    @Test(
        "each command line reproduces its key, and the same seed gives the same problems",
        arguments: ["conv", "pool", "conv-size", "softmax", "optimize"])
    func reproducible(kind: String) throws {
        let first = try variants(kind, seed: 5, count: 3)
        #expect(
            try variants(kind, seed: 5, count: 3).map { $0["command"] as? [String] }
                == first.map { $0["command"] as? [String] })
        #expect(Set(first.compactMap { ($0["command"] as? [String])?.joined(separator: " ") }).count == 3)
        for variant in first {
            let command = try #require(variant["command"] as? [String])
            let solved = try CommandRunner.json(Array(command.dropFirst()))
            #expect(numbers(solved) == numbers(variant["answer"]))
        }
        let spec = try CommandRunner.run(["generate", kind, "--seed", "5", "--part", "spec"])
        #expect(spec.output.hasPrefix("nnhw \(kind) "))
    }
}
