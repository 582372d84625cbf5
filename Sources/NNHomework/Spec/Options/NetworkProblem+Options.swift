import NNCore

extension NetworkProblem {
    /// The options that name a network: `--net`, `--example` and those of the inline spec.
    public static let inputOptionNames = ["--net", "--example"] + InlineNetworkSpec.optionNames

    /// The network named by `--net FILE` (its contents), `--example NAME` or the inline
    /// spec (`--x`, `--layer`, …, see ``InlineNetworkSpec``), exactly one of them,
    /// with layers given as "units" drawn from `--seed`; `requiresLoss: false`
    /// lets the spec leave out its target and loss.
    ///
    /// - Throws: a usage error when more than one or none is given or no example has the name;
    ///   the spec's errors.
    public init(_ options: OptionValues, requiresLoss: Bool = true) throws(InputError) {
        let spec = try Self.specValue(options, requiresLoss: requiresLoss)
        try self.init(
            json: spec.value, source: spec.source, seed: options.seed("--seed") ?? 0, requiresLoss: requiresLoss)
    }

    /// The JSON of the spec `--net FILE`, `--example NAME` or the inline spec names, exactly
    /// one of them, and its name in errors; `requiresLoss` as the inline spec needs it.
    ///
    /// - Throws: a usage error when more than one or none is given or no example has the name;
    ///   the file's errors; a JSON syntax error.
    static func specValue(_ options: OptionValues, requiresLoss: Bool) throws(InputError) -> (
        value: JSONValue, source: String
    ) {
        let inline = InlineNetworkSpec.optionNames.first(where: options.isGiven)
        let text: String
        let source: String
        switch (options.isGiven("--net"), options.text("--example"), inline) {
        case (true, nil, nil):
            guard let file = try options.document("--net") else { preconditionFailure("--net is given") }
            (text, source) = (file.text, file.source)
        case (false, let name?, nil):
            (text, source) = (try Self.example(named: name).json, "example \(name)")
        case (false, nil, .some):
            guard let json = try InlineNetworkSpec.json(options, requiresLoss: requiresLoss) else {
                preconditionFailure("an inline option is given")
            }
            return (json, InlineNetworkSpec.source)
        case (true, .some, _):
            throw InputError(at: "--net", .eitherNotBoth("--net FILE", "--example NAME"))
        case (let file, _, let option?):
            throw InputError(
                at: option, .eitherNotBoth(file ? "--net FILE" : "--example NAME", "the inline spec (--x, --layer …)"))
        case (false, nil, nil):
            throw InputError(at: "--net", .missing(give: "--net FILE (or --example NAME)"))
        }
        do {
            return (try JSONValue(parsing: text), source)
        } catch {
            throw InputError(at: source, .syntax(error))
        }
    }

    /// The built-in example called `name`.
    ///
    /// - Throws: a usage error at `--example` when there is none, with the closest name.
    public static func example(named name: String) throws(InputError) -> BuiltInExample {
        guard let example = BuiltInExample.named(name) else {
            let names = BuiltInExample.all.map(\.name)
            throw InputError(
                at: "--example",
                .unknownExample(name, suggestion: closestMatch(to: name, among: names), examples: names))
        }
        return example
    }
}

/// The problem a network spec poses: a dense network, or a network of typed
/// layers (some layer has a `"type"`: conv2d, batch_norm, dropout, residual, …).
public enum NetworkSpecProblem: Sendable, Hashable {
    /// Dense layers only, in the spec's original form.
    case dense(NetworkProblem)
    /// Typed layers.
    case stack(StackProblem)

    /// The spec of `--net FILE`, `--example NAME` or the inline spec; `requiresLoss: false` lets it leave out target and loss.
    ///
    /// - Throws: the usage errors of ``NetworkProblem/init(_:requiresLoss:)`` and the spec's errors.
    public init(_ options: OptionValues, requiresLoss: Bool = true) throws(InputError) {
        let (value, source) = try NetworkProblem.specValue(options, requiresLoss: requiresLoss)
        if StackProblem.isStack(value) {
            self = .stack(try StackProblem(json: value, source: source, requiresLoss: requiresLoss))
        } else {
            self = .dense(
                try NetworkProblem(
                    json: value, source: source, seed: options.seed("--seed") ?? 0, requiresLoss: requiresLoss))
        }
    }
}

extension Notation {
    /// `--notation NAME[,loss=…][,prediction=…]`; the default a/z notation when not given.
    ///
    /// - Throws: a usage error for an unknown notation.
    public init(_ options: OptionValues) throws(InputError) {
        guard let text = options.text("--notation") else {
            self.init()
            return
        }
        try self.init(parsing: text)
    }
}

extension NetworkSolver {
    /// A solver in the notation of `--notation`, rounding as `--round-intermediates K` asks.
    ///
    /// - Throws: a usage error for an unknown notation.
    public init(_ options: OptionValues) throws(InputError) {
        self.init(
            notation: try Notation(options), rounding: options.whole("--round-intermediates").map(Rounding.init))
    }

    /// The same solver, rounding every intermediate value to `decimals` decimals (0 … 15).
    public func roundingIntermediates(toDecimals decimals: Int) -> NetworkSolver {
        NetworkSolver(notation: notation, rounding: Rounding(decimals: decimals))
    }
}

extension NetworkGradientCheckSolver {
    /// The check `nnhw gradcheck --net` asks for: `--eps`, `--atol`, `--rtol`,
    /// `--params`, `--sample`, `--seed` and `--notation`; ε is 10⁻⁶ unless given.
    ///
    /// - Throws: a usage error for an unknown notation.
    public init(_ options: OptionValues) throws(InputError) {
        let defaults = GradientCheck()
        self.init(
            check: GradientCheck(
                epsilon: options.number("--eps") ?? defaults.epsilon,
                absoluteTolerance: options.number("--atol") ?? defaults.absoluteTolerance,
                relativeTolerance: options.number("--rtol") ?? defaults.relativeTolerance),
            selection: options.text("--params"), sampleSize: options.whole("--sample"),
            seed: options.seed("--seed") ?? 0, notation: try Notation(options))
    }
}

extension StackGradientCheckSolver {
    /// The check `nnhw gradcheck --net` asks for on typed layers: `--eps`, `--atol`, `--rtol` and `--notation`.
    ///
    /// - Throws: a usage error for an unknown notation, or for `--params` or `--sample`, which name dense layers' weights.
    public init(_ options: OptionValues) throws(InputError) {
        for option in ["--params", "--sample"] where options.isGiven(option) {
            throw InputError(at: option, .denseOnlyOption)
        }
        let defaults = GradientCheck()
        self.init(
            check: GradientCheck(
                epsilon: options.number("--eps") ?? defaults.epsilon,
                absoluteTolerance: options.number("--atol") ?? defaults.absoluteTolerance,
                relativeTolerance: options.number("--rtol") ?? defaults.relativeTolerance),
            notation: try Notation(options))
    }
}

extension ArchitectureProblem {
    /// The architecture of `--arch FILE` (its contents) or `--layers TEXT`, exactly one of them.
    ///
    /// - Throws: a usage error when both or neither is given; the architecture's errors.
    public init(_ options: OptionValues) throws(InputError) {
        switch (options.isGiven("--arch"), options.text("--layers")) {
        case (true, nil):
            guard let file = try options.document("--arch") else { preconditionFailure("--arch is given") }
            try self.init(parsing: file.text, source: file.source)
        case (false, let text?): try self.init(compact: text)
        case (true, .some):
            throw InputError(at: "--arch", .eitherNotBoth("--arch FILE", "--layers TEXT"))
        case (false, nil):
            throw InputError(at: "--arch", .missing(give: "--arch FILE or --layers TEXT"))
        }
    }
}

extension ParameterSolver {
    /// A solver counting as `--convention torch|keras` says (torch when not given).
    public init(_ options: OptionValues) {
        self.init(convention: options.text("--convention").flatMap(ParameterConvention.init(rawValue:)) ?? .torch)
    }
}
