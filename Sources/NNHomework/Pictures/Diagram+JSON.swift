extension Diagram {
    /// `{"title", "columns", "nodes": [{"id", "label", "notes", "shape", "column", "row"}], "edges": [{"from", "to", "label"}]}`.
    public var json: JSONValue {
        .object([
            JSONMember("title", .string(title)),
            JSONMember("columns", .array(columnTitles.map(JSONValue.string))),
            JSONMember(
                "nodes",
                .array(
                    nodes.map { node in
                        .object([
                            JSONMember("id", .string(node.id)), JSONMember("label", .string(node.label)),
                            JSONMember("notes", .array(node.notes.map(JSONValue.string))),
                            JSONMember("shape", .string(node.shape.rawValue)),
                            JSONMember("column", .number(Double(node.column))),
                            JSONMember("row", .number(Double(node.row))),
                        ])
                    })),
            JSONMember(
                "edges",
                .array(
                    edges.map { edge in
                        .object([
                            JSONMember("from", .string(edge.from)), JSONMember("to", .string(edge.to)),
                            JSONMember("label", edge.label.map(JSONValue.string) ?? .null),
                        ])
                    })),
        ])
    }

    /// The diagram in `format`: svg, latex (TikZ), dot or json.
    ///
    /// - Precondition: `format` is one of those four.
    public func rendered(_ format: PictureFormat, standalone: Bool = false) -> String {
        switch format {
        case .svg: DiagramSVGWriter().svg(self)
        case .latex: DiagramTikZWriter(standalone: standalone).latex(self)
        case .dot: DiagramDOTWriter().dot(self)
        case .json: json.serialized() + "\n"
        case .text, .markdown: preconditionFailure("A diagram's \(format.rawValue) is its table")
        }
    }
}
