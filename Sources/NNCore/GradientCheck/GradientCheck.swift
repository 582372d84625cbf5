/// Comparing backpropagation's ∂L/∂w with the central difference
/// n = (L(w + ε) − L(w − ε)) / 2ε, parameter by parameter.
///
/// A parameter passes when |a − n| ≤ atol + rtol·|n|. Where a piecewise-linear
/// activation's pre-activation changes side of its kink between w − ε and
/// w + ε, the difference quotient straddles the kink and is unreliable: such a
/// parameter is reported as a kink, not as a failure.
public struct GradientCheck: Sendable, Hashable {
    /// ε, the step of the central difference.
    public var epsilon: Double
    /// atol, the absolute tolerance of the pass rule.
    public var absoluteTolerance: Double
    /// rtol, the relative tolerance of the pass rule.
    public var relativeTolerance: Double

    /// A check with step ε and tolerances atol and rtol.
    public init(epsilon: Double = 1e-6, absoluteTolerance: Double = 1e-5, relativeTolerance: Double = 1e-3) {
        self.epsilon = epsilon
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// The comparison for each of `parameters`, against the analytic `gradients`.
    ///
    /// - Complexity: two forward passes per parameter.
    public func compare(
        _ network: Network, input: Matrix, target: Matrix, gradients: Gradients, parameters: [Parameter]
    ) -> [Result] {
        parameters.map { parameter in
            var plus = network
            plus[parameter] += epsilon
            var minus = network
            minus[parameter] -= epsilon
            let plusPass = plus.forward(input)
            let minusPass = minus.forward(input)
            let lossPlus = plus.loss(of: plusPass, target: target)
            let lossMinus = minus.loss(of: minusPass, target: target)
            let numeric = (lossPlus - lossMinus) / (2 * epsilon)
            let analytic = gradients[parameter]
            let difference = abs(analytic - numeric)
            let scale = max(abs(analytic), abs(numeric))
            return Result(
                parameter: parameter, analytic: analytic, numeric: numeric, lossPlus: lossPlus, lossMinus: lossMinus,
                absoluteError: difference, relativeError: scale == 0 ? 0 : difference / scale,
                passes: difference <= absoluteTolerance + relativeTolerance * abs(numeric),
                isNearKink: crossesKink(network, plusPass, minusPass))
        }
    }

    /// Whether a ReLU or leaky-ReLU pre-activation lies on different sides of its
    /// kink (a > 0 against a ≤ 0) in the two perturbed passes.
    private func crossesKink(_ network: Network, _ plus: ForwardPass, _ minus: ForwardPass) -> Bool {
        for (index, layer) in network.layers.enumerated() {
            switch layer.activation.function {
            case .relu, .leakyReLU:
                let sides = zip(plus.preActivations[index].elements, minus.preActivations[index].elements)
                if sides.contains(where: { ($0 > 0) != ($1 > 0) }) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// The check of one parameter.
    public struct Result: Sendable, Hashable {
        /// The parameter.
        public var parameter: Parameter
        /// a, backpropagation's ∂L/∂w.
        public var analytic: Double
        /// n = (L(w + ε) − L(w − ε)) / 2ε.
        public var numeric: Double
        /// L(w + ε).
        public var lossPlus: Double
        /// L(w − ε).
        public var lossMinus: Double
        /// |a − n|.
        public var absoluteError: Double
        /// |a − n| / max(|a|, |n|), 0 when both are 0.
        public var relativeError: Double
        /// Whether |a − n| ≤ atol + rtol·|n|.
        public var passes: Bool
        /// Whether ±ε moves a ReLU-like pre-activation across its kink.
        public var isNearKink: Bool
    }
}
