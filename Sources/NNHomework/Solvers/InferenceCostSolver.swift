import NNCore

/// Solves the cost of running a model day to day with units at every step:
/// 2 · N = FLOPs/token; · T = FLOPs/day; / (FLOP/s · U · 3600 s/h) = GPU-h/day;
/// / 24 h = GPUs around the clock; GPU-h · kW · PUE = kWh/day; · USD/kWh =
/// electricity USD/day; GPU-h · USD/GPU-h = rental USD/day; kWh · kg CO₂e/kWh
/// = t CO₂e/day; each per year (· 365) and per 1,000 tokens.
public struct InferenceCostSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked solution; its result has whichever of `flops_per_token`,
    /// `tokens_per_day`, `flops_per_day`, `gpu_hours_per_day`, `gpus`,
    /// `kwh_per_day`, `kwh_per_year`, `usd_per_day`, `usd_per_year`,
    /// `usd_per_1k_tokens`, `rental_usd_per_day`, `rental_usd_per_year`,
    /// `rental_usd_per_1k_tokens`, `tco2e_per_day`, `tco2e_per_year`,
    /// `households`, `flights_per_year` and `car_km_per_year` the inputs determine.
    ///
    /// - Throws: an invalid-data error when a result overflows.
    public func solve(_ problem: InferenceCostProblem) throws(InputError) -> Solution {
        var solution = Solution(
            title: "Inference cost \(Prose.titleSeparator) running a model day to day, with units at every step")
        var members: [JSONMember] = []
        let n = MathExpression.symbol(Symbol("N"))
        let t = MathExpression.symbol(Symbol("T"))
        solution.beginSection("Compute")
        let perToken = try finite(
            ComputeBudget.flops(perParameterPerToken: 2, parameters: problem.parameters, tokens: 1),
            "number of FLOPs per token", at: problem.isActive ? "--active-params" : "--params")
        let active: Prose =
            problem.isActive
            ? problem.totalParameters.map {
                "; \(Symbol("N")) counts the active parameters of a mixture of experts, of \(.given($0)) in total"
            } ?? "; \(Symbol("N")) counts the active parameters of a mixture of experts"
            : ""
        solution.addStep(
            .text("FLOPs per token"),
            [
                .infix(.times, [.count(2), n]),
                .infix(.times, [.count(2), Quantity.given(problem.parameters, "parameters")]),
                Quantity.of(perToken, "FLOPs/token"),
            ],
            note: "a forward pass: one multiply and one add per parameter\(active)", producing: ["flops_per_token"])
        members.append(JSONMember("flops_per_token", .number(perToken)))
        guard let tokens = problem.tokens else {
            return try finished(solution, members)
        }
        let tokensPerDay: Double
        switch tokens {
        case .perDay(let given):
            tokensPerDay = given
        case .requests(let requests, let perRequest):
            tokensPerDay = try finite(requests * perRequest, "number of tokens a day", at: "--tokens-per-request")
            solution.addStep(
                t,
                [
                    .infix(.times, [.text("requests per day"), .text("tokens per request")]),
                    .infix(
                        .times,
                        [Quantity.given(requests, "requests/day"), Quantity.given(perRequest, "tokens/request")]
                    ),
                    Quantity.of(tokensPerDay, "tokens/day"),
                ], producing: ["tokens_per_day"])
            members.append(JSONMember("tokens_per_day", .number(tokensPerDay)))
        }
        let tokensShown =
            if case .perDay = tokens { Quantity.given(tokensPerDay, "tokens/day") } else {
                Quantity.of(tokensPerDay, "tokens/day")
            }
        let flopsPerDay = try finite(perToken * tokensPerDay, "number of FLOPs a day", at: "--tokens-per-day")
        solution.addStep(
            .text("FLOPs per day"),
            [
                .infix(.times, [.text("FLOPs per token"), t]),
                .infix(.times, [Quantity.of(perToken, "FLOPs/token"), tokensShown]),
                Quantity.of(flopsPerDay, "FLOPs/day"),
            ], producing: ["flops_per_day"])
        members.append(JSONMember("flops_per_day", .number(flopsPerDay)))
        guard let throughput = problem.throughput else { return try finished(solution, members) }
        let gpuHours = try addAccelerators(
            flopsPerDay: flopsPerDay, throughput: throughput, to: &solution, members: &members)
        try addCosts(problem, gpuHours: gpuHours, tokensPerDay: tokensPerDay, to: &solution, members: &members)
        return try finished(solution, members)
    }

    private func finished(_ solution: Solution, _ members: [JSONMember]) throws(InputError) -> Solution {
        var solution = solution
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--tokens-per-day")
        return solution
    }

    /// GPU-hours a day and the accelerators busy around the clock; returns the GPU-hours.
    private func addAccelerators(
        flopsPerDay: Double, throughput: AcceleratorThroughput, to solution: inout Solution,
        members: inout [JSONMember]
    ) throws(InputError) -> Double {
        solution.beginSection("Accelerators")
        let gpuHours = try finite(
            ComputeBudget.gpuHours(flops: flopsPerDay, peak: throughput.peak, utilization: throughput.utilization),
            "number of GPU-hours a day", at: "--gpu-flops")
        solution.addStep(
            .text("GPU-hours per day"),
            [
                .infix(
                    .divide,
                    [
                        .text("FLOPs per day"),
                        .parenthesized(
                            .infix(.times, [.symbol(Symbol("F")), .symbol(Symbol("U")), Quantity.count(3600, "s/h")])),
                    ]),
                .infix(
                    .divide,
                    [
                        Quantity.of(flopsPerDay, "FLOPs/day"),
                        .parenthesized(
                            .infix(
                                .times,
                                [
                                    Quantity.given(throughput.peak, "FLOP/s"), .given(throughput.utilization),
                                    Quantity.count(3600, "s/h"),
                                ])),
                    ]),
                Quantity.of(gpuHours, "GPU-h/day"),
            ],
            note:
                "\(Symbol("F")) is one accelerator's peak and \(Symbol("U")) the fraction of it achieved (utilisation)",
            producing: ["gpu_hours_per_day"])
        members.append(JSONMember("gpu_hours_per_day", .number(gpuHours)))
        let gpus = ComputeBudget.gpusAroundTheClock(gpuHoursPerDay: gpuHours)
        solution.addStep(
            .text("GPUs"),
            [
                .ceiling(.infix(.divide, [.text("GPU-hours per day"), Quantity.count(24, "h/day")])),
                .ceiling(.infix(.divide, [Quantity.of(gpuHours, "GPU-h/day"), Quantity.count(24, "h/day")])),
                .ceiling(.number(gpus.exact)),
                Quantity.of(gpus.whole, "GPUs"),
            ],
            note:
                "accelerators busy around the clock, rounded up to whole accelerators; costs count the GPU-hours of work",
            producing: ["gpus"])
        members.append(JSONMember("gpus", .number(gpus.whole)))
        return gpuHours
    }

    /// Energy, electricity and rental cost and emissions a day, a year and per 1,000 tokens, then the comparisons.
    private func addCosts(
        _ problem: InferenceCostProblem, gpuHours: Double, tokensPerDay: Double, to solution: inout Solution,
        members: inout [JSONMember]
    ) throws(InputError) {
        let energySymbol = MathExpression.symbol(Symbol("E"))
        var kwh: Double?
        if let power = problem.power {
            solution.beginSection("Energy")
            let kilowatts = try PowerStep.add(power, to: &solution)
            let pue = problem.powerUsageEffectiveness
            let energy = try finite(gpuHours * kilowatts * pue, "energy", at: "--watts")
            solution.addStep(
                energySymbol,
                [
                    .infix(.times, [.text("GPU-hours per day"), .symbol(Symbol("P")), .text("PUE")]),
                    .infix(.times, [Quantity.of(gpuHours, "GPU-h/day"), Quantity.of(kilowatts, "kW"), .given(pue)]),
                    Quantity.of(energy, "kWh/day"),
                ],
                note: problem.isDefaultPUE
                    ? "\(.equation(.text("PUE"), .given(pue))) by default: no data-centre overhead; \(code: "--pue") to change"
                    : nil,
                producing: ["kwh_per_day"])
            members.append(JSONMember("kwh_per_day", .number(energy)))
            try addYear(
                energy, "kWh", "energy per year", key: "kwh_per_year", at: "--watts", to: &solution, members: &members)
            kwh = energy
        }
        if let kwh, let price = problem.price {
            solution.beginSection("Electricity cost")
            let usd = try finite(TrainingEnergy.cost(energy: kwh, price: price), "electricity cost", at: "--price")
            solution.addStep(
                .text("electricity cost per day"),
                [
                    .infix(.times, [energySymbol, .text("price")]),
                    .infix(.times, [Quantity.of(kwh, "kWh/day"), Quantity.given(price, "USD/kWh")]),
                    Quantity.of(usd, "USD/day"),
                ], producing: ["usd_per_day"])
            members.append(JSONMember("usd_per_day", .number(usd)))
            try addYear(
                usd, "USD", "electricity cost per year", key: "usd_per_year", at: "--price", to: &solution,
                members: &members)
            try addPerThousand(
                usd, "electricity cost per thousand tokens", tokensPerDay: tokensPerDay, key: "usd_per_1k_tokens",
                at: "--price", to: &solution,
                members: &members)
        }
        if let rentalPrice = problem.rentalPrice {
            solution.beginSection("Rental cost")
            let usd = try finite(
                ComputeBudget.rental(gpuHours: gpuHours, price: rentalPrice), "rental cost", at: "--gpu-hour-price")
            solution.addStep(
                .text("rental cost per day"),
                [
                    .infix(.times, [.text("GPU-hours per day"), .text("rental price")]),
                    .infix(.times, [Quantity.of(gpuHours, "GPU-h/day"), Quantity.given(rentalPrice, "USD/GPU-h")]),
                    Quantity.of(usd, "USD/day"),
                ],
                note:
                    "renting accelerator time, not buying electricity: the electricity cost is the energy times \(code: "--price") in USD per kWh",
                producing: ["rental_usd_per_day"])
            members.append(JSONMember("rental_usd_per_day", .number(usd)))
            try addYear(
                usd, "USD", "rental cost per year", key: "rental_usd_per_year", at: "--gpu-hour-price", to: &solution,
                members: &members)
            try addPerThousand(
                usd, "rental cost per thousand tokens", tokensPerDay: tokensPerDay, key: "rental_usd_per_1k_tokens",
                at: "--gpu-hour-price",
                to: &solution, members: &members)
        }
        guard let kwh else { return }
        var kilogramsPerYear: Double?
        if let carbon = problem.carbonIntensity {
            solution.beginSection("Emissions")
            let kilograms = try finite(
                TrainingEnergy.emissionsKilograms(energy: kwh, carbonIntensity: carbon), "emissions", at: "--carbon")
            let tonnes = try finite(kilograms / 1000, "emissions", at: "--carbon")
            solution.addStep(
                .text("emissions per day"),
                [
                    .infix(.times, [energySymbol, .text("carbon intensity")]),
                    .infix(.times, [Quantity.of(kwh, "kWh/day"), Quantity.given(carbon, "kg CO₂e/kWh")]),
                    Quantity.of(kilograms, "kg CO₂e/day"),
                    .quantity(
                        .parenthesized(.infix(.divide, [.number(kilograms), .count(1000)])), unit: "t CO₂e/day"),
                    Quantity.of(tonnes, "t CO₂e/day"),
                ], producing: ["tco2e_per_day"])
            members.append(JSONMember("tco2e_per_day", .number(tonnes)))
            try addYear(
                tonnes, "t CO₂e", "emissions per year", key: "tco2e_per_year", at: "--carbon", to: &solution,
                members: &members)
            kilogramsPerYear = try finite(ComputeBudget.perYear(kilograms), "emissions", at: "--carbon")
        }
        try ComparisonSteps(comparisons: problem.comparisons, isPerYear: true).add(
            kwh: ComputeBudget.perYear(kwh), kilograms: kilogramsPerYear, energy: .text("energy per year"),
            emissions: .text("emissions per year"), to: &solution, members: &members)
    }

    /// `x unit/day · 365 days/year = y unit/year`.
    private func addYear(
        _ daily: Double, _ unit: String, _ name: String, key: String, at place: String,
        to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) {
        let yearly = try finite(ComputeBudget.perYear(daily), "yearly \(unit)", at: place)
        solution.addStep(
            .text(name),
            [
                .infix(.times, [Quantity.of(daily, "\(unit)/day"), Quantity.count(365, "days/year")]),
                Quantity.of(yearly, "\(unit)/year"),
            ], producing: [key])
        members.append(JSONMember(key, .number(yearly)))
    }

    /// `x USD/day / (T / 1,000) = y USD per 1,000 tokens`.
    private func addPerThousand(
        _ daily: Double, _ name: String, tokensPerDay: Double, key: String, at place: String,
        to solution: inout Solution,
        members: inout [JSONMember]
    ) throws(InputError) {
        let value = try finite(
            ComputeBudget.perThousandTokens(daily, tokensPerDay: tokensPerDay), "cost per 1,000 tokens", at: place)
        solution.addStep(
            .text(name),
            [
                .infix(
                    .divide,
                    [
                        Quantity.of(daily, "USD/day"),
                        .parenthesized(.infix(.divide, [Quantity.of(tokensPerDay, "tokens/day"), .count(1000)])),
                    ]),
                Quantity.of(value, "USD/thousand tokens"),
            ], producing: [key])
        members.append(JSONMember(key, .number(value)))
    }
}
