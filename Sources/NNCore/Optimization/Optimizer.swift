/// An optimizer: the update rule, its hyperparameters and the learning-rate
/// schedule. Its state lives apart, in an ``OptimizerState``, so a step is a
/// pure function of the parameters, the gradient and the state.
///
/// The rules are PyTorch's (`torch.optim`, default arguments) unless a
/// ``MomentumConvention`` says otherwise; squares, roots and quotients of
/// vectors are taken entry by entry.
public struct Optimizer: Sendable, Hashable {
    /// The update rule.
    public enum Method: Sendable, Hashable {
        /// w ← w − ηg.
        case sgd
        /// Momentum μ in a convention; with `nesterov`, Nesterov's accelerated gradient.
        case momentum(Double, MomentumConvention, nesterov: Bool)
        /// AdaGrad: G ← G + g², w ← w − η g/(√G + ε).
        case adagrad
        /// RMSprop with decay α: v ← αv + (1 − α)g², w ← w − η g/(√v + ε) (ε inside the root:
        /// √(v + ε)); with momentum μ > 0: b ← μb + g/(√v + ε), w ← w − ηb.
        case rmsprop(alpha: Double, momentum: Double, epsilonInside: Bool)
        /// Adam: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
        /// w ← w − η m̂/(√v̂ + ε); AMSGrad uses the running maximum of v in v̂. With
        /// `decoupled` (AdamW) the weight decay is w ← w − ηλw before the step, not a term of g.
        case adam(beta1: Double, beta2: Double, amsgrad: Bool, decoupled: Bool)
    }

    /// The update rule.
    public var method: Method
    /// η₀, the learning rate before any schedule.
    public var learningRate: Double
    /// ε of AdaGrad, RMSprop and Adam.
    public var epsilon: Double
    /// λ: an L2 term g + λw of the gradient, or AdamW's decoupled decay.
    public var weightDecay: Double
    /// The schedules whose factors multiply η₀ (none: a constant rate).
    public var schedules: [LearningRateSchedule]

    /// An optimizer with the given rule and hyperparameters.
    public init(
        _ method: Method, learningRate: Double, epsilon: Double = 1e-8, weightDecay: Double = 0,
        schedules: [LearningRateSchedule] = []
    ) {
        self.method = method
        self.learningRate = learningRate
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.schedules = schedules
    }

    /// η_t of the step after `completed` steps (t = completed, from 0).
    public func rate(afterSteps completed: Int) -> Double {
        schedules.rate(learningRate, at: completed)
    }

    /// Whether the gradient is taken at a look-ahead point (Nesterov's in the Sutskever and lr-inside conventions).
    public var looksAhead: Bool {
        guard case .momentum(_, let convention, nesterov: true) = method else { return false }
        return convention == .sutskever || convention == .lrInside
    }

    /// Where the gradient of the next step is taken: the look-ahead point
    /// w + μv (Sutskever) or w − μv (lr-inside) of Nesterov's method, w itself otherwise.
    public func evaluationPoint(_ parameters: [Double], state: OptimizerState) -> [Double] {
        guard looksAhead, case .momentum(let mu, let convention, _) = method, let velocity = state.velocity else {
            return parameters
        }
        let sign: Double = convention == .sutskever ? 1 : -1
        return zip(parameters, velocity).map { $0 + sign * mu * $1 }
    }

    /// The empty state of this optimizer for `count` parameters: zero velocity and moments, t = 0.
    public func initialState(count: Int) -> OptimizerState {
        let zeros = [Double](repeating: 0, count: count)
        var state = OptimizerState()
        switch method {
        case .sgd: break
        case .momentum: state.velocity = zeros
        case .adagrad: state.sumOfSquares = zeros
        case .rmsprop(_, let momentum, _):
            state.squareAverage = zeros
            if momentum > 0 { state.velocity = zeros }
        case .adam(_, _, let amsgrad, _):
            state.firstMoment = zeros
            state.squareAverage = zeros
            if amsgrad { state.maximumSquareAverage = zeros }
        }
        return state
    }
}
