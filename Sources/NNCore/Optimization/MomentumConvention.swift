/// How a course writes the velocity of momentum and Nesterov's method; μ is
/// the momentum, η the learning rate, g the gradient.
public enum MomentumConvention: String, Sendable, Hashable, CaseIterable {
    /// PyTorch's `SGD(momentum=μ)`: v ← μv + g, w ← w − ηv; Nesterov: w ← w − η(g + μv), v the new velocity.
    case torch
    /// Sutskever et al. (2013): v ← μv − ηg, w ← w + v; Nesterov takes g at the look-ahead point w + μv.
    case sutskever
    /// As many course notes write it: v ← μv + ηg, w ← w − v; Nesterov takes g at the look-ahead point w − μv.
    case lrInside = "lr-inside"
    /// deeplearning.ai's exponential average: v ← μv + (1 − μ)g, w ← w − ηv;
    /// Nesterov: w ← w − η(μv + (1 − μ)g), v the new velocity.
    case ema
}
