extension Activation {
    /// c · f′ written in terms of the output z = c · f(a) where courses write it
    /// so: tanh′ = c(1 − (z/c)²) and σ′ = c(z/c)(1 − z/c); from a for every
    /// other elementwise function.
    ///
    /// Equal to ``derivative(at:)`` in exact arithmetic. Used when z has been
    /// rounded, so that f′ agrees with the rounded z a hand solution puts into
    /// 1 − z²; the a-based form is the accurate one otherwise.
    /// - Precondition: the activation is elementwise and the shapes agree.
    public func derivative(at preActivation: Matrix, fromOutput output: Matrix) -> Matrix {
        switch function {
        case .tanh:
            return output.map { z in
                let t = z / scale
                return scale * (1 - t * t)
            }
        case .sigmoid:
            return output.map { z in
                let s = z / scale
                return scale * s * (1 - s)
            }
        default:
            return derivative(at: preActivation)
        }
    }

    /// ∂L/∂a from ∂L/∂z with f′ taken from the output where courses do
    /// (see ``derivative(at:fromOutput:)``); softmax as ``backpropagate(_:at:)``.
    public func backpropagate(_ gradient: Matrix, at preActivation: Matrix, output: Matrix) -> Matrix {
        guard isElementwise else { return backpropagate(gradient, at: preActivation) }
        return gradient ⊙ derivative(at: preActivation, fromOutput: output)
    }
}
