import NNCore
import Testing

/// One loss of the catalogue on a small batch, with its per-sample values
/// computed independently (by hand or with mpmath at 40 digits, as each comment says).
struct CatalogueCase: Sendable, CustomTestStringConvertible {
    let name: String
    let loss: Loss
    let prediction: [[Double]]
    let target: [[Double]]
    let expected: [Double]
    var testDescription: String { name }

    static let all: [CatalogueCase] = [
        // Hand: d = (−0.5, −3) and (1, 0); (0.25 + 9)/2 and (1 + 0)/2.
        CatalogueCase(
            name: "mse", loss: Loss(.meanSquaredError), prediction: [[0.5, -3], [30, 2]], target: [[1, 0], [29, 2]],
            expected: [4.625, 0.5]),
        // Hand: (0.5 + 3)/2 and (1 + 0)/2.
        CatalogueCase(
            name: "mae", loss: Loss(.meanAbsoluteError), prediction: [[0.5, -3], [30, 2]], target: [[1, 0], [29, 2]],
            expected: [1.75, 0.5]),
        // Hand, δ = 1: (½ · 0.25 + 1 · (3 − ½))/2 = 1.3125; (½ · 1 + 0)/2 = 0.25.
        CatalogueCase(
            name: "huber", loss: Loss(.huber(delta: 1)), prediction: [[0.5, -3], [30, 2]],
            target: [[1, 0], [29, 2]], expected: [1.3125, 0.25]),
        // Hand, β = 0.5: |d| = 0.5 is not below β, so 0.5 − 0.25; 3 − 0.25; 1 − 0.25: (0.25 + 2.75)/2, (0.75 + 0)/2.
        CatalogueCase(
            name: "smooth_l1", loss: Loss(.smoothL1(beta: 0.5)), prediction: [[0.5, -3], [30, 2]],
            target: [[1, 0], [29, 2]], expected: [1.5, 0.375]),
        // mpmath: logsumexp(0.5, −3, 30) − 0.5 and logsumexp(1000, −1000, 0) − 0.
        CatalogueCase(
            name: "cross_entropy from scores", loss: Loss(.crossEntropyFromScores),
            prediction: [[0.5, -3, 30], [1000, -1000, 0]], target: [[1, 0, 0], [0, 0, 1]],
            expected: [29.50000000000015894, 1000]),
        // mpmath: softplus(x) − x y.
        CatalogueCase(
            name: "binary_cross_entropy from logits", loss: Loss(.binaryCrossEntropyFromLogits),
            prediction: [[0.5], [-3], [30], [-30]], target: [[1], [0], [1], [0.25]],
            expected: [0.47407698418010668, 0.048587351573742059, 9.3576229688397368e-14, 7.5000000000000936]),
        // Hand, m = 1: max(0, 1 − y s).
        CatalogueCase(
            name: "hinge", loss: Loss(.hinge(margin: 1)), prediction: [[0.5], [-3], [30], [-0.5]],
            target: [[1], [-1], [-1], [-1]], expected: [0.5, 0, 31, 0.5]),
        // Hand: the hinge values squared.
        CatalogueCase(
            name: "squared_hinge", loss: Loss(.squaredHinge(margin: 1)), prediction: [[0.5], [-3], [30], [-0.5]],
            target: [[1], [-1], [-1], [-1]], expected: [0.25, 0, 961, 0.25]),
        // Hand: max(0, −y s).
        CatalogueCase(
            name: "perceptron", loss: Loss(.perceptron), prediction: [[0.5], [-3], [30], [-0.5]],
            target: [[1], [-1], [-1], [1]], expected: [0, 0, 30, 0.5]),
        // mpmath: ln(1 + e^(−y s)).
        CatalogueCase(
            name: "logistic", loss: Loss(.logistic), prediction: [[0.5], [-3], [30], [-0.5]],
            target: [[1], [-1], [-1], [1]],
            expected: [0.47407698418010668, 0.048587351573742059, 30.000000000000094, 0.97407698418010668]),
        // Hand (CS231n's example rows): Σ_{j≠k} max(0, s_j − s_k + 1).
        CatalogueCase(
            name: "multiclass_hinge", loss: Loss(.multiclassHinge(margin: 1)),
            prediction: [[1, 2, 3], [0.5, -1, 2], [2, 1, 0.5]], target: [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
            expected: [0, 2.5, 2.5]),
        // mpmath: Σ p ln(p/q); ln 2 for the one-hot p.
        CatalogueCase(
            name: "kl_divergence", loss: Loss(.klDivergence(base: Loss.naturalBase)),
            prediction: [[1.0 / 3, 1.0 / 3, 1.0 / 3], [0.5, 0.3, 0.2]], target: [[0.5, 0.25, 0.25], [1, 0, 0]],
            expected: [0.058891517828191727, 0.69314718055994531]),
        // mpmath: the same in bits.
        CatalogueCase(
            name: "kl_divergence base 2", loss: Loss(.klDivergence(base: 2)),
            prediction: [[1.0 / 3, 1.0 / 3, 1.0 / 3]], target: [[0.5, 0.25, 0.25]], expected: [0.084962500721156181]),
        // mpmath: −Σ p ln p = 1.5 ln 2; in bits exactly 1.5.
        CatalogueCase(
            name: "entropy", loss: Loss(.entropy(base: Loss.naturalBase)), prediction: [[0.5, 0.25, 0.25]],
            target: [[0, 0, 0]], expected: [1.0397207708399180]),
        CatalogueCase(
            name: "entropy base 2", loss: Loss(.entropy(base: 2)), prediction: [[0.5, 0.25, 0.25]],
            target: [[0, 0, 0]], expected: [1.5]),
        // mpmath: αₜ (1 − pₜ)^γ (softplus(x) − x y), γ = 2, α = 0.25 (torchvision's definition).
        CatalogueCase(
            name: "focal", loss: Loss(.focal(gamma: 2, alpha: 0.25)), prediction: [[0.5], [-3], [30], [2]],
            target: [[1], [0], [0], [1]],
            expected: [0.016893372629375909, 8.1962493372748142e-5, 22.499999999995859, 4.5089070881009384e-4]),
    ]
}

@Suite("The loss catalogue: values and gradients")
struct LossCatalogueTests {
    @Test("per-sample values against independent computations", arguments: CatalogueCase.all)
    func values(_ c: CatalogueCase) {
        let losses = c.loss.sampleLosses(prediction: Matrix(c.prediction), target: Matrix(c.target))
        expectApproximatelyEqual(losses, c.expected, absoluteTolerance: 1e-15, relativeTolerance: 1e-13)
        let mean = c.expected.reduce(0, +) / Double(c.expected.count)
        expectApproximatelyEqual(
            c.loss.value(prediction: Matrix(c.prediction), target: Matrix(c.target)), mean, absoluteTolerance: 1e-15,
            relativeTolerance: 1e-13)
    }

    /// The central difference (L(ŷ + h eₖ) − L(ŷ − h eₖ)) / 2h of every entry.
    static func centralDifference(_ loss: Loss, prediction: Matrix, target: Matrix, h: Double = 1e-6) -> [Double] {
        prediction.elements.indices.map { k in
            var up = prediction.elements
            var down = prediction.elements
            up[k] += h
            down[k] -= h
            let plus = loss.value(
                prediction: Matrix(rows: prediction.rows, columns: prediction.columns, elements: up), target: target)
            let minus = loss.value(
                prediction: Matrix(rows: prediction.rows, columns: prediction.columns, elements: down), target: target)
            return (plus - minus) / (2 * h)
        }
    }

    /// Points where each loss is smooth: ±0.5, ±3, ±30, and both sides of its kinks at 0.01.
    static let smoothPoints: [(String, Loss, [[Double]], [[Double]])] = {
        // The multiclass case of CS231n has a margin of exactly 0 (2 − 3 + 1): it is checked near Δ below.
        var cases = CatalogueCase.all.filter { $0.name != "kl_divergence base 2" && $0.name != "multiclass_hinge" }.map
        {
            ($0.name, $0.loss, $0.prediction, $0.target)
        }
        cases += [
            // Kinks: |d| = 0 (MAE), |d| = δ = 1 (Huber), |d| = β (smooth L1), y s = m (hinge), y s = 0 (perceptron).
            ("mae near 0", Loss(.meanAbsoluteError), [[0.01, -0.01]], [[0, 0]]),
            ("huber near δ", Loss(.huber(delta: 1)), [[1.01, -0.99, 0.99, -1.01]], [[0, 0, 0, 0]]),
            ("smooth_l1 near β", Loss(.smoothL1(beta: 0.5)), [[0.51, 0.49, -0.51, -0.49]], [[0, 0, 0, 0]]),
            ("hinge near m", Loss(.hinge(margin: 1)), [[1.01], [0.99], [-1.01], [-0.99]], [[1], [1], [-1], [-1]]),
            ("squared_hinge near m", Loss(.squaredHinge(margin: 1)), [[1.01], [0.99]], [[1], [1]]),
            ("perceptron near 0", Loss(.perceptron), [[0.01], [-0.01], [0.01]], [[1], [1], [-1]]),
            (
                "multiclass_hinge near Δ", Loss(.multiclassHinge(margin: 1)), [[2.01, 1, 3.02], [0, 0.99, -3]],
                [[1, 0, 0], [0, 1, 0]]
            ),
            ("logistic ±30", Loss(.logistic), [[30], [-30], [3], [-3]], [[1], [1], [-1], [-1]]),
            (
                "focal γ = 0.5, no α", Loss(.focal(gamma: 0.5, alpha: nil)), [[0.5], [-3], [3], [-0.5]],
                [[1], [1], [0], [0]]
            ),
            (
                "cross_entropy from scores, probability target", Loss(.crossEntropyFromScores, reduction: .sum),
                [[-30, 3, 0.5], [-0.5, -3, 30]], [[0.2, 0.3, 0.5], [0, 0.5, 0.5]]
            ),
            ("cross_entropy from probabilities", Loss(.crossEntropy), [[0.2, 0.3, 0.5]], [[0, 1, 0]]),
            ("binary_cross_entropy", Loss(.binaryCrossEntropy), [[0.3], [0.9]], [[1], [0.25]]),
            ("squared_error ½", Loss(.squaredError(scale: 0.5)), [[0.5, -3], [30, -30]], [[1, 0], [29, 2]]),
        ]
        return cases
    }()

    @Test("gradients against central differences away from the kinks")
    func gradients() {
        for (name, loss, prediction, target) in Self.smoothPoints {
            let p = Matrix(prediction)
            let t = Matrix(target)
            let numeric = Self.centralDifference(loss, prediction: p, target: t)
            let analytic = loss.gradient(prediction: p, target: t).elements
            #expect(
                zip(analytic, numeric).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) },
                "\(name): analytic \(analytic), central difference \(numeric)")
        }
    }

    @Test("cross-entropy from scores of ±1000 is finite and right, its gradient softmax − y")
    func stability() {
        let loss = Loss(.crossEntropyFromScores, reduction: .sum)
        let scores = Matrix([[1000, -1000, 0], [-1000, 1000, 999]])
        let target = Matrix([[0, 1, 0], [0, 1, 0]])
        // Hand: ln(e^1000 + e^−1000 + 1) = 1000 (to 1e-434), minus −1000: 2000.
        // mpmath: logsumexp(−1000, 1000, 999) − 1000 = ln(1 + e^−1) = 0.31326168751822283.
        expectApproximatelyEqual(
            loss.sampleLosses(prediction: scores, target: target), [2000, 0.31326168751822283],
            absoluteTolerance: 1e-12)
        // mpmath: softmax(−1000, 1000, 999) = (0, 0.7310585786300049, 0.2689414213699951).
        expectApproximatelyEqual(
            loss.gradient(prediction: scores, target: target),
            [[1, -1, 0], [0, 0.7310585786300049 - 1, 0.2689414213699951]], absoluteTolerance: 1e-15)
        #expect(
            Loss(.binaryCrossEntropyFromLogits).value(
                prediction: Matrix([[-1000], [1000]]), target: Matrix([[1], [0]])) == 1000)
    }

    @Test("the kink conventions: derivative 0 at the corner of the hinge, the perceptron and |d|")
    func kinks() {
        #expect(Loss(.hinge(margin: 1)).gradient(prediction: Matrix([[1]]), target: Matrix([[1]])).elements == [0])
        #expect(Loss(.perceptron).gradient(prediction: Matrix([[0]]), target: Matrix([[1]])).elements == [-0.0])
        #expect(Loss(.meanAbsoluteError).gradient(prediction: Matrix([[2]]), target: Matrix([[2]])).elements == [0])
        // Hand: at p = 0 with y = 0 only −ln(1 − p) is left, derivative 1/(1 − p) = 1; at p = 1 with y = 1, −1/p = −1.
        #expect(
            Loss(.binaryCrossEntropy, reduction: .sum).gradient(
                prediction: Matrix([[0], [1]]), target: Matrix([[0], [1]])
            )
            .elements == [1, -1])
        // Hand: a focal logit of −800 with y = 1 has pₜ = σ(−800) ≈ 0, so ℓ = 0.25 · 1 · softplus(800) − 0 = 200.
        #expect(Loss(.focal(gamma: 2, alpha: 0.25)).value(prediction: Matrix([[-800]]), target: Matrix([[1]])) == 200)
        // Multiclass hinge with a margin exactly 0 (s_j − s_k + Δ = 0): clipped, no gradient.
        #expect(
            Loss(.multiclassHinge(margin: 1)).gradient(prediction: Matrix([[2, 3]]), target: Matrix([[0, 1]])).elements
                == [0, 0])
    }
}
