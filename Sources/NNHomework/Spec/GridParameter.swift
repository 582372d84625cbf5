import NNCore

/// One `--grid NAME=VALUES` hyperparameter: its name and the values it takes,
/// given as a count (`d=10`), a list (`lr=0.1,0.01,0.001`, or one value such as
/// `kernel=rbf`) or a range of whole numbers (`depth=2..8`, `units=32..256:32`).
public struct GridParameter: Sendable, Hashable {
    /// How the values were given.
    public enum Values: Sendable, Hashable {
        /// n values, not listed.
        case count(Int)
        /// The values, listed as written.
        case list([String])
        /// lower, lower + step, …, up to upper: ⌊(upper − lower)/step⌋ + 1 values.
        case range(lower: Int, upper: Int, step: Int)
    }

    /// The hyperparameter's name as written.
    public var name: String
    /// Its values.
    public var values: Values
    /// n, the number of values, at least 1.
    public var count: Int

    /// The factor this parameter contributes to a grid.
    public var factor: GridFactor { GridFactor(name: name, count: count) }

    /// Parses `NAME=VALUES`.
    ///
    /// A whole number alone is a count of values; anything else alone is one
    /// value (write the single value 100 as `C=100..100`).
    /// - Throws: a usage error at `place` for a missing name, a count below 1,
    ///   an empty or repeated list entry, or a range that is empty, not whole
    ///   numbers, or too large.
    public init(parsing text: String, at place: String) throws(InputError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingSpaces
        guard parts.count == 2, !name.isEmpty else {
            throw InputError(
                at: place, .expected("NAME=VALUES (d=10, lr=0.1,0.01, depth=2..8, units=32..256:32)", got: text))
        }
        let spec = parts[1].trimmingSpaces
        self.name = name
        if spec.contains(",") {
            let entries = spec.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
            if entries.contains(where: \.isEmpty) {
                throw InputError(at: place, .emptyListEntry(name, list: spec))
            }
            var seen: Set<String> = []
            for entry in entries where !seen.insert(entry).inserted {
                throw InputError(at: place, .repeatedListEntry(name, list: spec, entry: entry))
            }
            values = .list(entries)
            count = entries.count
        } else if spec.contains("..") {
            let (lower, upper, step) = try Self.range(spec, name: name, at: place)
            values = .range(lower: lower, upper: upper, step: step)
            count = (upper - lower) / step + 1
        } else if let number = Int(spec) {
            guard number >= 1 else {
                throw InputError(at: place, .noValueCounted(name, values: spec))
            }
            values = .count(number)
            count = number
        } else if spec.isEmpty {
            throw InputError(at: place, .noValues(name))
        } else {
            values = .list([spec])
            count = 1
        }
    }

    /// `lower..upper[:step]` as whole numbers with lower ≤ upper and step ≥ 1,
    /// small enough that upper − lower does not overflow.
    private static func range(_ spec: String, name: String, at place: String) throws(InputError) -> (Int, Int, Int) {
        let stepParts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let bounds = stepParts[0].split(separator: "..", omittingEmptySubsequences: false)
        guard bounds.count == 2, let lower = Int(bounds[0].trimmingSpaces), let upper = Int(bounds[1].trimmingSpaces)
        else { throw InputError(at: place, .notARange(name, values: spec)) }
        var step = 1
        if stepParts.count == 2 {
            guard let given = Int(stepParts[1].trimmingSpaces) else {
                throw InputError(at: place, .notARange(name, values: spec))
            }
            guard given >= 1 else {
                throw InputError(at: place, .stepBelowOne(name, values: spec, step: given))
            }
            step = given
        }
        guard lower <= upper else {
            throw InputError(at: place, .emptyWholeRange(name, values: spec, lower: lower, upper: upper))
        }
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        guard !overflow, span < Int.max else {
            throw InputError(at: place, .rangeTooLarge(name, values: spec))
        }
        return (lower, upper, step)
    }
}
