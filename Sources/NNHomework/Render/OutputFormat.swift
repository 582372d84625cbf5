/// The output formats of `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Plain text for people: Unicode notation, bracket-drawn matrices, rounded to `--precision`.
    case text
    /// The named results at full precision, with stable keys.
    case json

    /// The names `--format` accepts, for help and error messages: "text|json".
    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// The renderer that draws a solution in this format.
    public func renderer(options: RenderOptions) -> any SolutionRenderer {
        switch self {
        case .text: TextRenderer(options: options)
        case .json: JSONRenderer()
        }
    }
}
