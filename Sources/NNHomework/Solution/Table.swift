/// A table in a worked solution, like torchinfo's summary: titled columns and
/// rows of cells, each cell an expression or a chain `e₁ = e₂ = …`.
public struct Table: Sendable, Hashable {
    /// One column: its title and how its cells line up.
    public struct Column: Sendable, Hashable {
        /// Where the cells sit in the column.
        public enum Alignment: Sendable, Hashable {
            /// Flush left (words, shapes, formulas).
            case left
            /// Flush right (counts, so their digits line up).
            case right
        }

        /// The heading.
        public var title: Prose
        /// Where the cells sit.
        public var alignment: Alignment

        /// A column with the given heading and alignment.
        public init(_ title: Prose, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows; each has one cell per column, a cell being the expressions it
    /// equates (usually one; empty for a blank cell).
    public var rows: [[[MathExpression]]]

    /// A table with the given columns and rows.
    ///
    /// - Precondition: every row has one cell per column.
    public init(columns: [Column], rows: [[[MathExpression]]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "Every row needs \(columns.count) cells")
        self.columns = columns
        self.rows = rows
    }
}
