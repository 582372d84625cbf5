import NNCore

extension LearningRateSchedule {
    /// The forms `--schedule` takes.
    static let forms = "step:K:γ, exp:γ, inverse:k, cosine:T or warmup:K"

    /// Reads a schedule as `--schedule` writes it: `step:K:γ`, `exp:γ`, `inverse:k`, `cosine:T`, `warmup:K`.
    ///
    /// - Throws: a usage error at `place` for another form, a count below 1 or a factor that is not positive.
    public init(parsing text: String, place: String) throws(InputError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
        func whole(_ part: String) throws(InputError) -> Int {
            guard let value = Int(part), value >= 1 else { throw InputError(at: place, .notPositive(part)) }
            return value
        }
        func positive(_ part: String) throws(InputError) -> Double {
            guard let value = NumberText.decimal(part), value.isFinite else {
                throw InputError(at: place, .expected("a number", got: part))
            }
            guard value > 0 else { throw InputError(at: place, .notPositive(part)) }
            return value
        }
        switch (parts.first, parts.count) {
        case ("step", 3): self = .step(every: try whole(parts[1]), factor: try positive(parts[2]))
        case ("exp", 2): self = .exponential(try positive(parts[1]))
        case ("inverse", 2):
            guard let k = NumberText.decimal(parts[1]), k.isFinite else {
                throw InputError(at: place, .expected("a number", got: parts[1]))
            }
            guard k >= 0 else { throw InputError(at: place, .negative(parts[1])) }
            self = .inverse(k)
        case ("cosine", 2): self = .cosine(period: try whole(parts[1]))
        case ("warmup", 2): self = .warmup(steps: try whole(parts[1]))
        default: throw InputError(at: place, .expected(Self.forms, got: text))
        }
    }
}
