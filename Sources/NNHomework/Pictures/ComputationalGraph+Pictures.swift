import NNCore

extension ComputationalGraph {
    /// The node's name as math: f for the output, the variable for an input, else the subexpression.
    func name(_ index: Int) -> MathExpression {
        if index == nodes.count - 1 && nodes.count > 1 { return .symbol(Symbol("f")) }
        return MathExpression(nodes[index].expression, division: .slash)
    }

    /// The graph as a diagram in micrograd's style: a box per value with its
    /// forward value and gradient, and an ellipse per operation feeding it.
    public func diagram(title: String, precision: Int = 4) -> Diagram {
        let depth = depths
        var rowsUsed: [Int: Int] = [:]
        var diagramNodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []
        func nextRow(_ column: Int) -> Int {
            defer { rowsUsed[column, default: 0] += 1 }
            return rowsUsed[column, default: 0]
        }
        for (index, node) in nodes.enumerated() {
            let column = 2 * depth[index]
            let notes = [
                "value " + PictureText.number(node.value, precision: precision),
                "grad " + PictureText.number(node.gradient, precision: precision),
            ]
            diagramNodes.append(
                Diagram.Node(
                    id: "v\(index)", label: PictureText.plain(Prose(name(index))), notes: notes, shape: .box,
                    column: column, row: nextRow(column)))
            guard !node.inputs.isEmpty else { continue }
            diagramNodes.append(
                Diagram.Node(
                    id: "op\(index)", label: node.operation, shape: .operation, column: column - 1,
                    row: nextRow(column - 1)))
            for input in node.inputs where !edges.contains(Diagram.Edge(from: "v\(input)", to: "op\(index)")) {
                edges.append(Diagram.Edge(from: "v\(input)", to: "op\(index)"))
            }
            edges.append(Diagram.Edge(from: "op\(index)", to: "v\(index)"))
        }
        return Diagram(title: title, nodes: diagramNodes, edges: edges)
    }

    /// The staged table of CS231n: node, operation, inputs, forward value,
    /// local gradients and the gradient from upstream, then ∂f/∂x for each variable.
    public func stagedSolution(formula: Expression) -> Solution {
        let point = variableGradients.map { variable -> Prose in
            "\(MathExpression.variable(variable.name)) = \(given: self.point[variable.name] ?? 0)"
        }
        let f = MathExpression.apply(FunctionName("f"), variableGradients.map { .variable($0.name) })
        var solution = Solution(
            title:
                "Computational graph of \(MathExpression.equation(f, MathExpression(formula, division: .slash))) at \(Prose.joined(point, separator: ", "))",
            preamble: [
                "Forward: each node's value from its inputs. Backward: the output's gradient is \(1); each input u of a node n receives \(MathExpression.partial(of: .symbol(Symbol("f")), withRespectTo: .symbol(Symbol("n")))) times the local gradient \(MathExpression.partial(of: .symbol(Symbol("n")), withRespectTo: .symbol(Symbol("u")))), summed over the nodes u feeds."
            ])
        solution.beginSection("Staged table")
        let columns = [
            Table.Column("node"), Table.Column("operation"), Table.Column("inputs"),
            Table.Column("forward value", alignment: .right), Table.Column("local gradient"),
            Table.Column("upstream gradient", alignment: .right),
        ]
        var rows: [[[MathExpression]]] = []
        for (index, node) in nodes.enumerated() {
            let locals: [[MathExpression]] = zip(node.inputs, node.localGradients).map { input, local in
                let partial = MathExpression.partial(of: name(index), withRespectTo: name(input))
                let formula = local.formula.simplified()
                if case .number = formula { return [partial, .number(local.value)] }
                return [partial, MathExpression(formula, division: .slash), .number(local.value)]
            }
            let first = node.inputs.first.map { [name($0)] } ?? []
            rows.append([
                [name(index)], [.text(node.operation)], first, [.number(node.value)], locals.first ?? [],
                [.number(node.gradient)],
            ])
            for (input, local) in zip(node.inputs, locals).dropFirst() {
                rows.append([[], [], [name(input)], [], local, []])
            }
        }
        solution.addTable(Table(columns: columns, rows: rows))
        solution.beginSection("Gradient")
        for (name, gradient) in variableGradients {
            solution.addStep(
                .partial(of: .symbol(Symbol("f")), withRespectTo: .variable(name)), [.number(gradient)],
                producing: ["gradient.\(name)"])
        }
        solution.result = json
        return solution
    }

    /// `{"nodes": [{"id", "name", "operation", "inputs", "value", "local_gradients", "gradient"}], "value", "gradient"}`.
    public var json: JSONValue {
        let nodeValues: [JSONValue] = nodes.enumerated().map { index, node in
            .object([
                JSONMember("id", .string("v\(index)")),
                JSONMember("name", .string(PictureText.plain(Prose(name(index))))),
                JSONMember("operation", .string(node.operation)),
                JSONMember("inputs", .array(node.inputs.map { .string("v\($0)") })),
                JSONMember("value", .number(node.value)),
                JSONMember("local_gradients", .array(node.localGradients.map { .number($0.value) })),
                JSONMember("gradient", .number(node.gradient)),
            ])
        }
        return .object([
            JSONMember("nodes", .array(nodeValues)),
            JSONMember("value", .number(nodes.last?.value ?? .nan)),
            JSONMember("gradient", .object(variableGradients.map { JSONMember($0.name, .number($0.gradient)) })),
        ])
    }
}
