extension MatrixProduct {
    /// Packs the mc × kc block of op(A) whose element (i, p) is
    /// a[i · rowStride + p · columnStride] into panels of 6 rows, each stored
    /// column by column (aₚ = 6 consecutive numbers); rows past mc are zero.
    ///
    /// - Complexity: O(mc · kc).
    static func packLeft(
        rows mc: Int, depth kc: Int, _ a: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        into packed: UnsafeMutablePointer<Double>
    ) {
        let mr = MicroKernel.rows
        var panel = packed
        for first in stride(from: 0, to: mc, by: mr) {
            let rows = min(mr, mc - first)
            if rows < mr { panel.update(repeating: 0, count: mr * kc) }
            if rowStride == 1 && rows == mr {
                // Six consecutive numbers per p: a fixed-length copy the compiler vectorises.
                for p in 0..<kc {
                    let source = a + p * columnStride + first
                    for r in 0..<mr { panel[p * mr + r] = source[r] }
                }
            } else if rowStride == 1 {
                for p in 0..<kc {
                    for r in 0..<rows { panel[p * mr + r] = a[p * columnStride + first + r] }
                }
            } else if columnStride == 1 && rows == mr {
                // Six rows read side by side, each contiguous, the panel written in order
                // (row by row would write six numbers apart).
                let row0 = a + first * rowStride
                let (row1, row2, row3) = (row0 + rowStride, row0 + 2 * rowStride, row0 + 3 * rowStride)
                let (row4, row5) = (row0 + 4 * rowStride, row0 + 5 * rowStride)
                var target = panel
                for p in 0..<kc {
                    target[0] = row0[p]
                    target[1] = row1[p]
                    target[2] = row2[p]
                    target[3] = row3[p]
                    target[4] = row4[p]
                    target[5] = row5[p]
                    target += mr
                }
            } else {
                for r in 0..<rows {
                    let row = a + (first + r) * rowStride
                    for p in 0..<kc { panel[p * mr + r] = row[p * columnStride] }
                }
            }
            panel += mr * kc
        }
    }

    /// Packs the kc × nc block of op(B) whose element (p, j) is
    /// b[p · rowStride + j · columnStride] into panels of 8 columns, each stored
    /// row by row (bₚ = 8 consecutive numbers); columns past nc are zero.
    ///
    /// - Complexity: O(kc · nc).
    static func packRight(
        depth kc: Int, columns nc: Int, _ b: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        into packed: UnsafeMutablePointer<Double>
    ) {
        let nr = MicroKernel.columns
        var panel = packed
        for first in stride(from: 0, to: nc, by: nr) {
            let columns = min(nr, nc - first)
            if columns < nr { panel.update(repeating: 0, count: nr * kc) }
            if columnStride == 1 && columns == nr {
                // Eight consecutive numbers per p: a fixed-length copy the compiler vectorises.
                for p in 0..<kc {
                    let source = b + p * rowStride + first
                    for j in 0..<nr { panel[p * nr + j] = source[j] }
                }
            } else if columnStride == 1 {
                for p in 0..<kc {
                    for j in 0..<columns { panel[p * nr + j] = b[p * rowStride + first + j] }
                }
            } else if rowStride == 1 && columns == nr {
                // Eight columns of op(B) (rows of B) read side by side, each contiguous,
                // the panel written in order (column by column would write eight numbers apart).
                let column0 = b + first * columnStride
                let (column1, column2) = (column0 + columnStride, column0 + 2 * columnStride)
                let (column3, column4) = (column0 + 3 * columnStride, column0 + 4 * columnStride)
                let (column5, column6) = (column0 + 5 * columnStride, column0 + 6 * columnStride)
                let column7 = column0 + 7 * columnStride
                var target = panel
                for p in 0..<kc {
                    target[0] = column0[p]
                    target[1] = column1[p]
                    target[2] = column2[p]
                    target[3] = column3[p]
                    target[4] = column4[p]
                    target[5] = column5[p]
                    target[6] = column6[p]
                    target[7] = column7[p]
                    target += nr
                }
            } else {
                for j in 0..<columns {
                    let column = b + (first + j) * columnStride
                    for p in 0..<kc { panel[p * nr + j] = column[p * rowStride] }
                }
            }
            panel += nr * kc
        }
    }
}
