import NNCore

/// Solves the cost of a training run with units at every step:
/// 6 · N · D = FLOPs; FLOPs / (FLOP/s · U · 3600 s/h) = GPU-h; GPU-h / GPUs = h;
/// GPU-h · USD/GPU-h = rental USD; GPU-h · kW · PUE = kWh; kWh · USD/kWh =
/// electricity USD; kWh · kg CO₂e/kWh = kg CO₂e = t CO₂e; comparisons; GPUs · USD = USD.
public struct TrainingCostSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked solution; its result has whichever of `flops`, `gpu_hours`,
    /// `wall_clock_hours`, `wall_clock_days`, `rental_usd`, `kwh`, `usd`,
    /// `tco2e`, `household_years`, `flights`, `car_km` and `acquisition_usd`
    /// the inputs determine.
    ///
    /// - Throws: an invalid-data error when a result overflows.
    public func solve(_ problem: TrainingCostProblem) throws(InputError) -> Solution {
        var solution = Solution(
            title: "Training cost \(Prose.titleSeparator) time, energy, money and emissions, with units at every step")
        var members: [JSONMember] = []
        let flops = try addCompute(problem, to: &solution, members: &members)
        let gpuHours = try addUsage(problem, flops: flops, to: &solution, members: &members)
        if let gpuHours {
            try addTime(problem, gpuHours: gpuHours, to: &solution, members: &members)
        }
        var kwh: Double?
        if let dollars = problem.electricityDollars, let price = problem.price {
            kwh = try addEnergyBought(dollars: dollars, price: price, to: &solution)
            members.append(JSONMember("kwh", .number(kwh ?? 0)))
            members.append(JSONMember("usd", .number(dollars)))
        } else if let gpuHours, let power = problem.power {
            let energy = try addEnergy(problem, gpuHours: gpuHours, power: power, to: &solution)
            members.append(JSONMember("kwh", .number(energy)))
            if let price = problem.price {
                solution.beginSection("Electricity cost")
                let usd = try finite(TrainingEnergy.cost(energy: energy, price: price), "cost", at: "--price")
                solution.addStep(
                    .text("electricity cost"),
                    [
                        .infix(.times, [energySymbol, .text("price")]),
                        .infix(.times, [Quantity.of(energy, "kWh"), Quantity.given(price, "USD/kWh")]),
                        Quantity.of(usd, "USD"),
                    ], producing: ["usd"])
                members.append(JSONMember("usd", .number(usd)))
            }
            kwh = energy
        }
        if let kwh {
            var kilograms: Double?
            if let carbon = problem.carbonIntensity {
                kilograms = try addEmissions(kwh: kwh, carbon: carbon, to: &solution, members: &members)
            }
            try ComparisonSteps(comparisons: problem.comparisons, isPerYear: false).add(
                kwh: kwh, kilograms: kilograms, energy: energySymbol, emissions: .text("emissions"), to: &solution,
                members: &members)
        }
        if let gpus = problem.gpus, let range = problem.gpuPrice {
            try addHardware(gpus: gpus, range: range, to: &solution, members: &members)
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--gpu-hours")
        return solution
    }

    private let energySymbol = MathExpression.symbol(Symbol("E"))

    /// The training FLOPs C, with their step when they are computed.
    private func addCompute(
        _ problem: TrainingCostProblem, to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) -> Double? {
        guard let compute = problem.compute else { return nil }
        let flops: Double
        switch compute {
        case .given(let given):
            flops = given
        case .sixND(let parameters, let isActive, let total, let tokens):
            solution.beginSection("Compute")
            flops = try finite(
                ComputeBudget.flops(perParameterPerToken: 6, parameters: parameters, tokens: tokens), "number of FLOPs",
                at: "--tokens")
            let active: Prose =
                isActive
                ? total.map {
                    "; \(Symbol("N")) counts the active parameters of a mixture of experts, of \(.given($0)) in total"
                }
                    ?? "; \(Symbol("N")) counts the active parameters of a mixture of experts"
                : ""
            solution.addStep(
                .text("training FLOPs"),
                [
                    .infix(.times, [.count(6), .symbol(Symbol("N")), .symbol(Symbol("D"))]),
                    .infix(
                        .times,
                        [.count(6), Quantity.given(parameters, "parameters"), Quantity.given(tokens, "tokens")]),
                    Quantity.of(flops, "FLOPs"),
                ],
                note:
                    "\(Quantity.count(6, "FLOPs")) per parameter per token: \(.count(2)) in the forward pass, \(.count(4)) in the backward pass\(active)",
                producing: ["flops"])
        case .perToken(let perToken, let tokens):
            solution.beginSection("Compute")
            flops = try finite(perToken * tokens, "number of FLOPs", at: "--tokens")
            solution.addStep(
                .text("training FLOPs"),
                [
                    .infix(.times, [.text("FLOPs per token"), .symbol(Symbol("D"))]),
                    .infix(.times, [Quantity.given(perToken, "FLOPs/token"), Quantity.given(tokens, "tokens")]),
                    Quantity.of(flops, "FLOPs"),
                ], producing: ["flops"])
        }
        members.append(JSONMember("flops", .number(flops)))
        return flops
    }

    /// The GPU-hours G, with their step when they are computed.
    private func addUsage(
        _ problem: TrainingCostProblem, flops: Double?, to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) -> Double? {
        let gpuHours: Double
        switch problem.usage {
        case nil:
            return nil
        case .gpuHours(let total)?:
            gpuHours = total
        case .gpus(let count, let hours)?:
            solution.beginSection("Accelerator time")
            gpuHours = try finite(
                TrainingEnergy.gpuHours(gpus: count, hours: hours), "number of GPU-hours", at: "--hours")
            solution.addStep(
                .text("GPU-hours"),
                [
                    .infix(.times, [.text("GPUs"), .text("hours")]),
                    .infix(.times, [Quantity.given(count, "GPUs"), Quantity.given(hours, "h")]),
                    Quantity.of(gpuHours, "GPU-h"),
                ], producing: ["gpu_hours"])
        case .fromCompute(let throughput)?:
            guard let flops else { preconditionFailure("a throughput comes with the FLOPs") }
            if case .given? = problem.compute { solution.beginSection("Compute") }
            gpuHours = try finite(
                ComputeBudget.gpuHours(flops: flops, peak: throughput.peak, utilization: throughput.utilization),
                "number of GPU-hours", at: "--gpu-flops")
            let flopsShown =
                Self.isGiven(problem.compute) ? Quantity.given(flops, "FLOPs") : Quantity.of(flops, "FLOPs")
            solution.addStep(
                .text("GPU-hours"),
                [
                    .infix(
                        .divide,
                        [
                            .text("training FLOPs"),
                            .parenthesized(
                                .infix(
                                    .times, [.symbol(Symbol("F")), .symbol(Symbol("U")), Quantity.count(3600, "s/h")])),
                        ]),
                    .infix(
                        .divide,
                        [
                            flopsShown,
                            .parenthesized(
                                .infix(
                                    .times,
                                    [
                                        Quantity.given(throughput.peak, "FLOP/s"), .given(throughput.utilization),
                                        Quantity.count(3600, "s/h"),
                                    ])),
                        ]),
                    Quantity.of(gpuHours, "GPU-h"),
                ],
                note:
                    "\(Symbol("F")) is one accelerator's peak and \(Symbol("U")) the fraction of it achieved (utilisation)",
                producing: ["gpu_hours"])
        case .rented(let dollars, let price)?:
            solution.beginSection("Accelerator time")
            gpuHours = try finite(
                ComputeBudget.gpuHours(rentalDollars: dollars, price: price), "number of GPU-hours",
                at: "--gpu-hour-price")
            solution.addStep(
                .text("GPU-hours"),
                [
                    .infix(.divide, [.text("rental cost"), .text("rental price")]),
                    .infix(.divide, [Quantity.given(dollars, "USD"), Quantity.given(price, "USD/GPU-h")]),
                    Quantity.of(gpuHours, "GPU-h"),
                ],
                note:
                    "a rental price buys accelerator time, in USD per GPU-hour; it is not an electricity price in USD per kWh",
                producing: ["gpu_hours"])
        }
        members.append(JSONMember("gpu_hours", .number(gpuHours)))
        if case .rented(let dollars, _)? = problem.usage {
            members.append(JSONMember("rental_usd", .number(dollars)))
        }
        return gpuHours
    }

    private static func isGiven(_ compute: TrainingCompute?) -> Bool {
        if case .given? = compute { return true }
        return false
    }

    /// The wall-clock time G / n in hours and days, and the rental cost G · R.
    private func addTime(
        _ problem: TrainingCostProblem, gpuHours: Double, to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) {
        let gpuHoursShown =
            if case .gpuHours? = problem.usage { Quantity.given(gpuHours, "GPU-h") } else {
                Quantity.of(gpuHours, "GPU-h")
            }
        if let gpus = problem.wallClockGPUs {
            solution.beginSection("Wall-clock time")
            let hours = try finite(
                ComputeBudget.wallClockHours(gpuHours: gpuHours, gpus: gpus), "wall-clock time", at: "--gpus")
            let days = try finite(hours / ComputeBudget.hoursPerDay, "wall-clock time in days", at: "--gpus")
            solution.addStep(
                .text("wall-clock time"),
                [
                    .infix(.divide, [.text("GPU-hours"), .text("GPUs")]),
                    .infix(.divide, [gpuHoursShown, Quantity.given(gpus, "GPUs")]),
                    Quantity.of(hours, "h"),
                ], note: "every accelerator busy the whole time", producing: ["wall_clock_hours"])
            solution.addStep(
                Quantity.of(hours, "h"),
                [
                    .quantity(.parenthesized(.infix(.divide, [.number(hours), .count(24)])), unit: "d"),
                    Quantity.of(days, "d"),
                ], note: "a day is \(Quantity.count(24, "h"))", producing: ["wall_clock_days"])
            members.append(JSONMember("wall_clock_hours", .number(hours)))
            members.append(JSONMember("wall_clock_days", .number(days)))
        }
        if let price = problem.rentalPrice {
            solution.beginSection("Rental cost")
            let usd = try finite(
                ComputeBudget.rental(gpuHours: gpuHours, price: price), "rental cost", at: "--gpu-hour-price")
            solution.addStep(
                .text("rental cost"),
                [
                    .infix(.times, [.text("GPU-hours"), .text("rental price")]),
                    .infix(.times, [gpuHoursShown, Quantity.given(price, "USD/GPU-h")]),
                    Quantity.of(usd, "USD"),
                ],
                note:
                    "renting accelerator time, not buying electricity: the electricity cost is the energy times \(code: "--price") in USD per kWh",
                producing: ["rental_usd"])
            members.append(JSONMember("rental_usd", .number(usd)))
        }
    }

    /// E = D / price in kWh, the reverse mode, saying which price it assumes.
    private func addEnergyBought(dollars: Double, price: Double, to solution: inout Solution) throws(InputError)
        -> Double
    {
        solution.beginSection("Energy bought")
        let energy = try finite(TrainingEnergy.energy(dollars: dollars, price: price), "energy", at: "--dollars")
        solution.addStep(
            energySymbol,
            [
                .infix(.divide, [.text("dollars"), .text("price")]),
                .infix(.divide, [Quantity.given(dollars, "USD"), Quantity.given(price, "USD/kWh")]),
                Quantity.of(energy, "kWh"),
            ],
            note:
                "assumes all the dollars buy electricity at \(Quantity.given(price, "USD/kWh")); a cost at a rental price in USD per GPU-hour is not an electricity bill: \(code: "--gpu-hour-price") turns it into GPU-hours",
            producing: ["kwh"])
        return energy
    }

    /// E = G · P · PUE in kWh, after P's step.
    private func addEnergy(
        _ problem: TrainingCostProblem, gpuHours: Double, power: AcceleratorPower, to solution: inout Solution
    ) throws(InputError) -> Double {
        solution.beginSection("Energy")
        let kilowatts = try PowerStep.add(power, to: &solution)
        let pue = problem.powerUsageEffectiveness
        let watts = kilowatts * 1000
        let energy: Double
        if case .accelerator(let given) = power {
            energy = try finite(
                TrainingEnergy.energy(gpuHours: gpuHours, watts: given, powerUsageEffectiveness: pue), "energy",
                at: "--watts")
        } else {
            energy = try finite(
                TrainingEnergy.energy(gpuHours: gpuHours, watts: watts, powerUsageEffectiveness: pue), "energy",
                at: "--server-watts")
        }
        let gpuHoursShown =
            if case .gpuHours? = problem.usage { Quantity.given(gpuHours, "GPU-h") } else {
                Quantity.of(gpuHours, "GPU-h")
            }
        solution.addStep(
            energySymbol,
            [
                .infix(.times, [.text("GPU-hours"), .symbol(Symbol("P")), .text("PUE")]),
                .infix(.times, [gpuHoursShown, Quantity.of(kilowatts, "kW"), .given(pue)]),
                Quantity.of(energy, "kWh"),
            ],
            note: problem.isDefaultPUE
                ? "\(.equation(.text("PUE"), .given(pue))) by default: no data-centre overhead; \(code: "--pue") to change"
                : nil,
            producing: ["kwh"])
        return energy
    }

    /// Emissions E · c in kg and t CO₂e; returns the kilograms.
    private func addEmissions(
        kwh: Double, carbon: Double, to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) -> Double {
        solution.beginSection("Emissions")
        let kilograms = try finite(
            TrainingEnergy.emissionsKilograms(energy: kwh, carbonIntensity: carbon), "emissions", at: "--carbon")
        let tonnes = TrainingEnergy.emissionsTonnes(energy: kwh, carbonIntensity: carbon)
        solution.addStep(
            .text("emissions"),
            [
                .infix(.times, [energySymbol, .text("carbon intensity")]),
                .infix(.times, [Quantity.of(kwh, "kWh"), Quantity.given(carbon, "kg CO₂e/kWh")]),
                Quantity.of(kilograms, "kg CO₂e"),
                .quantity(.parenthesized(.infix(.divide, [.number(kilograms), .count(1000)])), unit: "t CO₂e"),
                Quantity.of(tonnes, "t CO₂e"),
            ], producing: ["tco2e"])
        members.append(JSONMember("tco2e", .number(tonnes)))
        return kilograms
    }

    /// The price of n accelerators at one price or at both ends of a range.
    private func addHardware(
        gpus: Double, range: ClosedRange<Double>, to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) {
        solution.beginSection("Hardware")
        let prices = range.lowerBound == range.upperBound ? [range.lowerBound] : [range.lowerBound, range.upperBound]
        var costs: [Double] = []
        for (position, price) in prices.enumerated() {
            let cost = try finite(
                TrainingEnergy.acquisition(gpus: gpus, unitPrice: price), "acquisition", at: "--gpu-price")
            let label = prices.count == 1 ? "acquisition" : position == 0 ? "acquisition, low" : "acquisition, high"
            solution.addStep(
                .text(label),
                [
                    .infix(.times, [.text("GPUs"), .text("price per GPU")]),
                    .infix(.times, [Quantity.given(gpus, "GPUs"), Quantity.given(price, "USD/GPU")]),
                    Quantity.of(cost, "USD"),
                ], producing: [prices.count == 1 ? "acquisition_usd" : "acquisition_usd[\(position)]"])
            costs.append(cost)
        }
        members.append(
            JSONMember("acquisition_usd", costs.count == 1 ? .number(costs[0]) : .array(costs.map(JSONValue.number))))
    }
}
