/// The everyday comparisons `--compare household,flight,car` asks for, each
/// with its factor: a household's electricity K in kWh per month, one
/// short-haul passenger flight in kg CO₂e, a car's kg CO₂e per km. A factor
/// given by its option asks for its comparison too.
public struct CostComparisons: Sendable, Hashable {
    /// K, a household's kWh per month: US EIA, the average residential customer in 2022 (10,791 kWh a year).
    public static let defaultHouseholdMonthly = 899.0
    /// One short-haul economy passenger flight of 1,000 km at 0.156 kg CO₂e per passenger-km (UK DESNZ 2024).
    public static let defaultFlightKilograms = 156.0
    /// A typical passenger car: about 400 g CO₂ per mile (US EPA), 0.249 kg per km.
    public static let defaultCarKilogramsPerKilometre = 0.249

    /// K in kWh per household-month, if the household comparison is asked for.
    public var householdMonthly: Double?
    /// kg CO₂e of one passenger flight, if the flight comparison is asked for.
    public var flightKilograms: Double?
    /// kg CO₂e per car-km, if the car comparison is asked for.
    public var carKilogramsPerKilometre: Double?

    /// The comparisons `options` ask for.
    ///
    /// - Throws: a usage error for an unknown, empty or repeated name in `--compare`.
    public init(_ options: OptionValues) throws(InputError) {
        var names: [String] = []
        if let list = options.text("--compare") {
            for entry in list.split(separator: ",", omittingEmptySubsequences: false) {
                let name = String(entry).trimmingSpaces
                guard !name.isEmpty else {
                    throw InputError(at: "--compare", .emptyNameInList(list))
                }
                guard Self.names.contains(name) else {
                    throw InputError(
                        at: "--compare",
                        .expectedChoice(
                            Self.names, got: name, suggestion: Self.names.first { $0.hasPrefix(name.prefix(1)) }))
                }
                guard !names.contains(name) else {
                    throw InputError(at: "--compare", .repeatedNameInList(list, entry: name))
                }
                names.append(name)
            }
        }
        householdMonthly =
            options.number("--household-kwh-per-month")
            ?? (names.contains("household") ? Self.defaultHouseholdMonthly : nil)
        flightKilograms =
            options.number("--flight-kg-co2e") ?? (names.contains("flight") ? Self.defaultFlightKilograms : nil)
        carKilogramsPerKilometre =
            options.number("--car-kg-co2e-per-km")
            ?? (names.contains("car") ? Self.defaultCarKilogramsPerKilometre : nil)
    }

    /// The comparisons by name, as `--compare` lists them.
    public static let names = ["household", "flight", "car"]

    /// Whether a comparison of the emissions (flight or car) is asked for.
    public var comparesEmissions: Bool { flightKilograms != nil || carKilogramsPerKilometre != nil }

    /// The option that asked for the first emissions comparison, for errors.
    public func emissionsOption(_ options: OptionValues) -> String {
        for name in ["--flight-kg-co2e", "--car-kg-co2e-per-km"] where options.isGiven(name) { return name }
        return "--compare"
    }

    /// The option that asked for the household comparison, for errors.
    public func householdOption(_ options: OptionValues) -> String {
        options.isGiven("--household-kwh-per-month") ? "--household-kwh-per-month" : "--compare"
    }
}
