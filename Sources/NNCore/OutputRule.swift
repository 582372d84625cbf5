/// How the output layer's δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾ is computed.
///
/// Softmax followed by cross-entropy, and sigmoid followed by binary
/// cross-entropy, collapse to δ = r β (ŷ − y) (β = 1 for sigmoid, r the
/// reduction factor). The fused form is exact, cheaper, and finite even when
/// ŷ rounds to 0 or 1; the loss is then computed from the logits
/// (log-sum-exp, softplus) for the same reason.
public enum OutputRule: Sendable, Hashable {
    /// δ⁽ᴸ⁾ = f′(a⁽ᴸ⁾) applied to ∂L/∂ŷ: the general chain rule.
    case chainRule
    /// Softmax with coldness β and cross-entropy: δ⁽ᴸ⁾ = r β (ŷ − y).
    case softmaxCrossEntropy(beta: Double)
    /// Sigmoid and binary cross-entropy: δ⁽ᴸ⁾ = r (ŷ − y).
    case sigmoidBinaryCrossEntropy

    /// The rule for a network whose last activation is `activation` and whose loss is `loss`.
    ///
    /// Fusion needs an unscaled output (c = 1), so that ŷ is a probability.
    public init(activation: Activation, loss: Loss) {
        switch (activation.function, loss.function) {
        case (.softmax(let beta), .crossEntropy) where activation.scale == 1:
            self = .softmaxCrossEntropy(beta: beta)
        case (.sigmoid, .binaryCrossEntropy) where activation.scale == 1:
            self = .sigmoidBinaryCrossEntropy
        default:
            self = .chainRule
        }
    }

    /// Whether the fused δ = r β (ŷ − y) is used.
    public var isFused: Bool { self != .chainRule }

    /// L computed from the output layer's pre-activation A (logits) where the
    /// rule is fused, from ŷ otherwise.
    public func loss(_ loss: Loss, logits: Matrix, prediction: Matrix, target: Matrix) -> Double {
        let r = loss.reductionFactor(samples: prediction.rows)
        switch self {
        case .chainRule:
            return loss.value(prediction: prediction, target: target)
        case .softmaxCrossEntropy(let beta):
            var total = 0.0
            for s in 0..<logits.rows {
                let scaled = logits.row(s).map { beta * $0 }
                let logNormalizer = Activation.logSumExp(scaled)
                for (x, y) in zip(scaled, target.row(s)) where y != 0 {
                    total -= y * (x - logNormalizer)
                }
            }
            return r * total
        case .sigmoidBinaryCrossEntropy:
            // −[y ln σ(x) + (1 − y) ln(1 − σ(x))] = max(x, 0) − x y + ln(1 + e^(−|x|))
            let total = zip(logits.elements, target.elements).reduce(0.0) { sum, pair in
                let (x, y) = pair
                return sum + max(x, 0) - x * y + Math.log1p(Math.exp(-abs(x)))
            }
            return r * total
        }
    }

    /// ℓₛ of one sample, from its logits a⁽ᴸ⁾ where the rule is fused (the
    /// prediction is then not read), from its prediction ŷ otherwise; L = r Σₛ ℓₛ.
    func sampleLoss<Logits: Collection<Double>, Target: Collection<Double>>(
        _ loss: Loss, logits: Logits, prediction: [Double], target: Target
    ) -> Double {
        switch self {
        case .chainRule:
            return loss.sampleLoss(prediction, Array(target))
        case .softmaxCrossEntropy(let beta):
            var largest = -Double.infinity
            for x in logits { largest = max(largest, beta * x) }
            var sum = 0.0
            for x in logits { sum += Math.exp(beta * x - largest) }
            let logNormalizer = largest + Math.log(sum)
            var total = 0.0
            for (x, y) in zip(logits, target) where y != 0 { total -= y * (beta * x - logNormalizer) }
            return total
        case .sigmoidBinaryCrossEntropy:
            var total = 0.0
            for (x, y) in zip(logits, target) { total += max(x, 0) - x * y + Math.log1p(Math.exp(-abs(x))) }
            return total
        }
    }

    /// δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾ for a batch, one sample per row.
    public func outputDelta(
        _ loss: Loss, activation: Activation, logits: Matrix, prediction: Matrix, target: Matrix
    ) -> Matrix {
        let r = loss.reductionFactor(samples: prediction.rows)
        switch self {
        case .chainRule:
            let gradient = loss.gradient(prediction: prediction, target: target)
            return activation.backpropagate(gradient, at: logits)
        case .softmaxCrossEntropy(let beta):
            return (r * beta) * (prediction - target)
        case .sigmoidBinaryCrossEntropy:
            return r * (prediction - target)
        }
    }
}
