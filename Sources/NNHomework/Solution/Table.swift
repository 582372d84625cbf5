/// A table in a worked solution: a header and rows of cells, each cell a
/// one-line expression (a number, a symbol, a short formula or words).
///
/// Text draws it with aligned columns; JSON leaves it out (the same values
/// are in the solution's result).
public struct Table: Sendable, Hashable {
    /// How a column's cells line up.
    public enum Alignment: Sendable, Hashable {
        /// Flush left: names and words.
        case left
        /// Flush right: numbers.
        case right
    }

    /// A column's heading and alignment.
    public struct Column: Sendable, Hashable {
        /// The heading.
        public var title: String
        /// How its cells line up.
        public var alignment: Alignment

        /// A column headed `title`.
        public init(_ title: String, alignment: Alignment = .right) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows, each with one cell per column.
    public var rows: [[MathExpression]]

    /// A table with the given columns and rows.
    ///
    /// - Precondition: every row has one cell per column.
    public init(columns: [Column], rows: [[MathExpression]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "Every row needs one cell per column")
        self.columns = columns
        self.rows = rows
    }
}
