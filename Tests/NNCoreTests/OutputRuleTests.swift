import NNCore
import Testing

/// One identity layer (W = I, b = 0) so that the logits a⁽¹⁾ are the input.
private func outputNetwork(_ activation: Activation, width: Int, loss: Loss) -> Network {
    Network(
        layers: [Dense(weights: .identity(width), bias: Array(repeating: 0, count: width), activation: activation)],
        loss: loss)
}

@Suite("Output rule: fused softmax/sigmoid with cross-entropy")
struct OutputRuleTests {
    /// Logits of 3 samples × 4 classes, one sample per row.
    static let logits = Matrix([[1, 2, 3, 4], [-1, 0, 0.5, 2], [0.3, -0.7, 1.1, 0]])
    /// Classes 3, 0 and 2, one-hot.
    static let classes = Matrix([[0, 0, 0, 1], [1, 0, 0, 0], [0, 0, 1, 0]])

    @Test("the rule is fused only for an unscaled softmax or sigmoid with the matching loss")
    func ruleChoice() {
        #expect(
            OutputRule(activation: Activation(.softmax(beta: 2)), loss: Loss(.crossEntropy))
                == .softmaxCrossEntropy(beta: 2))
        #expect(
            OutputRule(activation: Activation(.sigmoid), loss: Loss(.binaryCrossEntropy)) == .sigmoidBinaryCrossEntropy)
        #expect(
            OutputRule(activation: Activation(.softmax(beta: 1), scale: 3), loss: Loss(.crossEntropy)) == .chainRule)
        #expect(OutputRule(activation: Activation(.sigmoid), loss: Loss(.crossEntropy)) == .chainRule)
        #expect(OutputRule(activation: Activation(.softmax(beta: 1)), loss: Loss(.meanSquaredError)) == .chainRule)
        #expect(!OutputRule.chainRule.isFused)
        #expect(OutputRule.sigmoidBinaryCrossEntropy.isFused)
    }

    @Test("softmax + cross-entropy, mean over 3 samples: L and δ = (1/3)(softmax(Z) − T)")
    func softmaxMean() {
        let network = outputNetwork(Activation(.softmax(beta: 1)), width: 4, loss: Loss(.crossEntropy))
        let pass = network.forward(Self.logits)
        #expect(pass.logits == Self.logits)
        // numpy 2.4: -(T * scipy.special.log_softmax(Z, axis=1)).sum() / 3 → 1.4830284111303706
        expectApproximatelyEqual(
            network.loss(of: pass, target: Self.classes), 1.4830284111303706, absoluteTolerance: 0,
            relativeTolerance: 1e-14)
        let gradients = network.backward(pass, target: Self.classes)
        #expect(gradients.outputGradient == nil)
        // numpy 2.4: (scipy.special.softmax(Z, axis=1) - T) / 3
        expectApproximatelyEqual(
            gradients.deltas[0],
            [
                [0.010686201093361663, 0.02904810624734419, 0.07896093936330338, -0.11869524670400922],
                [-0.321548735530417, 0.03203385806336575, 0.052814903171659905, 0.23669997429539144],
                [0.07690701062830788, 0.02829250809210808, -0.16217363349202893, 0.05697411477161301],
            ], absoluteTolerance: 1e-15)
        // With W = I the input gradient is δ itself.
        #expect(gradients.inputGradient.isApproximatelyEqual(to: gradients.deltas[0], absoluteTolerance: 1e-16))
    }

    @Test("softmax + cross-entropy, sum reduction: no 1/3")
    func softmaxSum() {
        let network = outputNetwork(Activation(.softmax(beta: 1)), width: 4, loss: Loss(.crossEntropy, reduction: .sum))
        let pass = network.forward(Self.logits)
        // numpy 2.4: -(T * scipy.special.log_softmax(Z, axis=1)).sum() → 4.449085233391112
        expectApproximatelyEqual(
            network.loss(of: pass, target: Self.classes), 4.449085233391112, absoluteTolerance: 0,
            relativeTolerance: 1e-14)
        // numpy 2.4: scipy.special.softmax(Z, axis=1) - T
        expectApproximatelyEqual(
            network.backward(pass, target: Self.classes).deltas[0],
            [
                [0.03205860328008499, 0.08714431874203257, 0.23688281808991013, -0.35608574011202765],
                [-0.9646462065912511, 0.09610157419009724, 0.15844470951497971, 0.7100999228861743],
                [0.23072103188492363, 0.08487752427632424, -0.48652090047608676, 0.17092234431483902],
            ], absoluteTolerance: 1e-15)
    }

    @Test("softmax with β = 2 + cross-entropy, mean: δ = (2/3)(softmax(2Z) − T)")
    func softmaxBeta() {
        let network = outputNetwork(Activation(.softmax(beta: 2)), width: 4, loss: Loss(.crossEntropy))
        let pass = network.forward(Self.logits)
        // numpy 2.4: -(T * scipy.special.log_softmax(2 * Z, axis=1)).sum() / 3 → 2.168655645157032
        expectApproximatelyEqual(
            network.loss(of: pass, target: Self.classes), 2.168655645157032, absoluteTolerance: 0,
            relativeTolerance: 1e-14)
        // numpy 2.4: 2 * (scipy.special.softmax(2 * Z, axis=1) - T) / 3
        expectApproximatelyEqual(
            network.backward(pass, target: Self.classes).deltas[0],
            [
                [0.0014293391890564226, 0.010561467452337948, 0.07803927549235529, -0.0900300821337497],
                [-0.6651231115858738, 0.011405415083768253, 0.031003132568239944, 0.6227145639338655],
                [0.1004442749158012, 0.013593654395226147, -0.16916291616384638, 0.05512498685281903],
            ], absoluteTolerance: 1e-15)
    }

    @Test("logits of ±1000 give a finite loss and the right δ")
    func softmaxLargeLogits() {
        let network = outputNetwork(Activation(.softmax(beta: 1)), width: 4, loss: Loss(.crossEntropy))
        let logits = Matrix([[1000, -1000, 0, 1000], [1000, -1000, 0, 1000]])
        let classes = Matrix([[1, 0, 0, 0], [0, 1, 0, 0]])
        let pass = network.forward(logits)
        // By hand: softmax of each row is (0.5, 0, 0, 0.5).
        #expect(pass.output == Matrix([[0.5, 0, 0, 0.5], [0.5, 0, 0, 0.5]]))
        // By hand: ℓ₁ = ln 2, ℓ₂ = 2000 + ln 2, mean 1000 + ln 2;
        // numpy 2.4: -(T * scipy.special.log_softmax(Z, axis=1)).sum() / 2 → 1000.6931471805599
        let loss = network.loss(of: pass, target: classes)
        #expect(loss.isFinite)
        expectApproximatelyEqual(loss, 1000.6931471805599, absoluteTolerance: 0, relativeTolerance: 1e-15)
        // By hand: (1/2)((0.5, 0, 0, 0.5) − T).
        let gradients = network.backward(pass, target: classes)
        #expect(gradients.deltas[0] == Matrix([[-0.25, 0, 0, 0.25], [0.25, -0.5, 0, 0.25]]))
        #expect(gradients.weightGradients[0].isFinite)
    }

    @Test("fused softmax δ and loss equal the unfused chain rule on moderate logits", arguments: [1.0, 2.0])
    func softmaxFusedMatchesChainRule(beta: Double) {
        let activation = Activation(.softmax(beta: beta))
        let loss = Loss(.crossEntropy)
        let network = outputNetwork(activation, width: 4, loss: loss)
        let pass = network.forward(Self.logits)
        let fused = network.backward(pass, target: Self.classes).deltas[0]
        let unfused = activation.backpropagate(
            loss.gradient(prediction: pass.output, target: Self.classes), at: Self.logits)
        #expect(fused.isApproximatelyEqual(to: unfused, absoluteTolerance: 1e-15, relativeTolerance: 1e-12))
        expectApproximatelyEqual(
            network.loss(of: pass, target: Self.classes), loss.value(prediction: pass.output, target: Self.classes),
            absoluteTolerance: 0, relativeTolerance: 1e-14)
    }

    @Test("sigmoid + binary cross-entropy with logits ±1000: finite loss, δ = ŷ − y")
    func sigmoidLargeLogits() {
        let network = outputNetwork(Activation(.sigmoid), width: 1, loss: Loss(.binaryCrossEntropy, reduction: .sum))
        let logits = Matrix(column: [1000, -1000, 1000, 0.5])
        let targets = Matrix(column: [0, 1, 1, 0])
        let pass = network.forward(logits)
        let loss = network.loss(of: pass, target: targets)
        #expect(loss.isFinite)
        // numpy 2.4: -(y * scipy.special.log_expit(x) + (1 - y) * scipy.special.log_expit(-x)).sum()
        //   → 2000.97407698418 (1000 + 1000 + 0 + softplus(0.5))
        expectApproximatelyEqual(loss, 2000.97407698418, absoluteTolerance: 0, relativeTolerance: 1e-15)
        // numpy 2.4: scipy.special.expit(x) - y → [1, -1, 0, 0.6224593312018546]
        expectApproximatelyEqual(
            network.backward(pass, target: targets).deltas[0], [[1], [-1], [0], [0.6224593312018546]],
            absoluteTolerance: 1e-16)
    }

    @Test("fused sigmoid δ and loss equal the unfused chain rule on moderate logits, mean over 3")
    func sigmoidFusedMatchesChainRule() {
        let activation = Activation(.sigmoid)
        let loss = Loss(.binaryCrossEntropy)
        let network = outputNetwork(activation, width: 1, loss: loss)
        let logits = Matrix(column: [0.5, -2, 3])
        let targets = Matrix(column: [1, 0, 1])
        let pass = network.forward(logits)
        let fused = network.backward(pass, target: targets).deltas[0]
        // numpy 2.4: (scipy.special.expit(x) - y) / 3
        expectApproximatelyEqual(
            fused, [[-0.1258468895993818], [0.03973430734070585], [-0.015808624392522213]], absoluteTolerance: 1e-16)
        let unfused = activation.backpropagate(loss.gradient(prediction: pass.output, target: targets), at: logits)
        #expect(fused.isApproximatelyEqual(to: unfused, absoluteTolerance: 1e-15, relativeTolerance: 1e-12))
        // numpy 2.4: -(y * log_expit(x) + (1 - y) * log_expit(-x)).sum() / 3 → 0.21653078226560707
        let fusedLoss = network.loss(of: pass, target: targets)
        expectApproximatelyEqual(fusedLoss, 0.21653078226560707, absoluteTolerance: 0, relativeTolerance: 1e-14)
        expectApproximatelyEqual(
            fusedLoss, loss.value(prediction: pass.output, target: targets), absoluteTolerance: 0,
            relativeTolerance: 1e-14)
    }
}
