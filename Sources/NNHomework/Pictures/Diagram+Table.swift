extension Diagram {
    /// The diagram as a worked solution with one table: each value node (a
    /// unit, or a box of a graph) with the operation that computes it, its
    /// inputs (with the weight on the edge) and its notes; the text format of a
    /// diagram, in the staged-table style of CS231n.
    public func table(preamble: [Prose] = []) -> Solution {
        var solution = Solution(title: Prose.written(title), preamble: preamble)
        let labels = Dictionary(nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        func incoming(_ id: String) -> [Edge] { edges.filter { $0.to == id } }
        var rows: [[[MathExpression]]] = []
        for node in nodes where node.shape != .operation {
            var operation = node.column < columnTitles.count && node.column > 0 ? columnTitles[node.column] : ""
            var inputs = incoming(node.id)
            if let feeding = inputs.first, inputs.count == 1, let op = nodes.first(where: { $0.id == feeding.from }),
                op.shape == .operation
            {
                operation = op.label
                inputs = incoming(op.id)
            }
            let inputText = inputs.map { edge in
                let from = labels[edge.from] ?? edge.from
                return edge.label.map { "\(from) · \($0)" } ?? from
            }.joined(separator: ", ")
            rows.append([
                [.text(node.label)], operation.isEmpty ? [] : [.text(operation)],
                inputText.isEmpty ? [] : [.text(inputText)],
                node.notes.isEmpty ? [] : [.text(node.notes.joined(separator: "; "))],
            ])
        }
        solution.beginSection("Nodes")
        solution.addTable(
            Table(
                columns: [
                    Table.Column("node"), Table.Column("operation"), Table.Column("inputs"), Table.Column("values"),
                ],
                rows: rows))
        solution.result = json
        return solution
    }
}
