/// Writes a ``Diagram`` as a Graphviz DOT digraph, left to right, one rank per column.
public struct DiagramDOTWriter: Sendable {
    /// A writer.
    public init() {}

    /// The DOT source.
    public func dot(_ diagram: Diagram) -> String {
        var lines = [
            "digraph nnhw {",
            "  rankdir=LR;",
            "  label=\(Self.quoted(diagram.title)); labelloc=t; fontname=\(Self.quoted(SVGText.fontFamily));",
            "  node [fontname=\(Self.quoted(SVGText.fontFamily)), fontsize=12];",
            "  edge [fontname=\(Self.quoted(SVGText.fontFamily)), fontsize=10, color=\"#555555\"];",
        ]
        for column in 0..<diagram.columnCount {
            let members = diagram.nodes.filter { $0.column == column }.sorted { $0.row < $1.row }
            lines.append("  { rank=same;")
            for node in members {
                let shape: String
                switch node.shape {
                case .circle: shape = "circle"
                case .box: shape = "box, style=rounded"
                case .operation: shape = "ellipse"
                }
                let label = ([node.label] + node.notes).joined(separator: "\n")
                lines.append("    \(node.id) [label=\(Self.quoted(label)), shape=\(shape)];")
            }
            lines.append("  }")
        }
        for edge in diagram.edges {
            let label = edge.label.map { " [label=\(Self.quoted($0))]" } ?? ""
            lines.append("  \(edge.from) -> \(edge.to)\(label);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a DOT string: quoted, with `"` and `\` escaped and a line break as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
