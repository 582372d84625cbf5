/// The rounding that explains a value a student wrote: the decimals (or
/// significant figures) they wrote, applied to every intermediate or to their
/// own earlier values.
public struct RoundingFound: Sendable, Hashable {
    /// What the rounding was applied to.
    public enum Source: String, Sendable, Hashable {
        /// Every intermediate rounded to the same decimals (`--round-intermediates K`).
        case everyIntermediate = "every_intermediate"
        /// The values the student wrote earlier, each as they rounded it.
        case yourValues = "your_values"
    }

    /// The decimals of the student's value.
    public var decimals: Int
    /// Its significant figures, when it is written as a small number (0.0123) or with an exponent.
    public var significantFigures: Int?
    /// What was rounded.
    public var source: Source
    /// The value the rounded computation gives.
    public var value: Double

    /// The rounding of `number`, applied to `source`, giving `value`.
    init(_ number: WrittenNumber, source: Source, value: Double) {
        self.decimals = number.decimals
        self.significantFigures = number.isWrittenInSignificantFigures ? number.significantFigures : nil
        self.source = source
        self.value = value
    }

    /// "4 decimals", "3 significant figures".
    var digits: Prose {
        if let figures = significantFigures {
            return "\(figures) significant \(figures == 1 ? "figure" : "figures")"
        }
        return "\(decimals) \(decimals == 1 ? "decimal" : "decimals")"
    }

    /// The explanation in a sentence's end.
    var explanation: Prose {
        switch source {
        case .everyIntermediate: "it matches when every intermediate is rounded to \(digits)"
        case .yourValues: "it follows from your own earlier values, rounded to \(digits)"
        }
    }

    /// The report's `rounding` object.
    var json: JSONValue {
        .object([
            JSONMember("decimals", .number(Double(decimals))),
            JSONMember("significant_figures", significantFigures.map { .number(Double($0)) } ?? .null),
            JSONMember("from", .string(source.rawValue)),
            JSONMember("value", .number(value)),
        ])
    }
}
