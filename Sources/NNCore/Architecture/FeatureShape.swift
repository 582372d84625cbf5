/// The shape of one sample's values between two layers, channels last as
/// homework writes it: H×W×C for an image, T×d for a sequence of T vectors,
/// n for a vector. The batch dimension is never part of it.
public struct FeatureShape: Sendable, Hashable, CustomStringConvertible {
    /// The sizes, outermost first: [H, W, C], [T, d] or [n].
    public var dimensions: [Int]

    /// A shape with the given sizes, outermost first.
    public init(_ dimensions: [Int]) {
        self.dimensions = dimensions
    }

    /// The number of dimensions: 3 for H×W×C, 2 for T×d, 1 for a vector.
    public var rank: Int { dimensions.count }

    /// The last (channel or feature) size: C of H×W×C, d of T×d, n of a vector.
    public var last: Int { dimensions.last ?? 0 }

    /// The number of values, the product of the sizes: H·W·C.
    ///
    /// - Throws: ``ArchitectureError/Reason/tooLarge(_:)`` when it exceeds ``Count/limit``.
    public func elementCount() throws(ArchitectureError.Reason) -> Int {
        try Count.product(dimensions, of: "the element count of \(self)")
    }

    /// The sizes joined by ×: "24×24×10".
    public var description: String {
        dimensions.map(String.init).joined(separator: "×")
    }
}
