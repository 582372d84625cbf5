/// The energy, money and emissions of a training run, from its accelerator
/// hours and power draw:
///
///     E = G · (P / 1000) · PUE              kWh, with G in GPU-hours and P in W
///     cost = E · price                      USD, with price in USD/kWh
///     emissions = E · c / 1000              t CO₂e, with c in kg CO₂e/kWh
///     household-years = E / (12 · K)        with K in kWh per household-month
public enum TrainingEnergy {
    /// G = n · H, the GPU-hours of n accelerators running H hours each.
    public static func gpuHours(gpus: Double, hours: Double) -> Double {
        gpus * hours
    }

    /// P / 1000, a power in watts written in kilowatts.
    public static func kilowatts(watts: Double) -> Double {
        watts / 1000
    }

    /// E = G · (P / 1000) · PUE in kWh: G GPU-hours at P watts per accelerator,
    /// scaled by the data centre's power usage effectiveness. Computed as
    /// G · P · PUE / 1000, so that whole watts give the exact kWh whenever it is
    /// representable (2 788 000 · 0.7 is 1 951 599.9999999998 in binary; this is 1 951 600).
    public static func energy(gpuHours: Double, watts: Double, powerUsageEffectiveness: Double) -> Double {
        gpuHours * watts * powerUsageEffectiveness / 1000
    }

    /// E = D / price, the kWh that D dollars buy at `price` USD/kWh.
    public static func energy(dollars: Double, price: Double) -> Double {
        dollars / price
    }

    /// cost = E · price in USD.
    public static func cost(energy: Double, price: Double) -> Double {
        energy * price
    }

    /// E · c in kg CO₂e, for a grid emitting c kg CO₂e per kWh.
    public static func emissionsKilograms(energy: Double, carbonIntensity: Double) -> Double {
        energy * carbonIntensity
    }

    /// E · c / 1000 in tonnes CO₂e.
    public static func emissionsTonnes(energy: Double, carbonIntensity: Double) -> Double {
        emissionsKilograms(energy: energy, carbonIntensity: carbonIntensity) / 1000
    }

    /// 12 · K, the kWh a household uses in a year when it uses K per month.
    public static func householdYearlyEnergy(monthly: Double) -> Double {
        12 * monthly
    }

    /// E / (12 · K), the years of electricity of a household using K kWh a month.
    public static func householdYears(energy: Double, monthly: Double) -> Double {
        energy / householdYearlyEnergy(monthly: monthly)
    }

    /// n · price, the price of buying n accelerators.
    public static func acquisition(gpus: Double, unitPrice: Double) -> Double {
        gpus * unitPrice
    }
}
