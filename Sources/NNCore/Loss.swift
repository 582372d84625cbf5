/// A loss L(ŷ, y) between the network's output ŷ and the target y.
///
/// For a batch (one sample per row) the per-sample losses ℓₛ are combined by
/// the reduction: L = (1/S) Σₛ ℓₛ (mean, the default) or L = Σₛ ℓₛ (sum).
/// For a single sample both give ℓ. Each ℓₛ is written out in ``Function``;
/// where a sample has several outputs, the regression losses (MSE, MAE,
/// Huber, smooth L1) average over them, as PyTorch's mean does, and the
/// others sum over them.
public struct Loss: Sendable, Hashable {
    /// The per-sample loss ℓ(ŷ, y); ŷ is the prediction (scores, logits,
    /// probabilities or values as each case says), y the target.
    public enum Function: Sendable, Hashable {
        /// ℓ = c Σⱼ (ŷⱼ − yⱼ)²; c = 1 gives Σ(ŷ − y)², c = ½ gives ½Σ(ŷ − y)².
        case squaredError(scale: Double)
        /// ℓ = (1/n) Σⱼ (ŷⱼ − yⱼ)² over the n outputs.
        case meanSquaredError
        /// ℓ = (1/n) Σⱼ |ŷⱼ − yⱼ| (L1); ∂/∂ŷ = sign(ŷ − y)/n, 0 at ŷ = y.
        case meanAbsoluteError
        /// ℓ = (1/n) Σⱼ hᵟ(ŷⱼ − yⱼ), hᵟ(d) = ½d² for |d| ≤ δ and δ(|d| − ½δ) beyond.
        case huber(delta: Double)
        /// ℓ = (1/n) Σⱼ s(ŷⱼ − yⱼ), s(d) = ½d²/β for |d| < β and |d| − ½β beyond.
        case smoothL1(beta: Double)
        /// ℓ = −Σⱼ yⱼ ln ŷⱼ from probabilities ŷ, y a probability vector (one-hot for a class index).
        case crossEntropy
        /// ℓ = −Σⱼ yⱼ ln softmax(s)ⱼ = (Σⱼ yⱼ) logsumexp(s) − Σⱼ yⱼ sⱼ from raw scores s = ŷ.
        case crossEntropyFromScores
        /// ℓ = −Σⱼ [yⱼ ln ŷⱼ + (1 − yⱼ) ln(1 − ŷⱼ)] from probabilities, summed over the outputs.
        case binaryCrossEntropy
        /// ℓ = Σⱼ [softplus(xⱼ) − xⱼ yⱼ], the binary cross-entropy of p = σ(x) from logits x = ŷ.
        case binaryCrossEntropyFromLogits
        /// ℓ = Σⱼ max(0, m − yⱼ sⱼ), labels y = ±1, margin m.
        case hinge(margin: Double)
        /// ℓ = Σⱼ max(0, m − yⱼ sⱼ)², labels y = ±1, margin m.
        case squaredHinge(margin: Double)
        /// ℓ = Σ_{j ≠ k} max(0, sⱼ − sₖ + Δ), k the class of the one-hot y (Weston–Watkins, as CS231n).
        case multiclassHinge(margin: Double)
        /// ℓ = Σⱼ max(0, −yⱼ sⱼ), labels y = ±1.
        case perceptron
        /// ℓ = Σⱼ ln(1 + e^(−yⱼ sⱼ)), labels y = ±1.
        case logistic
        /// ℓ = Σⱼ pⱼ log_b(pⱼ / qⱼ): the target y = p against the prediction ŷ = q, 0 log 0 = 0.
        case klDivergence(base: Double)
        /// ℓ = −Σⱼ ŷⱼ log_b ŷⱼ, the entropy of the prediction; the target is not read.
        case entropy(base: Double)
        /// ℓ = Σⱼ αₜ (1 − pₜ)^γ · BCE(xⱼ, yⱼ) from logits x = ŷ, p = σ(x),
        /// pₜ = p y + (1 − p)(1 − y), αₜ = α y + (1 − α)(1 − y) (αₜ = 1 when α is nil), as torchvision.
        case focal(gamma: Double, alpha: Double?)
    }

    /// How per-sample losses combine over a batch.
    public enum Reduction: Sendable, Hashable {
        /// L = (1/S) Σₛ ℓₛ.
        case mean
        /// L = Σₛ ℓₛ.
        case sum
    }

    /// The per-sample loss.
    public var function: Function
    /// How a batch's losses combine.
    public var reduction: Reduction

    /// The loss with the given per-sample function and batch reduction.
    public init(_ function: Function, reduction: Reduction = .mean) {
        self.function = function
        self.reduction = reduction
    }

    /// The factor r in L = r Σₛ ℓₛ: 1/S for the mean, 1 for the sum.
    public func reductionFactor(samples: Int) -> Double {
        switch reduction {
        case .mean: return samples > 0 ? 1 / Double(samples) : 0
        case .sum: return 1
        }
    }

    /// The per-sample losses ℓₛ, one per row of ŷ and y.
    ///
    /// - Precondition: ŷ and y have the same shape.
    public func sampleLosses(prediction: Matrix, target: Matrix) -> [Double] {
        precondition(
            prediction.rows == target.rows && prediction.columns == target.columns,
            "Loss of a \(prediction.rows) × \(prediction.columns) output against a \(target.rows) × \(target.columns) target"
        )
        return (0..<prediction.rows).map { sampleLoss(prediction.row($0), target.row($0)) }
    }

    /// L = r Σₛ ℓ(ŷₛ, yₛ).
    public func value(prediction: Matrix, target: Matrix) -> Double {
        reductionFactor(samples: prediction.rows) * sampleLosses(prediction: prediction, target: target).reduce(0, +)
    }

    /// ∂L/∂ŷ, the same shape as ŷ, including the reduction factor r.
    public func gradient(prediction: Matrix, target: Matrix) -> Matrix {
        let r = reductionFactor(samples: prediction.rows)
        var rows: [[Double]] = []
        rows.reserveCapacity(prediction.rows)
        for s in 0..<prediction.rows {
            rows.append(sampleGradient(prediction.row(s), target.row(s), factor: r))
        }
        return Matrix(rows: prediction.rows, columns: prediction.columns, elements: rows.flatMap { $0 })
    }
}
