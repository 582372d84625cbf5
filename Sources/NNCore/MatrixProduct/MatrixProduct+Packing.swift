extension MatrixProduct {
    /// Packs the mc × kc block of op(A) whose element (i, p) is
    /// a[i · rowStride + p · columnStride] into panels of mr = `K.rows` rows, each
    /// stored column by column (aₚ = mr consecutive numbers); rows past mc are zero.
    ///
    /// - Complexity: O(mc · kc).
    static func packLeft<K: MicroKernel>(
        _: K.Type, rows mc: Int, depth kc: Int, _ a: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        into packed: UnsafeMutablePointer<Double>
    ) {
        let mr = K.rows
        var panel = packed
        for first in stride(from: 0, to: mc, by: mr) {
            let rows = min(mr, mc - first)
            if rows < mr { panel.update(repeating: 0, count: mr * kc) }
            if rowStride == 1 {
                // mr consecutive numbers per p, copied two at a time for a whole panel (mr is even);
                // the pointers advance by addition, without checked index products.
                var source = a + first
                var target = panel
                for _ in 0..<kc {
                    if rows == mr {
                        for r in stride(from: 0, to: mr, by: 2) {
                            (target + r).storeVector((source + r).loadVector(SIMD2<Double>.self), adding: false)
                        }
                    } else {
                        for r in 0..<rows { target[r] = source[r] }
                    }
                    source += columnStride
                    target += mr
                }
            } else {
                // The panel's rows read side by side, each contiguous, the panel written in
                // order (row by row would write mr numbers apart).
                let row0 = a + first * rowStride
                var target = panel
                for p in 0..<kc {
                    let source = row0 + p * columnStride
                    for r in 0..<rows { target[r] = source[r * rowStride] }
                    target += mr
                }
            }
            panel += mr * kc
        }
    }

    /// Packs the kc × nc block of op(B) whose element (p, j) is
    /// b[p · rowStride + j · columnStride] into panels of nr = `K.columns` columns,
    /// each stored row by row (bₚ = nr consecutive numbers); columns past nc are zero.
    ///
    /// - Complexity: O(kc · nc).
    static func packRight<K: MicroKernel>(
        _: K.Type, depth kc: Int, columns nc: Int, _ b: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        into packed: UnsafeMutablePointer<Double>
    ) {
        let nr = K.columns
        var panel = packed
        for first in stride(from: 0, to: nc, by: nr) {
            let columns = min(nr, nc - first)
            if columns < nr { panel.update(repeating: 0, count: nr * kc) }
            if columnStride == 1 {
                // nr consecutive numbers per p, copied four at a time for a whole panel (nr is a
                // multiple of 4); the pointers advance by addition, without checked index products.
                var source = b + first
                var target = panel
                for _ in 0..<kc {
                    if columns == nr {
                        for j in stride(from: 0, to: nr, by: 4) {
                            (target + j).storeVector((source + j).loadVector(SIMD4<Double>.self), adding: false)
                        }
                    } else {
                        for j in 0..<columns { target[j] = source[j] }
                    }
                    source += rowStride
                    target += nr
                }
            } else {
                // nr columns of op(B) (rows of B) read side by side, each contiguous, the
                // panel written in order (column by column would write nr numbers apart).
                let column0 = b + first * columnStride
                var target = panel
                for p in 0..<kc {
                    let source = column0 + p * rowStride
                    for j in 0..<columns { target[j] = source[j * columnStride] }
                    target += nr
                }
            }
            panel += nr * kc
        }
    }
}
