import NNCore

/// The computational graph of a formula at a point, the way CS231n stages a
/// circuit and micrograd's `draw_dot` draws one: every subexpression a node
/// with its forward value, the local gradient of each of its inputs, and the
/// gradient ∂f/∂node that backpropagation brings to it from the output.
///
/// A subexpression written twice (x in x·x) is one node whose gradient sums
/// both uses. Nodes are listed inputs first and f last, so each node comes
/// after its inputs.
public struct ComputationalGraph: Sendable {
    /// One node of the graph.
    public struct Node: Sendable {
        /// The subexpression it computes.
        public var expression: Expression
        /// What it does: "input", "constant", or the operation ("·", "+", "tanh").
        public var operation: String
        /// The indices of its inputs in ``ComputationalGraph/nodes``.
        public var inputs: [Int]
        /// Its forward value.
        public var value: Double
        /// For each input u: the formula ∂node/∂u, written in the inputs, and its value.
        public var localGradients: [(formula: Expression, value: Double)]
        /// ∂f/∂node, the gradient backpropagation brings to it.
        public var gradient: Double
    }

    /// The nodes, each after its inputs; the last is f.
    public private(set) var nodes: [Node] = []
    /// The formula's variables and their values.
    public var point: [String: Double]

    /// The graph of `f` at `point` (a value for every variable of f).
    public init(_ f: Expression, at point: [String: Double]) {
        self.point = point
        var index: [Expression: Int] = [:]
        _ = add(f, index: &index)
        guard !nodes.isEmpty else { return }
        nodes[nodes.count - 1].gradient = 1
        for position in nodes.indices.reversed() {
            let node = nodes[position]
            for (input, local) in zip(node.inputs, node.localGradients) {
                nodes[input].gradient += node.gradient * local.value
            }
        }
    }

    /// The index of the node of `expression`, adding it and its inputs first.
    private mutating func add(_ expression: Expression, index: inout [Expression: Int]) -> Int {
        if let known = index[expression] { return known }
        let children: [Expression]
        let operation: String
        switch expression {
        case .number: (children, operation) = ([], "constant")
        case .variable: (children, operation) = ([], "input")
        case .negation(let u): (children, operation) = ([u], "−")
        case .binary(let binaryOperator, let u, let v):
            let symbols: [BinaryOperator: String] = [
                .add: "+", .subtract: "−", .multiply: "·", .divide: "/", .power: "^",
            ]
            (children, operation) = ([u, v], symbols[binaryOperator] ?? binaryOperator.rawValue)
        case .call(let function, let arguments): (children, operation) = (arguments, function.rawValue)
        }
        let inputs = children.map { add($0, index: &index) }
        let value = (try? expression.value(at: point)) ?? .nan
        var local: [(formula: Expression, value: Double)] = []
        if !children.isEmpty {
            let placeholders = children.indices.map { "#\($0)" }
            let generic = Self.replacingChildren(of: expression, with: placeholders.map(Expression.variable))
            var at: [String: Double] = [:]
            for (name, input) in zip(placeholders, inputs) { at[name] = nodes[input].value }
            for name in placeholders {
                let derivative = generic.derivative(withRespectTo: name)
                let shown = Self.substituting(
                    Dictionary(uniqueKeysWithValues: zip(placeholders, children)), in: derivative)
                local.append((shown, (try? derivative.value(at: at)) ?? .nan))
            }
        }
        nodes.append(
            Node(
                expression: expression, operation: operation, inputs: inputs, value: value, localGradients: local,
                gradient: 0))
        index[expression] = nodes.count - 1
        return nodes.count - 1
    }

    /// The operation of `expression` applied to `replacements` instead of its own operands.
    private static func replacingChildren(of expression: Expression, with replacements: [Expression]) -> Expression {
        switch expression {
        case .number, .variable: expression
        case .negation: .negation(replacements[0])
        case .binary(let binaryOperator, _, _): .binary(binaryOperator, replacements[0], replacements[1])
        case .call(let function, _): .call(function, replacements)
        }
    }

    /// `expression` with each variable that `values` names replaced by its expression.
    private static func substituting(_ values: [String: Expression], in expression: Expression) -> Expression {
        switch expression {
        case .number: expression
        case .variable(let name): values[name] ?? expression
        case .negation(let u): .negation(substituting(values, in: u))
        case .binary(let binaryOperator, let u, let v):
            .binary(binaryOperator, substituting(values, in: u), substituting(values, in: v))
        case .call(let function, let arguments): .call(function, arguments.map { substituting(values, in: $0) })
        }
    }

    /// The column of each node: one more than its deepest input.
    /// An input sits just before the first node that uses it, so no edge jumps over a column.
    public var depths: [Int] {
        var result: [Int] = []
        for node in nodes { result.append(node.inputs.map { result[$0] + 1 }.max() ?? 0) }
        for (index, node) in nodes.enumerated() where node.inputs.isEmpty {
            let users = nodes.indices.filter { nodes[$0].inputs.contains(index) }.map { result[$0] }
            if let first = users.min() { result[index] = first - 1 }
        }
        return result
    }

    /// ∂f/∂x for each variable x, sorted by name.
    public var variableGradients: [(name: String, gradient: Double)] {
        nodes.compactMap { node in
            guard case .variable(let name) = node.expression else { return nil }
            return (name, node.gradient)
        }.sorted { $0.name < $1.name }
    }
}
