import NNCore

/// Solves the cost of a training run with units at every step:
/// GPU-hours · kW · PUE = kWh; kWh · USD/kWh = USD; kWh · kg CO₂e/kWh = kg CO₂e
/// = t CO₂e; kWh / (12 months · kWh/month) = household-years; GPUs · USD = USD.
public struct TrainingCostSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked solution; its result has whichever of `gpu_hours`, `kwh`,
    /// `usd`, `tco2e`, `household_years` and `acquisition_usd` the inputs determine.
    ///
    /// - Throws: an invalid-data error when a result overflows.
    public func solve(_ problem: TrainingCostProblem) throws(InputError) -> Solution {
        var solution = Solution(
            title: "Training cost \(Prose.titleSeparator) energy, money and emissions, with units at every step")
        var members: [JSONMember] = []
        var kwh: Double?
        let power = MathExpression.symbol(Symbol("P"))
        let energySymbol = MathExpression.symbol(Symbol("E"))
        let household = MathExpression.symbol(Symbol("K"))
        switch problem.energy {
        case .fromPower(let usage, let watts, let pue, let isDefaultPUE)?:
            solution.beginSection("Energy")
            let gpuHours: Double
            let gpuHoursShown: MathExpression
            switch usage {
            case .gpuHours(let total):
                gpuHours = total
                gpuHoursShown = Quantity.given(total, "GPU-h")
            case .gpus(let count, let hours):
                gpuHours = try finite(TrainingEnergy.gpuHours(gpus: count, hours: hours), "GPU-hours", at: "--hours")
                solution.addStep(
                    .text("GPU-hours"),
                    [
                        .infix(.times, [.text("GPUs"), .text("hours")]),
                        .infix(.times, [Quantity.given(count, "GPUs"), Quantity.given(hours, "h")]),
                        Quantity.of(gpuHours, "GPU-h"),
                    ], producing: ["gpu_hours"])
                gpuHoursShown = Quantity.of(gpuHours, "GPU-h")
            }
            members.append(JSONMember("gpu_hours", .number(gpuHours)))
            let kilowatts = try finite(TrainingEnergy.kilowatts(watts: watts), "power", at: "--watts")
            solution.addStep(
                power,
                [
                    Quantity.given(watts, "W"),
                    .quantity(.parenthesized(.infix(.divide, [.given(watts), .count(1000)])), unit: "kW"),
                    Quantity.of(kilowatts, "kW"),
                ], note: "per accelerator")
            let energy = try finite(
                TrainingEnergy.energy(gpuHours: gpuHours, watts: watts, powerUsageEffectiveness: pue), "energy",
                at: "--watts")
            solution.addStep(
                energySymbol,
                [
                    .infix(.times, [.text("GPU-hours"), power, .text("PUE")]),
                    .infix(.times, [gpuHoursShown, Quantity.of(kilowatts, "kW"), .given(pue)]),
                    Quantity.of(energy, "kWh"),
                ],
                note: isDefaultPUE
                    ? "\(.equation(.text("PUE"), .given(pue))) by default: no data-centre overhead; \(code: "--pue") to change"
                    : nil,
                producing: ["kwh"])
            kwh = energy
        case .fromDollars(let dollars, let price)?:
            solution.beginSection("Energy bought")
            let energy = try finite(TrainingEnergy.energy(dollars: dollars, price: price), "energy", at: "--dollars")
            solution.addStep(
                energySymbol,
                [
                    .infix(.divide, [.text("dollars"), .text("price")]),
                    .infix(.divide, [Quantity.given(dollars, "USD"), Quantity.given(price, "USD/kWh")]),
                    Quantity.of(energy, "kWh"),
                ], producing: ["kwh"])
            kwh = energy
        case nil:
            break
        }
        if let kwh {
            members.append(JSONMember("kwh", .number(kwh)))
            if case .fromDollars(let dollars, _)? = problem.energy {
                members.append(JSONMember("usd", .number(dollars)))
            } else if let price = problem.price {
                solution.beginSection("Cost")
                let usd = try finite(TrainingEnergy.cost(energy: kwh, price: price), "cost", at: "--price")
                solution.addStep(
                    .text("cost"),
                    [
                        .infix(.times, [energySymbol, .text("price")]),
                        .infix(.times, [Quantity.of(kwh, "kWh"), Quantity.given(price, "USD/kWh")]),
                        Quantity.of(usd, "USD"),
                    ], producing: ["usd"])
                members.append(JSONMember("usd", .number(usd)))
            }
            if let carbon = problem.carbonIntensity {
                solution.beginSection("Emissions")
                let kilograms = try finite(
                    TrainingEnergy.emissionsKilograms(energy: kwh, carbonIntensity: carbon), "emissions", at: "--carbon"
                )
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
            }
            if let monthly = problem.householdMonthly {
                solution.beginSection("Comparison")
                let yearly = try finite(
                    TrainingEnergy.householdYearlyEnergy(monthly: monthly), "household energy",
                    at: "--household-kwh-per-month")
                let years = try finite(
                    TrainingEnergy.householdYears(energy: kwh, monthly: monthly), "number of household-years",
                    at: "--household-kwh-per-month")
                solution.addStep(
                    .text("household-years"),
                    [
                        .infix(.divide, [energySymbol, .parenthesized(.infix(.times, [.count(12), household]))]),
                        .infix(
                            .divide,
                            [
                                Quantity.of(kwh, "kWh"),
                                .parenthesized(
                                    .infix(
                                        .times, [Quantity.count(12, "months"), Quantity.given(monthly, "kWh/month")])),
                            ]),
                        .infix(.divide, [Quantity.of(kwh, "kWh"), Quantity.of(yearly, "kWh/year")]),
                        Quantity.of(years, "household-years"),
                    ], note: "\(.equation(household, Quantity.given(monthly, "kWh"))) a month for one household",
                    producing: ["household_years"])
                members.append(JSONMember("household_years", .number(years)))
            }
        }
        if let gpus = problem.gpus, let range = problem.gpuPrice {
            solution.beginSection("Hardware")
            let prices =
                range.lowerBound == range.upperBound ? [range.lowerBound] : [range.lowerBound, range.upperBound]
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
                JSONMember(
                    "acquisition_usd", costs.count == 1 ? .number(costs[0]) : .array(costs.map(JSONValue.number))))
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--gpu-hours")
        return solution
    }

    /// `value`, or an invalid-data error at `place` when it overflowed to ∞ or,
    /// from inputs that are all positive, underflowed to 0.
    private func finite(_ value: Double, _ what: String, at place: String) throws(InputError) -> Double {
        guard value.isFinite else { throw InputError(at: place, .overflows(what)) }
        guard value > 0 else { throw InputError(at: place, .underflows(what)) }
        return value
    }
}
