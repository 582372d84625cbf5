import NNCore

/// What `nnhw generate forward|backward` is asked to draw: `--sizes`,
/// `--activations`, `--dead-units`, `--learning-rate` and `--decimals`, checked.
struct GeneratedNetworkSettings: Sendable {
    /// The activations a generated network may use.
    static let activationNames = ["relu", "identity", "tanh", "sigmoid"]

    /// The most decimals a `--learning-rate` may have.
    static let learningRateDecimals = 6

    /// The fewest decimals a tanh or sigmoid network may be rounded to.
    static let smallestDecimals = 2

    /// The inputs, then the units of each layer.
    let sizes: [Int]
    /// Each layer's activation, as a spec names it.
    let activations: [String]
    /// How many hidden ReLU units are dead.
    let deadUnits: Int
    /// η of one gradient-descent step, or nil for none.
    let learningRate: Double?
    /// The numbers drawn: integers, or tenths for a network with a tanh or sigmoid layer.
    let scale: NiceNetwork.Scale
    /// How the key rounds every intermediate value, or nil when it stays exact.
    let rounding: Rounding?

    /// The settings of `options` for problems of `kind`.
    ///
    /// - Throws: a usage error for malformed sizes, an activation other than relu, identity, tanh or
    ///   sigmoid, more dead units than hidden ReLU units, a learning rate for `forward` or with more
    ///   than 6 decimals, or fewer than 2 decimals for a tanh or sigmoid network.
    init(_ kind: GeneratedNetworkProblem.Kind, _ options: OptionValues) throws(InputError) {
        sizes = try NetworkTemplate.sizes(options.text("--sizes") ?? "2,3,1")
        let layers = sizes.count - 1
        let names = (options.text("--activations") ?? "relu").split(separator: ",").map { String($0).trimmingSpaces }
        guard names.allSatisfy(Self.activationNames.contains), names.count == 1 || names.count == layers else {
            throw InputError(
                at: "--activations",
                .expected(
                    "relu, identity, tanh or sigmoid, one for all layers or one per layer",
                    got: options.text("--activations") ?? ""))
        }
        activations = names.count == layers ? names : Array(repeating: names[0], count: layers)
        deadUnits = options.whole("--dead-units") ?? 0
        let hidden = Self.hiddenReLUUnits(sizes: sizes, activations: activations).count
        guard deadUnits <= hidden else {
            throw InputError(at: "--dead-units", .tooManyDeadUnits(deadUnits, hidden: hidden))
        }
        learningRate = options.number("--learning-rate")
        var rateDecimals = 0
        if let rate = learningRate {
            guard kind == .backward else {
                throw InputError(
                    at: "--learning-rate",
                    .otherCommand(use: "generate backward", because: "a gradient-descent step needs the gradients"))
            }
            guard
                let decimals = (0...Self.learningRateDecimals).first(where: {
                    Rounding(decimals: $0).apply(rate) == rate
                })
            else {
                throw InputError(
                    at: "--learning-rate",
                    .expected(
                        "at most \(Self.learningRateDecimals) decimals", got: specText(rate)))
            }
            rateDecimals = decimals
        }
        if activations.contains(where: { $0 == "tanh" || $0 == "sigmoid" }) {
            let decimals = options.whole("--decimals") ?? 4
            guard decimals >= Self.smallestDecimals else {
                throw InputError(
                    at: "--decimals",
                    .expected(
                        "at least \(Self.smallestDecimals) decimals for a tanh or sigmoid network",
                        got: String(decimals)))
            }
            rounding = Rounding(decimals: decimals)
            scale = .tenths(Rounding(decimals: decimals))
        } else {
            rounding = rateDecimals > 0 ? Rounding(decimals: rateDecimals) : nil
            scale = .integers
        }
    }

    /// Each layer's activation.
    var layerActivations: [Activation] {
        activations.map { name in
            switch name {
            case "relu": Activation(.relu)
            case "tanh": Activation(.tanh)
            case "sigmoid": Activation(.sigmoid)
            default: Activation(.identity)
            }
        }
    }

    /// Every unit's rule: ``deadUnits`` hidden ReLU units, drawn by `generator`, dead; the other ReLU units active.
    ///
    /// Nothing is drawn without dead units, so such a problem is the same as before `--dead-units` existed.
    func rules(using generator: inout SplitMix64) -> [[NiceNetwork.UnitRule]] {
        var rules = zip(sizes.dropFirst(), activations).map { units, name in
            [NiceNetwork.UnitRule](repeating: name == "relu" ? .active : .bounded, count: units)
        }
        var hidden = Self.hiddenReLUUnits(sizes: sizes, activations: activations)
        for index in 0..<deadUnits {
            hidden.swapAt(index, index + generator.nextInt(below: hidden.count - index))
            rules[hidden[index].layer][hidden[index].unit] = .dead
        }
        return rules
    }

    /// The units of every layer but the last whose activation is ReLU, as (layer, unit) from 0.
    static func hiddenReLUUnits(sizes: [Int], activations: [String]) -> [(layer: Int, unit: Int)] {
        activations.indices.dropLast().filter { activations[$0] == "relu" }.flatMap { layer in
            (0..<sizes[layer + 1]).map { (layer: layer, unit: $0) }
        }
    }
}
