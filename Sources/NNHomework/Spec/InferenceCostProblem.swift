/// The inputs of `nnhw inference-cost`, each a flag with its unit: the
/// parameters that run per token, the tokens served a day, the accelerators'
/// throughput and power, and which of electricity cost, rental cost,
/// emissions and comparisons to find.
public struct InferenceCostProblem: Sendable, Hashable {
    /// The tokens served a day.
    public enum Tokens: Sendable, Hashable {
        /// `--tokens-per-day T`.
        case perDay(Double)
        /// `--requests-per-day R --tokens-per-request t`: T = R · t.
        case requests(Double, tokensPerRequest: Double)
    }

    /// N, the parameters each token runs through (the active ones of a mixture of experts).
    public var parameters: Double
    /// Whether N counts the active parameters (`--active-params`).
    public var isActive: Bool
    /// The total parameters of a mixture of experts, when both counts are given.
    public var totalParameters: Double?
    /// The tokens a day, if given.
    public var tokens: Tokens?
    /// The accelerators' throughput, if given.
    public var throughput: AcceleratorThroughput?
    /// The power of one accelerator, if given.
    public var power: AcceleratorPower?
    /// The power usage effectiveness (1 unless `--pue`).
    public var powerUsageEffectiveness: Double = 1
    /// Whether the PUE is the default 1.
    public var isDefaultPUE = true
    /// USD per kWh, the electricity price.
    public var price: Double?
    /// R, the rental price in USD per GPU-hour.
    public var rentalPrice: Double?
    /// kg CO₂e per kWh.
    public var carbonIntensity: Double?
    /// The comparisons asked for, of a year of running.
    public var comparisons: CostComparisons

    /// The problem the options describe.
    ///
    /// - Throws: a usage error for a value that is not a positive number, a
    ///   utilisation above 1, a PUE below 1, two ways of giving the tokens, or
    ///   a missing input the question needs (one error naming the option to give).
    public init(_ options: OptionValues) throws(InputError) {
        let params = options.number("--params")
        let active = options.number("--active-params")
        guard let parameters = active ?? params else {
            throw InputError(
                at: "--params", .missing(give: "the parameter count N (or --active-params for a mixture of experts)"))
        }
        self.parameters = parameters
        isActive = active != nil
        totalParameters = active == nil ? nil : params
        price = options.number("--price")
        rentalPrice = options.number("--gpu-hour-price")
        carbonIntensity = options.number("--carbon")
        comparisons = try CostComparisons(options)
        tokens = try Self.tokens(options)
        throughput = try AcceleratorThroughput.read(options)
        power = try AcceleratorPower.read(options)
        (powerUsageEffectiveness, isDefaultPUE) = try AcceleratorPower.pue(options)
        try requireEnough(options)
    }

    private static func tokens(_ options: OptionValues) throws(InputError) -> Tokens? {
        let perDay = options.number("--tokens-per-day")
        let requests = options.number("--requests-per-day")
        let perRequest = options.number("--tokens-per-request")
        if perDay != nil, requests != nil || perRequest != nil {
            throw InputError(
                at: requests != nil ? "--requests-per-day" : "--tokens-per-request",
                .eitherNotBoth("--tokens-per-day T", "--requests-per-day R --tokens-per-request t"))
        }
        switch (perDay, requests, perRequest) {
        case (let perDay?, _, _): return .perDay(perDay)
        case (nil, let requests?, let perRequest?): return .requests(requests, tokensPerRequest: perRequest)
        case (nil, .some, nil):
            throw InputError(at: "--tokens-per-request", .missing(give: "the tokens of one request, prompt and answer"))
        case (nil, nil, .some):
            throw InputError(
                at: "--tokens-per-request", .requires("--requests-per-day", because: "how many requests a day"))
        case (nil, nil, nil): return nil
        }
    }

    /// Refuses a question that lacks an input it needs: each quantity needs the one before it.
    private func requireEnough(_ options: OptionValues) throws(InputError) {
        let tokensNeeded = "the tokens a day: --tokens-per-day T, or --requests-per-day R --tokens-per-request t"
        let throughputNeeded = "the GPU-hours a day: --gpu-flops F --utilization U"
        if tokens == nil {
            for name in [
                "--gpu-flops", "--utilization", "--watts", "--server-watts", "--gpu-hour-price", "--price", "--carbon",
            ]
            where options.isGiven(name) {
                throw InputError(at: name, .needs(tokensNeeded))
            }
        }
        if throughput == nil {
            for name in ["--watts", "--server-watts", "--gpu-hour-price", "--price", "--carbon"]
            where options.isGiven(name) {
                throw InputError(at: name, .needs(throughputNeeded))
            }
        }
        if power == nil {
            if !isDefaultPUE { throw InputError(at: "--pue", .needs("--watts and the GPU-hours")) }
            for name in ["--price", "--carbon"] where options.isGiven(name) {
                throw InputError(
                    at: name, .needs("the energy: --watts W (or --server-watts S --gpus-per-server M)"))
            }
            if comparisons.householdMonthly != nil {
                throw InputError(
                    at: comparisons.householdOption(options),
                    .comparisonNeeds("the household comparison", "the energy: --watts W with --gpu-flops"))
            }
        }
        if comparisons.comparesEmissions && carbonIntensity == nil {
            throw InputError(
                at: comparisons.emissionsOption(options),
                .comparisonNeeds(
                    comparisons.flightKilograms != nil ? "the flight comparison" : "the car comparison",
                    "--carbon (kg CO₂e per kWh) for the emissions"))
        }
    }
}
