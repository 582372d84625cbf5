extension Loss {
    /// ℓ(ŷ, y) of one sample, as ``Function`` writes it for each loss.
    func sampleLoss(_ prediction: [Double], _ target: [Double]) -> Double {
        let n = Double(prediction.count)
        switch function {
        case .crossEntropyFromScores:
            let weight = target.reduce(0, +)
            var total = weight == 0 ? 0 : weight * Activation.logSumExp(prediction)
            for (s, y) in zip(prediction, target) where y != 0 { total -= y * s }
            return total
        case .multiclassHinge(let margin):
            let k = Self.classIndex(target)
            var total = 0.0
            for (j, s) in prediction.enumerated() where j != k { total += max(0, s - prediction[k] + margin) }
            return total
        case .klDivergence(let base):
            var total = 0.0
            for (q, p) in zip(prediction, target) where p != 0 { total += p * (Math.log(p) - Math.log(q)) }
            return total * Self.logFactor(base)
        case .entropy(let base):
            var total = 0.0
            for p in prediction where p != 0 { total -= p * Math.log(p) }
            return total * Self.logFactor(base)
        default:
            break
        }
        var total = 0.0
        for (yHat, y) in zip(prediction, target) {
            let d = yHat - y
            switch function {
            case .squaredError(let c): total += c * d * d
            case .meanSquaredError: total += d * d / n
            case .meanAbsoluteError: total += abs(d) / n
            case .huber(let delta): total += (abs(d) <= delta ? 0.5 * d * d : delta * (abs(d) - 0.5 * delta)) / n
            case .smoothL1(let beta): total += (abs(d) < beta ? 0.5 * d * d / beta : abs(d) - 0.5 * beta) / n
            case .crossEntropy: total -= y == 0 ? 0 : y * Math.log(yHat)
            case .binaryCrossEntropy:
                total -= (y == 0 ? 0 : y * Math.log(yHat)) + (y == 1 ? 0 : (1 - y) * Math.log1p(-yHat))
            case .binaryCrossEntropyFromLogits: total += Self.logitCrossEntropy(yHat, y)
            case .hinge(let margin): total += max(0, margin - y * yHat)
            case .squaredHinge(let margin):
                let slack = max(0, margin - y * yHat)
                total += slack * slack
            case .perceptron: total += max(0, -y * yHat)
            case .logistic: total += Self.softplus(-y * yHat)
            case .focal(let gamma, let alpha):
                total += Self.focalTerms(logit: yHat, target: y, gamma: gamma, alpha: alpha).loss
            case .crossEntropyFromScores, .multiclassHinge, .klDivergence, .entropy:
                break
            }
        }
        return total
    }

    /// r ∂ℓ/∂ŷ of one sample, r the reduction factor. At a kink the derivative
    /// taken is the one PyTorch takes: 0 for |d| at d = 0, and 0 at the hinge's corner.
    func sampleGradient(_ prediction: [Double], _ target: [Double], factor r: Double) -> [Double] {
        let n = Double(prediction.count)
        switch function {
        case .crossEntropyFromScores:
            let weight = target.reduce(0, +)
            return zip(Activation.softmax(prediction), target).map { r * (weight * $0 - $1) }
        case .multiclassHinge(let margin):
            let k = Self.classIndex(target)
            var gradient = [Double](repeating: 0, count: prediction.count)
            for (j, s) in prediction.enumerated() where j != k && s - prediction[k] + margin > 0 {
                gradient[j] = r
                gradient[k] -= r
            }
            return gradient
        case .klDivergence(let base):
            let f = Self.logFactor(base)
            return zip(prediction, target).map { q, p in p == 0 ? 0 : -r * f * p / q }
        case .entropy(let base):
            let f = Self.logFactor(base)
            return prediction.map { p in p == 0 ? 0 : -r * f * (Math.log(p) + 1) }
        default:
            break
        }
        return zip(prediction, target).map { yHat, y in
            let d = yHat - y
            switch function {
            case .squaredError(let c): return r * 2 * c * d
            case .meanSquaredError: return r * 2 * d / n
            case .meanAbsoluteError: return r * Self.sign(d) / n
            case .huber(let delta): return r * (abs(d) <= delta ? d : delta * Self.sign(d)) / n
            case .smoothL1(let beta): return r * (abs(d) < beta ? d / beta : Self.sign(d)) / n
            case .crossEntropy: return y == 0 ? 0 : -r * y / yHat
            case .binaryCrossEntropy:
                // At ŷ = 0 or 1 the term whose logarithm is finite is the whole loss: −(1 − y) ln(1 − ŷ) or −y ln ŷ.
                if yHat == 0 || yHat == 1 {
                    return r * ((y == 0 ? 0 : -y / yHat) + (y == 1 ? 0 : (1 - y) / (1 - yHat)))
                }
                return r * (yHat - y) / (yHat * (1 - yHat))
            case .binaryCrossEntropyFromLogits: return r * (Activation.sigmoid(yHat) - y)
            case .hinge(let margin): return margin - y * yHat > 0 ? -r * y : 0
            case .squaredHinge(let margin): return -r * 2 * y * max(0, margin - y * yHat)
            case .perceptron: return -y * yHat > 0 ? -r * y : 0
            case .logistic: return -r * y * Activation.sigmoid(-y * yHat)
            case .focal(let gamma, let alpha):
                return r * Self.focalTerms(logit: yHat, target: y, gamma: gamma, alpha: alpha).derivative
            case .crossEntropyFromScores, .multiclassHinge, .klDivergence, .entropy:
                return 0
            }
        }
    }

    /// The class k of a one-hot target row: the index of its largest entry.
    static func classIndex(_ target: [Double]) -> Int {
        target.indices.max { target[$0] < target[$1] } ?? 0
    }

    /// 1 / ln b, the factor turning natural logarithms into base-b ones (1 for b = e).
    static func logFactor(_ base: Double) -> Double {
        base == Self.naturalBase ? 1 : 1 / Math.log(base)
    }

    /// e, the base of the natural logarithm.
    public static let naturalBase = 2.718281828459045

    /// softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)), without overflow.
    static func softplus(_ x: Double) -> Double {
        max(x, 0) + Math.log1p(Math.exp(-abs(x)))
    }

    /// softplus(x) − x y = max(x, 0) − x y + ln(1 + e^(−|x|)), the binary
    /// cross-entropy of σ(x) against y, without cancelling for large x.
    public static func logitCrossEntropy(_ x: Double, _ y: Double) -> Double {
        max(x, 0) - x * y + Math.log1p(Math.exp(-abs(x)))
    }

    /// sign(d): −1, 0 or 1.
    static func sign(_ d: Double) -> Double {
        d > 0 ? 1 : d < 0 ? -1 : 0
    }

    /// The focal loss of one logit x against y and its derivative ∂/∂x:
    /// with p = σ(x) and m = 1 − pₜ = y σ(−x) + (1 − y) σ(x),
    /// ℓ = αₜ m^γ c and ∂ℓ/∂x = αₜ [m^γ (p − y) + γ m^(γ−1) (1 − 2y) p (1 − p) c], c = softplus(x) − x y.
    static func focalTerms(logit x: Double, target y: Double, gamma: Double, alpha: Double?)
        -> (loss: Double, derivative: Double)
    {
        let p = Activation.sigmoid(x)
        let q = Activation.sigmoid(-x)
        let m = y * q + (1 - y) * p
        let c = logitCrossEntropy(x, y)
        let weight = alpha.map { $0 * y + (1 - $0) * (1 - y) } ?? 1
        let modulation = gamma == 0 ? 1 : Math.pow(m, gamma)
        let slope = gamma == 0 || m == 0 ? 0 : gamma * Math.pow(m, gamma - 1) * (1 - 2 * y) * p * q * c
        return (weight * modulation * c, weight * (modulation * (p - y) + slope))
    }
}
