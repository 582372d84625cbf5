import NNCore
import Testing

@Suite("Every elementwise activation: value, derivative, kinks, stability")
struct ActivationFunctionTests {
    /// Values computed with mpmath at 300 digits (/tmp gen script, not run by the tests):
    /// e.g. `x*(1+erf(x/sqrt(2)))/2` for GELU, `log(1+exp(b*x))/b` for softplus,
    /// `x*tanh(log(1+exp(x)))` for mish, λ = 1.0507009873554804934193349852946 and
    /// α = 1.6732632423543772848170429916717 for SELU, PyTorch's constants.
    static let reference: [(Activation.Function, [(Double, Double)])] = [
        (.identity, [(-30, -30.0), (-3, -3.0), (-0.5, -0.5), (0.5, 0.5), (3, 3.0), (30, 30.0)]),
        (.relu, [(-30, 0), (-3, 0), (-0.5, 0), (0.5, 0.5), (3, 3.0), (30, 30.0)]),
        (.leakyReLU(alpha: 0.1), [(-30, -3.0), (-3, -0.3), (-0.5, -0.05), (0.5, 0.5), (3, 3.0), (30, 30.0)]),
        (
            .tanh,
            [
                (-30, -1.0), (-3, -0.99505475368673045), (-0.5, -0.46211715726000976), (0.5, 0.46211715726000976),
                (3, 0.99505475368673045), (30, 1.0),
            ]
        ),
        (
            .sigmoid,
            [
                (-30, 0.00000000000009357622968839299), (-3, 0.047425873177566781), (-0.5, 0.37754066879814544),
                (0.5, 0.62245933120185456), (3, 0.95257412682243322), (30, 0.99999999999990642),
            ]
        ),
        (
            .gelu(.exact),
            [
                (-30, -1.4720141781444561e-196), (-3, -0.0040496940948902836), (-0.5, -0.15426876936299345),
                (0.5, 0.34573123063700655), (3, 2.9959503059051097), (30, 30.0),
            ]
        ),
        (
            .gelu(.tanhApproximation),
            [
                (-30, 0.0), (-3, -0.0036373920817730188), (-0.5, -0.15428599017485608), (0.5, 0.34571400982514392),
                (3, 2.996362607918227), (30, 30.0),
            ]
        ),
        (
            .elu(alpha: 1),
            [
                (-30, -0.99999999999990642), (-3, -0.95021293163213606), (-0.5, -0.39346934028736658), (0.5, 0.5),
                (3, 3.0), (30, 30.0),
            ]
        ),
        (
            .elu(alpha: 0.5),
            [
                (-30, -0.49999999999995321), (-3, -0.47510646581606803), (-0.5, -0.19673467014368329), (0.5, 0.5),
                (3, 3.0), (30, 30.0),
            ]
        ),
        (
            .selu,
            [
                (-30, -1.7580993408472123), (-3, -1.670568728767112), (-0.5, -0.6917581878028714),
                (0.5, 0.52535049367774025), (3, 3.1521029620664415), (30, 31.521029620664415),
            ]
        ),
        (
            .softplus(beta: 1),
            [
                (-30, 0.000000000000093576229688397368), (-3, 0.048587351573742059), (-0.5, 0.47407698418010668),
                (0.5, 0.97407698418010668), (3, 3.0485873515737421), (30, 30.000000000000094),
            ]
        ),
        (
            .softplus(beta: 2),
            [
                (-30, 0.0000000000000000000000000043782553813482602), (-3, 0.0012378425688652248),
                (-0.5, 0.15663084375911142), (0.5, 0.65663084375911142), (3, 3.0012378425688652), (30, 30.0),
            ]
        ),
        (
            .silu,
            [
                (-30, -0.0000000000028072868906517897), (-3, -0.14227761953270034), (-0.5, -0.18877033439907272),
                (0.5, 0.31122966560092728), (3, 2.8577223804672997), (30, 29.999999999997193),
            ]
        ),
        (
            .mish,
            [
                (-30, -0.000000000002807286890651921), (-3, -0.14564746127562459), (-0.5, -0.22074377465173),
                (0.5, 0.3752452113048951), (3, 2.9865350049679573), (30, 30.0),
            ]
        ),
        (.hardTanh, [(-30, -1), (-3, -1), (-0.5, -0.5), (0.5, 0.5), (3, 1), (30, 1)]),
        (
            .hardSigmoid,
            [(-30, 0.0), (-3, 0.0), (-0.5, 0.41666666666666667), (0.5, 0.58333333333333333), (3, 1.0), (30, 1.0)]
        ),
        (
            .softsign,
            [
                (-30, -0.96774193548387097), (-3, -0.75), (-0.5, -0.33333333333333333), (0.5, 0.33333333333333333),
                (3, 0.75), (30, 0.96774193548387097),
            ]
        ),
        (.relu6, [(-30, 0), (-3, 0), (-0.5, 0), (0.5, 0.5), (3, 3.0), (30, 6)]),
        (.sign, [(-30, -1.0), (-3, -1.0), (-0.5, -1.0), (0.5, 1.0), (3, 1.0), (30, 1.0)]),
    ]

    /// Every function with its kinks, and the derivative each takes at them by
    /// the stated (PyTorch) convention.
    static let kinkConventions: [(Activation.Function, [(kink: Double, derivative: Double)])] = [
        (.relu, [(0, 0)]),
        (.leakyReLU(alpha: 0.1), [(0, 0.1)]),
        (.elu(alpha: 0.5), [(0, 0.5)]),
        (.selu, [(0, Activation.seluScale * Activation.seluAlpha)]),
        (.hardTanh, [(-1, 0), (1, 0)]),
        (.hardSigmoid, [(-3, 0), (3, 0)]),
        (.relu6, [(0, 0), (6, 0)]),
        (.sign, [(0, 0)]),
    ]

    @Test("f(x) agrees with mpmath at ±0.5, ±3 and ±30", arguments: reference.indices)
    func values(index: Int) {
        let (function, points) = Self.reference[index]
        for (x, expected) in points {
            let value = Activation(function).value(x)
            #expect(
                abs(value - expected) <= 1e-15 + 1e-14 * abs(expected), "\(function) at \(x): \(value) vs \(expected)")
        }
    }

    @Test("f′(x) agrees with a central difference at ±0.5, ±3, ±30 and beside every kink", arguments: reference.indices)
    func derivatives(index: Int) {
        let function = Self.reference[index].0
        let activation = Activation(function)
        let beside = function.kinks.flatMap { [$0 - 0.01, $0 + 0.01, $0 - 0.3, $0 + 0.3] }
        let points = Self.reference[index].1.map(\.0).filter { !function.kinks.contains($0) }
        for x in points + beside {
            let numeric = centralDifference(step: 1e-6, at: x, of: activation.value)
            let analytic = activation.derivative(x)
            #expect(
                abs(analytic - numeric) <= 1e-7 * max(1, abs(analytic)),
                "\(function)′ at \(x): \(analytic) vs \(numeric)")
        }
    }

    @Test(
        "at a kink f′ takes the stated convention, and the kinks are where f′ jumps", arguments: kinkConventions.indices
    )
    func kinkConvention(index: Int) {
        let (function, conventions) = Self.kinkConventions[index]
        let activation = Activation(function)
        #expect(function.kinks == conventions.map(\.kink))
        for (kink, derivative) in conventions {
            #expect(activation.derivative(kink) == derivative, "\(function)′(\(kink))")
            #expect(function.separatesKink(kink - 1e-9, kink + 1e-9))
            #expect(!function.separatesKink(kink + 1e-9, kink + 2e-9))
        }
    }

    @Test("ELU with α = 1 has a continuous derivative at 0, so no kink; with α ≠ 1 it has one")
    func eluKink() {
        #expect(Activation.Function.elu(alpha: 1).kinks.isEmpty)
        #expect(Activation.Function.elu(alpha: 2).kinks == [0])
        // By hand: ELU′(0) = α e⁰ = α, the left derivative.
        #expect(Activation(.elu(alpha: 2)).derivative(0) == 2)
    }

    @Test("f and f′ are finite at ±1000 and at the largest doubles", arguments: reference.indices)
    func stability(index: Int) {
        let activation = Activation(Self.reference[index].0)
        for x in [-1000, 1000, -1e300, 1e300] {
            #expect(activation.value(x).isFinite, "\(Self.reference[index].0) at \(x)")
            #expect(activation.derivative(x).isFinite, "\(Self.reference[index].0)′ at \(x)")
        }
    }

    @Test("the limits at ±1000 are the exact ones")
    func limits() {
        // By hand: softplus(1000) = 1000 + ln(1 + e⁻¹⁰⁰⁰) rounds to 1000; softplus(−1000) = e⁻¹⁰⁰⁰ underflows to 0.
        #expect(Activation(.softplus(beta: 1)).value(1000) == 1000)
        #expect(Activation(.softplus(beta: 1)).value(-1000) == 0)
        #expect(Activation(.silu).value(1000) == 1000)
        #expect(Activation(.silu).derivative(1000) == 1)
        #expect(Activation(.mish).value(1000) == 1000)
        #expect(Activation(.mish).derivative(1000) == 1)
        #expect(Activation(.elu(alpha: 1)).value(-1000) == -1)
        #expect(Activation(.selu).value(-1000) == -Activation.seluScale * Activation.seluAlpha)
        #expect(Activation(.softsign).derivative(1000) == 1 / (1001.0 * 1001.0))
    }

    @Test("softplus′ = σ(βx), hard sigmoid = ReLU6(x + 3)/6, swish = SiLU")
    func identities() {
        for x in [-2.0, -0.25, 0.7, 2.5] {
            expectApproximatelyEqual(
                Activation(.softplus(beta: 2)).derivative(x), Activation.sigmoid(2 * x), absoluteTolerance: 0,
                relativeTolerance: 1e-15)
            #expect(Activation(.hardSigmoid).value(x) == Activation(.relu6).value(x + 3) / 6)
        }
    }
}
