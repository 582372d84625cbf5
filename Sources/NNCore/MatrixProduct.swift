import Dispatch
import NNKernel

/// How C = op(A) op(B) is computed, op(X) being X or Xᵀ: cᵢⱼ = Σₖ op(A)ᵢₖ op(B)ₖⱼ.
///
/// The product is blocked in the Goto/BLIS way: B is packed in slices of
/// `depth` rows into panels of 8 columns, A in blocks of `height` rows into
/// panels of 6 rows, and a register-blocked micro-kernel accumulates each
/// 6 × 8 tile of C over a slice. On x86-64 processors with AVX2 and FMA
/// (checked at run time through cpuid) the micro-kernel uses 256-bit fused
/// multiply-adds; elsewhere it uses 128-bit vectors the compiler generates for
/// the default target (SSE2 on x86-64; NEON with fused multiply-add on arm64).
/// Large products split the rows of C among threads.
public struct MatrixProduct: Sendable, Hashable {
    /// Which micro-kernel computes the 6 × 8 tiles.
    public enum Kernel: Sendable, Hashable {
        /// 128-bit vectors, multiply then add; available everywhere.
        case portable
        /// 256-bit fused multiply-adds; only on x86-64 with AVX2 and FMA.
        case avx2FMA

        /// The fastest kernel this processor runs.
        public static var best: Kernel { nn_kernel_has_avx2_fma() ? .avx2FMA : .portable }
    }

    /// The micro-kernel.
    public var kernel: Kernel
    /// The number of threads; nil chooses one for small products and, for large
    /// ones, every processor online (or `NNHW_THREADS` when that is set).
    public var threads: Int?

    /// A product with the given kernel and thread count.
    ///
    /// - Precondition: `kernel` runs on this processor; `threads` is nil or positive.
    public init(kernel: Kernel = .best, threads: Int? = nil) {
        precondition(kernel == .portable || Kernel.best == .avx2FMA, "The AVX2 + FMA kernel needs AVX2 and FMA")
        precondition(threads.map { $0 > 0 } ?? true, "A product needs at least one thread")
        self.kernel = kernel
        self.threads = threads
    }

    /// Rows of B packed per slice (kc).
    static let depth = 256
    /// Rows of A packed per block (mc), a multiple of the tile's 6 rows.
    static let height = 96
    /// Below this many multiply-adds (m · k · n) one thread is faster than several.
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
        var result = [Double](repeating: 0, count: m * n)
        if m > 0 && n > 0 && left.columns > 0 {
            lhs.elements.withUnsafeBufferPointer { a in
                rhs.elements.withUnsafeBufferPointer { b in
                    result.withUnsafeMutableBufferPointer { c in
                        if let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress {
                            multiply(left, a, right, b, into: c)
                        }
                    }
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: result)
    }

    private func threadCount(m: Int, k: Int, n: Int) -> Int {
        if let threads { return max(1, min(threads, (m + 5) / 6)) }
        let work = m.multipliedReportingOverflow(by: k)
        let total = work.partialValue.multipliedReportingOverflow(by: n)
        let large = work.overflow || total.overflow || total.partialValue >= Self.threadingThreshold
        return large ? max(1, min(Processor.threadLimit, m / Self.height)) : 1
    }

    private func multiply(
        _ left: Operand, _ a: UnsafePointer<Double>, _ right: Operand, _ b: UnsafePointer<Double>,
        into c: UnsafeMutablePointer<Double>
    ) {
        let m = left.rows
        let k = left.columns
        let n = right.columns
        let threads = threadCount(m: m, k: k, n: n)
        let useAVX = kernel == .avx2FMA
        let panelColumns = (n + 7) / 8 * 8
        let packedB = UnsafeMutablePointer<Double>.allocate(capacity: Self.depth * panelColumns)
        defer { packedB.deallocate() }
        let shared = SharedPointers(a: a, b: b, c: c, packedB: packedB)
        // Rows of C per thread, a multiple of the tile height so panels do not straddle threads.
        let rowsPerThread = ((m + threads - 1) / threads + 5) / 6 * 6
        let bPanels = panelColumns / 8
        let panelsPerThread = (bPanels + threads - 1) / threads
        for slice in stride(from: 0, to: k, by: Self.depth) {
            let kc = min(Self.depth, k - slice)
            let packB = { @Sendable (part: Int) in
                let first = part * panelsPerThread * 8
                let last = min(n, first + panelsPerThread * 8)
                guard first < last else { return }
                nn_kernel_pack_b(
                    kc, last - first, shared.b + slice * right.rowStride + first * right.columnStride,
                    right.rowStride, right.columnStride, shared.packedB + first * kc)
            }
            let compute = { @Sendable (part: Int) in
                let packedA = UnsafeMutablePointer<Double>.allocate(capacity: Self.height * kc)
                defer { packedA.deallocate() }
                let end = min(m, (part + 1) * rowsPerThread)
                for block in stride(from: part * rowsPerThread, to: end, by: Self.height) {
                    let mc = min(Self.height, end - block)
                    nn_kernel_pack_a(
                        mc, kc, shared.a + block * left.rowStride + slice * left.columnStride,
                        left.rowStride, left.columnStride, packedA)
                    nn_kernel_block(useAVX, mc, n, kc, packedA, shared.packedB, shared.c + block * n, n)
                }
            }
            if threads == 1 {
                packB(0)
                compute(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: threads, execute: packB)
                DispatchQueue.concurrentPerform(iterations: threads, execute: compute)
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

    /// The buffers every thread of one product reads or writes; threads write disjoint rows of C
    /// and disjoint panels of the packed B.
    private struct SharedPointers: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let b: UnsafePointer<Double>
        let c: UnsafeMutablePointer<Double>
        let packedB: UnsafeMutablePointer<Double>
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
