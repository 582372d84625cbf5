import Testing

@testable import NNHomework

/// Issue 14, acceptance C: each common slip injected into a correct answer is named.
@Suite("Named slips")
struct SlipCheckTests {
    /// The slip named for the one value of `mine` that is not right.
    private func slip(_ mine: String, _ problem: NetworkProblem) throws -> String? {
        let check = try checkBackward(mine, problem)
        let wrong = check.entries.filter { $0.verdict != .right }
        #expect(wrong.allSatisfy { $0.verdict == .slip })
        #expect(!check.passes)
        return wrong.first?.slip?.name
    }

    // relu-3-layer by hand (OUTPUT-EXAMPLES.md): a⁽¹⁾ = (2, 8, 9) = W⁽¹⁾x + b with W⁽¹⁾x = (2, 10, 4);
    // δ⁽³⁾ = −4; δ⁽²⁾ = (8, −12) = W⁽³⁾ᵀδ⁽³⁾ ⊙ ReLU′(a⁽²⁾), W⁽³⁾ᵀδ⁽³⁾ = (8, −12), z⁽²⁾ = (38, 22);
    // ∂L/∂W⁽²⁾ = [[16, 64, 72], [−24, −96, −108]]; L = 4.
    @Test("the bias left out: a⁽¹⁾ = W⁽¹⁾x = (2, 10, 4)")
    func biasLeftOut() throws {
        #expect(
            try slip(#"{"layers": [{"a": [2, 10, 4]}, {}, {}]}"#, builtInProblem("relu-3-layer")) == "bias_left_out")
    }

    @Test("the sign flipped: δ⁽³⁾ = 4 for −4")
    func signFlipped() throws {
        #expect(try slip(#"{"layers": [{}, {}, {"delta": [4]}]}"#, builtInProblem("relu-3-layer")) == "sign_flipped")
    }

    @Test("f for f′: δ⁽²⁾ = (8 · 38, −12 · 22) = (304, −264) with ReLU(a⁽²⁾) for ReLU′(a⁽²⁾)")
    func functionForDerivative() throws {
        #expect(
            try slip(#"{"layers": [{}, {"delta": [304, -264]}, {}]}"#, builtInProblem("relu-3-layer"))
                == "function_for_derivative")
    }

    @Test("a transposed matrix: ∂L/∂W⁽²⁾ written 3 × 2")
    func transposedShape() throws {
        #expect(
            try slip(
                #"{"layers": [{}, {"grad_W": [[16, -24], [64, -96], [72, -108]]}, {}]}"#, builtInProblem("relu-3-layer")
            )
                == "transposed")
    }

    // Sigmoid 2-2-2 (python3): δ⁽²⁾ = (0.138499, −0.038098), z⁽¹⁾ = (0.593270, 0.596884),
    // z⁽²⁾ = (0.751365, 0.772928); ∂L/∂W⁽²⁾ = δ⁽²⁾z⁽¹⁾ᵀ = [[0.082167, 0.082668], [−0.022603, −0.022740]];
    // δ⁽²⁾z⁽²⁾ᵀ = [[0.104063, 0.107049], [−0.028626, −0.029447]].
    @Test("a square matrix transposed: ∂L/∂W⁽²⁾ with its off-diagonal entries swapped")
    func transposedSquare() throws {
        #expect(
            try slip(
                #"{"layers": [{}, {"grad_W": [[0.082167, -0.022603], [0.082668, -0.022740]]}]}"#, sigmoidNetwork())
                == "transposed")
    }

    @Test("a wrong layer's activation: ∂L/∂W⁽²⁾ = δ⁽²⁾ z⁽²⁾ᵀ")
    func wrongLayerActivation() throws {
        #expect(
            try slip(
                #"{"layers": [{}, {"grad_W": [[0.104063, 0.107049], [-0.028626, -0.029447]]}]}"#, sigmoidNetwork())
                == "wrong_layer_activation")
    }

    // tanh-augmented (python3): L = ½(ŷ − y)² = ½(−0.901546 − 1)² = 1.807938; without ½: 3.615876.
    @Test("a missing ½: L = 3.6159 for 1.8079")
    func missingHalf() throws {
        #expect(try slip(#"{"loss": 3.6159}"#, builtInProblem("tanh-augmented")) == "missing_half")
    }

    // logistic-regression-step (python3): a = −0.6, ŷ = σ(−0.6) = 0.354344, δ = ŷ − 1 = −0.645656,
    // ∂L/∂W = δ(1, −2, 0.5); W − η∂L/∂W = (0.722828, −0.345656, −0.838586); W + η∂L/∂W = (0.077172, 0.945656, −1.161414).
    @Test("η with the wrong sign: W + η ∂L/∂W")
    func learningRateSign() throws {
        #expect(
            try slip(
                #"{"layers": [{"W_updated": [[0.0772, 0.9457, -1.1614]]}]}"#, builtInProblem("logistic-regression-step")
            )
                == "learning_rate_sign")
    }

    @Test("a sum for a mean over a batch of 3: the loss times 3")
    func sumForMean() throws {
        let problem = try builtInProblem("softmax-cross-entropy-batch")
        let loss = try #require(NetworkSolver().backward(problem).result["loss"]?.numberValue)
        #expect(try slip(#"{"loss": \#(loss * 3)}"#, problem) == "sum_for_mean")
        #expect(try slip(#"{"loss": \#(loss / 3)}"#, problem) == "mean_for_sum")
    }

    @Test("the report names the slip, what the student did and the right step")
    func slipSentence() throws {
        let problem = try builtInProblem("relu-3-layer")
        let check = try checkBackward(#"{"layers": [{"a": [2, 10, 4]}, {}, {}]}"#, problem)
        let report = check.report(for: try NetworkSolver().backward(problem))
        let text = TextRenderer(options: RenderOptions(lineWidth: 400)).render(report)
        #expect(
            text.contains(
                "✗ a of layer 1, entry 2: you wrote 10, it is 8: you left the bias out; the right step: add the bias: a = W z + b."
            ))
        let entries = report.result["entries"]?.arrayValue ?? []
        #expect(entries.map { $0["slip"] } == [.null, .string("bias_left_out"), .string("bias_left_out")])
        #expect(entries.map { $0["verdict"] } == [.string("right"), .string("slip"), .string("slip")])
    }
}
