/// The inputs of `nnhw train-cost`, each a flag with its unit: how the energy
/// is known, and which of price, carbon intensity, household use and
/// accelerator price to apply to it.
public struct TrainingCostProblem: Sendable, Hashable {
    /// How the energy E is found.
    public enum Energy: Sendable, Hashable {
        /// From accelerator time and power: G GPU-hours (or n GPUs × H hours) at P watts, times PUE.
        case fromPower(usage: Usage, watts: Double, powerUsageEffectiveness: Double, isDefaultPUE: Bool)
        /// Reverse: the kWh that D dollars buy at the price in USD/kWh.
        case fromDollars(Double, price: Double)
    }

    /// The accelerator time.
    public enum Usage: Sendable, Hashable {
        /// `--gpus n --hours H`.
        case gpus(Double, hours: Double)
        /// `--gpu-hours G`.
        case gpuHours(Double)
    }

    /// How the energy is found, if it can be.
    public var energy: Energy?
    /// USD per kWh.
    public var price: Double?
    /// kg CO₂e per kWh.
    public var carbonIntensity: Double?
    /// K, a household's kWh per month.
    public var householdMonthly: Double?
    /// n, the accelerators bought (`--gpus`).
    public var gpus: Double?
    /// The price of one accelerator in USD: one value, or the low and high ends of a range.
    public var gpuPrice: ClosedRange<Double>?

    /// The problem the options describe.
    ///
    /// - Throws: a usage error for a value that is not a positive number, a PUE
    ///   below 1, inputs that contradict each other (`--gpu-hours` with `--hours`,
    ///   `--dollars` with `--watts`), an input that nothing uses, or nothing to compute.
    public init(_ options: OptionValues) throws(InputError) {
        price = options.number("--price")
        carbonIntensity = options.number("--carbon")
        householdMonthly = options.number("--household-kwh-per-month")
        gpus = options.whole("--gpus").map(Double.init)
        gpuPrice = try options.text("--gpu-price").map { text throws(InputError) in try Self.priceRange(text) }
        energy = try Self.energy(options, gpus: gpus)
        if gpuPrice != nil && gpus == nil {
            throw InputError(at: "--gpu-price", .requires("--gpus", because: "how many accelerators are bought"))
        }
        if energy == nil {
            for name in ["--carbon", "--household-kwh-per-month"] where options.isGiven(name) {
                throw InputError(
                    at: name, .needs("the energy: --watts with --gpu-hours, or --dollars with --price"))
            }
            if price != nil {
                throw InputError(at: "--price", .needs("the energy: --watts with --gpu-hours (or --dollars)"))
            }
            if gpuPrice == nil {
                throw InputError(
                    at: "",
                    .nothingToCompute(
                        give:
                            "--gpu-hours G (or --gpus N --hours H) with --watts W, --dollars D with --price P, or --gpus N with --gpu-price USD"
                    ))
            }
        }
    }

    private static func energy(_ options: OptionValues, gpus: Double?) throws(InputError) -> Energy? {
        let watts = options.number("--watts")
        let hours = options.number("--hours")
        let gpuHours = options.number("--gpu-hours")
        let pue = options.number("--pue")
        if let pue, pue < 1 {
            throw InputError(at: "--pue", .pueBelowOne(pue))
        }
        if let dollars = options.number("--dollars") {
            for name in ["--watts", "--hours", "--gpu-hours", "--pue"] where options.isGiven(name) {
                throw InputError(at: name, .conflicts(with: "--dollars", because: "which gives the energy by itself"))
            }
            guard let price = options.number("--price") else {
                throw InputError(at: "--dollars", .needs("--price (USD per kWh) to find the energy bought"))
            }
            return .fromDollars(dollars, price: price)
        }
        let usage: Usage?
        switch (gpuHours, hours) {
        case (.some, .some):
            throw InputError(at: "--hours", .eitherNotBoth("--gpu-hours G", "--gpus N --hours H"))
        case (let total?, nil):
            usage = .gpuHours(total)
        case (nil, let each?):
            guard let gpus else {
                throw InputError(at: "--hours", .requires("--gpus", because: "how many accelerators run"))
            }
            usage = .gpus(gpus, hours: each)
        case (nil, nil):
            usage = nil
        }
        switch (usage, watts) {
        case (let usage?, let watts?):
            return .fromPower(
                usage: usage, watts: watts, powerUsageEffectiveness: pue ?? 1, isDefaultPUE: pue == nil)
        case (.some, nil):
            throw InputError(at: "--watts", .missing(give: "the power of one accelerator in W"))
        case (nil, .some):
            throw InputError(at: "--watts", .needs("--gpu-hours G (or --gpus N --hours H)"))
        case (nil, nil):
            if pue != nil { throw InputError(at: "--pue", .needs("--watts and --gpu-hours")) }
            return nil
        }
    }

    /// `17500` or `17500..70000`, USD per accelerator.
    private static func priceRange(_ text: String) throws(InputError) -> ClosedRange<Double> {
        let bounds = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        var values: [Double] = []
        for bound in bounds {
            guard
                case .number(let value) = try OptionType.number(.positive).read(
                    bound.trimmingSpaces, for: "--gpu-price")
            else { preconditionFailure("a number option reads a number") }
            values.append(value)
        }
        guard values.count <= 2, let low = values.first, let high = values.last else {
            throw InputError(at: "--gpu-price", .expected("USD or LOW..HIGH", got: text))
        }
        guard low <= high else {
            throw InputError(at: "--gpu-price", .emptyRange(text))
        }
        return low...high
    }
}
