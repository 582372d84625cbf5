/// Zeros added around every channel of an input: `top` rows above, `bottom`
/// rows below, `left` and `right` columns beside.
public struct ZeroPadding: Sendable, Hashable {
    /// Rows of zeros above.
    public var top: Int
    /// Rows of zeros below.
    public var bottom: Int
    /// Columns of zeros on the left.
    public var left: Int
    /// Columns of zeros on the right.
    public var right: Int

    /// Padding with the given number of zero rows and columns on each side.
    ///
    /// - Precondition: every count is zero or more.
    public init(top: Int, bottom: Int, left: Int, right: Int) {
        precondition(top >= 0 && bottom >= 0 && left >= 0 && right >= 0, "Negative padding")
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// Whether nothing is added.
    public var isEmpty: Bool { top == 0 && bottom == 0 && left == 0 && right == 0 }

    /// X̃: each channel of `input` with the zeros around it, (H + top + bottom) × (W + left + right).
    ///
    /// - Complexity: O(C · (H + top + bottom) · (W + left + right)).
    public func applied(to input: [Matrix]) -> [Matrix] {
        guard !isEmpty else { return input }
        return input.map { channel in
            var padded = Matrix(rows: channel.rows + top + bottom, columns: channel.columns + left + right)
            for i in 0..<channel.rows {
                for j in 0..<channel.columns { padded[i + top, j + left] = channel[i, j] }
            }
            return padded
        }
    }
}
