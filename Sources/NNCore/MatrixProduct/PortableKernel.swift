/// The micro-kernel for the architecture's baseline (x86-64: SSE2, sixteen
/// 128-bit registers, no fused multiply-add): the 6 × 8 tile is computed as two
/// 6 × 4 halves, so each half's six `SIMD4<Double>` accumulators fit in the
/// registers, each step a multiply then an add, tᵣ ← tᵣ + aₚᵣ bₚ.
enum PortableKernel: MicroKernel {
    static let rows = 6
    static let columns = 8
    static let depth = 256
    static let height = 96
    static let width = 256

    @inline(__always)
    static func tile(
        depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        stride: Int, adding: Bool
    ) {
        halfTile(depth: kc, a, b, offset: 0, into: c, stride: stride, adding: adding)
        halfTile(depth: kc, a, b, offset: 4, into: c, stride: stride, adding: adding)
    }

    /// Columns offset ..< offset + 4 of the tile in six accumulators.
    @inline(__always)
    private static func halfTile(
        depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, offset: Int,
        into c: UnsafeMutablePointer<Double>, stride: Int, adding: Bool
    ) {
        typealias V = SIMD4<Double>
        var t0 = V()
        var t1 = V()
        var t2 = V()
        var t3 = V()
        var t4 = V()
        var t5 = V()
        var pa = a
        var pb = b + offset
        for _ in 0..<kc {
            let bp = pb.loadVector(V.self)
            t0 = t0 + V(repeating: pa[0]) * bp
            t1 = t1 + V(repeating: pa[1]) * bp
            t2 = t2 + V(repeating: pa[2]) * bp
            t3 = t3 + V(repeating: pa[3]) * bp
            t4 = t4 + V(repeating: pa[4]) * bp
            t5 = t5 + V(repeating: pa[5]) * bp
            pa += 6
            pb += 8
        }
        (c + offset).storeVector(t0, adding: adding)
        (c + stride + offset).storeVector(t1, adding: adding)
        (c + 2 * stride + offset).storeVector(t2, adding: adding)
        (c + 3 * stride + offset).storeVector(t3, adding: adding)
        (c + 4 * stride + offset).storeVector(t4, adding: adding)
        (c + 5 * stride + offset).storeVector(t5, adding: adding)
    }
}
