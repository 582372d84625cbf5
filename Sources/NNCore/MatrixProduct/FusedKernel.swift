/// The micro-kernel for processors with 256-bit vectors and fused multiply-add
/// (x86-64 with AVX2 and FMA, arm64): twelve `SIMD4<Double>` accumulators hold
/// the 6 × 8 tile and each step p is twelve fused multiply-adds
/// tᵣ ← tᵣ + aₚᵣ bₚ (`vfmadd231pd`, `fmla`); with the six broadcasts and two
/// loads of B that fills fifteen of the sixteen AVX2 registers.
///
/// Built without `NNHW_FMA` on x86-64 it still computes the right tile, but
/// `addingProduct` calls libm once per lane: there ``PortableKernel`` is the fast one.
enum FusedKernel: MicroKernel {
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
        typealias V = SIMD4<Double>
        var t00 = V()
        var t01 = V()
        var t10 = V()
        var t11 = V()
        var t20 = V()
        var t21 = V()
        var t30 = V()
        var t31 = V()
        var t40 = V()
        var t41 = V()
        var t50 = V()
        var t51 = V()
        var pa = a
        var pb = b
        for _ in 0..<kc {
            let b0 = pb.loadVector(V.self)
            let b1 = (pb + 4).loadVector(V.self)
            var x = V(repeating: pa[0])
            t00 = t00.addingProduct(x, b0)
            t01 = t01.addingProduct(x, b1)
            x = V(repeating: pa[1])
            t10 = t10.addingProduct(x, b0)
            t11 = t11.addingProduct(x, b1)
            x = V(repeating: pa[2])
            t20 = t20.addingProduct(x, b0)
            t21 = t21.addingProduct(x, b1)
            x = V(repeating: pa[3])
            t30 = t30.addingProduct(x, b0)
            t31 = t31.addingProduct(x, b1)
            x = V(repeating: pa[4])
            t40 = t40.addingProduct(x, b0)
            t41 = t41.addingProduct(x, b1)
            x = V(repeating: pa[5])
            t50 = t50.addingProduct(x, b0)
            t51 = t51.addingProduct(x, b1)
            pa += 6
            pb += 8
        }
        c.storeVector(t00, adding: adding)
        (c + 4).storeVector(t01, adding: adding)
        (c + stride).storeVector(t10, adding: adding)
        (c + stride + 4).storeVector(t11, adding: adding)
        (c + 2 * stride).storeVector(t20, adding: adding)
        (c + 2 * stride + 4).storeVector(t21, adding: adding)
        (c + 3 * stride).storeVector(t30, adding: adding)
        (c + 3 * stride + 4).storeVector(t31, adding: adding)
        (c + 4 * stride).storeVector(t40, adding: adding)
        (c + 4 * stride + 4).storeVector(t41, adding: adding)
        (c + 5 * stride).storeVector(t50, adding: adding)
        (c + 5 * stride + 4).storeVector(t51, adding: adding)
    }
}
