#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// The C library's printf conversions of a `Double`, the one place NNHomework
/// calls into libc.
///
/// `"%.*f"` and `"%.*e"` round the exact binary value of `x` correctly, which
/// scaling by 10ᵖ and rounding in `Double` does not.
enum PrintfFormat {
    /// `x` with `decimals` digits after the point: `printf("%.*f", decimals, x)`, e.g. "0.4485".
    static func fixed(_ x: Double, decimals: Int) -> String {
        format("%.*f", decimals: decimals, x)
    }

    /// `x` in scientific form with `decimals` mantissa digits after the point:
    /// `printf("%.*e", decimals, x)`, e.g. "1.2346e-07".
    static func scientific(_ x: Double, decimals: Int) -> String {
        format("%.*e", decimals: decimals, x)
    }

    private static func format(_ specification: String, decimals: Int, _ x: Double) -> String {
        let arguments: [any CVarArg] = [Int32(decimals), x]
        let length = withVaList(arguments) { vsnprintf(nil, 0, specification, $0) }
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList(arguments) { vsnprintf(pointer.baseAddress, pointer.count, specification, $0) }
        }
        let bytes = buffer.prefix(Int(max(0, min(written, length)))).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
