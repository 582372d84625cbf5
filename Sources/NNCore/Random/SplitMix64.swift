/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose
/// sequence depends only on its seed, so `--seed S` reproduces a run anywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits, the same on every platform
    /// (unlike the standard library's `Double.random(in:)`, whose algorithm may change).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in 0..<bound, by rejection so that no value is favoured.
    ///
    /// - Precondition: `bound > 0`.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "The bound must be positive")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// `count` distinct indices from 0..<population, in increasing order
    /// (a partial Fisher–Yates shuffle); all of them when count ≥ population.
    public mutating func sample(_ count: Int, from population: Int) -> [Int] {
        guard count < population else { return Array(0..<max(population, 0)) }
        var pool = Array(0..<population)
        for i in 0..<count {
            pool.swapAt(i, i + nextInt(below: population - i))
        }
        return pool[0..<count].sorted()
    }
}
