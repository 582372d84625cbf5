/// A common slip of a hand solution, and how to reproduce the value it gives.
public struct Slip: Sendable, Hashable {
    /// How the value with the slip comes from the right result.
    public enum Rule: Sendable, Hashable {
        /// The value at the same path of this result (the computation done with the slip).
        case result(JSONValue)
        /// The right value times this factor.
        case scaled(Double)
        /// The entry [j][i] of the right matrix for [i][j].
        case transposed
        /// The entry one index further along the same array.
        case shiftedIndex
    }

    /// Its name in the JSON report: `sign_flipped`.
    public var name: String
    /// What the student did, as a sentence's end: "flipped the sign".
    public var did: Prose
    /// The right step.
    public var right: Prose
    /// How its value is reproduced.
    public var rule: Rule
    /// The keys of the quantities it concerns (`delta`, `a`), or empty for any.
    public var keys: Set<String>

    /// A slip named `name`.
    public init(_ name: String, did: Prose, right: Prose, rule: Rule, keys: Set<String> = []) {
        self.name = name
        self.did = did
        self.right = right
        self.rule = rule
        self.keys = keys
    }

    /// The value the slip gives at `path`, where it reproduces a value there.
    func value(at path: String, in result: JSONValue) -> Double? {
        if !keys.isEmpty, !keys.contains(String(AnswerCheck.key(of: path))) { return nil }
        switch rule {
        case .result(let slipped):
            return slipped.value(atPath: path)?.numberValue
        case .scaled(let factor):
            return result.value(atPath: path)?.numberValue.map { $0 * factor }
        case .transposed:
            guard let (stem, i, j) = Self.lastTwoIndices(path), i != j else { return nil }
            return result.value(atPath: "\(stem)[\(j)][\(i)]")?.numberValue
        case .shiftedIndex:
            guard let open = path.lastIndex(of: "["), path.hasSuffix("]"),
                let index = Int(path[path.index(after: open)..<path.index(before: path.endIndex)])
            else { return nil }
            return result.value(atPath: "\(path[..<open])[\(index + 1)]")?.numberValue
        }
    }

    private static func lastTwoIndices(_ path: String) -> (String, Int, Int)? {
        let parts = path.split(separator: "[", omittingEmptySubsequences: false)
        guard parts.count >= 3, let j = Int(parts[parts.count - 1].dropLast()),
            let i = Int(parts[parts.count - 2].dropLast())
        else { return nil }
        return (parts.dropLast(2).joined(separator: "["), i, j)
    }
}

extension Slip {
    /// A matrix written transposed: entry [j][i] for [i][j], or the whole matrix in the transposed shape.
    static let transposed = Slip(
        "transposed", did: "wrote the matrix transposed (row and column swapped)",
        right: "keep the layout out by in, one row per output", rule: .transposed)

    /// The slips any value can show: a flipped sign, a missing factor ½, a sum for a
    /// mean and the reverse (with S samples), a transposed matrix and an index one off.
    static func generic(sampleCount: Int) -> [Slip] {
        var slips = [
            Slip(
                "sign_flipped", did: "flipped the sign", right: "keep the sign of each factor", rule: .scaled(-1)),
            Slip(
                "missing_half", did: "left out a factor one half: your value is twice the right one",
                right: "keep the factor one half of the loss", rule: .scaled(2)),
        ]
        if sampleCount > 1 {
            slips += [
                Slip(
                    "sum_for_mean", did: "summed over the \(sampleCount) samples where the mean is taken",
                    right: "divide the sum by the \(sampleCount) samples", rule: .scaled(Double(sampleCount))),
                Slip(
                    "mean_for_sum", did: "took the mean over the \(sampleCount) samples where the sum is taken",
                    right: "add the samples up without dividing", rule: .scaled(1 / Double(sampleCount))),
            ]
        }
        slips += [
            transposed,
            Slip(
                "index_off_by_one", did: "took the entry one index further: a 0-based index read as 1-based",
                right: "count indices from 1 as the solution does", rule: .shiftedIndex),
        ]
        return slips
    }
}
