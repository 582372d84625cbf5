import NNHomework

/// Which kind of problem a subcommand with a formula mode and a network mode
/// (`gradcheck`, `jacobian`, `hessian`) is asked to solve.
enum ProblemMode {
    /// Only options of the formula mode are given (`--f`, `--at`, …).
    case formula
    /// Only options of the network mode are given, among them `--net`, `--example` or the inline spec's.
    case network
    /// No option of either mode.
    case neither

    /// The mode `values` ask for.
    ///
    /// - Throws: a usage error when options of both modes are given, or network
    ///   options without `--net` or `--example`.
    static func of(_ values: OptionValues, formulaOptions: [Option], networkOptions: [Option]) throws(InputError)
        -> ProblemMode
    {
        let network = networkOptions.map(\.name).first { values.isGiven($0) }
        let formula = formulaOptions.map(\.name).first { values.isGiven($0) }
        switch (formula, network) {
        case (let formula?, let network?):
            throw InputError(.otherMode(option: network, mode: "network", otherOption: formula, otherMode: "formula"))
        case (nil, _?):
            guard NetworkProblem.inputOptionNames.contains(where: values.isGiven) else {
                throw InputError(.missingInMode("--net", mode: "network", what: "--net FILE or --example NAME"))
            }
            return .network
        case (_?, nil): return .formula
        case (nil, nil): return .neither
        }
    }
}
