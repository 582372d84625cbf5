import NNCore
import Testing

@testable import NNHomework

// MARK: Helpers

/// The problem of a built-in example.
private func example(_ name: String) throws -> NetworkProblem {
    let found = try #require(BuiltInExample.named(name))
    return try NetworkProblem(parsing: found.json, source: "example \(name)")
}

/// A number of the result JSON, or nil.
private func number(_ value: JSONValue?) -> Double? { value?.numberValue }

/// A flat array of numbers of the result JSON (empty when it is not one).
private func vector(_ value: JSONValue?) -> [Double] {
    value?.arrayValue?.compactMap(\.numberValue) ?? []
}

/// An array of rows of numbers of the result JSON (empty when it is not one).
private func rows(_ value: JSONValue?) -> [[Double]] {
    value?.arrayValue?.map(vector) ?? []
}

/// Layer l (from 1) of the result JSON.
private func layer(_ result: JSONValue, _ l: Int) -> JSONValue? {
    guard let layers = result["layers"]?.arrayValue, layers.indices.contains(l - 1) else { return nil }
    return layers[l - 1]
}

/// Whether every pair agrees within max(absolute, relative · max(|x|, |y|)).
private func close(
    _ actual: [Double], _ expected: [Double], absolute: Double = 0, relative: Double = 0
) -> Bool {
    actual.count == expected.count
        && zip(actual, expected).allSatisfy {
            $0.isApproximatelyEqual(to: $1, absoluteTolerance: absolute, relativeTolerance: relative)
        }
}

private func close(
    _ actual: [[Double]], _ expected: [[Double]], absolute: Double = 0, relative: Double = 0
) -> Bool {
    actual.count == expected.count
        && zip(actual, expected).allSatisfy { close($0, $1, absolute: absolute, relative: relative) }
}

/// ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ of `problem` by central differences (h = 1e-6) of `Network.loss(input:target:)`.
private func numericalGradients(_ problem: NetworkProblem) -> [(weights: [[Double]], bias: [Double])] {
    let h = 1e-6
    let network = problem.network
    let target = problem.target ?? Matrix(rows: 0, columns: 0)
    func loss(_ perturbed: Network) -> Double { perturbed.loss(input: problem.input, target: target) }
    return network.layers.indices.map { index in
        let dense = network.layers[index]
        var weights = [[Double]](repeating: [], count: dense.weights.rows)
        for i in 0..<dense.weights.rows {
            for j in 0..<dense.weights.columns {
                var up = network
                var down = network
                up.layers[index].weights[i, j] += h
                down.layers[index].weights[i, j] -= h
                weights[i].append((loss(up) - loss(down)) / (2 * h))
            }
        }
        let bias = dense.bias.indices.map { i in
            var up = network
            var down = network
            up.layers[index].bias[i] += h
            down.layers[index].bias[i] -= h
            return (loss(up) - loss(down)) / (2 * h)
        }
        return (weights, bias)
    }
}

@Suite("Solving a network problem")
struct NetworkSolverTests {
    // MARK: Acceptance A: tanh, augmented

    /// Reference: the homework's hand solution carried out at full precision
    /// (numpy: a1 = W1 @ [1, 2]; z1 = tanh(a1); a2 = W2 @ [1, *z1]; …).
    @Test("tanh-augmented: every value of the result at 1e-9")
    func tanhAugmented() throws {
        let result = try NetworkSolver().backward(example("tanh-augmented")).result
        let first = try #require(layer(result, 1))
        let second = try #require(layer(result, 2))
        let t = 1e-9
        #expect(close(vector(first["a"]), [0.7, 1], absolute: t))
        #expect(close(vector(first["z"]), [0.6043677771, 0.7615941560], absolute: t))
        #expect(close(vector(second["a"]), [-1.4804146908], absolute: t))
        #expect(close(vector(second["z"]), [-0.9015456534], absolute: t))
        #expect(close(vector(result["output"]), [-0.9015456534], absolute: t))
        #expect(number(result["loss"]).map { $0.isApproximatelyEqual(to: 1.8079379359, absoluteTolerance: t) } == true)
        #expect(close(vector(second["delta"]), [-0.3559986964], absolute: t))
        #expect(close(vector(first["delta"]), [-0.2259664666, 0.4485309545], absolute: t))
        #expect(close(rows(second["grad_W"]), [[-0.3559986964, -0.2151541408, -0.2711265267]], absolute: t))
        #expect(
            close(rows(first["grad_W"]), [[-0.2259664666, -0.4519329332], [0.4485309545, 0.8970619089]], absolute: t))
        // Augmented: the bias gradient is grad_W's first column, not a separate key.
        #expect(first["grad_b"] == nil && second["grad_b"] == nil)
    }

    @Test("tanh-augmented: the text shows δ⁽¹⁾₂ = 0.4485, not the 0.447 of z⁽¹⁾ rounded to 3 decimals")
    func tanhAugmentedText() throws {
        let text = TextRenderer().render(try NetworkSolver().backward(example("tanh-augmented")))
        #expect(text.contains("0.4485"))
        #expect(!text.contains("0.447"))
    }

    // MARK: Acceptance B: three ReLU layers

    /// Reference: the classic hand-worked exercise; every quantity is an integer.
    @Test("relu-3-layer: exact integers for every quantity")
    func relu3LayerValues() throws {
        let result = try NetworkSolver().backward(example("relu-3-layer")).result
        let (l1, l2, l3) = try (#require(layer(result, 1)), #require(layer(result, 2)), #require(layer(result, 3)))
        #expect(vector(l1["a"]) == [2, 8, 9])
        #expect(vector(l1["z"]) == [2, 8, 9])
        #expect(vector(l2["a"]) == [38, 22])
        #expect(vector(l3["a"]) == [8])
        #expect(vector(result["output"]) == [8])
        #expect(number(result["loss"]) == 4)
        #expect(vector(l3["delta"]) == [-4])
        #expect(vector(l2["delta"]) == [8, -12])
        #expect(vector(l1["delta"]) == [16, 12, -4])
        #expect(rows(l3["grad_W"]) == [[-152, -88]])
        #expect(rows(l2["grad_W"]) == [[16, 64, 72], [-24, -96, -108]])
        #expect(rows(l1["grad_W"]) == [[32, 16], [24, 12], [-8, -4]])
        #expect(vector(l3["grad_b"]) == [-4])
        #expect(vector(l2["grad_b"]) == [8, -12])
        #expect(vector(l1["grad_b"]) == [16, 12, -4])
        #expect(vector(result["grad_input"]) == [48, 40])
        // No learning rate: no update.
        #expect(l1["W_updated"] == nil)
    }

    @Test("relu-3-layer: the steps run forward, loss, then backward layer by layer, ∂L/∂x last")
    func relu3LayerSteps() throws {
        let solution = try NetworkSolver().backward(example("relu-3-layer"))
        let steps = solution.steps
        let L = MathExpression.symbol(Symbol("L"))
        func gradient(_ symbol: Symbol) -> MathExpression { .partial(of: L, withRespectTo: .symbol(symbol)) }
        func index(_ lhs: MathExpression) throws -> Int {
            try #require(steps.firstIndex { $0.lhs == lhs }, "no step for \(lhs)")
        }

        let gradW2 = try #require(steps.first { $0.lhs == gradient(Symbol("W", layer: 2)) })
        #expect(gradW2.rhs.last == .matrix(Matrix([[16, 64, 72], [-24, -96, -108]])))

        let order = try [
            index(.symbol(Symbol("a", layer: 1))),
            index(.symbol(Symbol("a", layer: 3))),
            index(L),
            index(.symbol(Symbol("δ", layer: 3))),
            index(gradient(Symbol("W", layer: 3))),
            index(.symbol(Symbol("δ", layer: 2))),
            index(gradient(Symbol("W", layer: 2))),
            index(.symbol(Symbol("δ", layer: 1))),
            index(gradient(Symbol("W", layer: 1))),
            index(gradient(Symbol("x"))),
        ]
        #expect(order == order.sorted(), "steps out of order: \(order)")
        #expect(steps.last?.lhs == gradient(Symbol("x")))
        #expect(steps.map(\.number) == Array(1...steps.count))
        #expect(solution.sections.map(\.title) == ["Forward pass", "Loss", "Backward pass"])
    }

    // MARK: Acceptance C: softmax + cross-entropy on a batch

    /// Reference values from numpy 2.x, independently of NNCore:
    ///     X = [[1,2,0],[0,1,-1],[2,0,1]]; W = [[.5,-.2,.1],[.3,.8,-.5],[-.6,.1,.9],[.2,.2,.2]]
    ///     b = [0,.1,-.1,0]; T = np.eye(4)[[1,3,0]]; A = X @ W.T + b
    ///     P = np.exp(A - A.max(1, keepdims=True)); P /= P.sum(1, keepdims=True)
    ///     L = -(T * np.log(P)).sum() / 3;  D = (P - T) / 3
    ///     grad_W = D.T @ X;  grad_b = D.sum(0);  grad_X = D @ W
    @Test("softmax-cross-entropy-batch: loss and gradients equal numpy's at 1e-12 relative")
    func softmaxCrossEntropyBatch() throws {
        let result = try NetworkSolver().backward(example("softmax-cross-entropy-batch")).result
        let only = try #require(layer(result, 1))
        let r = 1e-12
        let loss = try #require(number(result["loss"]))
        #expect(loss.isApproximatelyEqual(to: 1.006872525232169, relativeTolerance: r), "\(loss)")
        // D = (P - T) / 3
        #expect(
            close(
                rows(only["delta"]),
                [
                    [0.033726491991119205, -0.10784156797233317, 0.018509491249358207, 0.05560558473185575],
                    [0.03981231914397042, 0.21793054053674776, 0.021849464006099936, -0.27959232368681813],
                    [-0.1842729675195601, 0.060603422209715006, 0.03325986329581075, 0.09040968201403433],
                ], relative: r))
        // D.T @ X
        #expect(
            close(
                rows(only["grad_W"]),
                [
                    [-0.334819443048001, 0.10726530312620883, -0.2240852866635305],
                    [0.013365276447096841, 0.00224740459208142, -0.15732711832703275],
                    [0.0850292178409797, 0.058868446504816346, 0.011410399289710816],
                    [0.23642494875992442, -0.16838115422310662, 0.37000200570085245],
                ], relative: r))
        // D.sum(0)
        #expect(
            close(
                vector(only["grad_b"]),
                [-0.11073415638447048, 0.1706923947741296, 0.0736188185512689, -0.13357705694092803], relative: r))
        // D @ W
        #expect(
            close(
                rows(result["grad_input"]),
                [
                    [-0.01547380219938412, -0.08004648670478341, 0.08507309225607204],
                    [0.016257178591985944, 0.1126484502638505, -0.14123798548585054],
                    [-0.07582943867154514, 0.10674525400407196, -0.0007131944877769681],
                ], relative: r))
    }

    @Test("logits of ±1000 give a finite loss and gradient, without error")
    func hugeLogits() throws {
        let problem = try NetworkProblem(
            parsing: """
                {"input": [1, -1], "target": 1,
                 "layers": [{"weights": [[1000, 0], [0, 1000]], "bias": [0, 0], "activation": "softmax"}],
                 "loss": "cross_entropy"}
                """, source: "huge.json")
        let result = try NetworkSolver().backward(problem).result
        // Logits (1000, −1000), class 1: L = logsumexp − a₁ = 1000 − (−1000) = 2000; δ = ŷ − y = (1, −1).
        let loss = try #require(number(result["loss"]))
        #expect(loss.isApproximatelyEqual(to: 2000, relativeTolerance: 1e-12), "\(loss)")
        let only = try #require(layer(result, 1))
        #expect(vector(only["delta"]) == [1, -1])
        #expect(rows(only["grad_W"]) == [[1, -1], [-1, 1]])
        #expect(vector(result["grad_input"]) == [1000, -1000])
    }

    // MARK: The gradient-descent update

    /// Reference, numpy: x = [1,-2,.5]; a = .4 - .6 - .5 + .1 = -0.6; p = 1/(1+exp(0.6));
    ///     d = p - 1; W - .5 * np.outer(d, x); b - .5 * d.
    @Test("logistic-regression-step: W and b after one step with η = 0.5")
    func logisticRegressionStep() throws {
        let result = try NetworkSolver().backward(example("logistic-regression-step")).result
        let only = try #require(layer(result, 1))
        let r = 1e-12
        #expect(close(vector(only["a"]), [-0.6], absolute: 1e-15))
        #expect(close(vector(only["delta"]), [-0.64565631], absolute: 1e-8))
        #expect(
            close(
                rows(only["W_updated"]), [[0.7228281531128977, -0.3456563062257954, -0.8385859234435511]], relative: r))
        #expect(close(vector(only["b_updated"]), [0.4228281531128977], relative: r))
        // Forward shows no update.
        let forward = try NetworkSolver().forward(example("logistic-regression-step")).result
        #expect(layer(forward, 1)?["W_updated"] == nil)
        #expect(layer(forward, 1)?["delta"] == nil)
        #expect(forward["grad_input"] == nil)
    }

    // MARK: Errors

    @Test("cross-entropy of an identity output with a non-positive prediction is an error at \"loss\"")
    func crossEntropyOfNonPositivePrediction() throws {
        let problem = try NetworkProblem(
            parsing: """
                {"input": [1], "target": 0,
                 "layers": [{"weights": [[-1], [1]], "activation": "identity"}], "loss": "cross_entropy"}
                """, source: "ce.json")
        for solve in [NetworkSolver().forward, NetworkSolver().backward] {
            let error = try #require(throws: InputError.self) { try solve(problem) }
            #expect(error.kind == .invalidData)
            #expect(error.place == "loss")
            #expect(
                error.message
                    == "cross-entropy needs predicted probabilities ŷ > 0, but ŷ has -1; use a softmax output layer")
        }
    }

    @Test("values too large for double precision are an error at the layer that overflows")
    func overflow() throws {
        let problem = try NetworkProblem(
            parsing: """
                {"input": [1e200], "target": 0,
                 "layers": [{"weights": [[1e200]], "activation": "identity"}], "loss": "squared_error"}
                """, source: "overflow.json")
        let error = try #require(throws: InputError.self) { try NetworkSolver().backward(problem) }
        #expect(error.kind == .invalidData)
        #expect(error.place == "layers[0]")
        #expect(error.message == "layer 1's values overflow; the numbers are too large for double precision")
    }

    // MARK: Unfused softmax, checked numerically

    static let unfusedSoftmax: [(name: String, json: String)] = [
        (
            "a hidden softmax layer",
            """
            {"input": [0.5, -1, 2], "target": [1, -1],
             "layers": [{"weights": [[0.2, -0.4, 0.1], [0.7, 0.3, -0.2], [-0.5, 0.6, 0.4]], "bias": [0.1, 0, -0.3],
                         "activation": "softmax"},
                        {"weights": [[1.5, -2, 0.5], [0.3, 0.8, -1.1]], "bias": [0.2, -0.1], "activation": "tanh"}],
             "loss": "squared_error"}
            """
        ),
        (
            "a hidden softmax layer with β = 2, on a batch",
            """
            {"input": [[0.5, -1], [2, 0.3]], "target": [[0.5], [-0.5]],
             "layers": [{"weights": [[0.2, -0.4], [0.7, 0.3], [-0.5, 0.6]], "bias": [0.1, 0, -0.3],
                         "activation": {"name": "softmax", "beta": 2}},
                        {"weights": [[1.5, -2, 0.5]], "activation": "identity"}],
             "loss": "mse"}
            """
        ),
        (
            "a softmax output with squared error",
            """
            {"input": [1, 2], "target": [0.2, 0.3, 0.5],
             "layers": [{"weights": [[0.3, -0.2], [0.1, 0.4], [-0.6, 0.5]], "bias": [0, 0.2, -0.1],
                         "activation": "softmax"}],
             "loss": {"name": "squared_error", "scale": 0.5}}
            """
        ),
    ]

    @Test(
        "softmax without fused cross-entropy: the gradients equal central differences at 1e-6",
        arguments: unfusedSoftmax)
    func unfusedSoftmaxGradients(name: String, json: String) throws {
        let problem = try NetworkProblem(parsing: json, source: "unfused.json")
        #expect(problem.network.outputRule == .chainRule)
        let result = try NetworkSolver().backward(problem).result
        let numerical = numericalGradients(problem)
        for (index, expected) in numerical.enumerated() {
            let shown = try #require(layer(result, index + 1))
            let gradW = rows(shown["grad_W"])
            #expect(
                close(gradW, expected.weights, absolute: 1e-6, relative: 1e-6),
                "layer \(index + 1): \(gradW) vs \(expected.weights)")
            if problem.hasBias[index] {
                let gradB = vector(shown["grad_b"])
                #expect(
                    close(gradB, expected.bias, absolute: 1e-6, relative: 1e-6),
                    "layer \(index + 1): \(gradB) vs \(expected.bias)")
            }
        }
        // The check itself is not vacuous: some gradient is far from 0.
        #expect(numerical.flatMap { $0.weights.flatMap { $0 } }.contains { abs($0) > 1e-3 })
    }
}
