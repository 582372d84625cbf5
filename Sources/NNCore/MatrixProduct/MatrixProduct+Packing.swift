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
        pack(
            SIMD2<Double>.self, width: K.rows, lanes: mc, depth: kc, a, laneStride: rowStride,
            depthStride: columnStride, depthsPerGroup: kc, into: packed)
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
        pack(
            SIMD4<Double>.self, width: K.columns, lanes: nc, depth: kc, b, laneStride: columnStride,
            depthStride: rowStride, depthsPerGroup: 4, into: packed)
    }

    /// Packs `lanes` × kc numbers, number (i, p) at source[i · laneStride + p · depthStride],
    /// into panels of `width` lanes (the rows of op(A), or the columns of op(B)): panel q holds,
    /// for each p, the `width` numbers of its lanes at depth p side by side. Lanes past `lanes`
    /// are zero. `width` is a multiple of `Chunk.scalarCount`; for contiguous lanes,
    /// `depthsPerGroup` is as in ``packWholePanels(_:width:lanes:depth:_:depthStride:depthsPerGroup:into:)``.
    ///
    /// - Complexity: O(lanes · kc).
    @inline(__always)
    private static func pack<Chunk: SIMD>(
        _: Chunk.Type, width: Int, lanes: Int, depth kc: Int, _ source: UnsafePointer<Double>, laneStride: Int,
        depthStride: Int, depthsPerGroup: Int, into packed: UnsafeMutablePointer<Double>
    ) where Chunk.Scalar == Double {
        var first = 0
        if laneStride == 1 {
            first = lanes / width * width
            packWholePanels(
                Chunk.self, width: width, lanes: first, depth: kc, source, depthStride: depthStride,
                depthsPerGroup: depthsPerGroup, into: packed)
        }
        var panel = packed + first * kc
        while first < lanes {
            let count = min(width, lanes - first)
            if count < width { panel.update(repeating: 0, count: width * kc) }
            // The panel's lanes read side by side, each along its own stride, the panel
            // written in order; pointers advance by addition, without checked index products.
            var line = source + first * laneStride
            var target = panel
            for _ in 0..<kc {
                var element = line
                for i in 0..<count {
                    target[i] = element.pointee
                    element += laneStride
                }
                line += depthStride
                target += width
            }
            panel += width * kc
            first += width
        }
    }

    /// Packs `lanes` (a multiple of `width`) contiguous lanes: the numbers at depth p are
    /// consecutive, and depths lie `depthStride` numbers apart.
    ///
    /// `depthsPerGroup` depths at a time are copied across every panel, a `Chunk` at a time.
    /// For op(B), four: each depth (a row of B) is read in order, which the hardware
    /// prefetcher follows, and each panel receives four consecutive rows; panel by panel,
    /// every row would be a fresh read a whole row of B apart, out of the prefetcher's reach
    /// once rows are longer than a page (that wait was a tenth of an MLP step). For op(A) = Aᵀ,
    /// the whole depth, panel by panel: a panel's mr numbers are shorter than a cache line,
    /// and the next panel finds the rest of each line still in the L1 cache.
    ///
    /// - Complexity: O(lanes · kc).
    @inline(__always)
    private static func packWholePanels<Chunk: SIMD>(
        _: Chunk.Type, width: Int, lanes: Int, depth kc: Int, _ source: UnsafePointer<Double>, depthStride: Int,
        depthsPerGroup: Int, into packed: UnsafeMutablePointer<Double>
    ) where Chunk.Scalar == Double {
        var groupStart = 0
        while groupStart < kc {
            let groupDepth = min(depthsPerGroup, kc - groupStart)
            var groupSource = source + groupStart * depthStride
            var groupTarget = packed + groupStart * width
            for _ in 0..<(lanes / width) {
                var line = groupSource
                var target = groupTarget
                for _ in 0..<groupDepth {
                    for i in stride(from: 0, to: width, by: Chunk.scalarCount) {
                        (target + i).storeVector((line + i).loadVector(Chunk.self), adding: false)
                    }
                    line += depthStride
                    target += width
                }
                groupSource += width
                groupTarget += width * kc
            }
            groupStart += depthsPerGroup
        }
    }
}
