/// How fast an accelerator computes: its peak F in FLOP/s and the fraction U
/// of the peak a workload achieves (`--gpu-flops F --utilization U`).
public struct AcceleratorThroughput: Sendable, Hashable {
    /// F, the peak FLOP/s of one accelerator.
    public var peak: Double
    /// U, the fraction of the peak achieved, 0 < U ≤ 1.
    public var utilization: Double

    /// The throughput `options` give, if `--gpu-flops` is given.
    ///
    /// - Throws: a usage error for a utilisation above 1, or one of the two options without the other.
    static func read(_ options: OptionValues) throws(InputError) -> AcceleratorThroughput? {
        let utilization = options.number("--utilization")
        if let utilization, utilization > 1 {
            throw InputError(at: "--utilization", .utilizationAboveOne(utilization))
        }
        switch (options.number("--gpu-flops"), utilization) {
        case (let peak?, let utilization?): return AcceleratorThroughput(peak: peak, utilization: utilization)
        case (.some, nil):
            throw InputError(
                at: "--utilization", .missing(give: "the fraction of peak FLOP/s achieved, e.g. 0.4 (40 %)"))
        case (nil, .some):
            throw InputError(
                at: "--utilization", .requires("--gpu-flops", because: "the peak FLOP/s of one accelerator"))
        case (nil, nil): return nil
        }
    }
}

/// The power P of one accelerator: given in watts (`--watts`), or its share of
/// a server's power (`--server-watts S --gpus-per-server m`: P = S / m).
public enum AcceleratorPower: Sendable, Hashable {
    /// `--watts W`.
    case accelerator(watts: Double)
    /// `--server-watts S --gpus-per-server m`.
    case server(watts: Double, gpus: Double)

    /// The power `options` give, if any.
    ///
    /// - Throws: a usage error for `--watts` with `--server-watts`, or one server option without the other.
    static func read(_ options: OptionValues) throws(InputError) -> AcceleratorPower? {
        let perServer = options.whole("--gpus-per-server").map(Double.init)
        switch (options.number("--watts"), options.number("--server-watts")) {
        case (.some, .some):
            throw InputError(at: "--server-watts", .eitherNotBoth("--watts W", "--server-watts S --gpus-per-server M"))
        case (let watts?, nil):
            if perServer != nil {
                throw InputError(
                    at: "--gpus-per-server", .requires("--server-watts", because: "the power of one server"))
            }
            return .accelerator(watts: watts)
        case (nil, let server?):
            guard let perServer else {
                throw InputError(at: "--gpus-per-server", .missing(give: "the accelerators in one server, e.g. 8"))
            }
            return .server(watts: server, gpus: perServer)
        case (nil, nil):
            if perServer != nil {
                throw InputError(
                    at: "--gpus-per-server", .requires("--server-watts", because: "the power of one server"))
            }
            return nil
        }
    }

    /// The PUE `options` give (1 unless `--pue`), and whether it is the default.
    ///
    /// - Throws: a usage error for a PUE below 1.
    static func pue(_ options: OptionValues) throws(InputError) -> (value: Double, isDefault: Bool) {
        guard let pue = options.number("--pue") else { return (1, true) }
        guard pue >= 1 else { throw InputError(at: "--pue", .pueBelowOne(pue)) }
        return (pue, false)
    }
}
