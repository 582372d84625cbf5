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
/// The standard library has no `exp`, `log`, `tanh` or `erf`; the math of
/// NNCore reaches libm only through here. (The packing workspace of the matrix
/// product imports the C library too, for its thread-local buffers.)
enum Math {
    /// eˣ.
    static func exp(_ x: Double) -> Double { libmExp(x) }
    /// ln x.
    static func log(_ x: Double) -> Double { libmLog(x) }
    /// ln(1 + x), accurate for small x.
    static func log1p(_ x: Double) -> Double { libmLog1p(x) }
    /// eˣ − 1, accurate for small x.
    static func expm1(_ x: Double) -> Double { libmExpm1(x) }
    /// tanh x.
    static func tanh(_ x: Double) -> Double { libmTanh(x) }
    /// The error function erf x = (2/√π) ∫₀ˣ e^(−t²) dt.
    static func erf(_ x: Double) -> Double { libmErf(x) }
    /// sin x, x in radians.
    static func sin(_ x: Double) -> Double { libmSin(x) }
    /// cos x, x in radians.
    static func cos(_ x: Double) -> Double { libmCos(x) }
    /// tan x, x in radians.
    static func tan(_ x: Double) -> Double { libmTan(x) }
    /// xʸ.
    static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
}

// At file scope these names resolve to the C library, not to `Math`'s members.
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmLog1p(_ x: Double) -> Double { log1p(x) }
private func libmExpm1(_ x: Double) -> Double { expm1(x) }
private func libmTanh(_ x: Double) -> Double { tanh(x) }
private func libmErf(_ x: Double) -> Double { erf(x) }
private func libmSin(_ x: Double) -> Double { sin(x) }
private func libmCos(_ x: Double) -> Double { cos(x) }
private func libmTan(_ x: Double) -> Double { tan(x) }
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// What NNCore asks the operating system about the machine.
enum Processor {
    /// The most threads a matrix product uses: `NNHW_THREADS` when it is a
    /// positive integer, otherwise the number of processors online (at least 1).
    static let threadLimit: Int = {
        if let value = getenv("NNHW_THREADS"), let limit = Int(String(cString: value)), limit > 0 { return limit }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }()
}
