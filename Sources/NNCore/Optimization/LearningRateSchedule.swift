/// A learning-rate schedule: the factor η_t/η₀ of step t, counting t from 0
/// (the first step, or the first epoch, runs at t = 0), as PyTorch's schedulers count.
public enum LearningRateSchedule: Sendable, Hashable {
    /// `step:K:γ`: η₀ γ^⌊t/K⌋, PyTorch's `StepLR(step_size=K, gamma=γ)`.
    case step(every: Int, factor: Double)
    /// `exp:γ`: η₀ γᵗ, PyTorch's `ExponentialLR(gamma=γ)`.
    case exponential(Double)
    /// `inverse:k`: η₀/(1 + k t), inverse-time decay.
    case inverse(Double)
    /// `cosine:T`: η₀ (1 + cos(π min(t, T)/T))/2, PyTorch's `CosineAnnealingLR(T_max=T, eta_min=0)`.
    case cosine(period: Int)
    /// `warmup:K`: η₀ min(1, (t + 1)/K), a linear warm-up over the first K steps.
    case warmup(steps: Int)

    /// The factor η_t/η₀ at step t (t ≥ 0).
    public func factor(at t: Int) -> Double {
        switch self {
        case .step(let every, let factor):
            return Math.pow(factor, Double(t / every))
        case .exponential(let factor):
            return Math.pow(factor, Double(t))
        case .inverse(let k):
            return 1 / (1 + k * Double(t))
        case .cosine(let period):
            return (1 + Math.cos(Double.pi * Double(min(t, period)) / Double(period))) / 2
        case .warmup(let steps):
            return min(1, Double(t + 1) / Double(steps))
        }
    }
}

extension [LearningRateSchedule] {
    /// η_t = η₀ ∏ factorᵢ(t): schedules compose by multiplying their factors.
    public func rate(_ initial: Double, at t: Int) -> Double {
        reduce(initial) { $0 * $1.factor(at: t) }
    }
}
