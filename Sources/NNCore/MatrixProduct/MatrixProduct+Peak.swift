extension MatrixProduct.Kernel {
    /// Floating-point operations of one iteration of ``peakLoop(iterations:)``.
    public var operationsPerPeakIteration: Int {
        switch self {
        case .portable: 6 * 4 * 2
        case .fused: 12 * 4 * 2
        case .wide: 12 * 8 * 2
        }
    }

    /// The processor's peak for this kernel's instructions, to be timed: `iterations`
    /// steps on independent accumulators of the kernel's vector width, tᵢ ← tᵢ + x y as one
    /// fused multiply-add (fused, wide) or tᵢ ← tᵢ x + y as a multiply then an add
    /// (portable), so nothing but the floating-point units' throughput bounds it.
    /// Returns Σ tᵢ, so the loop cannot be left out.
    ///
    /// - Complexity: O(iterations).
    public func peakLoop(iterations: Int) -> Double {
        let x = 1 - 1 / Double(max(iterations, 2))
        let y = 1 / Double(iterations + 3)
        switch self {
        case .portable: return Self.separateLoop(iterations, x, y)
        case .fused: return Self.fusedLoop(SIMD4<Double>.self, iterations, x, y)
        case .wide: return Self.fusedLoop(SIMD8<Double>.self, iterations, x, y)
        }
    }

    /// Six accumulators, each step tᵢ ← tᵢ x + y, a multiply then an add (the portable
    /// kernel's half tile; with the multiply by the chain, it cannot be hoisted).
    @inline(never)
    private static func separateLoop(_ iterations: Int, _ x: Double, _ y: Double) -> Double {
        typealias V = SIMD4<Double>
        let (vx, vy) = (V(repeating: x), V(repeating: y))
        var t = (V(repeating: 1), V(repeating: 2), V(repeating: 3), V(repeating: 4), V(repeating: 5), V(repeating: 6))
        for _ in 0..<iterations {
            t.0 = t.0 * vx + vy
            t.1 = t.1 * vx + vy
            t.2 = t.2 * vx + vy
            t.3 = t.3 * vx + vy
            t.4 = t.4 * vx + vy
            t.5 = t.5 * vx + vy
        }
        return (t.0 + t.1 + t.2 + t.3 + t.4 + t.5).sum()
    }

    /// Twelve accumulators, each step a fused multiply-add per accumulator: enough
    /// independent chains to cover the multiply-add latency on two units.
    @inline(never)
    private static func fusedLoop<V: SIMD>(_: V.Type, _ iterations: Int, _ x: Double, _ y: Double) -> Double
    where V.Scalar == Double {
        let (vx, vy) = (V(repeating: x), V(repeating: y))
        var t0 = V(repeating: 1)
        var t1 = V(repeating: 2)
        var t2 = V(repeating: 3)
        var t3 = V(repeating: 4)
        var t4 = V(repeating: 5)
        var t5 = V(repeating: 6)
        var t6 = V(repeating: 7)
        var t7 = V(repeating: 8)
        var t8 = V(repeating: 9)
        var t9 = V(repeating: 10)
        var t10 = V(repeating: 11)
        var t11 = V(repeating: 12)
        for _ in 0..<iterations {
            t0 = t0.addingProduct(vx, vy)
            t1 = t1.addingProduct(vx, vy)
            t2 = t2.addingProduct(vx, vy)
            t3 = t3.addingProduct(vx, vy)
            t4 = t4.addingProduct(vx, vy)
            t5 = t5.addingProduct(vx, vy)
            t6 = t6.addingProduct(vx, vy)
            t7 = t7.addingProduct(vx, vy)
            t8 = t8.addingProduct(vx, vy)
            t9 = t9.addingProduct(vx, vy)
            t10 = t10.addingProduct(vx, vy)
            t11 = t11.addingProduct(vx, vy)
        }
        return ((t0 + t1 + t2 + t3) + (t4 + t5 + t6 + t7) + (t8 + t9 + t10 + t11)).sum()
    }
}
