/// The micro-kernel for processors with 512-bit vectors (x86-64 with AVX-512F):
/// twenty-four `SIMD8<Double>` accumulators hold a 12 × 16 tile, and each step p
/// is twenty-four fused multiply-adds tᵣ ← tᵣ + aₚᵣ bₚ (`vfmadd231pd` on zmm
/// registers, the broadcast of aₚᵣ folded into the instruction); with the two
/// loads of B that is 26 of the 32 AVX-512 registers. The slice is 128 deep so
/// a 128 × 16 panel of B (16 KiB) stays in a 32 KiB L1 cache beside the panel of A.
///
/// Compiled for AVX2 it computes the same tile with each accumulator split in
/// two 256-bit halves, spilled to memory (slower than ``FusedKernel`` there);
/// without fused multiply-add `addingProduct` calls libm once per lane.
enum WideKernel: MicroKernel {
    static let rows = 12
    static let columns = 16
    static let depth = 128
    static let height = 192
    static let width = 256

    @inline(__always)
    static func tile(
        depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        stride: Int, adding: Bool
    ) {
        typealias V = SIMD8<Double>
        var t0l = V()
        var t0r = V()
        var t1l = V()
        var t1r = V()
        var t2l = V()
        var t2r = V()
        var t3l = V()
        var t3r = V()
        var t4l = V()
        var t4r = V()
        var t5l = V()
        var t5r = V()
        var t6l = V()
        var t6r = V()
        var t7l = V()
        var t7r = V()
        var t8l = V()
        var t8r = V()
        var t9l = V()
        var t9r = V()
        var t10l = V()
        var t10r = V()
        var t11l = V()
        var t11r = V()
        var pa = a
        var pb = b
        for _ in 0..<kc {
            let left = pb.loadVector(V.self)
            let right = (pb + 8).loadVector(V.self)
            var x = V(repeating: pa[0])
            t0l = t0l.addingProduct(x, left)
            t0r = t0r.addingProduct(x, right)
            x = V(repeating: pa[1])
            t1l = t1l.addingProduct(x, left)
            t1r = t1r.addingProduct(x, right)
            x = V(repeating: pa[2])
            t2l = t2l.addingProduct(x, left)
            t2r = t2r.addingProduct(x, right)
            x = V(repeating: pa[3])
            t3l = t3l.addingProduct(x, left)
            t3r = t3r.addingProduct(x, right)
            x = V(repeating: pa[4])
            t4l = t4l.addingProduct(x, left)
            t4r = t4r.addingProduct(x, right)
            x = V(repeating: pa[5])
            t5l = t5l.addingProduct(x, left)
            t5r = t5r.addingProduct(x, right)
            x = V(repeating: pa[6])
            t6l = t6l.addingProduct(x, left)
            t6r = t6r.addingProduct(x, right)
            x = V(repeating: pa[7])
            t7l = t7l.addingProduct(x, left)
            t7r = t7r.addingProduct(x, right)
            x = V(repeating: pa[8])
            t8l = t8l.addingProduct(x, left)
            t8r = t8r.addingProduct(x, right)
            x = V(repeating: pa[9])
            t9l = t9l.addingProduct(x, left)
            t9r = t9r.addingProduct(x, right)
            x = V(repeating: pa[10])
            t10l = t10l.addingProduct(x, left)
            t10r = t10r.addingProduct(x, right)
            x = V(repeating: pa[11])
            t11l = t11l.addingProduct(x, left)
            t11r = t11r.addingProduct(x, right)
            pa += 12
            pb += 16
        }
        c.storeVector(t0l, adding: adding)
        (c + 8).storeVector(t0r, adding: adding)
        (c + stride).storeVector(t1l, adding: adding)
        (c + stride + 8).storeVector(t1r, adding: adding)
        (c + 2 * stride).storeVector(t2l, adding: adding)
        (c + 2 * stride + 8).storeVector(t2r, adding: adding)
        (c + 3 * stride).storeVector(t3l, adding: adding)
        (c + 3 * stride + 8).storeVector(t3r, adding: adding)
        (c + 4 * stride).storeVector(t4l, adding: adding)
        (c + 4 * stride + 8).storeVector(t4r, adding: adding)
        (c + 5 * stride).storeVector(t5l, adding: adding)
        (c + 5 * stride + 8).storeVector(t5r, adding: adding)
        (c + 6 * stride).storeVector(t6l, adding: adding)
        (c + 6 * stride + 8).storeVector(t6r, adding: adding)
        (c + 7 * stride).storeVector(t7l, adding: adding)
        (c + 7 * stride + 8).storeVector(t7r, adding: adding)
        (c + 8 * stride).storeVector(t8l, adding: adding)
        (c + 8 * stride + 8).storeVector(t8r, adding: adding)
        (c + 9 * stride).storeVector(t9l, adding: adding)
        (c + 9 * stride + 8).storeVector(t9r, adding: adding)
        (c + 10 * stride).storeVector(t10l, adding: adding)
        (c + 10 * stride + 8).storeVector(t10r, adding: adding)
        (c + 11 * stride).storeVector(t11l, adding: adding)
        (c + 11 * stride + 8).storeVector(t11r, adding: adding)
    }
}
