import Dispatch

/// How C = op(A) op(B) is computed, op(X) being X or Xᵀ: cᵢⱼ = Σₖ op(A)ᵢₖ op(B)ₖⱼ.
///
/// The product is blocked in the Goto/BLIS way, in Swift over unsafe buffers:
/// for each block of nc columns of C, op(B) is packed, slice by slice of kc
/// values of k, into panels of nr columns; for each block of mc rows and each
/// slice, op(A) is packed into panels of mr rows; a register-blocked
/// micro-kernel (``Kernel``) then computes every mr × nr tile of the block over
/// the slice, the block's slices one after another. Large products split C
/// among threads along its longer side: a batch of 64 rows times a wide matrix
/// is split by columns, a tall product by rows. Packing buffers are reused from
/// product to product (``PackingWorkspace``).
public struct MatrixProduct: Sendable, Hashable {
    /// The number of threads; nil chooses one for small products and, for large
    /// ones, every processor online (or `NNHW_THREADS` when that is set).
    public var threads: Int?

    /// The micro-kernel: this build's own (``Kernel/native``) unless another is asked for.
    public var kernel: Kernel

    /// A product on the given number of threads (nil: chosen by size) with the given kernel.
    ///
    /// - Precondition: `threads` is nil or positive.
    public init(threads: Int? = nil, kernel: Kernel = .native) {
        precondition(threads.map { $0 > 0 } ?? true, "A product needs at least one thread")
        self.threads = threads
        self.kernel = kernel
    }

    /// From this many multiply-adds (m · k · n) on, several threads are faster than one.
    static let threadingThreshold = 1 << 21

    /// op(A) op(B), with op(A) = Aᵀ when `transposingLeft` and op(B) = Bᵀ when `transposingRight`.
    ///
    /// - Precondition: the columns of op(A) equal the rows of op(B).
    /// - Complexity: O(m · k · n) for op(A) m × k and op(B) k × n.
    public func callAsFunction(
        _ lhs: Matrix, _ rhs: Matrix, transposingLeft: Bool = false, transposingRight: Bool = false
    ) -> Matrix {
        let left = Operand(lhs, transposed: transposingLeft)
        let right = Operand(rhs, transposed: transposingRight)
        precondition(
            left.columns == right.rows,
            "Matrix product of \(left.rows) × \(left.columns) and \(right.rows) × \(right.columns)")
        let m = left.rows
        let n = right.columns
        guard m > 0 && n > 0 && left.columns > 0 else { return Matrix(rows: m, columns: n) }
        let result = [Double](unsafeUninitializedCapacity: m * n) { buffer, initialized in
            lhs.elements.withUnsafeBufferPointer { a in
                rhs.elements.withUnsafeBufferPointer { b in
                    if let a = a.baseAddress, let b = b.baseAddress, let c = buffer.baseAddress {
                        let pointers = Pointers(a: a, b: b, c: c)
                        switch kernel {
                        case .portable: multiply(PortableKernel.self, pointers, left, right)
                        case .fused: multiply(FusedKernel.self, pointers, left, right)
                        case .wide: multiply(WideKernel.self, pointers, left, right)
                        }
                    }
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, elements: result)
    }

    /// The number of parts C is split into, along columns (units of `unit`) when
    /// `byColumns`, along rows otherwise.
    private func parts(m: Int, k: Int, n: Int, byColumns: Bool, unit: Int) -> Int {
        let units = ((byColumns ? n : m) + unit - 1) / unit
        if let threads { return min(threads, units) }
        let work = m.multipliedReportingOverflow(by: k)
        let total = work.partialValue.multipliedReportingOverflow(by: n)
        let large = work.overflow || total.overflow || total.partialValue >= Self.threadingThreshold
        return large ? min(Processor.threadLimit, units) : 1
    }

    private func multiply<K: MicroKernel>(_ kernel: K.Type, _ pointers: Pointers, _ left: Operand, _ right: Operand) {
        let m = left.rows
        let n = right.columns
        let byColumns = n >= m
        let unit = byColumns ? K.columns : K.rows
        let parts = parts(m: m, k: left.columns, n: n, byColumns: byColumns, unit: unit)
        guard parts > 1 else {
            Self.multiply(kernel, pointers, left, right, rows: 0..<m, columns: 0..<n)
            return
        }
        let extent = byColumns ? n : m
        let share = ((extent + parts - 1) / parts + unit - 1) / unit * unit
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = min(extent, part * share)..<min(extent, (part + 1) * share)
            guard !range.isEmpty else { return }
            if byColumns {
                Self.multiply(kernel, pointers, left, right, rows: 0..<m, columns: range)
            } else {
                Self.multiply(kernel, pointers, left, right, rows: range, columns: 0..<n)
            }
        }
    }

    /// The depth of op(B) packed at once: as many whole slices as fit in this many values of k.
    static let packedDepth = 2048

    /// C[rows, columns] = op(A)[rows, :] op(B)[:, columns] on the calling thread;
    /// C is row-major with n columns and is written, not read, on the first slice.
    ///
    /// For each block of nc columns, op(B) is packed over every slice of k at once (up to
    /// ``packedDepth``); then each mc × nc block of C is finished over all those slices before
    /// the next, so the block (mc · nc numbers) is still in the L2 cache when the next slice
    /// adds to it. Packing one slice of op(B) at a time and sweeping all of C per slice, a
    /// 1024 × 1024 × 1024 product ran 20% slower per multiply-add than 1024 × 256 × 1024,
    /// one slice; now the two run alike.
    private static func multiply<K: MicroKernel>(
        _ kernel: K.Type, _ pointers: Pointers, _ left: Operand, _ right: Operand, rows: Range<Int>,
        columns: Range<Int>
    ) {
        let k = left.columns
        let ldc = right.columns
        let (mr, nr) = (K.rows, K.columns)
        let (depth, height, width) = (K.depth, K.height, K.width)
        // Slices of equal depth (784 = 4 × 196, not 3 × 256 + 16): a shallow last slice would
        // spend more on reading and writing C than on multiply-adds.
        let slices = (k + depth - 1) / depth
        let sliceDepth = (k + slices - 1) / slices
        let runDepth = max(1, packedDepth / sliceDepth) * sliceDepth
        let workspace = PackingWorkspace.buffer(count: height * sliceDepth + min(runDepth, k) * width + mr * nr)
        let packedA = workspace
        let packedB = workspace + height * sliceDepth
        let tile = packedB + min(runDepth, k) * width
        for jc in stride(from: columns.lowerBound, to: columns.upperBound, by: width) {
            let nc = min(width, columns.upperBound - jc)
            let ncPadded = (nc + nr - 1) / nr * nr
            for run in stride(from: 0, to: k, by: runDepth) {
                let depths = run..<min(k, run + runDepth)
                for pc in stride(from: depths.lowerBound, to: depths.upperBound, by: sliceDepth) {
                    packRight(
                        kernel, depth: min(sliceDepth, k - pc), columns: nc,
                        pointers.b + pc * right.rowStride + jc * right.columnStride, rowStride: right.rowStride,
                        columnStride: right.columnStride, into: packedB + (pc - run) * ncPadded)
                }
                for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: height) {
                    let mc = min(height, rows.upperBound - ic)
                    for pc in stride(from: depths.lowerBound, to: depths.upperBound, by: sliceDepth) {
                        let kc = min(sliceDepth, k - pc)
                        packLeft(
                            kernel, rows: mc, depth: kc, pointers.a + ic * left.rowStride + pc * left.columnStride,
                            rowStride: left.rowStride, columnStride: left.columnStride, into: packedA)
                        multiplyBlock(
                            kernel, depth: kc, rows: mc, columns: nc, packedA, packedB + (pc - run) * ncPadded,
                            into: pointers.c + ic * ldc + jc, stride: ldc, tile: tile, adding: pc > 0)
                    }
                }
            }
        }
    }

    /// The mc × nc block of C at `c` (rows `ldc` apart) from a packed block of op(A) and a
    /// packed slice of op(B), both kc deep, tile by tile: each kc × nr panel of op(B) stays
    /// in the L1 cache while the panels of op(A) pass it. `tile` is scratch for the tiles cut
    /// by the block's edge.
    @inline(__always)
    private static func multiplyBlock<K: MicroKernel>(
        _: K.Type, depth kc: Int, rows mc: Int, columns nc: Int, _ packedA: UnsafeMutablePointer<Double>,
        _ packedB: UnsafeMutablePointer<Double>, into c: UnsafeMutablePointer<Double>, stride ldc: Int,
        tile: UnsafeMutablePointer<Double>, adding: Bool
    ) {
        let (mr, nr) = (K.rows, K.columns)
        for jr in stride(from: 0, to: nc, by: nr) {
            for ir in stride(from: 0, to: mc, by: mr) {
                let target = c + ir * ldc + jr
                let (tileRows, tileColumns) = (min(mr, mc - ir), min(nr, nc - jr))
                if tileRows == mr && tileColumns == nr {
                    K.tile(depth: kc, packedA + ir * kc, packedB + jr * kc, into: target, stride: ldc, adding: adding)
                } else {
                    K.tile(depth: kc, packedA + ir * kc, packedB + jr * kc, into: tile, stride: nr, adding: false)
                    deposit(
                        tile, columnsApart: nr, into: target, stride: ldc, rows: tileRows, columns: tileColumns,
                        adding: adding)
                }
            }
        }
    }

    /// Stores (or adds, when `adding`) the top-left rows × columns of a tile whose rows lie nr apart into C.
    private static func deposit(
        _ tile: UnsafeMutablePointer<Double>, columnsApart nr: Int, into c: UnsafeMutablePointer<Double>,
        stride ldc: Int, rows: Int, columns: Int, adding: Bool
    ) {
        for r in 0..<rows {
            for j in 0..<columns {
                c[r * ldc + j] = adding ? c[r * ldc + j] + tile[r * nr + j] : tile[r * nr + j]
            }
        }
    }

    /// A matrix read as X or Xᵀ through strides: element (i, j) is at i · rowStride + j · columnStride.
    struct Operand: Sendable {
        let rows: Int
        let columns: Int
        let rowStride: Int
        let columnStride: Int

        init(_ matrix: Matrix, transposed: Bool) {
            if transposed {
                (rows, columns, rowStride, columnStride) = (matrix.columns, matrix.rows, 1, matrix.columns)
            } else {
                (rows, columns, rowStride, columnStride) = (matrix.rows, matrix.columns, matrix.columns, 1)
            }
        }
    }

    /// The operands and the result of one product; threads write disjoint parts of C.
    private struct Pointers: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let b: UnsafePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }
}

extension MatrixProduct {
    /// Below this many multiply-adds (m · k · n) the automatic product runs the plain loop.
    static let plainThreshold = 32_768

    /// op(A) op(B) as the operators compute it: small products (homework sizes) by the
    /// plain loop cᵢⱼ = ((op(A)ᵢ₀ op(B)₀ⱼ + op(A)ᵢ₁ op(B)₁ⱼ) + …), multiply then add in
    /// order of k, so worked solutions print the same last digits on every processor;
    /// larger ones by the packed kernel.
    static func automatic(
        _ lhs: Matrix, _ rhs: Matrix, transposingLeft: Bool = false, transposingRight: Bool = false
    ) -> Matrix {
        let left = Operand(lhs, transposed: transposingLeft)
        let right = Operand(rhs, transposed: transposingRight)
        let m = left.rows
        let k = left.columns
        let n = right.columns
        let work = m.multipliedReportingOverflow(by: k)
        let total = work.partialValue.multipliedReportingOverflow(by: n)
        guard !work.overflow && !total.overflow && total.partialValue < plainThreshold && k == right.rows else {
            return MatrixProduct()(lhs, rhs, transposingLeft: transposingLeft, transposingRight: transposingRight)
        }
        var result = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for p in 0..<k {
                let aip = lhs.elements[i * left.rowStride + p * left.columnStride]
                for j in 0..<n {
                    result[i * n + j] += aip * rhs.elements[p * right.rowStride + j * right.columnStride]
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: result)
    }
}

extension Matrix {
    /// A Bᵀ, with (A Bᵀ)ᵢⱼ = Σₖ aᵢₖ bⱼₖ, without forming Bᵀ.
    ///
    /// - Precondition: `columns == other.columns`.
    public func multiplied(byTransposeOf other: Matrix) -> Matrix {
        MatrixProduct.automatic(self, other, transposingRight: true)
    }

    /// Aᵀ B, with (Aᵀ B)ᵢⱼ = Σₖ aₖᵢ bₖⱼ, without forming Aᵀ.
    ///
    /// - Precondition: `rows == other.rows`.
    public func transposeMultiplied(by other: Matrix) -> Matrix {
        MatrixProduct.automatic(self, other, transposingLeft: true)
    }
}
