import NNCore
import Testing

// Tolerances. A central difference with h = 1e-6 is off by about
// h² |f‴| / 6 ≈ 1e-12 |f‴| (truncation) plus ε |f| / h ≈ 2e-10 |f| (rounding
// of f(x ± h)). Every function here has |f‴| ≲ 10 at the points used (the
// worst, ln ŷ at ŷ = 0.05, has 2/ŷ³ = 1.6e4, still 2.7e-9), so an absolute
// tolerance of 1e-8 · max(1, |f|) is above the method's error with a margin
// of 50 and far below any real mistake in a derivative (a missing factor,
// scale or sign changes it by O(1)).

/// The allowed gap between an analytic derivative and a central difference
/// of a function whose values are about `magnitude`.
private func differenceTolerance(magnitude: Double) -> Double {
    1e-8 * max(1, abs(magnitude))
}

/// An elementwise activation and a point where it is differentiable.
struct ActivationPoint: Sendable, CustomTestStringConvertible {
    let activation: Activation
    let x: Double
    var testDescription: String { "\(activation.function) × \(activation.scale) at \(x)" }

    static let functions: [Activation.Function] = [
        .identity, .relu, .leakyReLU(alpha: 0.1), .tanh, .sigmoid, .gelu(.exact), .gelu(.tanhApproximation),
    ]
    static let points: [Double] = [-30, -3, -0.5, 0, 0.5, 3, 30]

    static func hasKinkAtZero(_ function: Activation.Function) -> Bool {
        switch function {
        case .relu, .leakyReLU: return true
        default: return false
        }
    }

    /// Every function with scale 1 and 3 at every point, except x = 0 for
    /// ReLU and leaky ReLU, where they have a kink and no derivative (their
    /// conventional value there is tested in ActivationTests).
    static let all: [ActivationPoint] = functions.flatMap { function in
        [1.0, 3.0].flatMap { scale in
            points.filter { x in x != 0 || !hasKinkAtZero(function) }.map { x in
                ActivationPoint(activation: Activation(function, scale: scale), x: x)
            }
        }
    }
}

/// A loss with a 2-sample batch inside its domain.
struct LossPoint: Sendable, CustomTestStringConvertible {
    let loss: Loss
    let prediction: Matrix
    let target: Matrix
    var testDescription: String { "\(loss.function), \(loss.reduction)" }

    static let all: [LossPoint] = [Loss.Reduction.mean, .sum].flatMap { reduction in
        [
            LossPoint(
                loss: Loss(.squaredError(scale: 1), reduction: reduction),
                prediction: Matrix([[0.5, -3, 30], [-0.5, 3, -30]]), target: Matrix([[1, 0, 28], [0.25, -1, -29]])),
            LossPoint(
                loss: Loss(.squaredError(scale: 0.5), reduction: reduction),
                prediction: Matrix([[0.5, -3, 30], [-0.5, 3, -30]]), target: Matrix([[1, 0, 28], [0.25, -1, -29]])),
            LossPoint(
                loss: Loss(.meanSquaredError, reduction: reduction),
                prediction: Matrix([[0.5, -3, 30], [-0.5, 3, -30]]), target: Matrix([[1, 0, 28], [0.25, -1, -29]])),
            LossPoint(
                loss: Loss(.crossEntropy, reduction: reduction),
                prediction: Matrix([[0.2, 0.5, 0.3], [0.6, 0.05, 0.35]]),
                target: Matrix([[0, 1, 0], [0.25, 0.25, 0.5]])),
            LossPoint(
                loss: Loss(.binaryCrossEntropy, reduction: reduction),
                prediction: Matrix([[0.2, 0.9, 0.5], [0.6, 0.05, 0.95]]),
                target: Matrix([[0, 1, 0.5], [1, 0.3, 0]])),
        ]
    }
}

@Suite("Derivatives against central differences (h = 1e-6)")
struct DerivativeCheckTests {
    @Test("Activation.derivative matches a central difference of Activation.value", arguments: ActivationPoint.all)
    func activationDerivative(point: ActivationPoint) {
        let numeric = centralDifference(at: point.x) { point.activation.value($0) }
        expectApproximatelyEqual(
            point.activation.derivative(point.x), numeric,
            absoluteTolerance: differenceTolerance(magnitude: point.activation.value(point.x)))
    }

    @Test("Loss.gradient matches central differences of Loss.value", arguments: LossPoint.all)
    func lossGradient(point: LossPoint) {
        let numeric = centralDifferenceGradient(at: point.prediction) {
            point.loss.value(prediction: $0, target: point.target)
        }
        let analytic = point.loss.gradient(prediction: point.prediction, target: point.target)
        let tolerance = differenceTolerance(
            magnitude: point.loss.value(prediction: point.prediction, target: point.target))
        #expect(
            analytic.isApproximatelyEqual(to: numeric, absoluteTolerance: tolerance, relativeTolerance: 0),
            "analytic \(analytic.rowArrays), numeric \(numeric.rowArrays)")
    }

    @Test(
        "softmax jacobian(at:) and backpropagate match central differences",
        arguments: [1.0, 2.0], [1.0, 3.0])
    func softmaxJacobian(beta: Double, scale: Double) {
        let activation = Activation(.softmax(beta: beta), scale: scale)
        let a = [0.5, -3, 1.2, 0]
        // numeric[i, j] = ∂zᵢ/∂aⱼ.
        var numeric = Matrix(rows: 4, columns: 4)
        for j in 0..<4 {
            for i in 0..<4 {
                numeric[i, j] = centralDifference(at: a[j]) { value in
                    var shifted = a
                    shifted[j] = value
                    return activation.apply(to: Matrix(row: shifted))[0, i]
                }
            }
        }
        let jacobian = activation.jacobian(at: a)
        #expect(
            jacobian.isApproximatelyEqual(to: numeric, absoluteTolerance: differenceTolerance(magnitude: scale)),
            "analytic \(jacobian.rowArrays), numeric \(numeric.rowArrays)")

        // backpropagate on a batch of two rows: row s is gₛᵀ J(aₛ).
        let b = [2.0, 1, -1, 0.25]
        var numericB = Matrix(rows: 4, columns: 4)
        for j in 0..<4 {
            for i in 0..<4 {
                numericB[i, j] = centralDifference(at: b[j]) { value in
                    var shifted = b
                    shifted[j] = value
                    return activation.apply(to: Matrix(row: shifted))[0, i]
                }
            }
        }
        let g = Matrix([[0.3, -1.1, 2, 0.7], [-0.5, 0.4, 0, 1.5]])
        let expected = Matrix([
            (Matrix(row: g.row(0)) * numeric).row(0),
            (Matrix(row: g.row(1)) * numericB).row(0),
        ])
        let backpropagated = activation.backpropagate(g, at: Matrix([a, b]))
        #expect(
            backpropagated.isApproximatelyEqual(
                to: expected, absoluteTolerance: differenceTolerance(magnitude: 10 * scale)),
            "analytic \(backpropagated.rowArrays), numeric \(expected.rowArrays)")
    }
}

/// A network, a batch and its targets for a whole-network gradient check.
struct NetworkPoint: Sendable, CustomTestStringConvertible {
    let name: String
    let network: Network
    let input: Matrix
    let target: Matrix
    var testDescription: String { name }

    /// Weights in [−0.5, 0.5], spread without a pattern that cancels.
    static func weights(_ rows: Int, _ columns: Int, seed: Int) -> Matrix {
        Matrix(
            rows: rows, columns: columns,
            elements: (0..<rows * columns).map { Double(($0 * 7 + seed * 5) % 11 - 5) / 10 + 0.01 * Double(seed) })
    }

    static let input = Matrix([[0.5, -1, 2], [1.5, 0.25, -0.75]])

    static let all: [NetworkPoint] = [
        NetworkPoint(
            name: "tanh → softmax(β 2, ×3) hidden → sigmoid, MSE (chain rule through a hidden softmax)",
            network: Network(
                layers: [
                    Dense(weights: weights(4, 3, seed: 1), bias: [0.1, -0.2, 0.3, 0], activation: Activation(.tanh)),
                    Dense(
                        weights: weights(3, 4, seed: 2), bias: [0, 0.5, -0.5],
                        activation: Activation(.softmax(beta: 2), scale: 3)),
                    Dense(weights: weights(2, 3, seed: 3), bias: [0.2, -0.1], activation: Activation(.sigmoid)),
                ],
                loss: Loss(.meanSquaredError)),
            input: input, target: Matrix([[0, 1], [0.5, 0.25]])),
        NetworkPoint(
            name: "GELU tanh-approx. ×3 → softmax(β 2), cross-entropy mean (fused)",
            network: Network(
                layers: [
                    Dense(
                        weights: weights(4, 3, seed: 4), bias: [0.1, 0.2, -0.3, 0.4],
                        activation: Activation(.gelu(.tanhApproximation), scale: 3)),
                    Dense(
                        weights: weights(3, 4, seed: 5), bias: [0, 0.1, -0.1], activation: Activation(.softmax(beta: 2))
                    ),
                ],
                loss: Loss(.crossEntropy)),
            input: input, target: Matrix([[0, 0, 1], [1, 0, 0]])),
        NetworkPoint(
            name: "leaky ReLU → GELU exact → sigmoid, binary cross-entropy sum (fused)",
            network: Network(
                layers: [
                    Dense(
                        weights: weights(4, 3, seed: 6), bias: [0.15, -0.25, 0.35, 0.05],
                        activation: Activation(.leakyReLU(alpha: 0.1))),
                    Dense(
                        weights: weights(3, 4, seed: 7), bias: [0, 0.1, -0.1], activation: Activation(.gelu(.exact))),
                    Dense(weights: weights(2, 3, seed: 8), bias: [0.3, -0.3], activation: Activation(.sigmoid)),
                ],
                loss: Loss(.binaryCrossEntropy, reduction: .sum)),
            input: input, target: Matrix([[1, 0], [0, 1]])),
    ]
}

@Suite("Backpropagation against central differences of the network loss")
struct NetworkDerivativeCheckTests {
    @Test("∂L/∂W, ∂L/∂b and ∂L/∂x match central differences", arguments: NetworkPoint.all)
    func networkGradients(point: NetworkPoint) {
        let network = point.network
        // No pre-activation may sit within 1e-3 of a kink, where the difference quotient would straddle it.
        let pass = network.forward(point.input)
        #expect(pass.preActivations.allSatisfy { $0.elements.allSatisfy { abs($0) > 1e-3 } })

        let gradients = network.backward(pass, target: point.target)
        let tolerance = differenceTolerance(magnitude: network.loss(of: pass, target: point.target))
        for l in network.layers.indices {
            let numericW = centralDifferenceGradient(at: network.layers[l].weights) { weights in
                var changed = network
                changed.layers[l].weights = weights
                return changed.loss(input: point.input, target: point.target)
            }
            #expect(
                gradients.weightGradients[l].isApproximatelyEqual(to: numericW, absoluteTolerance: tolerance),
                "layer \(l + 1): analytic \(gradients.weightGradients[l].rowArrays), numeric \(numericW.rowArrays)")
            let numericB = centralDifferenceGradient(at: Matrix(row: network.layers[l].bias)) { bias in
                var changed = network
                changed.layers[l].bias = bias.row(0)
                return changed.loss(input: point.input, target: point.target)
            }
            expectApproximatelyEqual(gradients.biasGradients[l], numericB.row(0), absoluteTolerance: tolerance)
        }
        let numericX = centralDifferenceGradient(at: point.input) { network.loss(input: $0, target: point.target) }
        #expect(
            gradients.inputGradient.isApproximatelyEqual(to: numericX, absoluteTolerance: tolerance),
            "analytic \(gradients.inputGradient.rowArrays), numeric \(numericX.rowArrays)")
    }
}
