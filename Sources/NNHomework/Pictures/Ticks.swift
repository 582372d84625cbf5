/// Tick positions at round numbers: multiples of 1, 2 or 5 times a power of ten.
public enum Ticks {
    /// The multiples of the round step that lie in `lower`…`upper`, the step
    /// chosen so there are about `count` of them (4 to 10 for a range wider than 0).
    public static func round(from lower: Double, to upper: Double, count: Int = 6) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return [] }
        let step = self.step(for: upper - lower, count: count)
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { multiple($0, of: step) }
    }

    /// The round step (1, 2 or 5 × 10ᵏ) nearest to `span / count` from above.
    public static func step(for span: Double, count: Int = 6) -> Double {
        let raw = span / Double(max(1, count))
        guard raw.isFinite, raw > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2, 5, 10] where factor * power >= raw * 0.999 { return factor * power }
        return 10 * power
    }

    /// The range `lower`…`upper` widened to the nearest multiples of a round step (about a twelfth of it),
    /// so the axis ends on a tick; a zero-width range is widened by 1 on each side.
    public static func rounded(_ lower: Double, _ upper: Double) -> (lower: Double, upper: Double) {
        guard upper > lower else { return (lower - 1, upper + 1) }
        let step = step(for: upper - lower, count: 12)
        return (multiple((lower / step).rounded(.down), of: step), multiple((upper / step).rounded(.up), of: step))
    }

    /// k · step, computed as k / (1/step) for a step below 1 so that 6 · 0.2 is 1.2, not 1.2000000000000002.
    static func multiple(_ k: Double, of step: Double) -> Double {
        guard k != 0 else { return 0 }
        let inverse = (1 / step).rounded()
        return step < 1 && abs(inverse * step - 1) < 1e-12 ? k / inverse : k * step
    }
}
