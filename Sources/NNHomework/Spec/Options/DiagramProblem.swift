import NNCore

/// What `nnhw diagram` draws: the computational graph of a formula at a point
/// (`--f`, `--at`), or a network spec (`--net`, `--example`) as units by layer,
/// with its worked values (`--values`) or as the graph of its loss (`--graph`).
public struct DiagramProblem: Sendable {
    /// The picture.
    public var diagram: Diagram
    /// Its text form: the staged table of a graph, the table of units of a network.
    public var table: Solution

    /// Its JSON: a formula's graph with every node's value, local gradients and
    /// gradient (the staged table's result), else the diagram's nodes and edges.
    public var json: JSONValue { table.result }

    /// The problem of the options.
    ///
    /// - Throws: a usage error for neither or both of `--f` and a network, `--at`
    ///   missing or malformed, `--values` or `--graph` with `--f`; the spec's and
    ///   the worked solution's errors.
    public init(options: OptionValues) throws(InputError) {
        let precision = options.whole("--precision") ?? 4
        let network = options.isGiven("--net") || options.isGiven("--example")
        if let formula = options.text("--f") {
            if network { throw InputError(at: "--f", .eitherNotBoth("--f", "--net (or --example)")) }
            for flag in ["--values", "--graph"] where options.has(flag) {
                throw InputError(at: flag, .appliesOnly(to: "a network", add: "--net FILE"))
            }
            guard let point = options.text("--at") else {
                throw InputError(at: "--at", .missing(give: "a value for every variable, e.g. --at a=1,b=-2,c=3"))
            }
            let problem = try FormulaCheckProblem(formula: formula, point: point)
            let graph = ComputationalGraph(problem.function, at: problem.point)
            guard graph.nodes.allSatisfy({ $0.value.isFinite && $0.gradient.isFinite }) else {
                throw InputError(at: "--at", .invalid("f or a gradient is not finite at this point"))
            }
            let values = problem.variables.map {
                "\($0) = \(PictureText.number(problem.point[$0] ?? 0, precision: precision))"
            }
            table = graph.stagedSolution(formula: problem.function)
            diagram = graph.diagram(
                title:
                    "f = \(PictureText.plain(Prose(MathExpression(problem.function, division: .slash)))) at \(values.joined(separator: ", "))",
                precision: precision)
            return
        }
        guard network else {
            throw InputError(at: "--f", .missing(give: "--f \"formula\" --at …, or --net FILE (or --example NAME)"))
        }
        let problem = try NetworkProblem(options, requiresLoss: options.has("--graph"))
        let notation = try Notation(options)
        let solver = NetworkSolver(notation: notation)
        if options.has("--graph") {
            _ = try NetworkDiagram.checkWidths(problem)
            let result = try solver.backward(problem).result
            diagram = NetworkGraph.diagram(problem, result: result, notation: notation, precision: precision)
        } else {
            var values: JSONValue?
            if options.has("--values") {
                values = try (problem.target == nil ? solver.forward(problem) : solver.backward(problem)).result
            }
            diagram = try NetworkDiagram.diagram(problem, notation: notation, values: values, precision: precision)
        }
        let batchNote: [Prose] =
            problem.isBatch && (options.has("--values") || options.has("--graph"))
            ? ["A batch: the values shown are those of its first sample."] : []
        table = diagram.table(preamble: batchNote)
    }
}
