import NNCore

/// Solves a network problem as a worked solution: the forward pass layer by
/// layer, the loss, and for `backward` every δ⁽ˡ⁾, ∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾, ∂L/∂x
/// and, with a learning rate, the updated weights.
public struct NetworkSolver: Sendable {
    /// The letters used for the quantities.
    public var notation: Notation
    /// How every intermediate value is rounded (`--round-intermediates K`), or
    /// nil to carry full precision.
    public var rounding: Rounding?

    /// A solver writing in the given notation, rounding intermediates when `rounding` is given.
    public init(notation: Notation = Notation(), rounding: Rounding? = nil) {
        self.notation = notation
        self.rounding = rounding
    }

    /// The forward pass and, when the problem gives a target and a loss, the loss.
    ///
    /// - Throws: an ``InputError`` when the numbers overflow or the loss is
    ///   undefined for the network's outputs (e.g. cross-entropy of a negative ŷ).
    public func forward(_ problem: NetworkProblem) throws(InputError) -> Solution {
        var sheet = try NetworkWorksheet(
            problem: problem, notation: notation, rounding: rounding, title: "Forward pass")
        sheet.writeForwardPass()
        sheet.writeLoss()
        sheet.solution.result = sheet.result(gradients: nil, updated: nil)
        try sheet.solution.requireFinite(blaming: "layers")
        return sheet.solution
    }

    /// The forward pass, the loss, backpropagation and, with a learning rate, one update.
    ///
    /// - Throws: an ``InputError`` as for ``forward(_:)``, when the problem
    ///   gives no target, or when a gradient overflows.
    public func backward(_ problem: NetworkProblem) throws(InputError) -> Solution {
        guard let target = problem.target else {
            throw InputError(at: "target", .missingTarget(for: "backpropagation"))
        }
        var sheet = try NetworkWorksheet(
            problem: problem, notation: notation, rounding: rounding, title: "Backward pass")
        let gradients = problem.network.backward(sheet.pass, target: target, rounding: rounding)
        try NetworkWorksheet.requireFinite(gradients)
        sheet.writeForwardPass()
        sheet.writeLoss()
        sheet.writeBackwardPass(gradients, target: target)
        var updated: Network?
        if let rate = problem.learningRate {
            let network = problem.network.updated(by: gradients, learningRate: rate, rounding: rounding)
            sheet.writeUpdate(gradients, learningRate: rate, updated: network)
            updated = network
        }
        sheet.solution.result = sheet.result(gradients: gradients, updated: updated)
        let updateOverflows = updated?.layers.contains { !$0.weights.isFinite || !$0.bias.allSatisfy(\.isFinite) }
        try sheet.solution.requireFinite(blaming: updateOverflows == true ? "learning_rate" : "layers")
        return sheet.solution
    }
}

extension NetworkSolver {
    /// The JSON result of `backward` (of `forward` when the problem gives no
    /// target), every value settled by `hook` as it is computed: the same
    /// computation carried on from the values a hand solution settled on.
    ///
    /// - Throws: an ``InputError`` as ``backward(_:)`` does.
    public func result(of problem: NetworkProblem, settling hook: PassHook) throws(InputError) -> JSONValue {
        let sheet = try NetworkWorksheet(
            problem: problem, notation: notation, rounding: nil, hook: hook, title: "")
        guard let target = problem.target else { return sheet.result(gradients: nil, updated: nil) }
        let gradients = problem.network.backward(sheet.pass, target: target, hook: hook)
        let updated = problem.learningRate.map {
            problem.network.updated(by: gradients, learningRate: $0, hook: hook)
        }
        return sheet.result(gradients: gradients, updated: updated)
    }
}
