import NNCore

/// Checks backpropagation against central differences for a network spec,
/// parameter by parameter, as a worked solution with a verdict.
///
/// The analytic derivative a comes from backpropagation, the numeric one from
/// n = (L(…, w + ε, …) − L(…, w − ε, …)) / 2ε; a parameter passes when
/// |a − n| ≤ atol + rtol·|n|. A parameter whose ±ε moves a pre-activation
/// across a kink of its activation is reported as a kink and not counted.
public struct NetworkGradientCheckSolver: Sendable {
    /// ε and the tolerances.
    public var check: GradientCheck
    /// The parameters to check, as a `--params` list; nil for all.
    public var selection: String?
    /// How many parameters to draw at random from the selection; nil for all.
    public var sampleSize: Int?
    /// The seed of that draw.
    public var seed: UInt64
    /// The letters of the loss and the network's quantities.
    public var notation: Notation

    /// A solver with the given check, selection and sample.
    public init(
        check: GradientCheck = GradientCheck(), selection: String? = nil, sampleSize: Int? = nil, seed: UInt64 = 0,
        notation: Notation = Notation()
    ) {
        self.check = check
        self.selection = selection
        self.sampleSize = sampleSize
        self.seed = seed
        self.notation = notation
    }

    /// The check of `problem` against backpropagation's own gradients.
    ///
    /// - Returns: the worked solution, and whether every counted parameter passes.
    /// - Throws: an ``InputError`` for a `--params` name the network lacks, or as the network solver does.
    public func solve(_ problem: NetworkProblem) throws(InputError) -> (solution: Solution, passes: Bool) {
        let network = problem.network
        let gradients = network.backward(network.forward(problem.input), target: try Self.target(of: problem))
        return try solve(problem, against: gradients)
    }

    /// The most work a check may take: checked parameters × network parameters
    /// × samples ≤ 2³², about 2 s and well under 1 GB on a 2-core machine
    /// (a full check of a 65,536-parameter network on one sample).
    public static let maximumWork = 1 << 32

    /// Refuses a check whose work (each checked parameter re-evaluates the loss,
    /// at most all parameters for every sample) passes ``maximumWork``.
    private static func requireAffordable(checking checked: Int, of network: Network, samples: Int, place: String)
        throws(InputError)
    {
        let size = network.parameters.count.multipliedReportingOverflow(by: max(1, samples))
        let work = checked.multipliedReportingOverflow(by: size.partialValue)
        guard size.overflow || work.overflow || work.partialValue > maximumWork else { return }
        let affordable = size.overflow ? 0 : maximumWork / max(1, size.partialValue)
        throw InputError(
            at: place,
            .checkTooLarge(
                checked: checked, parameters: network.parameters.count, samples: samples, affordable: affordable))
    }

    /// The check of `problem` against the given analytic gradients, so that a
    /// test can hand in a corrupted gradient and see it caught.
    func solve(_ problem: NetworkProblem, against gradients: Gradients) throws(InputError) -> (
        solution: Solution, passes: Bool
    ) {
        _ = try NetworkSolver(notation: notation).forward(problem)
        let network = problem.network
        let names = ParameterNames(network: network, isAugmented: problem.isAugmented)
        var parameters =
            try selection.map { (list: String) throws(InputError) in try names.select(list) }
            ?? names.ordered(network.parameters)
        if let sampleSize {
            var generator = SplitMix64(seed: seed)
            parameters = generator.sample(sampleSize, from: parameters.count).map { parameters[$0] }
        }
        try Self.requireAffordable(
            checking: parameters.count, of: network, samples: problem.input.rows,
            place: sampleSize == nil ? "--net" : "--sample")
        let results = check.compare(
            network, input: problem.input, target: try Self.target(of: problem), gradients: gradients,
            parameters: parameters)
        var report = GradientCheckReport(
            problem: problem, check: check, names: names, results: results, notation: notation)
        report.write(sampled: sampleSize.map { _ in (parameters.count, network.parameters.count, seed) })
        try report.solution.requireFinite(blaming: "input")
        return (report.solution, report.passes)
    }

    /// The problem's target, which a gradient check cannot do without.
    private static func target(of problem: NetworkProblem) throws(InputError) -> Matrix {
        guard let target = problem.target else {
            throw InputError(at: "target", .missingTarget(for: "a gradient check"))
        }
        return target
    }
}
