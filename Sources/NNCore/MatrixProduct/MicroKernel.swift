/// The register-blocked micro-kernel of ``MatrixProduct``: one 6 × 8 tile
/// T = Σₚ aₚ bₚᵀ of C over a slice of kc, from a packed panel of A (6 rows,
/// stored column by column: aₚ is 6 consecutive numbers) and a packed panel of
/// B (8 columns, stored row by row: bₚ is 8 consecutive numbers).
///
/// Built with `NNHW_FMA` (x86-64 with AVX2 and FMA, see Package.swift) or on
/// arm64, twelve `SIMD4<Double>` accumulators hold the tile and each step is
/// twelve fused multiply-adds (`addingProduct`: `vfmadd231pd`, `fmla`).
/// Elsewhere the tile is computed as two 6 × 4 halves, so the six accumulators
/// fit in the sixteen SSE2 registers, with a multiply then an add (the default
/// x86-64 target has no fused multiply-add, and `addingProduct` would call libm
/// once per lane).
enum MicroKernel {
    /// Rows of a tile (mr).
    static let rows = 6
    /// Columns of a tile (nr).
    static let columns = 8

    /// Whether this build's kernel uses fused multiply-adds.
    static var fusesMultiplyAdd: Bool {
        #if NNHW_FMA || arch(arm64)
            true
        #else
            false
        #endif
    }

    /// Writes T = Σₚ₌₀^{kc−1} aₚ bₚᵀ (or adds it, when `adding`) to the 6 × 8 block of
    /// C at `c`, whose rows lie `stride` numbers apart.
    ///
    /// - Complexity: O(kc).
    @inline(__always)
    static func tile(
        depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        stride: Int, adding: Bool
    ) {
        #if NNHW_FMA || arch(arm64)
            fusedTile(depth: kc, a, b, into: c, stride: stride, adding: adding)
        #else
            halfTile(depth: kc, a, b, offset: 0, into: c, stride: stride, adding: adding)
            halfTile(depth: kc, a, b, offset: 4, into: c, stride: stride, adding: adding)
        #endif
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Stores `value` at `pointer`, or adds it to what is there when `adding`.
    @inline(__always)
    private static func store(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>, adding: Bool) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: adding ? value + load(pointer) : value, as: SIMD4<Double>.self)
    }

    #if NNHW_FMA || arch(arm64)
        /// The whole 6 × 8 tile in twelve accumulators, tᵣ ← tᵣ + aₚᵣ bₚ fused.
        @inline(__always)
        private static func fusedTile(
            depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
            into c: UnsafeMutablePointer<Double>, stride: Int, adding: Bool
        ) {
            var t00 = SIMD4<Double>()
            var t01 = SIMD4<Double>()
            var t10 = SIMD4<Double>()
            var t11 = SIMD4<Double>()
            var t20 = SIMD4<Double>()
            var t21 = SIMD4<Double>()
            var t30 = SIMD4<Double>()
            var t31 = SIMD4<Double>()
            var t40 = SIMD4<Double>()
            var t41 = SIMD4<Double>()
            var t50 = SIMD4<Double>()
            var t51 = SIMD4<Double>()
            var pa = a
            var pb = b
            for _ in 0..<kc {
                let b0 = load(pb)
                let b1 = load(pb + 4)
                var x = SIMD4<Double>(repeating: pa[0])
                t00 = t00.addingProduct(x, b0)
                t01 = t01.addingProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[1])
                t10 = t10.addingProduct(x, b0)
                t11 = t11.addingProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[2])
                t20 = t20.addingProduct(x, b0)
                t21 = t21.addingProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[3])
                t30 = t30.addingProduct(x, b0)
                t31 = t31.addingProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[4])
                t40 = t40.addingProduct(x, b0)
                t41 = t41.addingProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[5])
                t50 = t50.addingProduct(x, b0)
                t51 = t51.addingProduct(x, b1)
                pa += 6
                pb += 8
            }
            store(t00, c, adding: adding)
            store(t01, c + 4, adding: adding)
            store(t10, c + stride, adding: adding)
            store(t11, c + stride + 4, adding: adding)
            store(t20, c + 2 * stride, adding: adding)
            store(t21, c + 2 * stride + 4, adding: adding)
            store(t30, c + 3 * stride, adding: adding)
            store(t31, c + 3 * stride + 4, adding: adding)
            store(t40, c + 4 * stride, adding: adding)
            store(t41, c + 4 * stride + 4, adding: adding)
            store(t50, c + 5 * stride, adding: adding)
            store(t51, c + 5 * stride + 4, adding: adding)
        }
    #else
        /// Columns offset ..< offset + 4 of the tile in six accumulators, tᵣ ← tᵣ + aₚᵣ bₚ.
        @inline(__always)
        private static func halfTile(
            depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, offset: Int,
            into c: UnsafeMutablePointer<Double>, stride: Int, adding: Bool
        ) {
            var t0 = SIMD4<Double>()
            var t1 = SIMD4<Double>()
            var t2 = SIMD4<Double>()
            var t3 = SIMD4<Double>()
            var t4 = SIMD4<Double>()
            var t5 = SIMD4<Double>()
            var pa = a
            var pb = b + offset
            for _ in 0..<kc {
                let bp = load(pb)
                t0 = t0 + SIMD4<Double>(repeating: pa[0]) * bp
                t1 = t1 + SIMD4<Double>(repeating: pa[1]) * bp
                t2 = t2 + SIMD4<Double>(repeating: pa[2]) * bp
                t3 = t3 + SIMD4<Double>(repeating: pa[3]) * bp
                t4 = t4 + SIMD4<Double>(repeating: pa[4]) * bp
                t5 = t5 + SIMD4<Double>(repeating: pa[5]) * bp
                pa += 6
                pb += 8
            }
            store(t0, c + offset, adding: adding)
            store(t1, c + stride + offset, adding: adding)
            store(t2, c + 2 * stride + offset, adding: adding)
            store(t3, c + 3 * stride + offset, adding: adding)
            store(t4, c + 4 * stride + offset, adding: adding)
            store(t5, c + 5 * stride + offset, adding: adding)
        }
    #endif
}
