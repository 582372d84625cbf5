/// A named quantity as a course writes it: a base letter with an optional
/// layer superscript ⁽ˡ⁾, subscript, accent, prime and transpose mark,
/// e.g. a⁽¹⁾, W⁽³⁾ᵀ, δ₂⁽¹⁾, ŷ.
public struct Symbol: Sendable, Hashable {
    /// A mark drawn over the base letter.
    public enum Accent: Sendable, Hashable {
        /// ŷ (LaTeX `\hat`).
        case hat
        /// ỹ (LaTeX `\tilde`).
        case tilde
        /// W̄ (LaTeX `\bar`).
        case bar
    }

    /// The base letter or word: "a", "W", "δ", "L", "x", "η".
    public var base: String
    /// The layer l of the superscript ⁽ˡ⁾, if any.
    public var layer: Int?
    /// A layer written with letters where ``layer`` is nil: "l" for a⁽ˡ⁾,
    /// "l−1" for z⁽ˡ⁻¹⁾, "L" for δ⁽ᴸ⁾ (the general layer of a formula).
    public var layerName: String?
    /// A subscript such as "2" or "j" (δ₂), if any.
    public var index: String?
    /// An accent over the base, if any.
    public var accent: Accent?
    /// Whether a prime follows (f′).
    public var isPrime: Bool
    /// Whether the symbol is transposed (ᵀ).
    public var isTransposed: Bool

    /// A symbol with the given parts.
    public init(
        _ base: String, layer: Int? = nil, index: String? = nil, accent: Accent? = nil,
        isPrime: Bool = false, isTransposed: Bool = false, layerName: String? = nil
    ) {
        self.base = base
        self.layer = layer
        self.layerName = layerName
        self.index = index
        self.accent = accent
        self.isPrime = isPrime
        self.isTransposed = isTransposed
    }

    /// The same symbol with a transpose mark: Sᵀ.
    public var transposed: Symbol {
        var copy = self
        copy.isTransposed = true
        return copy
    }
}
