import NNCore
import Testing

@Suite("Matrix product: packed, blocked kernel against a plain reference")
struct MatrixProductTests {
    /// Awkward shapes m × k × n: single rows and columns, sizes one off the 6 × 8 and
    /// 12 × 16 tiles, the 96- and 192-row blocks, the 128- and 256-deep slices, the
    /// 256-column blocks, depths past the 2048 packed at once, and tall-thin products.
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (1, 7, 1), (7, 1, 7), (7, 7, 7), (63, 65, 63), (65, 63, 65), (6, 256, 8), (97, 257, 9),
        (257, 1, 257), (1000, 3, 3), (3, 1000, 3), (3, 3, 1000), (1, 257, 65), (257, 63, 1), (130, 300, 70),
        (5, 260, 1100), (64, 784, 20), (12, 128, 16), (13, 129, 17), (193, 130, 31), (11, 9, 2050),
        (9, 30, 257), (3, 5, 513), (7, 2100, 9), (13, 4200, 17), (97, 2049, 9),
    ]

    /// Every shape with every kernel: each kernel runs, if slowly, on every processor.
    static let cases = MatrixProduct.Kernel.allCases.flatMap { kernel in shapes.map { (kernel, $0) } }

    static func random(_ rows: Int, _ columns: Int, _ generator: inout SplitMix64) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in 2 * generator.nextUnit() - 1 })
    }

    /// The textbook triple loop cᵢⱼ = Σₖ aᵢₖ bₖⱼ, and beside it Σₖ |aᵢₖ bₖⱼ|, the scale of
    /// each element's rounding error (the standard bound for a dot product).
    static func reference(_ a: Matrix, _ b: Matrix) -> (product: Matrix, scale: Matrix) {
        var product = Matrix(rows: a.rows, columns: b.columns)
        var scale = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = 0.0
                var magnitude = 0.0
                for k in 0..<a.columns {
                    sum += a[i, k] * b[k, j]
                    magnitude += abs(a[i, k] * b[k, j])
                }
                product[i, j] = sum
                scale[i, j] = magnitude
            }
        }
        return (product, scale)
    }

    /// Whether every |cᵢⱼ − rᵢⱼ| ≤ 1e-12 Σₖ |aᵢₖ bₖⱼ|.
    static func agrees(_ actual: Matrix, with expected: (product: Matrix, scale: Matrix)) -> Bool {
        actual.rows == expected.product.rows && actual.columns == expected.product.columns
            && actual.elements.indices.allSatisfy {
                abs(actual.elements[$0] - expected.product.elements[$0]) <= 1e-12 * expected.scale.elements[$0]
            }
    }

    @Test("A B equals the plain product within 1e-12 relative on one, two and three threads", arguments: cases)
    func product(kernel: MatrixProduct.Kernel, shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var generator = SplitMix64(seed: UInt64(m * 1_000_003 + k * 1009 + n))
        let a = Self.random(m, k, &generator)
        let b = Self.random(k, n, &generator)
        let expected = Self.reference(a, b)
        #expect(Self.agrees(a * b, with: expected), "\(m) × \(k) × \(n) with *")
        for threads in [1, 2, 3] {
            let product = MatrixProduct(threads: threads, kernel: kernel)(a, b)
            #expect(Self.agrees(product, with: expected), "\(kernel): \(m) × \(k) × \(n), \(threads) threads")
        }
    }

    @Test("A Bᵀ and Aᵀ B equal the products with the transpose formed", arguments: cases)
    func transposedOperands(kernel: MatrixProduct.Kernel, shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var generator = SplitMix64(seed: UInt64(m * 7919 + k * 31 + n))
        let a = Self.random(m, k, &generator)
        let b = Self.random(k, n, &generator)
        let expected = Self.reference(a, b)
        #expect(Self.agrees(a.multiplied(byTransposeOf: b.transposed()), with: expected))
        #expect(Self.agrees(a.transposed().transposeMultiplied(by: b), with: expected))
        for threads in [1, 2] {
            let both = MatrixProduct(threads: threads, kernel: kernel)(
                a.transposed(), b.transposed(), transposingLeft: true, transposingRight: true)
            #expect(Self.agrees(both, with: expected), "\(kernel): \(m) × \(k) × \(n), \(threads) threads")
        }
    }

    @Test("a 2 × 3 times 3 × 2 product by hand")
    func byHand() {
        // [[1,2,3],[4,5,6]] [[7,8],[9,10],[11,12]] = [[58,64],[139,154]] by hand.
        let product = Matrix([[1, 2, 3], [4, 5, 6]]) * Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(product == Matrix([[58, 64], [139, 154]]))
    }

    @Test("empty inner dimension gives zeros; empty outer dimensions give empty matrices")
    func emptyShapes() {
        #expect(Matrix(rows: 2, columns: 0) * Matrix(rows: 0, columns: 3) == Matrix(rows: 2, columns: 3))
        #expect(Matrix(rows: 0, columns: 4) * Matrix(rows: 4, columns: 3) == Matrix(rows: 0, columns: 3))
        #expect(Matrix(rows: 2, columns: 4) * Matrix(rows: 4, columns: 0) == Matrix(rows: 2, columns: 0))
    }
}

@Suite("Peak loops: the computation each kernel's peak is timed on")
struct PeakLoopTests {
    /// Σᵢ tᵢ after `steps` of tᵢ ← step(tᵢ) from tᵢ = i + 1, per lane, in plain scalars.
    static func scalarSum(accumulators: Int, lanes: Int, steps: Int, _ step: (Double) -> Double) -> Double {
        (1...accumulators).reduce(0.0) { sum, start in
            var t = Double(start)
            for _ in 0..<steps { t = step(t) }
            return sum + Double(lanes) * t
        }
    }

    @Test("each loop computes tᵢ ← tᵢ x + y (portable) or tᵢ ← tᵢ + x y (fused, wide) on its accumulators")
    func loops() {
        let n = 1000
        let (x, y) = (1 - 1 / Double(n), 1 / Double(n + 3))
        let separate = Self.scalarSum(accumulators: 6, lanes: 4, steps: n) { $0 * x + y }
        let fused4 = Self.scalarSum(accumulators: 12, lanes: 4, steps: n) { $0 + x * y }
        let fused8 = Self.scalarSum(accumulators: 12, lanes: 8, steps: n) { $0 + x * y }
        #expect(abs(MatrixProduct.Kernel.portable.peakLoop(iterations: n) - separate) <= 1e-12 * separate)
        #expect(abs(MatrixProduct.Kernel.fused.peakLoop(iterations: n) - fused4) <= 1e-12 * fused4)
        #expect(abs(MatrixProduct.Kernel.wide.peakLoop(iterations: n) - fused8) <= 1e-12 * fused8)
        #expect(MatrixProduct.Kernel.allCases.map(\.operationsPerPeakIteration) == [48, 96, 192])
    }
}
