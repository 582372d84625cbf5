/// Draws a worked solution in one output format.
public protocol SolutionRenderer: Sendable {
    /// The solution as the text to print, ending in a newline.
    func render(_ solution: Solution) -> String
}

/// How renderers round and lay out numbers and matrices.
public struct RenderOptions: Sendable, Hashable {
    /// Decimals shown for non-integers (integers always print without decimals).
    public var precision: Int
    /// Past this many columns a matrix shows its first and last columns around ⋯.
    public var maxColumns: Int
    /// Past this many rows a matrix shows its first and last rows around ⋮.
    public var maxRows: Int
    /// The width, in characters, at which a text step wraps onto `= …` lines.
    public var lineWidth: Int
    /// Whether text writes large numbers with thousands separators (1,951,600),
    /// as the budget subcommands do; JSON never does.
    public var groupsThousands: Bool

    /// Options with the defaults: 4 decimals, 8 columns, 12 rows, 80 characters, no thousands separators.
    public init(
        precision: Int = 4, maxColumns: Int = 8, maxRows: Int = 12, lineWidth: Int = 80, groupsThousands: Bool = false
    ) {
        self.precision = precision
        self.maxColumns = maxColumns
        self.maxRows = maxRows
        self.lineWidth = lineWidth
        self.groupsThousands = groupsThousands
    }
}
