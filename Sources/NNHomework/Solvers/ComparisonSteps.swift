import NNCore

/// The steps comparing an energy and its emissions with a household's
/// electricity, passenger flights and car kilometres, each stating its factor
/// and source: `E / (12 · K)`, `m / f`, `m / c`.
struct ComparisonSteps {
    /// The comparisons asked for.
    var comparisons: CostComparisons
    /// The suffix of the JSON keys and the unit suffix: "" for a whole run, "per year" for a year of running.
    var isPerYear: Bool

    /// Adds the comparisons of `kwh` kWh and `kilograms` kg CO₂e (if known) to
    /// `solution` and their values to `members`: household-years (or
    /// households, for a year), flights and car km.
    ///
    /// - Throws: an invalid-data error when a comparison overflows.
    func add(
        kwh: Double, kilograms: Double?, energy: MathExpression, emissions: MathExpression,
        to solution: inout Solution, members: inout [JSONMember]
    ) throws(InputError) {
        guard comparisons.householdMonthly != nil || (kilograms != nil && comparisons.comparesEmissions) else {
            return
        }
        solution.beginSection("Comparison")
        let household = MathExpression.symbol(Symbol("K"))
        if let monthly = comparisons.householdMonthly {
            let yearly = try finite(
                TrainingEnergy.householdYearlyEnergy(monthly: monthly), "household energy",
                at: "--household-kwh-per-month")
            let years = try finite(
                TrainingEnergy.householdYears(energy: kwh, monthly: monthly), "number of household-years",
                at: "--household-kwh-per-month")
            let noun = isPerYear ? "households" : "household-years"
            let key = isPerYear ? "households" : "household_years"
            let source: Prose =
                monthly == CostComparisons.defaultHouseholdMonthly
                ? "\(.equation(household, Quantity.given(monthly, "kWh"))) a month for one household, the US EIA average; \(code: "--household-kwh-per-month") to change"
                : "\(.equation(household, Quantity.given(monthly, "kWh"))) a month for one household"
            solution.addStep(
                .text(noun),
                [
                    .infix(.divide, [energy, .parenthesized(.infix(.times, [.count(12), household]))]),
                    .infix(
                        .divide,
                        [
                            Quantity.of(kwh, isPerYear ? "kWh/year" : "kWh"),
                            .parenthesized(
                                .infix(.times, [Quantity.count(12, "months"), Quantity.given(monthly, "kWh/month")])),
                        ]),
                    .infix(
                        .divide, [Quantity.of(kwh, isPerYear ? "kWh/year" : "kWh"), Quantity.of(yearly, "kWh/year")]),
                    Quantity.of(years, noun),
                ], note: source, producing: [key])
            members.append(JSONMember(key, .number(years)))
        }
        guard let kilograms else { return }
        let massUnit = isPerYear ? "kg CO₂e/year" : "kg CO₂e"
        if let perFlight = comparisons.flightKilograms {
            let flights = try finite(
                EmissionComparison.flights(kilograms: kilograms, perFlight: perFlight), "number of flights",
                at: "--flight-kg-co2e")
            let key = isPerYear ? "flights_per_year" : "flights"
            let note: Prose =
                perFlight == CostComparisons.defaultFlightKilograms
                ? "one short-haul economy flight of \(Quantity.count(1000, "km")) at \(Quantity.given(0.156, "kg CO₂e")) per passenger-km, UK DESNZ conversion factors; \(code: "--flight-kg-co2e") to change"
                : "\(Quantity.given(perFlight, "kg CO₂e")) per passenger per flight"
            solution.addStep(
                .text(isPerYear ? "flights per year" : "flights"),
                [
                    .infix(.divide, [emissions, .text("emissions per flight")]),
                    .infix(.divide, [Quantity.of(kilograms, massUnit), Quantity.given(perFlight, "kg CO₂e/flight")]),
                    Quantity.of(flights, isPerYear ? "flights/year" : "passenger flights"),
                ], note: note, producing: [key])
            members.append(JSONMember(key, .number(flights)))
        }
        if let perKilometre = comparisons.carKilogramsPerKilometre {
            let kilometres = try finite(
                EmissionComparison.carKilometres(kilograms: kilograms, perKilometre: perKilometre),
                "number of car kilometres", at: "--car-kg-co2e-per-km")
            let key = isPerYear ? "car_km_per_year" : "car_km"
            let note: Prose =
                perKilometre == CostComparisons.defaultCarKilogramsPerKilometre
                ? "a typical passenger car, about \(Quantity.count(400, "g CO₂")) per mile, US EPA; \(code: "--car-kg-co2e-per-km") to change"
                : "a car emitting \(Quantity.given(perKilometre, "kg CO₂e/km"))"
            solution.addStep(
                .text(isPerYear ? "car distance per year" : "car distance"),
                [
                    .infix(.divide, [emissions, .text("emissions per km")]),
                    .infix(.divide, [Quantity.of(kilograms, massUnit), Quantity.given(perKilometre, "kg CO₂e/km")]),
                    Quantity.of(kilometres, isPerYear ? "km/year" : "km"),
                ], note: note, producing: [key])
            members.append(JSONMember(key, .number(kilometres)))
        }
    }
}
