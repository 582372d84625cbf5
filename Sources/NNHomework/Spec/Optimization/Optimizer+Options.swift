import NNCore

/// The names the optimizer options accept.
public enum OptimizerChoice {
    /// The methods `--method` (`--optimizer` of `nnhw train`) names.
    public static let methods = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"]
    /// The conventions `--convention` names (`classic` is Sutskever's).
    public static let conventions = ["torch", "sutskever", "classic", "lr-inside", "ema"]
}

extension Optimizer {
    /// The optimizer the options describe: the method named by `methodOption`,
    /// `--convention`, `--lr` (else `defaultRate`, else PyTorch's default for the method),
    /// `--momentum`, `--beta1`, `--beta2`, `--eps`, `--alpha` (or `--rho`), `--eps-inside`,
    /// `--amsgrad`, `--weight-decay` and every `--schedule`.
    ///
    /// - Throws: a usage error for a setting of another method, or a malformed schedule.
    public init(_ options: OptionValues, methodOption: String, defaultRate: Double? = nil) throws(InputError) {
        let name = options.text(methodOption) ?? "sgd"
        func refuse(_ option: String, unless allowed: Bool, methods: String) throws(InputError) {
            if !allowed && options.isGiven(option) {
                throw InputError(at: option, .notForMethod("\(methodOption) \(name)", methods: methods))
            }
        }
        let isMomentum = name == "momentum" || name == "nesterov"
        let isAdam = name == "adam" || name == "adamw"
        try refuse("--convention", unless: isMomentum, methods: "momentum and nesterov")
        try refuse("--momentum", unless: isMomentum || name == "rmsprop", methods: "momentum, nesterov and rmsprop")
        for option in ["--beta1", "--beta2", "--amsgrad"] {
            try refuse(option, unless: isAdam, methods: "adam and adamw")
        }
        for option in ["--alpha", "--rho", "--eps-inside"] {
            try refuse(option, unless: name == "rmsprop", methods: "rmsprop")
        }
        try refuse(
            "--eps", unless: isAdam || name == "rmsprop" || name == "adagrad", methods: "adagrad, rmsprop and adam")
        if options.isGiven("--alpha") && options.isGiven("--rho") {
            throw InputError(at: "--rho", .eitherNotBoth("--alpha", "--rho (the same decay)"))
        }
        let method: Method
        var epsilon = options.number("--eps") ?? 1e-8
        switch name {
        case "momentum", "nesterov":
            let text = options.text("--convention") ?? "torch"
            let convention = MomentumConvention(rawValue: text == "classic" ? "sutskever" : text) ?? .torch
            method = .momentum(options.number("--momentum") ?? 0.9, convention, nesterov: name == "nesterov")
        case "adagrad":
            epsilon = options.number("--eps") ?? 1e-10
            method = .adagrad
        case "rmsprop":
            method = .rmsprop(
                alpha: options.number("--alpha") ?? options.number("--rho") ?? 0.99,
                momentum: options.number("--momentum") ?? 0, epsilonInside: options.has("--eps-inside"))
        case "adam", "adamw":
            method = .adam(
                beta1: options.number("--beta1") ?? 0.9, beta2: options.number("--beta2") ?? 0.999,
                amsgrad: options.has("--amsgrad"), decoupled: name == "adamw")
        default:
            method = .sgd
        }
        let defaultLearningRate =
            switch name {
            case "adam", "adamw": 0.001
            default: 0.01
            }
        var schedules: [LearningRateSchedule] = []
        for text in options.texts("--schedule") {
            schedules.append(try LearningRateSchedule(parsing: text, place: "--schedule"))
        }
        self.init(
            method, learningRate: options.number("--lr") ?? defaultRate ?? defaultLearningRate, epsilon: epsilon,
            weightDecay: options.number("--weight-decay") ?? (name == "adamw" ? 0.01 : 0), schedules: schedules)
    }

    /// The method's name as `--method` writes it.
    public var methodName: String {
        switch method {
        case .sgd: "sgd"
        case .momentum(_, _, let nesterov): nesterov ? "nesterov" : "momentum"
        case .adagrad: "adagrad"
        case .rmsprop: "rmsprop"
        case .adam(_, _, _, let decoupled): decoupled ? "adamw" : "adam"
        }
    }
}
