import NNCore

/// An activation f and the points x at which `nnhw activation` works out f(x) and f′(x).
public struct ActivationProblem: Sendable, Hashable {
    /// The activation, elementwise.
    public var activation: Activation
    /// The points x, in the order given.
    public var points: [Double]

    /// The problem of `nnhw activation NAME --at "…"` with `--alpha`, `--beta`, `--approximate`.
    ///
    /// - Throws: a usage error when NAME or `--at` is missing, or NAME is softmax (which
    ///   `nnhw softmax` solves); an invalid-data error for an unknown name, a
    ///   parameter the function does not take or out of its range, a malformed
    ///   point, or more than ``maximumPoints`` of them.
    public init(options: OptionValues) throws(InputError) {
        guard let name = options.text("NAME") else {
            throw InputError(
                at: "NAME", .missing(give: "an activation name, e.g. nnhw activation gelu --at \"-1 0 2\""))
        }
        var parameters = ActivationSpec.Parameters()
        if let alpha = options.number("--alpha") { parameters.alpha = (alpha, "--alpha") }
        if let beta = options.number("--beta") { parameters.beta = (beta, "--beta") }
        if let form = options.text("--approximate") {
            parameters.approximate = (form == "tanh" ? .tanhApproximation : .exact, "--approximate")
        }
        if try ActivationSpec.canonicalName(name, at: "NAME") == "softmax" {
            throw InputError(
                at: "NAME",
                .otherCommand(
                    use: "nnhw softmax --scores \"1 2 4\" (with --temperature T or --beta β)",
                    because: "softmax works on a whole vector, not point by point"))
        }
        activation = try ActivationSpec.make(name: name, parameters: parameters, at: "NAME")
        guard let text = options.text("--at") else {
            throw InputError(at: "--at", .missing(give: "the points, e.g. --at \"-1 0 2\""))
        }
        points = try NumberListText.rows(parsing: text, place: "--at").elements
        guard points.count <= Self.maximumPoints else {
            throw InputError(at: "--at", .tooManyNumbers(points.count, noun: "points", limit: Self.maximumPoints))
        }
    }

    /// The most points a worked solution shows.
    public static let maximumPoints = 10_000
}
