/// The compute of training and running a model, in FLOPs, accelerator time
/// and money:
///
///     C = 6 · N · D                         FLOPs to train N parameters on D tokens
///     C = 2 · N                             FLOPs to run one token through N parameters
///     GPU-hours = C / (F · U · 3600)        with F in FLOP/s per accelerator, U its utilisation
///     wall-clock hours = GPU-hours / n      for n accelerators running in parallel
///     rental cost = GPU-hours · R           USD, with R in USD/GPU-hour
public enum ComputeBudget {
    /// Seconds in an hour: 3600.
    public static let secondsPerHour = 3600.0
    /// Hours in a day: 24.
    public static let hoursPerDay = 24.0
    /// Days in a year: 365.
    public static let daysPerYear = 365.0

    /// C = k · N · D, the FLOPs of k FLOPs per parameter per token (6 to train, 2 to run).
    public static func flops(perParameterPerToken k: Double, parameters: Double, tokens: Double) -> Double {
        k * parameters * tokens
    }

    /// F · U, the FLOP/s an accelerator with peak F achieves at utilisation U.
    public static func achievedFlops(peak: Double, utilization: Double) -> Double {
        peak * utilization
    }

    /// C / (F · U), the accelerator-seconds that C FLOPs take.
    public static func gpuSeconds(flops: Double, peak: Double, utilization: Double) -> Double {
        flops / achievedFlops(peak: peak, utilization: utilization)
    }

    /// C / (F · U · 3600), the accelerator-hours that C FLOPs take.
    public static func gpuHours(flops: Double, peak: Double, utilization: Double) -> Double {
        gpuSeconds(flops: flops, peak: peak, utilization: utilization) / secondsPerHour
    }

    /// G / n, the hours of n accelerators sharing G GPU-hours.
    public static func wallClockHours(gpuHours: Double, gpus: Double) -> Double {
        gpuHours / gpus
    }

    /// G · R, the rental cost in USD of G GPU-hours at R USD/GPU-hour.
    public static func rental(gpuHours: Double, price: Double) -> Double {
        gpuHours * price
    }

    /// D / R, the GPU-hours that D USD rent at R USD/GPU-hour.
    public static func gpuHours(rentalDollars: Double, price: Double) -> Double {
        rentalDollars / price
    }

    /// S / m, one accelerator's share of a server drawing S watts for m accelerators.
    public static func wattsPerGPU(serverWatts: Double, gpusPerServer: Double) -> Double {
        serverWatts / gpusPerServer
    }

    /// The accelerators busy around the clock for G GPU-hours a day: G / 24, and
    /// ⌈G / 24⌉ whole accelerators.
    public static func gpusAroundTheClock(gpuHoursPerDay: Double) -> (exact: Double, whole: Double) {
        let exact = gpuHoursPerDay / hoursPerDay
        return (exact, exact.rounded(.up))
    }

    /// x · 365, a daily amount over a year.
    public static func perYear(_ daily: Double) -> Double {
        daily * daysPerYear
    }

    /// x / (T / 1000), a daily amount per 1,000 of T tokens a day.
    public static func perThousandTokens(_ daily: Double, tokensPerDay: Double) -> Double {
        daily / (tokensPerDay / 1000)
    }
}
