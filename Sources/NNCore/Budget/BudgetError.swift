/// Why a search budget or a training cost cannot be computed.
public enum BudgetError: Error, Sendable, Hashable {
    /// A product of whole numbers exceeds Int.max (2⁶³ − 1).
    case overflow
}
