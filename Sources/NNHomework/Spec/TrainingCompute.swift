/// The FLOPs C of a training run: given (`--flops C`), by the 6 · N · D rule
/// (`--params N` or `--active-params N`, `--tokens D`), or from FLOPs per
/// token (`--flops-per-token K --tokens D`: C = K · D).
public enum TrainingCompute: Sendable, Hashable {
    /// `--flops C`.
    case given(Double)
    /// 6 · N · D, with N the active parameters of `total` when a mixture of experts gives both.
    case sixND(parameters: Double, isActive: Bool, total: Double?, tokens: Double)
    /// K · D.
    case perToken(Double, tokens: Double)

    /// The compute `options` give, if any.
    ///
    /// - Throws: a usage error for two ways of giving it at once, or tokens without parameters.
    static func read(_ options: OptionValues) throws(InputError) -> TrainingCompute? {
        let tokens = options.number("--tokens")
        let params = options.number("--params")
        let active = options.number("--active-params")
        if let flops = options.number("--flops") {
            for name in ["--params", "--active-params", "--tokens", "--flops-per-token"] where options.isGiven(name) {
                throw InputError(at: name, .conflicts(with: "--flops", because: "which gives the FLOPs by itself"))
            }
            return .given(flops)
        }
        if let perToken = options.number("--flops-per-token") {
            for name in ["--params", "--active-params"] where options.isGiven(name) {
                throw InputError(at: name, .conflicts(with: "--flops-per-token", because: "which replaces 6 · N"))
            }
            guard let tokens else {
                throw InputError(at: "--tokens", .missing(give: "the training tokens D (FLOPs = K · D)"))
            }
            return .perToken(perToken, tokens: tokens)
        }
        guard let parameters = active ?? params else {
            if tokens != nil {
                throw InputError(at: "--tokens", .needs("--params N (or --active-params, or --flops-per-token)"))
            }
            return nil
        }
        guard let tokens else {
            throw InputError(at: "--tokens", .missing(give: "the training tokens D (FLOPs = 6 · N · D)"))
        }
        return .sixND(
            parameters: parameters, isActive: active != nil, total: active == nil ? nil : params, tokens: tokens)
    }
}
