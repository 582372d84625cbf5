/// What an optimizer keeps between steps; a value of `nil` is a quantity the method does not keep.
public struct OptimizerState: Sendable, Hashable {
    /// t, the number of steps taken.
    public var step = 0
    /// v: the velocity of momentum and Nesterov, the momentum buffer b of RMSprop.
    public var velocity: [Double]?
    /// m, Adam's first moment.
    public var firstMoment: [Double]?
    /// v, Adam's second moment and RMSprop's square average.
    public var squareAverage: [Double]?
    /// max v so far, AMSGrad's.
    public var maximumSquareAverage: [Double]?
    /// G = Σ g², AdaGrad's.
    public var sumOfSquares: [Double]?

    /// An empty state (t = 0, nothing kept).
    public init() {}
}

/// One optimizer step as a worked solution shows it: the values going in and those coming out.
public struct OptimizerStep: Sendable, Hashable {
    /// t, counted from 1.
    public var number: Int
    /// η_t.
    public var learningRate: Double
    /// The parameters before the step, w_{t−1}.
    public var previous: [Double]
    /// Where the gradient was taken (the look-ahead point for Sutskever's or lr-inside Nesterov, else w_{t−1}).
    public var evaluationPoint: [Double]
    /// The gradient as given or computed, before any weight decay.
    public var rawGradient: [Double]
    /// g_t as the rule uses it: with the L2 term g + λw_{t−1} unless the decay is decoupled.
    public var gradient: [Double]
    /// The state before the step.
    public var stateBefore: OptimizerState
    /// The state after the step.
    public var state: OptimizerState
    /// m̂_t, Adam's bias-corrected first moment.
    public var correctedFirstMoment: [Double]?
    /// v̂_t, Adam's bias-corrected second moment (from max v with AMSGrad).
    public var correctedSquareAverage: [Double]?
    /// The Nesterov direction (torch and ema conventions): g + μv or μv + (1 − μ)g.
    public var direction: [Double]?
    /// AdamW's w_{t−1} − ηλw_{t−1}, before the Adam step.
    public var decayed: [Double]?
    /// The parameters after the step, w_t.
    public var parameters: [Double]
}
