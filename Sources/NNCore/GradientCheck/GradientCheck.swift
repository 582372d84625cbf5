import Dispatch

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

    /// How L(w ± ε) is computed.
    public var evaluation: Evaluation = .automatic

    /// How ``compare(_:input:target:gradients:parameters:)`` computes L(w ± ε).
    public enum Evaluation: Sendable, Hashable {
        /// Full passes for a check of fewer than 2¹⁴ parameter-samples, the cached pass from there on.
        case automatic
        /// Two full forward passes per parameter.
        case fullPasses
        /// One cached forward pass, recomputing only what a parameter changes, on every processor.
        case cachedPass
    }

    /// A check with step ε and tolerances atol and rtol.
    public init(epsilon: Double = 1e-6, absoluteTolerance: Double = 1e-5, relativeTolerance: Double = 1e-3) {
        self.epsilon = epsilon
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// The comparison for each of `parameters`, against the analytic `gradients`.
    ///
    /// With ``Evaluation/automatic``, a homework-sized check (parameters · S below 2¹⁴) runs two full forward
    /// passes per parameter, w + ε and w − ε, exactly as the definition reads, so
    /// the printed differences carry the same rounding on every machine and in
    /// every version. A larger check takes L(w ± ε) from one cached forward pass:
    /// perturbing a parameter of layer l changes one pre-activation a⁽ˡ⁾ᵢ per
    /// sample, so only layer l's unit i and the layers above it are recomputed,
    /// and only for samples where it changes (see ``PerturbedPass``); its
    /// parameters are split among the processors. Both agree to rounding (about
    /// 1e-12 relative in L).
    /// - Complexity: two forward passes per parameter for a small check; for a
    ///   large one, one forward pass, then per parameter of layer l
    ///   O(S · (parameters of the layers above l)) for S samples.
    public func compare(
        _ network: Network, input: Matrix, target: Matrix, gradients: Gradients, parameters: [Parameter]
    ) -> [Result] {
        let work = parameters.count.multipliedReportingOverflow(by: max(1, input.rows))
        let cached =
            switch evaluation {
            case .automatic: work.overflow || work.partialValue >= Self.cachingThreshold
            case .fullPasses: false
            case .cachedPass: true
            }
        guard cached else {
            return parameters.map { parameter in
                var plus = network
                plus[parameter] += epsilon
                var minus = network
                minus[parameter] -= epsilon
                let plusPass = plus.forward(input)
                let minusPass = minus.forward(input)
                return result(
                    parameter, analytic: gradients[parameter], lossPlus: plus.loss(of: plusPass, target: target),
                    lossMinus: minus.loss(of: minusPass, target: target),
                    crossesKink: crossesKink(network, plusPass, minusPass))
            }
        }
        let cache = PerturbedPass(network: network, input: input, target: target)
        let check = { @Sendable (parameter: Parameter) -> Result in
            let value = network[parameter]
            let losses = cache.losses(parameter, up: (value + epsilon) - value, down: (value - epsilon) - value)
            return result(
                parameter, analytic: gradients[parameter], lossPlus: losses.plus, lossMinus: losses.minus,
                crossesKink: losses.crossesKink)
        }
        let parts = min(Processor.threadLimit, parameters.count)
        guard parts > 1 else { return parameters.map(check) }
        // Parameters are independent: each thread checks one contiguous share, in order.
        let share = (parameters.count + parts - 1) / parts
        var shares = [[Result]](repeating: [], count: parts)
        shares.withUnsafeMutableBufferPointer { buffer in
            let output = ShareOutput(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = min(parameters.count, part * share)..<min(parameters.count, (part + 1) * share)
                output.buffer[part] = parameters[range].map(check)
            }
        }
        return shares.flatMap { $0 }
    }

    /// The result for one parameter: n = (L(w + ε) − L(w − ε)) / 2ε against a.
    private func result(
        _ parameter: Parameter, analytic: Double, lossPlus: Double, lossMinus: Double, crossesKink: Bool
    ) -> Result {
        let numeric = (lossPlus - lossMinus) / (2 * epsilon)
        let difference = abs(analytic - numeric)
        let scale = max(abs(analytic), abs(numeric))
        return Result(
            parameter: parameter, analytic: analytic, numeric: numeric, lossPlus: lossPlus, lossMinus: lossMinus,
            absoluteError: difference, relativeError: scale == 0 ? 0 : difference / scale,
            passes: difference <= absoluteTolerance + relativeTolerance * abs(numeric), isNearKink: crossesKink)
    }

    /// Whether a pre-activation lies on different sides of a kink of its
    /// activation (a > k against a ≤ k, e.g. k = 0 for ReLU) in the two perturbed passes.
    private func crossesKink(_ network: Network, _ plus: ForwardPass, _ minus: ForwardPass) -> Bool {
        for (index, layer) in network.layers.enumerated() where !layer.activation.function.kinks.isEmpty {
            let function = layer.activation.function
            let sides = zip(plus.preActivations[index].elements, minus.preActivations[index].elements)
            if sides.contains(where: { function.separatesKink($0, $1) }) { return true }
        }
        return false
    }

    /// From this many parameter-samples (parameters · S) on, the check uses the cached
    /// forward pass and every processor.
    static let cachingThreshold = 1 << 14

    /// Where the threads of ``compare(_:input:target:gradients:parameters:)`` put their
    /// results; each writes its own element.
    private struct ShareOutput: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<[Result]>
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
        /// Whether ±ε moves a pre-activation across a kink of its activation (``Activation/Function/kinks``).
        public var isNearKink: Bool
    }
}
