import NNCore

/// The computational graph of a network's loss, layer by layer, as micrograd
/// draws one: a box for each value (x, W⁽ˡ⁾, b⁽ˡ⁾, a⁽ˡ⁾, z⁽ˡ⁾, L) with its
/// forward value and its gradient ∂L/∂·, and an ellipse for each operation
/// (W z + b, the activation, the loss), the values read from the worked
/// backward solution (its first sample for a batch).
public enum NetworkGraph {
    /// The graph of `problem`, with `result` the JSON result of `nnhw backward` on it.
    public static func diagram(
        _ problem: NetworkProblem, result: JSONValue, notation: Notation = Notation(), precision: Int = 4
    ) -> Diagram {
        let symbols = NetworkSymbols(notation: notation, isBatch: false)
        func text(_ math: MathExpression) -> String { PictureText.plain(Prose(math)) }
        func number(_ x: Double) -> String { PictureText.number(x, precision: precision) }
        func vector(_ value: JSONValue?) -> String {
            guard let array = value?.arrayValue else { return "" }
            let entries = array.first?.arrayValue ?? array
            let numbers = entries.compactMap(\.numberValue).map(number)
            return numbers.count == 1 ? numbers[0] : "(" + numbers.joined(separator: ", ") + ")"
        }
        func matrix(_ rows: [[Double]]) -> String {
            "[" + rows.map { $0.map(number).joined(separator: " ") }.joined(separator: "; ") + "]"
        }
        func matrix(_ value: JSONValue?) -> String {
            matrix((value?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.numberValue) })
        }
        let layers = result["layers"]?.arrayValue ?? []
        var nodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []
        nodes.append(
            Diagram.Node(
                id: "z0", label: text(.equation(symbols.z(0), symbols.input)),
                notes: [
                    "value " + vector(.array([.array(problem.input.row(0).map(JSONValue.number))])),
                    "grad " + vector(result["grad_input"]),
                ],
                shape: .box, column: 0, row: 0))
        for (l, layer) in problem.network.layers.enumerated() {
            let values = l < layers.count ? layers[l] : .null
            let column = 4 * l
            nodes.append(
                Diagram.Node(
                    id: "W\(l + 1)", label: text(symbols.weights(l + 1)),
                    notes: ["value " + matrix(layer.weights.rowArrays), "grad " + matrix(values["grad_W"])],
                    shape: .box, column: column, row: 1))
            nodes.append(
                Diagram.Node(
                    id: "b\(l + 1)", label: text(symbols.bias(l + 1)),
                    notes: [
                        "value " + vector(.array(layer.bias.map(JSONValue.number))), "grad " + vector(values["grad_b"]),
                    ],
                    shape: .box, column: column, row: 2))
            nodes.append(
                Diagram.Node(id: "affine\(l + 1)", label: "W z + b", shape: .operation, column: column + 1, row: 0))
            edges += ["W\(l + 1)", "b\(l + 1)", "z\(l)"].map { Diagram.Edge(from: $0, to: "affine\(l + 1)") }
            nodes.append(
                Diagram.Node(
                    id: "a\(l + 1)", label: text(symbols.a(l + 1)),
                    notes: ["value " + vector(values["a"]), "grad " + vector(values["delta"])], shape: .box,
                    column: column + 2, row: 0))
            edges.append(Diagram.Edge(from: "affine\(l + 1)", to: "a\(l + 1)"))
            let activation = PictureText.plain(ActivationNotation(activation: layer.activation).summary)
            nodes.append(
                Diagram.Node(id: "f\(l + 1)", label: activation, shape: .operation, column: column + 3, row: 0))
            edges.append(Diagram.Edge(from: "a\(l + 1)", to: "f\(l + 1)"))
            nodes.append(
                Diagram.Node(
                    id: "z\(l + 1)", label: text(symbols.z(l + 1)), notes: ["value " + vector(values["z"])],
                    shape: .box, column: column + 4, row: 0))
            edges.append(Diagram.Edge(from: "f\(l + 1)", to: "z\(l + 1)"))
        }
        let last = problem.network.layers.count
        let lossName = PictureText.plain(LossNotation.words(problem.network.loss.function))
        nodes.append(Diagram.Node(id: "loss", label: lossName, shape: .operation, column: 4 * last + 1, row: 0))
        edges.append(Diagram.Edge(from: "z\(last)", to: "loss"))
        nodes.append(
            Diagram.Node(
                id: "L", label: text(symbols.loss),
                notes: ["value " + number(result["loss"]?.numberValue ?? .nan), "grad 1"],
                shape: .box, column: 4 * last + 2, row: 0))
        edges.append(Diagram.Edge(from: "loss", to: "L"))
        return Diagram(
            title: "Computational graph of the loss, \(counted(last, "dense layer"))", nodes: nodes, edges: edges)
    }
}
