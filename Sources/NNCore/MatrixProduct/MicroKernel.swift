/// A register-blocked micro-kernel of ``MatrixProduct``: one rows × columns
/// tile T = Σₚ aₚ bₚᵀ of C over a slice of kc, from a packed panel of A (`rows`
/// rows stored column by column: aₚ is `rows` consecutive numbers) and a packed
/// panel of B (`columns` columns stored row by row: bₚ is `columns` consecutive
/// numbers), with the blocking sizes that keep its panels in the caches.
protocol MicroKernel: SendableMetatype {
    /// Rows of a tile (mr), even: packing copies two rows at a time.
    static var rows: Int { get }
    /// Columns of a tile (nr), a multiple of 4: packing copies four columns at a time.
    static var columns: Int { get }
    /// Values of k packed per slice (kc): a kc × nr panel of B stays in the L1 cache.
    static var depth: Int { get }
    /// Rows of op(A) packed per block (mc), a multiple of `rows`: the mc × kc block stays in L2.
    static var height: Int { get }
    /// Columns of op(B) packed per block (nc), a multiple of `columns`: the mc × nc block of C
    /// stays in L2 beside the mc × kc block of op(A) while the slices of k add to it.
    static var width: Int { get }

    /// Writes T = Σₚ₌₀^{kc−1} aₚ bₚᵀ (or adds it, when `adding`) to the rows × columns
    /// block of C at `c`, whose rows lie `stride` numbers apart.
    ///
    /// - Complexity: O(kc).
    static func tile(
        depth kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        stride: Int, adding: Bool)
}

extension UnsafePointer<Double> {
    /// The `Vector` of consecutive numbers starting here, at any alignment.
    @inline(__always)
    func loadVector<Vector: SIMD>(_: Vector.Type = Vector.self) -> Vector where Vector.Scalar == Double {
        UnsafeRawPointer(self).loadUnaligned(as: Vector.self)
    }
}

extension UnsafeMutablePointer<Double> {
    /// Stores `value` here as consecutive numbers, or adds it to what is there when `adding`.
    @inline(__always)
    func storeVector<Vector: SIMD>(_ value: Vector, adding: Bool) where Vector.Scalar == Double {
        let raw = UnsafeMutableRawPointer(self)
        raw.storeBytes(of: adding ? value + raw.loadUnaligned(as: Vector.self) : value, as: Vector.self)
    }
}
