/// What the gain of a backward chain (the factor between the gradient at its
/// end and at its start) says about the gradient, on fixed thresholds: it
/// vanishes below 1/100, shrinks below 1/2, is preserved from 1/2 to 2, grows
/// above 2 and explodes above 100 (all on |gain|).
enum GainVerdict: Sendable, Hashable {
    /// gain = 0: nothing reaches the start.
    case none
    /// |gain| < 1/100.
    case vanishing
    /// 1/100 ≤ |gain| < 1/2.
    case shrinking
    /// 1/2 ≤ |gain| ≤ 2.
    case preserved
    /// 2 < |gain| ≤ 100.
    case growing
    /// |gain| > 100.
    case exploding

    /// The verdict on `gain`.
    init(gain: Double) {
        switch gain.magnitude {
        case 0: self = .none
        case ..<0.01: self = .vanishing
        case ..<0.5: self = .shrinking
        case ...2: self = .preserved
        case ...100: self = .growing
        default: self = .exploding
        }
    }

    /// The thresholds, as a sentence of the preamble.
    static var thresholds: Prose {
        let one = MathExpression.fraction(.count(1), .count(100))
        let half = MathExpression.fraction(.count(1), .count(2))
        return "The gain is the gradient at the start over the gradient at the end; the words used for it: "
            + "vanishes below \(one), shrinks below \(half), preserved from \(half) to \(2), grows above \(2), "
            + "explodes above \(100)."
    }

    /// What happens to the gradient, as the end of a sentence: "vanishes (less than 1/100 of it is left)".
    var words: Prose {
        let one = MathExpression.fraction(.count(1), .count(100))
        let half = MathExpression.fraction(.count(1), .count(2))
        switch self {
        case .none: return "does not reach the start at all"
        case .vanishing: return "vanishes (less than \(one) of it is left)"
        case .shrinking: return "shrinks (between \(one) and \(half) of it is left)"
        case .preserved: return "is preserved (between \(half) and \(2) times)"
        case .growing: return "grows (between \(2) and \(100) times)"
        case .exploding: return "explodes (more than \(100) times)"
        }
    }

    /// The JSON name: "none", "vanishing", "shrinking", "preserved", "growing", "exploding".
    var name: String {
        switch self {
        case .none: "none"
        case .vanishing: "vanishing"
        case .shrinking: "shrinking"
        case .preserved: "preserved"
        case .growing: "growing"
        case .exploding: "exploding"
        }
    }
}
