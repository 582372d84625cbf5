import NNCore

/// The diagram of a network spec: the inputs and each layer's units as
/// circles in columns, every weight on its edge, each bias beside its unit,
/// the layers named z⁽⁰⁾ = x, a⁽ˡ⁾ → z⁽ˡ⁾ … ŷ in the course's notation; with
/// values (the JSON result of a worked forward or backward solution), each
/// unit's a, z and δ beside it.
public enum NetworkDiagram {
    /// More units than this in one layer are not drawn.
    public static let maximumUnits = 16

    /// The number of units of the input and of each layer.
    ///
    /// - Throws: an invalid-data error for a layer wider than ``maximumUnits``.
    public static func checkWidths(_ problem: NetworkProblem) throws(InputError) -> [Int] {
        let layers = problem.network.layers
        let widths = [layers.first?.weights.columns ?? 0] + layers.map(\.weights.rows)
        if let (index, width) = widths.enumerated().first(where: { $0.element > maximumUnits }) {
            throw InputError(
                at: index == 0 ? "input" : "layers[\(index - 1)]",
                .invalid("has \(width) units; a diagram draws at most \(maximumUnits) in a layer"))
        }
        return widths
    }

    /// The diagram of `problem` in `notation`; `values` is the `result` of
    /// `nnhw forward` or `nnhw backward` on it, whose first sample is shown.
    ///
    /// - Throws: an invalid-data error for a layer wider than ``maximumUnits``.
    public static func diagram(
        _ problem: NetworkProblem, notation: Notation = Notation(), values: JSONValue? = nil, precision: Int = 4
    ) throws(InputError) -> Diagram {
        let symbols = NetworkSymbols(notation: notation, isBatch: false)
        let layers = problem.network.layers
        let widths = try checkWidths(problem)
        func text(_ math: MathExpression) -> String { PictureText.plain(Prose(math)) }
        func number(_ x: Double) -> String { PictureText.number(x, precision: precision) }
        func sample(_ value: JSONValue?) -> [Double] {
            guard let array = value?.arrayValue else { return [] }
            if let rows = array.first?.arrayValue { return rows.compactMap(\.numberValue) }
            return array.compactMap(\.numberValue)
        }
        var nodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []
        let input = problem.input.row(0)
        for j in 0..<widths[0] {
            let name = MathExpression.symbol(Symbol("x", index: "\(j + 1)"))
            nodes.append(
                Diagram.Node(
                    id: "x\(j + 1)", label: text(name),
                    notes: values == nil ? [] : ["\(text(name)) = \(number(input[j]))"],
                    shape: .circle, column: 0, row: j))
        }
        var titles = [text(.equation(symbols.z(0), symbols.input))]
        for (l, layer) in layers.enumerated() {
            let result = values?["layers"]?.arrayValue.flatMap { l < $0.count ? $0[l] : nil }
            let (a, z, delta) = (sample(result?["a"]), sample(result?["z"]), sample(result?["delta"]))
            let activation = PictureText.plain(ActivationNotation(activation: layer.activation).summary)
            var title = "\(text(symbols.a(l + 1))) → \(text(symbols.z(l + 1))), \(activation)"
            if l == layers.count - 1 { title += ", \(text(symbols.prediction)) = \(text(symbols.z(l + 1)))" }
            titles.append(title)
            for j in 0..<layer.weights.rows {
                var notes = ["b = " + number(layer.bias[j])]
                let unitA = MathExpression.symbol(Symbol(notation.preActivation, layer: l + 1, index: "\(j + 1)"))
                let unitZ = MathExpression.symbol(Symbol(notation.activation, layer: l + 1, index: "\(j + 1)"))
                let unitDelta = MathExpression.symbol(Symbol("δ", layer: l + 1, index: "\(j + 1)"))
                if j < a.count { notes.append("\(text(unitA)) = \(number(a[j]))") }
                if j < z.count { notes.append("\(text(unitZ)) = \(number(z[j]))") }
                if j < delta.count { notes.append("\(text(unitDelta)) = \(number(delta[j]))") }
                let id = "u\(l + 1)_\(j + 1)"
                nodes.append(
                    Diagram.Node(id: id, label: text(unitZ), notes: notes, shape: .circle, column: l + 1, row: j))
                for k in 0..<layer.weights.columns {
                    let from = l == 0 ? "x\(k + 1)" : "u\(l)_\(k + 1)"
                    edges.append(Diagram.Edge(from: from, to: id, label: number(layer.weights[j, k])))
                }
            }
        }
        let description = problem.description.map { ": " + $0 } ?? ""
        return Diagram(
            title: "Network, \(counted(layers.count, "dense layer"))\(description)", columnTitles: titles,
            nodes: nodes, edges: edges)
    }
}
