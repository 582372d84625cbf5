/// A loss L(ŷ, y) between the network's output ŷ and the target y.
///
/// For a batch (one sample per row) the per-sample losses ℓₛ are combined by
/// the reduction: L = (1/S) Σₛ ℓₛ (mean, the default) or L = Σₛ ℓₛ (sum).
/// For a single sample both give ℓ.
public struct Loss: Sendable, Hashable {
    /// The per-sample loss ℓ(ŷ, y).
    public enum Function: Sendable, Hashable {
        /// ℓ = c Σⱼ (ŷⱼ − yⱼ)²; c = 1 gives Σ(ŷ − y)², c = ½ gives ½Σ(ŷ − y)².
        case squaredError(scale: Double)
        /// ℓ = (1/n) Σⱼ (ŷⱼ − yⱼ)² over the n outputs.
        case meanSquaredError
        /// ℓ = −Σⱼ yⱼ ln ŷⱼ, y a probability vector (one-hot for a class index).
        case crossEntropy
        /// ℓ = −Σⱼ [yⱼ ln ŷⱼ + (1 − yⱼ) ln(1 − ŷⱼ)], summed over the outputs.
        case binaryCrossEntropy
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
        let n = Double(prediction.columns)
        return prediction.combined(with: target) { yHat, y in
            switch function {
            case .squaredError(let c): return r * 2 * c * (yHat - y)
            case .meanSquaredError: return r * 2 * (yHat - y) / n
            case .crossEntropy: return y == 0 ? 0 : -r * y / yHat
            case .binaryCrossEntropy: return r * (yHat - y) / (yHat * (1 - yHat))
            }
        }
    }

    /// ℓ(ŷ, y) of one sample.
    func sampleLoss(_ prediction: [Double], _ target: [Double]) -> Double {
        var total = 0.0
        for (yHat, y) in zip(prediction, target) {
            switch function {
            case .squaredError(let c): total += c * (yHat - y) * (yHat - y)
            case .meanSquaredError: total += (yHat - y) * (yHat - y) / Double(prediction.count)
            case .crossEntropy: total -= y == 0 ? 0 : y * Math.log(yHat)
            case .binaryCrossEntropy:
                total -= (y == 0 ? 0 : y * Math.log(yHat)) + (y == 1 ? 0 : (1 - y) * Math.log1p(-yHat))
            }
        }
        return total
    }
}
