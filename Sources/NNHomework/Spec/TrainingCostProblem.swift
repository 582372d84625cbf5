/// The inputs of `nnhw train-cost`, each a flag with its unit: how the
/// accelerator time is known (GPU-hours, GPUs × hours, FLOPs at a throughput,
/// or dollars at a rental price), the accelerators' power, and which of
/// wall-clock time, rental cost, electricity cost, emissions, comparisons and
/// hardware price to find.
public struct TrainingCostProblem: Sendable, Hashable {
    /// How the GPU-hours G are found.
    public enum Usage: Sendable, Hashable {
        /// `--gpus n --hours H`: G = n · H.
        case gpus(Double, hours: Double)
        /// `--gpu-hours G`.
        case gpuHours(Double)
        /// The training FLOPs at a throughput: G = C / (F · U · 3600).
        case fromCompute(AcceleratorThroughput)
        /// `--dollars D --gpu-hour-price R`: G = D / R, the GPU-hours D USD rent.
        case rented(dollars: Double, price: Double)
    }

    /// The training FLOPs, if they are asked for or give the GPU-hours.
    public var compute: TrainingCompute?
    /// How the GPU-hours are found, if they can be.
    public var usage: Usage?
    /// n, the accelerators sharing the GPU-hours, for the wall-clock time G / n.
    public var wallClockGPUs: Double?
    /// The power of one accelerator, if given.
    public var power: AcceleratorPower?
    /// The power usage effectiveness (1 unless `--pue`).
    public var powerUsageEffectiveness: Double = 1
    /// Whether the PUE is the default 1.
    public var isDefaultPUE = true
    /// Reverse mode: D USD spent on electricity at `price` USD/kWh (`--dollars` without `--gpu-hour-price`).
    public var electricityDollars: Double?
    /// R, the rental price in USD per GPU-hour, for the rental cost G · R.
    public var rentalPrice: Double?
    /// USD per kWh, the electricity price.
    public var price: Double?
    /// kg CO₂e per kWh.
    public var carbonIntensity: Double?
    /// The comparisons asked for.
    public var comparisons: CostComparisons
    /// n, the accelerators bought (`--gpus`), with `--gpu-price`.
    public var gpus: Double?
    /// The price of one accelerator in USD: one value, or the low and high ends of a range.
    public var gpuPrice: ClosedRange<Double>?

    /// Whether the energy in kWh can be found.
    public var knowsEnergy: Bool { (usage != nil && power != nil) || electricityDollars != nil }

    /// The problem the options describe.
    ///
    /// - Throws: a usage error for a value that is not a positive number, a PUE
    ///   below 1, a utilisation above 1, inputs that contradict each other
    ///   (`--gpu-hours` with `--hours`, `--dollars` at `--price` with `--watts`),
    ///   an input that nothing uses, a missing input the question needs (one
    ///   error naming the option to give), or nothing to compute.
    public init(_ options: OptionValues) throws(InputError) {
        price = options.number("--price")
        carbonIntensity = options.number("--carbon")
        comparisons = try CostComparisons(options)
        gpuPrice = try options.text("--gpu-price").map { text throws(InputError) in try Self.priceRange(text) }
        let gpuCount = options.whole("--gpus").map(Double.init)
        gpus = gpuPrice == nil ? nil : gpuCount
        compute = try TrainingCompute.read(options)
        let throughput = try AcceleratorThroughput.read(options)
        power = try AcceleratorPower.read(options)
        (powerUsageEffectiveness, isDefaultPUE) = try AcceleratorPower.pue(options)
        rentalPrice = options.number("--gpu-hour-price")
        if let dollars = options.number("--dollars") {
            if let rental = rentalPrice {
                for name in ["--gpu-hours", "--hours", "--flops", "--params", "--active-params", "--gpu-flops"]
                where options.isGiven(name) {
                    throw InputError(
                        at: name,
                        .conflicts(with: "--dollars", because: "which with --gpu-hour-price gives the GPU-hours"))
                }
                usage = .rented(dollars: dollars, price: rental)
                rentalPrice = nil
            } else {
                for name in Self.sourcesOfEnergy where options.isGiven(name) {
                    throw InputError(
                        at: name, .conflicts(with: "--dollars", because: "which gives the energy by itself"))
                }
                guard price != nil else {
                    throw InputError(
                        at: "--dollars",
                        .needs(
                            "--price (USD per kWh) to find the energy bought, or --gpu-hour-price (USD per GPU-hour) for the GPU-hours rented"
                        ))
                }
                electricityDollars = dollars
            }
        } else {
            usage = try Self.usage(options, gpus: gpuCount, compute: compute, throughput: throughput)
        }
        if case .gpus? = usage {
        } else if usage != nil {
            wallClockGPUs = gpuCount
        }
        try requireEnough(options, gpus: gpuCount)
    }

    /// The options that find the energy from power, which reverse mode (`--dollars` at `--price`) replaces.
    private static let sourcesOfEnergy = [
        "--watts", "--server-watts", "--hours", "--gpu-hours", "--pue", "--flops", "--params", "--active-params",
        "--flops-per-token", "--gpu-flops",
    ]

    private static func usage(
        _ options: OptionValues, gpus: Double?, compute: TrainingCompute?, throughput: AcceleratorThroughput?
    ) throws(InputError) -> Usage? {
        let gpuHours = options.number("--gpu-hours")
        let hours = options.number("--hours")
        if gpuHours != nil && hours != nil {
            throw InputError(at: "--hours", .eitherNotBoth("--gpu-hours G", "--gpus N --hours H"))
        }
        if let throughput {
            guard compute != nil else {
                throw InputError(at: "--gpu-flops", .needs("the training FLOPs: --flops C, or --params N --tokens D"))
            }
            for (name, form) in [("--gpu-hours", "--gpu-hours G"), ("--hours", "--gpus N --hours H")]
            where options.isGiven(name) {
                throw InputError(at: name, .eitherNotBoth(form, "the FLOPs with --gpu-flops F --utilization U"))
            }
            return .fromCompute(throughput)
        }
        if let gpuHours { return .gpuHours(gpuHours) }
        if let hours {
            guard let gpus else {
                throw InputError(at: "--hours", .requires("--gpus", because: "how many accelerators run"))
            }
            return .gpus(gpus, hours: hours)
        }
        return nil
    }

    /// Refuses a question that lacks an input it needs, an input nothing uses, and no question at all.
    private func requireEnough(_ options: OptionValues, gpus: Double?) throws(InputError) {
        let gpuHoursNeeded = "the GPU-hours: --gpu-hours G, --gpus N --hours H, or the FLOPs with --gpu-flops"
        if usage == nil {
            if power != nil {
                throw InputError(
                    at: options.isGiven("--watts") ? "--watts" : "--server-watts", .needs(gpuHoursNeeded))
            }
            if rentalPrice != nil { throw InputError(at: "--gpu-hour-price", .needs(gpuHoursNeeded)) }
        }
        if case .given? = compute, usage == nil {
            throw InputError(at: "--flops", .needs("--gpu-flops F --utilization U to find the GPU-hours"))
        }
        if power == nil && !isDefaultPUE { throw InputError(at: "--pue", .needs("--watts and the GPU-hours")) }
        if options.isGiven("--gpu-price") && gpus == nil {
            throw InputError(at: "--gpu-price", .requires("--gpus", because: "how many accelerators are bought"))
        }
        if gpus != nil && usage == nil && gpuPrice == nil {
            throw InputError(
                at: "--gpus", .needs("--gpu-hours G (for the wall-clock time), --hours H, or --gpu-price USD"))
        }
        if !knowsEnergy {
            let asksEnergy =
                ["--carbon", "--household-kwh-per-month"].first { options.isGiven($0) }
                ?? (price != nil ? "--price" : nil)
                ?? (comparisons.householdMonthly != nil || comparisons.comparesEmissions ? "--compare" : nil)
            if let asksEnergy {
                if usage != nil {
                    throw InputError(
                        at: "--watts",
                        .missing(
                            give: "the power of one accelerator in W (or --server-watts S --gpus-per-server M)"))
                }
                throw InputError(
                    at: asksEnergy,
                    .needs("the energy: --watts with --gpu-hours, or --dollars with --price"))
            }
        }
        if comparisons.comparesEmissions && carbonIntensity == nil {
            throw InputError(
                at: comparisons.emissionsOption(options),
                .comparisonNeeds(
                    comparisons.flightKilograms != nil ? "the flight comparison" : "the car comparison",
                    "--carbon (kg CO₂e per kWh) for the emissions"))
        }
        if usage == nil && compute == nil && electricityDollars == nil && gpuPrice == nil {
            throw InputError(
                at: "",
                .nothingToCompute(
                    give:
                        "--gpu-hours G (or --gpus N --hours H, or --params N --tokens D) with --gpus, --watts or --gpu-hour-price, --dollars D with --price P, or --gpus N with --gpu-price USD"
                ))
        }
        if case .gpuHours? = usage, wallClockGPUs == nil, power == nil, rentalPrice == nil, gpuPrice == nil {
            throw InputError(
                at: "",
                .nothingToCompute(
                    give:
                        "--gpus N (wall-clock time), --gpu-hour-price R (rental cost) or --watts W (energy) with --gpu-hours G"
                ))
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
