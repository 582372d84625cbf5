import NNCore

/// A gradient-flow problem of `nnhw chain`: one chain of local derivatives,
/// one factor repeated over several depths, or the δ⁽ˡ⁾ of a network spec.
public enum ChainProblem: Sendable, Hashable {
    /// `--upstream G --factors "f₁ f₂ …"`: ∂L/∂x = G · f₁ · f₂ ⋯ (with `--skip`, `--residual-every K`).
    case chain(GradientChain)
    /// `--factor f` or `--activation NAME` over `--depth`: G · fⁿ for each depth n.
    case depths(DepthSweep)
    /// `--net FILE`, `--example NAME` or an inline spec: the norm of every δ⁽ˡ⁾ of one backward pass.
    case network(NetworkProblem)

    /// The options that describe a chain of numbers, which network mode does not take.
    static let chainOptions = [
        "--upstream", "--factors", "--factor", "--activation", "--depth", "--skip", "--residual-every",
    ]

    /// The problem the options of `nnhw chain` name.
    ///
    /// - Throws: a usage error when the options mix modes or leave one out;
    ///   the spec's errors in network mode.
    public init(_ options: OptionValues) throws(InputError) {
        if let network = NetworkProblem.inputOptionNames.first(where: options.isGiven) {
            if let other = Self.chainOptions.first(where: options.isGiven) {
                throw InputError(
                    at: other, .conflicts(with: network, because: "the network's own derivatives make the chain"))
            }
            self = .network(try NetworkProblem(options))
            return
        }
        let upstream = options.number("--upstream") ?? 1
        let blockSize = options.whole("--residual-every")
        let skips = options.has("--skip")
        if let text = options.text("--factors") {
            if let other = ["--factor", "--activation", "--depth"].first(where: options.isGiven) {
                throw InputError(
                    at: other, .conflicts(with: "--factors", because: "--factors lists every local derivative"))
            }
            let factors = try Self.factors(text)
            if let blockSize, factors.count % blockSize != 0 {
                throw InputError(
                    at: "--residual-every", .notWholeBlocks(count: factors.count, noun: "factor", blockSize: blockSize))
            }
            self = .chain(
                GradientChain(upstream: upstream, factors: factors, blockSize: blockSize, skipsWholeChain: skips))
            return
        }
        let activation = options.text("--activation").flatMap(PeakDerivative.init(rawValue:))
        let factor: Double
        switch (options.number("--factor"), activation) {
        case (let given?, nil): factor = given
        case (nil, let activation?): factor = activation.value
        case (.some, .some): throw InputError(at: "--factor", .eitherNotBoth("--factor F", "--activation NAME"))
        case (nil, nil):
            throw InputError(
                at: "--factors",
                .missing(
                    give: "--factors \"0.005 0.1\", --factor F --depth N, --activation NAME --depth N or --net FILE"))
        }
        guard let depthText = options.text("--depth") else {
            throw InputError(at: "--depth", .missing(give: "the number of layers: --depth 6, 1..6 or 2,4,6"))
        }
        let depths = try Self.depths(depthText)
        if let blockSize, let depth = depths.first(where: { $0 % blockSize != 0 }) {
            throw InputError(at: "--depth", .notWholeBlocks(count: depth, noun: "layer", blockSize: blockSize))
        }
        self = .depths(
            DepthSweep(
                upstream: upstream, factor: factor, activation: activation, depths: depths, blockSize: blockSize,
                skipsWholeChain: skips))
    }

    /// The numbers of `--factors`, separated by spaces or commas.
    ///
    /// - Throws: a usage error at `--factors` naming an entry that is not a number, or an empty list.
    static func factors(_ text: String) throws(InputError) -> [Double] {
        let entries = text.split { $0.isWhitespace || $0 == "," }
        guard !entries.isEmpty else {
            throw InputError(at: "--factors", .empty(expected: "numbers separated by spaces, e.g. \"0.005 0.1\""))
        }
        var factors: [Double] = []
        for entry in entries {
            guard let value = NumberText.decimal(entry) else {
                throw InputError(at: "--factors", .notANumberInList(String(entry), example: "0.005 0.1"))
            }
            factors.append(value)
        }
        return factors
    }

    /// The depths of `--depth`: `6`, a range `1..6` or a list `2,4,6`, each from 1 to ``DepthSweep/maximumDepth``.
    ///
    /// - Throws: a usage error at `--depth` for any other text, an empty range or too many depths.
    static func depths(_ text: String) throws(InputError) -> [Int] {
        let trimmed = text.trimmingSpaces
        var depths: [Int]
        if let dots = trimmed.firstRange(of: "..") {
            guard let low = NumberText.whole(trimmed[..<dots.lowerBound].trimmingSpaces),
                let high = NumberText.whole(trimmed[dots.upperBound...].trimmingSpaces)
            else { throw InputError(at: "--depth", .notADepth(text)) }
            guard low <= high else { throw InputError(at: "--depth", .emptyRange(text)) }
            guard low >= 1 else { throw InputError(at: "--depth", .notADepth(text)) }
            guard high - low < DepthSweep.maximumRows else {
                throw InputError(at: "--depth", .tooManyDepths(limit: DepthSweep.maximumRows))
            }
            depths = Array(low...high)
        } else {
            depths = []
            for entry in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
                guard let depth = NumberText.whole(entry.trimmingSpaces), depth >= 1 else {
                    throw InputError(at: "--depth", .notADepth(text))
                }
                depths.append(depth)
            }
            guard depths.count <= DepthSweep.maximumRows else {
                throw InputError(at: "--depth", .tooManyDepths(limit: DepthSweep.maximumRows))
            }
        }
        if let deepest = depths.max(), deepest > DepthSweep.maximumDepth {
            throw InputError(at: "--depth", .depthTooLarge(deepest, limit: DepthSweep.maximumDepth))
        }
        return depths
    }
}

/// One local derivative repeated over several depths: the gradient G · fⁿ
/// after n layers (G · (1 + fᴷ)ⁿᐟᴷ in residual blocks of K, G · (fⁿ + 1) with
/// a skip path around the whole chain), for each depth n asked for.
public struct DepthSweep: Sendable, Hashable {
    /// The most depths a table shows.
    public static let maximumRows = 200
    /// The deepest chain worked out.
    public static let maximumDepth = 10_000

    /// G, the gradient arriving at the end of the chain.
    public var upstream: Double
    /// f, the local derivative of every layer.
    public var factor: Double
    /// The activation whose largest derivative f is, when `--activation` gave it.
    public var activation: PeakDerivative?
    /// The depths n, in the order given.
    public var depths: [Int]
    /// K, the layers per residual block, or nil for a plain chain.
    public var blockSize: Int?
    /// Whether a skip path goes around the whole chain.
    public var skipsWholeChain: Bool

    /// A sweep with the given parts.
    public init(
        upstream: Double, factor: Double, activation: PeakDerivative? = nil, depths: [Int], blockSize: Int? = nil,
        skipsWholeChain: Bool = false
    ) {
        self.upstream = upstream
        self.factor = factor
        self.activation = activation
        self.depths = depths
        self.blockSize = blockSize
        self.skipsWholeChain = skipsWholeChain
    }

    /// The chain of `depth` layers.
    public func chain(depth: Int) -> GradientChain {
        GradientChain(
            upstream: upstream, factors: Array(repeating: factor, count: depth), blockSize: blockSize,
            skipsWholeChain: skipsWholeChain)
    }
}

/// An activation whose largest derivative `--activation` takes as the local
/// derivative of every layer: the most gradient a layer can pass on when its
/// weights are 1.
public enum PeakDerivative: String, Sendable, Hashable, CaseIterable {
    /// σ′(a) = σ(a)(1 − σ(a)) is largest at a = 0: σ′(0) = 1/4.
    case sigmoid
    /// tanh′(a) = 1 − tanh²(a) is largest at a = 0: tanh′(0) = 1.
    case tanh
    /// ReLU′(a) = 1 for every a > 0.
    case relu

    /// The activation.
    public var activation: Activation {
        switch self {
        case .sigmoid: Activation(.sigmoid)
        case .tanh: Activation(.tanh)
        case .relu: Activation(.relu)
        }
    }

    /// A pre-activation where the derivative is largest: 0 for σ and tanh, 1 (any a > 0) for ReLU.
    public var peak: Double { self == .relu ? 1 : 0 }

    /// The largest derivative f′(peak), computed by the activation itself.
    public var value: Double { activation.derivative(peak) }
}
