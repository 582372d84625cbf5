/// Everyday equivalents of an energy or emission: a household's electricity,
/// passenger flights and car kilometres.
///
///     household-years = E / (12 · K)        K in kWh per household-month
///     flights = m / f                       m in kg CO₂e, f in kg CO₂e per passenger-flight
///     car km = m / c                        c in kg CO₂e per km
public enum EmissionComparison {
    /// m / f, the passenger flights emitting m kg CO₂e at f kg CO₂e each.
    public static func flights(kilograms: Double, perFlight: Double) -> Double {
        kilograms / perFlight
    }

    /// m / c, the kilometres a car emitting c kg CO₂e per km drives for m kg CO₂e.
    public static func carKilometres(kilograms: Double, perKilometre: Double) -> Double {
        kilograms / perKilometre
    }
}
