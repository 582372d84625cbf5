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

    /// A check with step ε and tolerances atol and rtol.
    public init(epsilon: Double = 1e-6, absoluteTolerance: Double = 1e-5, relativeTolerance: Double = 1e-3) {
        self.epsilon = epsilon
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// The comparison for each of `parameters`, against the analytic `gradients`.
    ///
    /// L(w ± ε) comes from one cached forward pass: perturbing a parameter of
    /// layer l changes one pre-activation a⁽ˡ⁾ᵢ per sample, so only layer l's unit
    /// i and the layers above it are recomputed, and only for samples where it
    /// changes (see ``PerturbedPass``). The step is the one the rounding of w ± ε
    /// actually takes; n divides by 2ε as stated. Large checks (parameters · S
    /// from 2¹⁴ on) split the parameters among the processors; each result is
    /// the same as on one thread.
    /// - Complexity: one forward pass, then per parameter of layer l
    ///   O(S · (parameters of the layers above l)) for S samples.
    public func compare(
        _ network: Network, input: Matrix, target: Matrix, gradients: Gradients, parameters: [Parameter]
    ) -> [Result] {
        let cache = PerturbedPass(network: network, input: input, target: target)
        let check = { @Sendable (parameter: Parameter) -> Result in
            let value = network[parameter]
            let losses = cache.losses(parameter, up: (value + epsilon) - value, down: (value - epsilon) - value)
            let numeric = (losses.plus - losses.minus) / (2 * epsilon)
            let analytic = gradients[parameter]
            let difference = abs(analytic - numeric)
            let scale = max(abs(analytic), abs(numeric))
            return Result(
                parameter: parameter, analytic: analytic, numeric: numeric, lossPlus: losses.plus,
                lossMinus: losses.minus, absoluteError: difference, relativeError: scale == 0 ? 0 : difference / scale,
                passes: difference <= absoluteTolerance + relativeTolerance * abs(numeric),
                isNearKink: losses.crossesKink)
        }
        let work = parameters.count.multipliedReportingOverflow(by: max(1, input.rows))
        let parts = work.overflow || work.partialValue >= Self.threadingThreshold ? Processor.threadLimit : 1
        guard parts > 1 && parameters.count >= parts else { return parameters.map(check) }
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

    /// From this many parameter-samples (parameters · S) on, the check runs on every processor.
    static let threadingThreshold = 1 << 14

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
        /// Whether ±ε moves a ReLU-like pre-activation across its kink.
        public var isNearKink: Bool
    }
}
