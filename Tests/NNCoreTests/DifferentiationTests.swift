// Swift's differentiable programming checks the hand-written derivatives where the
// toolchain has it; elsewhere this file compiles to nothing.
#if canImport(_Differentiation)
    import NNCore
    import Testing
    import _Differentiation

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Musl)
        import Musl
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// The seven parameters of homework A's 1–2–1 network, augmented form:
    /// W̃⁽¹⁾ = [[b₁, w₁], [b₂, w₂]], W̃⁽²⁾ = [[c, v₁, v₂]].
    private struct TanhParameters: Differentiable {
        var b1: Double
        var w1: Double
        var b2: Double
        var w2: Double
        var c: Double
        var v1: Double
        var v2: Double
    }

    /// L = ½ (tanh(c + v₁ tanh(b₁ + w₁ x) + v₂ tanh(b₂ + w₂ x)) − y)², written
    /// out as scalar code so that Swift's automatic differentiation derives the
    /// gradient independently of NNCore's matrices and backward pass.
    @differentiable(reverse,wrt: p)
    private func tanhHomeworkLoss(_ p: TanhParameters, x: Double, y: Double) -> Double {
        let z1 = tanh(p.b1 + p.w1 * x)
        let z2 = tanh(p.b2 + p.w2 * x)
        let output = tanh(p.c + p.v1 * z1 + p.v2 * z2)
        return 0.5 * (output - y) * (output - y)
    }

    @Suite("Backpropagation against Swift's automatic differentiation")
    struct DifferentiationTests {
        @Test("homework A: NNCore's gradients equal gradient(at:of:) of the scalar loss")
        func tanhHomework() {
            let p = TanhParameters(b1: 0.1, w1: 0.3, b2: 0.2, w2: 0.4, c: 0.2, v1: 1, v2: -3)
            let (value, gradient) = valueWithGradient(at: p) { tanhHomeworkLoss($0, x: 2, y: 1) }

            let network = TanhHomeworkTests.network
            let pass = network.forward(TanhHomeworkTests.input)
            let gradients = network.backward(pass, target: TanhHomeworkTests.target)
            // Same formulas in another order: agreement to a few ulps.
            let tolerance = 1e-14
            expectApproximatelyEqual(
                network.loss(of: pass, target: TanhHomeworkTests.target), value, absoluteTolerance: tolerance)
            expectApproximatelyEqual(
                gradients.biasGradients[0], [gradient.b1, gradient.b2], absoluteTolerance: tolerance)
            expectApproximatelyEqual(
                gradients.weightGradients[0], [[gradient.w1], [gradient.w2]], absoluteTolerance: tolerance)
            expectApproximatelyEqual(gradients.biasGradients[1], [gradient.c], absoluteTolerance: tolerance)
            expectApproximatelyEqual(
                gradients.weightGradients[1], [[gradient.v1, gradient.v2]], absoluteTolerance: tolerance)
        }
    }
#endif
