#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// The elementary functions NNCore takes from the platform's C math library.
///
/// The standard library has no `exp`, `log`, `tanh` or `erf`; this is the one
/// file that imports libm, so the rest of NNCore stays platform-neutral.
enum Math {
    /// eˣ.
    static func exp(_ x: Double) -> Double { libmExp(x) }
    /// ln x.
    static func log(_ x: Double) -> Double { libmLog(x) }
    /// ln(1 + x), accurate for small x.
    static func log1p(_ x: Double) -> Double { libmLog1p(x) }
    /// tanh x.
    static func tanh(_ x: Double) -> Double { libmTanh(x) }
    /// The error function erf x = (2/√π) ∫₀ˣ e^(−t²) dt.
    static func erf(_ x: Double) -> Double { libmErf(x) }
}

// At file scope these names resolve to the C library, not to `Math`'s members.
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmLog1p(_ x: Double) -> Double { log1p(x) }
private func libmTanh(_ x: Double) -> Double { tanh(x) }
private func libmErf(_ x: Double) -> Double { erf(x) }

/// What NNCore asks the operating system about the machine.
enum Processor {
    /// The most threads a matrix product uses: `NNHW_THREADS` when it is a
    /// positive integer, otherwise the number of processors online (at least 1).
    static let threadLimit: Int = {
        if let value = getenv("NNHW_THREADS"), let limit = Int(String(cString: value)), limit > 0 { return limit }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }()
}
