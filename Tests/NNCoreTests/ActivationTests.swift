import NNCore
import Testing

@Suite("Activation values and special points")
struct ActivationTests {
    @Test(
        "values at a few points",
        arguments: [
            // By hand: identity, ReLU and leaky ReLU are piecewise linear.
            (Activation(.identity), -2.5, -2.5),
            (Activation(.relu), -2.5, 0),
            (Activation(.relu), 2.5, 2.5),
            (Activation(.relu, scale: 3), 2.5, 7.5),
            (Activation(.leakyReLU(alpha: 0.1)), -2.5, -0.25),
            (Activation(.leakyReLU(alpha: 0.1)), 2.5, 2.5),
            // numpy 2.4: np.tanh(0.5) → 0.46211715726000974
            (Activation(.tanh), 0.5, 0.46211715726000974),
            // numpy 2.4: 3 * np.tanh(-0.5) → -1.3863514717800292
            (Activation(.tanh, scale: 3), -0.5, -1.3863514717800292),
            // numpy 2.4: 1 / (1 + np.exp(-0.5)) → 0.6224593312018546
            (Activation(.sigmoid), 0.5, 0.6224593312018546),
            // scipy: 1 * scipy.stats.norm.cdf(1.0) → 0.8413447460685429
            (Activation(.gelu(.exact)), 1, 0.8413447460685429),
            // python3: 0.5 * (1 + math.tanh(math.sqrt(2 / math.pi) * (1 + 0.044715))) → 0.8411919906082768
            (Activation(.gelu(.tanhApproximation)), 1, 0.8411919906082768),
        ] as [(Activation, Double, Double)])
    func values(activation: Activation, x: Double, expected: Double) {
        expectApproximatelyEqual(activation.value(x), expected, absoluteTolerance: 0, relativeTolerance: 1e-15)
    }

    @Test("ReLU′(0) = 0 and leaky ReLU′(0) = α (the documented left derivative)")
    func kinks() {
        #expect(Activation(.relu).derivative(0) == 0)
        #expect(Activation(.relu, scale: 3).derivative(0) == 0)
        #expect(Activation(.leakyReLU(alpha: 0.1)).derivative(0) == 0.1)
        #expect(Activation(.leakyReLU(alpha: 0.1), scale: 3).derivative(0) == 3 * 0.1)
        #expect(Activation(.relu).derivative(1e-300) == 1)
        #expect(Activation(.leakyReLU(alpha: 0.1)).derivative(-1e-300) == 0.1)
    }

    @Test("σ(±1000) is exactly 1 and 0, and σ(−745) is still positive")
    func sigmoidStability() {
        #expect(Activation.sigmoid(1000) == 1)
        #expect(Activation.sigmoid(-1000) == 0)
        #expect(Activation(.sigmoid).derivative(1000) == 0)
        #expect(Activation(.sigmoid).derivative(-1000) == 0)
        // e^(−745) ≈ 4.9e-324 is the smallest subnormal; e/(1 + e) keeps it.
        #expect(Activation.sigmoid(-745) > 0)
        // By hand: σ(0) = 1/2.
        #expect(Activation.sigmoid(0) == 0.5)
    }

    @Test(
        "σ′ and tanh′ keep full relative accuracy far out, where 1 − σ and 1 − tanh² cancel",
        arguments: [
            // mpmath 1.3 (40 digits): s = 1/(1+exp(-x)); s*(1-s) at x = ±30, ±40
            (Activation(.sigmoid), 30, 9.3576229688384233e-14),
            (Activation(.sigmoid), -30, 9.3576229688384233e-14),
            (Activation(.sigmoid), 40, 4.248354255291589e-18),
            (Activation(.sigmoid), -40, 4.248354255291589e-18),
            // mpmath 1.3 (40 digits): 1/cosh(x)**2 at x = ±15, 20
            (Activation(.tanh), 15, 3.7430491875353693e-13),
            (Activation(.tanh), -15, 3.7430491875353693e-13),
            (Activation(.tanh), 20, 1.6993417021166356e-17),
        ] as [(Activation, Double, Double)])
    func derivativeTails(activation: Activation, x: Double, expected: Double) {
        expectApproximatelyEqual(activation.derivative(x), expected, absoluteTolerance: 0, relativeTolerance: 1e-13)
    }

    @Test("softmax of [1000, 1000] is [0.5, 0.5], and of [1000, −1000, 0, 1000] is [0.5, 0, 0, 0.5]")
    func softmaxStability() {
        #expect(Activation.softmax([1000, 1000]) == [0.5, 0.5])
        // By hand: e^(−2000) and e^(−1000) underflow to 0 next to e^0 + e^0.
        #expect(Activation.softmax([1000, -1000, 0, 1000]) == [0.5, 0, 0, 0.5])
        #expect(Activation.softmax([-1000, -1000]) == [0.5, 0.5])
    }

    @Test("softmax with coldness β")
    func softmaxBeta() {
        // numpy 2.4: scipy.special.softmax(2 * np.array([1., 2., 3.]))
        //   → [0.015876239976466765, 0.11731042782619838, 0.8668133321973349]
        expectApproximatelyEqual(
            Activation.softmax([1, 2, 3], beta: 2),
            [0.015876239976466765, 0.11731042782619838, 0.8668133321973349],
            absoluteTolerance: 1e-16, relativeTolerance: 1e-15)
        // By hand: β = 0 gives the uniform distribution.
        #expect(Activation.softmax([1, 2, 3, 4], beta: 0) == [0.25, 0.25, 0.25, 0.25])
    }

    @Test("apply(to:) normalises each row separately and multiplies by the scale")
    func softmaxRows() {
        let z = Activation(.softmax(beta: 1), scale: 3).apply(to: Matrix([[1000, 1000], [0, 0], [5, 5]]))
        #expect(z == Matrix([[1.5, 1.5], [1.5, 1.5], [1.5, 1.5]]))
        // numpy 2.4: scipy.special.softmax(np.array([[0., np.log(3.)], [np.log(4.), 0.]]), axis=1) → [[0.25, 0.75], [0.8, 0.2]]
        let z2 = Activation(.softmax(beta: 1)).apply(to: Matrix([[0, 1.0986122886681098], [1.3862943611198906, 0]]))
        expectApproximatelyEqual(z2, [[0.25, 0.75], [0.8, 0.2]], absoluteTolerance: 1e-15)
    }

    @Test("logSumExp([1000, 1000]) = 1000 + ln 2 without overflow")
    func logSumExp() {
        // numpy 2.4: np.logaddexp(1000., 1000.) → 1000.6931471805599
        #expect(Activation.logSumExp([1000, 1000]) == 1000.6931471805599)
        // numpy 2.4: scipy.special.logsumexp([-1000., -1000., -1000.]) → -998.9013877113318
        expectApproximatelyEqual(
            Activation.logSumExp([-1000, -1000, -1000]), -998.9013877113318, absoluteTolerance: 1e-12)
        #expect(Activation.logSumExp([]) == -.infinity)
    }

    @Test("isElementwise is false only for softmax")
    func elementwise() {
        #expect(Activation(.tanh).isElementwise)
        #expect(!Activation(.softmax(beta: 1)).isElementwise)
    }

    @Test("the Jacobian of an elementwise activation is diag(c f′(a))")
    func diagonalJacobian() {
        // By hand: ReLU′ at (−1, 2) is (0, 1), times the scale 3.
        #expect(Activation(.relu, scale: 3).jacobian(at: [-1, 2]) == Matrix([[0, 0], [0, 3]]))
    }
}
