/// What a subcommand knows, beyond its solution, to grade a student's values
/// as a person does: how its computation goes with rounded or with the
/// student's own values, the slips it can reproduce, and where formulas live.
public struct Grading {
    /// The result with every intermediate rounded to the given decimals, or nil
    /// where that is not defined (`--round-intermediates K`).
    public var roundedResult: (Int) throws(InputError) -> JSONValue?
    /// The result carried on from the values the student wrote: given answers
    /// shaped like the result (numbers where the student wrote one, null
    /// elsewhere), each value is computed from the student's earlier values
    /// where they wrote them. Nil where the values do not build on each other.
    public var reworked: ((JSONValue) throws(InputError) -> JSONValue)?
    /// The slips this computation can reproduce, each as the result it gives.
    public var slips: [Slip]
    /// The point of a formula check: string answers under `derivative` are
    /// formulas in these variables, compared around this point.
    public var formulaPoint: [(name: String, value: Double)]
    /// S, the number of samples (a sum instead of a mean is off by this factor).
    public var sampleCount: Int

    /// A grading with the given knowledge; by default none beyond the solution.
    public init(
        roundedResult: @escaping (Int) throws(InputError) -> JSONValue? = { _ in nil },
        reworked: ((JSONValue) throws(InputError) -> JSONValue)? = nil, slips: [Slip] = [],
        formulaPoint: [(name: String, value: Double)] = [], sampleCount: Int = 1
    ) {
        self.roundedResult = roundedResult
        self.reworked = reworked
        self.slips = slips
        self.formulaPoint = formulaPoint
        self.sampleCount = sampleCount
    }
}
