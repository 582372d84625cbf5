import Testing

/// One picture nnhw draws from the command line, in one format, with its golden file.
struct PictureCase: Sendable, CustomTestStringConvertible {
    /// The kind of picture: `plot-relu-derivative`, `diagram-network`, …
    let kind: String
    /// The command's arguments before `--format`.
    let arguments: [String]
    /// The format.
    let format: String

    /// The golden file's name: `picture-<kind>.<extension>`.
    var snapshotName: String {
        let ending = ["svg": "svg", "latex": "tex", "text": "txt", "dot": "dot", "json": "json"][format] ?? format
        return "picture-\(kind).\(ending)"
    }

    /// The whole command line.
    var commandLine: [String] { arguments + ["--format", format, "--width", "80"] }

    var testDescription: String { "nnhw " + commandLine.joined(separator: " ") }

    /// The plots, each in text, svg, latex and json.
    static let plots: [(String, [String])] = [
        ("plot-relu-derivative", ["plot", "relu", "--derivative"]),
        (
            "plot-derivatives",
            ["plot", "gelu", "leaky_relu", "relu", "tanh", "--derivative", "--from", "-3", "--to", "3"]
        ),
        ("plot-cross-entropy", ["plot", "cross_entropy"]),
        (
            "plot-formula",
            [
                "plot", "--f", "-ln(p)", "--var", "p", "--from", "0.001", "--to", "1", "--xlabel",
                "predicted probability of the true class", "--ylabel", "loss",
            ]
        ),
        ("plot-sign", ["plot", "sign"]),
    ]

    /// The diagrams, each in text, svg, latex, dot and json.
    static let diagrams: [(String, [String])] = [
        ("diagram-network", ["diagram", "--example", "relu-3-layer", "--values"]),
        ("diagram-formula-graph", ["diagram", "--f", "tanh(a*b + c)", "--at", "a=1,b=-2,c=3"]),
        ("diagram-network-graph", ["diagram", "--example", "relu-3-layer", "--graph"]),
    ]

    static let all: [PictureCase] =
        plots.flatMap { kind, arguments in
            ["text", "svg", "latex", "json"].map { PictureCase(kind: kind, arguments: arguments, format: $0) }
        }
        + diagrams.flatMap { kind, arguments in
            ["text", "svg", "latex", "dot", "json"].map { PictureCase(kind: kind, arguments: arguments, format: $0) }
        }

    /// The cases in one format.
    static func inFormat(_ format: String) -> [PictureCase] { all.filter { $0.format == format } }
}
