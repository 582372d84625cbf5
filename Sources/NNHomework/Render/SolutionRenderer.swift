/// Draws a worked solution in one output format.
public protocol SolutionRenderer: Sendable {
    /// The solution as the text to print, ending in a newline.
    func render(_ solution: Solution) -> String
}

/// How renderers round and lay out numbers and matrices.
public struct RenderOptions: Sendable, Hashable {
    /// Decimals shown for non-integers (integers always print without decimals).
    public var precision: Int
    /// Significant digits shown for non-integers instead of `precision`
    /// decimals (`--sig N`), or nil.
    public var significantDigits: Int?
    /// Past this many columns a matrix shows its first and last columns around ⋯.
    public var maxColumns: Int
    /// Past this many rows a matrix shows its first and last rows around ⋮.
    public var maxRows: Int
    /// The width, in characters, of a text line (`--width`): steps wrap onto
    /// `= …` lines, prose wraps, matrices drop columns and tables wrap by row to fit.
    public var lineWidth: Int
    /// Whether text writes large numbers with thousands separators (1,951,600),
    /// as the budget subcommands do; JSON never does.
    public var groupsThousands: Bool
    /// The level of LaTeX heading a solution's title gets (its sections the next one down).
    public var headingLevel: HeadingLevel
    /// Whether the sentences stating conventions are shown before the first section.
    public var includesPreamble: Bool

    /// Options with the defaults: 4 decimals, 8 columns, 12 rows, 80 characters,
    /// no thousands separators, the title a `\section*`, the preamble shown.
    public init(
        precision: Int = 4, significantDigits: Int? = nil, maxColumns: Int = 8, maxRows: Int = 12,
        lineWidth: Int = 80, groupsThousands: Bool = false, headingLevel: HeadingLevel = .section,
        includesPreamble: Bool = true
    ) {
        self.precision = precision
        self.significantDigits = significantDigits
        self.headingLevel = headingLevel
        self.includesPreamble = includesPreamble
        self.maxColumns = maxColumns
        self.maxRows = maxRows
        self.lineWidth = lineWidth
        self.groupsThousands = groupsThousands
    }
}

/// The LaTeX heading a solution's title is set with (`--heading-level`), so a
/// fragment fits where it is `\input`: the title at this level, sections one below.
public enum HeadingLevel: String, Sendable, CaseIterable {
    /// The title is a `\section*`, sections are `\subsection*`.
    case section
    /// The title is a `\subsection*`, sections are `\subsubsection*`.
    case subsection
    /// The title is a `\subsubsection*`, sections are `\paragraph*`.
    case subsubsection
    /// No title; sections are `\paragraph*`.
    case none
}

extension RenderOptions {
    /// How numbers are written under these options.
    var numberFormat: NumberFormat {
        NumberFormat(precision: precision, significantDigits: significantDigits, groupsThousands: groupsThousands)
    }
}
