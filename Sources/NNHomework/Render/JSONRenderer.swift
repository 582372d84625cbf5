/// Draws a solution as its machine-readable results (`--format json`): the
/// solution's `result` as pretty-printed JSON at full precision, steps left out.
public struct JSONRenderer: SolutionRenderer {
    /// A renderer of JSON results.
    public init() {}

    /// `solution.result` as pretty JSON, ending in a newline.
    public func render(_ solution: Solution) -> String {
        solution.result.serialized() + "\n"
    }
}
