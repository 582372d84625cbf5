/// A value for each of the two spatial dimensions of an image: a kernel size
/// 3×5, a stride, a padding rule.
public struct HeightWidth<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value along the height (rows).
    public var height: Value
    /// The value along the width (columns).
    public var width: Value

    /// Different values along the height and the width.
    public init(_ height: Value, _ width: Value) {
        self.height = height
        self.width = width
    }

    /// The same value along both dimensions.
    public init(square value: Value) {
        self.init(value, value)
    }

    /// Whether both dimensions have the same value.
    public var isSquare: Bool { height == width }
}
