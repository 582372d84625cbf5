import NNCore

/// One problem `nnhw generate forward|backward` makes: a dense network with
/// small numbers drawn so that every value of its worked solution is an integer,
/// or has at most the decimals its statement rounds to (see ``NiceNetwork``),
/// with its spec, its problem statement and how the key is solved.
public struct GeneratedNetworkProblem: Sendable {
    /// What the problem asks for.
    public enum Kind: String, Sendable, CaseIterable {
        /// The forward pass and the loss.
        case forward
        /// The forward pass, the loss, every gradient by backpropagation and, with a learning rate, one update.
        case backward
    }

    /// The seed this variant was drawn from: `generate --seed` with it and `--variants 1` draws it again.
    public var seed: UInt64
    /// The network spec, as `--net` reads it.
    public var spec: JSONValue
    /// The problem the spec decodes to.
    public var problem: NetworkProblem
    /// The problem statement: the numbers given, without any solution.
    public var statement: Solution
    /// How the key rounds every intermediate value (`--round-intermediates K`), or nil when it is exact.
    public var rounding: Rounding?
    /// The nnhw command line (subcommand first) that solves the spec, saved as FILE, as the key is solved.
    public var arguments: [String]

    /// The variants `--seed S --variants N --sizes … --activations … --dead-units N --learning-rate η
    /// --decimals K` ask for; variant i (from 0) is drawn from seed S + i.
    ///
    /// - Throws: a usage error for malformed settings (see ``GeneratedNetworkSettings``), or
    ///   sizes for which no network keeps every unit in its range.
    public static func variants(_ kind: Kind, _ options: OptionValues) throws(InputError) -> [GeneratedNetworkProblem] {
        let settings = try GeneratedNetworkSettings(kind, options)
        let first = options.seed("--seed") ?? 0
        let count = options.whole("--variants") ?? 1
        var variants: [GeneratedNetworkProblem] = []
        for index in 0..<count {
            let seed = first &+ UInt64(index)
            var generator = SplitMix64(seed: seed)
            let rules = settings.rules(using: &generator)
            guard
                let drawn = NiceNetwork.draw(
                    sizes: settings.sizes, activations: settings.layerActivations, rules: rules,
                    scale: settings.scale, using: &generator)
            else { throw InputError(at: "--sizes", .noNiceDraw) }
            variants.append(try GeneratedNetworkProblem(kind, drawn, settings, seed: seed, number: index + 1))
        }
        return variants
    }

    private init(
        _ kind: Kind, _ drawn: NiceNetwork, _ settings: GeneratedNetworkSettings, seed: UInt64, number: Int
    ) throws(InputError) {
        func vector(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }
        let layers = settings.activations.indices.map { layer in
            JSONValue.object([
                JSONMember("weights", .array(drawn.weights[layer].map(vector))),
                JSONMember("bias", vector(drawn.biases[layer])),
                JSONMember("activation", .string(settings.activations[layer])),
            ])
        }
        spec = .object(
            [
                JSONMember("input", vector(drawn.input[0])),
                JSONMember("target", vector(drawn.target[0])),
                JSONMember("layers", .array(layers)),
                JSONMember("loss", .string("squared_error")),
            ] + (settings.learningRate.map { [JSONMember("learning_rate", .number($0))] } ?? []))
        self.seed = seed
        rounding = settings.rounding
        arguments =
            [kind.rawValue, "--net", "FILE"]
            + (settings.rounding.map { ["--round-intermediates", String($0.decimals)] } ?? [])
        problem = try NetworkProblem(json: spec, source: "generated problem \(number)")
        statement = GeneratedNetworkStatement(kind: kind, drawn: drawn, settings: settings).solution(number: number)
    }
}
