import NNCore

/// Solves a problem on a network of typed layers as a worked solution: each
/// layer's forward values, the loss, and for `backward` each layer's δ⁽ˡ⁾,
/// parameter gradients and ∂L/∂z⁽ˡ⁻¹⁾, down to ∂L/∂x.
public struct StackSolver: Sendable {
    /// The letters used for the quantities.
    public var notation: Notation

    /// A solver writing in the given notation.
    public init(notation: Notation = Notation()) {
        self.notation = notation
    }

    /// The forward pass and, when the problem gives a target and a loss, the loss.
    ///
    /// - Throws: an ``InputError`` when the values overflow or the loss is undefined for the outputs.
    public func forward(_ problem: StackProblem) throws(InputError) -> Solution {
        var sheet = try StackWorksheet(problem: problem, notation: notation, title: "Forward pass")
        sheet.writeForwardPass()
        sheet.writeLoss()
        sheet.solution.result = sheet.result(gradients: nil)
        try sheet.solution.requireFinite(blaming: "layers")
        return sheet.solution
    }

    /// The forward pass, the loss and backpropagation through every layer.
    ///
    /// - Throws: an ``InputError`` as for ``forward(_:)``, when the problem gives no target, or when a gradient overflows.
    public func backward(_ problem: StackProblem) throws(InputError) -> Solution {
        guard let target = problem.target else {
            throw InputError(at: "target", .missingTarget(for: "backpropagation"))
        }
        var sheet = try StackWorksheet(problem: problem, notation: notation, title: "Backward pass")
        let gradients = problem.stack.backward(sheet.pass, target: target)
        let values = gradients.activationGradients + gradients.layers.map(\.input)
        guard values.allSatisfy(\.isFinite),
            gradients.layers.allSatisfy({ $0.parameters.allSatisfy { $0.allSatisfy(\.isFinite) } })
        else {
            throw InputError(at: "layers", .gradientOverflows)
        }
        sheet.writeForwardPass()
        sheet.writeLoss()
        sheet.writeBackwardPass(gradients, target: target)
        sheet.solution.result = sheet.result(gradients: gradients)
        try sheet.solution.requireFinite(blaming: "layers")
        return sheet.solution
    }
}
