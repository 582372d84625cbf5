import Foundation
import Testing

/// Whether `a` and `b` agree within an absolute or a relative tolerance
/// (swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`).
func isClose(_ a: Double, _ b: Double, absolute: Double = 1e-9, relative: Double = 1e-9) -> Bool {
    a == b || abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// The JSON output of `nnhw backward --example NAME --format json`, parsed.
private func backwardJSON(_ example: String) throws -> [String: Any] {
    let result = try CommandRunner.run(["backward", "--example", example, "--format", "json"])
    try #require(result.status == 0, "exit \(result.status): \(result.error)")
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    return try #require(object as? [String: Any], "the JSON output is not an object")
}

/// The numbers at `key`: a number, a vector or a matrix, flattened row by row.
private func numbers(_ object: [String: Any], _ key: String) throws -> [Double] {
    let value = try #require(object[key], "no key \"\(key)\" in \(object.keys.sorted())")
    if let x = value as? Double { return [x] }
    if let vector = value as? [Double] { return vector }
    let matrix = try #require(value as? [[Double]], "\"\(key)\" is not a number, vector or matrix")
    return matrix.flatMap { $0 }
}

private func layer(_ object: [String: Any], _ number: Int) throws -> [String: Any] {
    let layers = try #require(object["layers"] as? [[String: Any]])
    try #require(layers.count >= number)
    return layers[number - 1]
}

private func expectClose(
    _ actual: [Double], _ expected: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.count == expected.count && zip(actual, expected).allSatisfy { isClose($0, $1) },
        "\(what): \(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}

/// The values every worked solution must reach, checked in the JSON output.
@Suite("Acceptance values of the examples")
struct AcceptanceValueTests {
    /// relu-3-layer: the classic three-layer ReLU backprop exercise, worked by hand
    /// (x = (2, 1), y = 10, L = (ŷ − y)²); every value is an integer.
    @Test("relu-3-layer backward: activations, deltas and gradients worked by hand")
    func reluThreeLayer() throws {
        let json = try backwardJSON("relu-3-layer")
        let (first, second, third) = try (layer(json, 1), layer(json, 2), layer(json, 3))
        expectClose(try numbers(first, "a"), [2, 8, 9], "a⁽¹⁾")
        expectClose(try numbers(second, "a"), [38, 22], "a⁽²⁾")
        expectClose(try numbers(json, "output"), [8], "ŷ")
        expectClose(try numbers(json, "loss"), [4], "L")
        expectClose(try numbers(first, "delta"), [16, 12, -4], "δ⁽¹⁾")
        expectClose(try numbers(second, "delta"), [8, -12], "δ⁽²⁾")
        expectClose(try numbers(third, "delta"), [-4], "δ⁽³⁾")
        expectClose(try numbers(third, "grad_W"), [-152, -88], "∂L/∂W⁽³⁾")
        expectClose(try numbers(second, "grad_W"), [16, 64, 72, -24, -96, -108], "∂L/∂W⁽²⁾")
        expectClose(try numbers(first, "grad_W"), [32, 16, 24, 12, -8, -4], "∂L/∂W⁽¹⁾")
        expectClose(try numbers(json, "grad_input"), [48, 40], "∂L/∂x")
    }

    /// tanh-augmented: x = 2, y = 1, L = ½(z⁽²⁾ − y)², bias as the first weight
    /// column; reference values computed independently with Python's math.tanh.
    @Test("tanh-augmented backward: values computed independently")
    func tanhAugmented() throws {
        let json = try backwardJSON("tanh-augmented")
        let (first, second) = try (layer(json, 1), layer(json, 2))
        expectClose(try numbers(first, "a"), [0.7, 1], "a⁽¹⁾")
        expectClose(try numbers(first, "z"), [0.6043677771171636, 0.7615941559557649], "z⁽¹⁾")
        expectClose(try numbers(second, "a"), [-1.480414690750131], "a⁽²⁾")
        expectClose(try numbers(second, "z"), [-0.9015456533728674], "z⁽²⁾")
        expectClose(try numbers(json, "loss"), [1.8079379359306227], "L")
        expectClose(try numbers(second, "delta"), [-0.3559986964489124], "δ⁽²⁾")
        expectClose(try numbers(first, "delta"), [-0.22596646661827233, 0.4485309544697506], "δ⁽¹⁾")
        expectClose(
            try numbers(second, "grad_W"), [-0.3559986964489124, -0.21515414082943707, -0.27112652674336196], "∂L/∂W⁽²⁾"
        )
        expectClose(
            try numbers(first, "grad_W"),
            [-0.22596646661827233, -0.45193293323654466, 0.4485309544697506, 0.8970619089395012], "∂L/∂W⁽¹⁾")
    }

    @Test("relu-3-layer text output writes the integer answers as integers")
    func reluThreeLayerText() throws {
        let result = try CommandRunner.run(["backward", "--example", "relu-3-layer"])
        #expect(result.status == 0)
        #expect(result.error == "")
        #expect(result.output.contains("−96"))
        #expect(result.output.contains("−108"))
        #expect(result.output.contains("(48, 40)ᵀ"))
        let backward = try #require(result.output.range(of: "Backward pass"), "no Backward pass section")
        let gradientLines = result.output[backward.upperBound...].split(separator: "\n")
        #expect(gradientLines.count > 5)
        for line in gradientLines {
            #expect(line.firstMatch(of: /[0-9]\.[0-9]/) == nil, "a decimal point in: \(line)")
        }
    }
}
