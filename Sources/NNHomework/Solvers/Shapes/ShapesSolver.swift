import NNCore

/// Solves `nnhw shapes`: for every dense layer the shapes of W⁽ˡ⁾, b⁽ˡ⁾,
/// a⁽ˡ⁾, z⁽ˡ⁾, δ⁽ˡ⁾ and ∂L/∂W⁽ˡ⁾ for one sample and a batch, and the sizes of
/// the Jacobians ∂z⁽ˡ⁾/∂z⁽ˡ⁻¹⁾ and ∂a⁽ˡ⁾/∂W⁽ˡ⁾ in entries and bytes — or the
/// shape of one derivative ∂y/∂x in numerator and denominator layout.
///
/// Layout: numerator (the Jacobian's), (∂y/∂x)ᵢⱼ = ∂yᵢ/∂xⱼ, with y's axes
/// first; a single sample's vectors are columns; a batch has one sample per
/// row (A⁽ˡ⁾ is S × n⁽ˡ⁾); weights are out × in.
public struct ShapesSolver: Sendable {
    /// The letters of the course.
    public var notation: Notation

    /// A solver writing in `notation`.
    public init(notation: Notation = Notation()) {
        self.notation = notation
    }

    /// The worked solution of `problem`.
    ///
    /// - Throws: an invalid-data ``InputError`` when a count passes 2⁵³.
    public func solve(_ problem: ShapesProblem) throws(InputError) -> Solution {
        switch problem {
        case .layers(let stack): try solve(stack)
        case .derivative(let shape): try solve(shape)
        }
    }

    /// One quantity of a layer: its key in JSON, how it is written, and its
    /// shape for one sample and for a batch.
    struct Tensor {
        let key: String
        let symbol: MathExpression
        let batchSymbol: MathExpression
        let shape: [Int]
        let batchShape: [Int]

        /// How an error names it: `∂a/∂W of layer 1`, `W of layer 2` (`batch` for the batch's).
        func label(layer: Int, notation: Notation, batch: Bool) -> String {
            let (a, z) = (notation.preActivation, notation.activation)
            let names = [
                "W": "W", "b": "b", "a": a, "z": z, "delta": "δ", "grad_W": "∂\(notation.loss)/∂W",
                "jacobian_z": "∂\(z)/∂\(z)", "jacobian_W": "∂\(a)/∂W",
            ]
            let name = names[key] ?? key
            return (batch ? "the batch's " : "") + "\(name) of layer \(layer)"
        }
    }

    /// The quantities of layer `l` (counted from 1), in the order the table lists them.
    func tensors(of layer: DenseStack.Layer, number l: Int, batch: Int) -> [Tensor] {
        let (n, m) = (layer.outputs, layer.inputs)
        let one = NetworkSymbols(notation: notation, isBatch: false)
        let many = NetworkSymbols(notation: notation, isBatch: true)
        let weights = MathExpression.symbol(Symbol("W", layer: l))
        let bias = MathExpression.symbol(Symbol("b", layer: l))
        let gradient = one.gradient(weights)
        var tensors = [Tensor(key: "W", symbol: weights, batchSymbol: weights, shape: [n, m], batchShape: [n, m])]
        if layer.hasBias {
            tensors.append(Tensor(key: "b", symbol: bias, batchSymbol: bias, shape: [n, 1], batchShape: [n, 1]))
        }
        tensors += [
            Tensor(key: "a", symbol: one.a(l), batchSymbol: many.a(l), shape: [n, 1], batchShape: [batch, n]),
            Tensor(key: "z", symbol: one.z(l), batchSymbol: many.z(l), shape: [n, 1], batchShape: [batch, n]),
            Tensor(
                key: "delta", symbol: one.delta(l), batchSymbol: many.delta(l), shape: [n, 1], batchShape: [batch, n]),
            Tensor(key: "grad_W", symbol: gradient, batchSymbol: gradient, shape: [n, m], batchShape: [n, m]),
            Tensor(
                key: "jacobian_z", symbol: .partial(of: one.z(l), withRespectTo: one.z(l - 1)),
                batchSymbol: .partial(of: many.z(l), withRespectTo: many.z(l - 1)), shape: [n, m],
                batchShape: [batch, n, batch, m]),
            Tensor(
                key: "jacobian_W", symbol: .partial(of: one.a(l), withRespectTo: weights),
                batchSymbol: .partial(of: many.a(l), withRespectTo: weights), shape: [n, n, m],
                batchShape: [batch, n, n, m]),
        ]
        return tensors
    }

    /// The entries and bytes of one quantity, for one sample and for the batch.
    struct Sizes {
        var entries: Int
        var bytes: Int
        var batchEntries: Int
        var batchBytes: Int
    }

    /// The kinds of quantity, in order, for the totals.
    static let kinds = ["W", "b", "a", "z", "delta", "grad_W", "jacobian_z", "jacobian_W"]

    /// The sizes of every layer, one table per layer (a second for the batch),
    /// the Jacobians' sizes as steps, and the totals per kind.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--layers` when a count passes 2⁵³.
    public func solve(_ stack: DenseStack) throws(InputError) -> Solution {
        let count = stack.layers.count
        let bytes = stack.bytes
        var solution = Solution(
            title:
                "Shapes \(Prose.titleSeparator) \(count) dense \(count == 1 ? "layer" : "layers") \(Prose.titleSeparator) input \(stack.layers.first.map { $0.inputs } ?? 0)"
                + (stack.batch.map { " \(Prose.titleSeparator) batch of \($0)" } ?? "")
                + " \(Prose.titleSeparator) \(bytes) bytes per entry",
            preamble: preamble(stack))
        var layersJSON: [JSONValue] = []
        var totals: [String: Sizes] = [:]
        for (index, layer) in stack.layers.enumerated() {
            let l = index + 1
            let origin = stack.origins[l]
            func checked(_ factors: [Int], _ what: String) throws(InputError) -> Int {
                do {
                    return try Count.product(factors, of: what)
                } catch {
                    throw InputError(at: origin.place, .described(error.description, prefix: origin.prefix))
                }
            }
            let tensors = tensors(of: layer, number: l, batch: stack.batch ?? 1)
            solution.beginSection(
                "Layer \(l) \(Prose.titleSeparator) dense \(MathExpression.infix(.equals, [.symbol(Symbol("n", layer: l - 1)), .count(layer.inputs)])) \(MathExpression.text("→")) \(MathExpression.infix(.equals, [.symbol(Symbol("n", layer: l)), .count(layer.outputs)]))"
            )
            var rows: [[[MathExpression]]] = []
            var batchRows: [[[MathExpression]]] = []
            var members: [JSONMember] = [JSONMember("layer", .number(Double(l)))]
            var sizes: [String: Sizes] = [:]
            for tensor in tensors {
                let name = tensor.label(layer: l, notation: notation, batch: false)
                let batchName = tensor.label(layer: l, notation: notation, batch: true)
                let entries = try checked(tensor.shape, "the entry count of \(name)")
                let size = try checked([entries, bytes], "the byte count of \(name)")
                let batchEntries = try checked(tensor.batchShape, "the entry count of \(batchName)")
                let batchSize = try checked(
                    [batchEntries, bytes], "the byte count of \(batchName)")
                sizes[tensor.key] = Sizes(
                    entries: entries, bytes: size, batchEntries: batchEntries, batchBytes: batchSize)
                rows.append([
                    [tensor.symbol], [Self.shape(tensor.shape)], [.count(entries)], [Quantity.count(size, "B")],
                ])
                batchRows.append([
                    [tensor.batchSymbol], [Self.shape(tensor.batchShape)], [.count(batchEntries)],
                    [Quantity.count(batchSize, "B")],
                ])
                var member: [JSONMember] = [
                    JSONMember("shape", Self.json(tensor.shape)), JSONMember("entries", .number(Double(entries))),
                    JSONMember("bytes", .number(Double(size))),
                ]
                if stack.batch != nil {
                    member.append(
                        JSONMember(
                            "batch",
                            .object([
                                JSONMember("shape", Self.json(tensor.batchShape)),
                                JSONMember("entries", .number(Double(batchEntries))),
                                JSONMember("bytes", .number(Double(batchSize))),
                            ])))
                }
                members.append(JSONMember(tensor.key, .object(member)))
            }
            if !layer.hasBias { members.insert(JSONMember("b", .null), at: 2) }
            solution.addTable(Self.table(rows, title: "one sample"))
            if let batch = stack.batch { solution.addTable(Self.table(batchRows, title: "batch of \(batch)")) }
            for tensor in tensors where tensor.key.hasPrefix("jacobian") {
                guard let size = sizes[tensor.key] else { continue }
                writeJacobian(
                    tensor.symbol, shape: tensor.shape, entries: size.entries, bytes: size.bytes, perEntry: bytes,
                    path: "layers[\(index)].\(tensor.key)", into: &solution)
                if stack.batch != nil {
                    writeJacobian(
                        tensor.batchSymbol, shape: tensor.batchShape, entries: size.batchEntries,
                        bytes: size.batchBytes, perEntry: bytes, path: "layers[\(index)].\(tensor.key).batch",
                        into: &solution)
                }
            }
            for (key, size) in sizes {
                var total = totals[key] ?? Sizes(entries: 0, bytes: 0, batchEntries: 0, batchBytes: 0)
                total.entries = try sum(total.entries, size.entries, origin)
                total.bytes = try sum(total.bytes, size.bytes, origin)
                total.batchEntries = try sum(total.batchEntries, size.batchEntries, origin)
                total.batchBytes = try sum(total.batchBytes, size.batchBytes, origin)
                totals[key] = total
            }
            layersJSON.append(.object(members))
        }
        solution.beginSection("All layers")
        let kinds = Self.kinds.filter { totals[$0] != nil }
        var totalRows: [[[MathExpression]]] = []
        var batchTotalRows: [[[MathExpression]]] = []
        for kind in kinds {
            guard let total = totals[kind] else { continue }
            totalRows.append([[generic(kind)], [.count(total.entries)], [Quantity.count(total.bytes, "B")]])
            batchTotalRows.append([
                [generic(kind, isBatch: true)], [.count(total.batchEntries)], [Quantity.count(total.batchBytes, "B")],
            ])
        }
        func totalsTable(_ rows: [[[MathExpression]]], title: Prose) -> Table {
            Table(
                columns: [
                    Table.Column(title), Table.Column("entries", alignment: .right),
                    Table.Column("bytes", alignment: .right),
                ],
                rows: rows)
        }
        solution.addTable(totalsTable(totalRows, title: "one sample"))
        if let batch = stack.batch { solution.addTable(totalsTable(batchTotalRows, title: "batch of \(batch)")) }
        func totalsJSON(_ value: (Sizes) -> Int) -> JSONValue {
            .object(kinds.compactMap { kind in totals[kind].map { JSONMember(kind, .number(Double(value($0)))) } })
        }
        var result = [
            JSONMember("layers", .array(layersJSON)), JSONMember("total_entries", totalsJSON { $0.entries }),
            JSONMember("total_bytes", totalsJSON { $0.bytes }),
        ]
        if stack.batch != nil {
            result += [
                JSONMember("batch_total_entries", totalsJSON { $0.batchEntries }),
                JSONMember("batch_total_bytes", totalsJSON { $0.batchBytes }),
            ]
        }
        solution.result = .object(result)
        try solution.requireFinite(blaming: "--layers")
        return solution
    }

    private func sum(_ a: Int, _ b: Int, _ origin: ArchitectureProblem.Origin) throws(InputError) -> Int {
        do {
            return try Count.sum([a, b], of: "a total over the layers")
        } catch {
            throw InputError(at: origin.place, .described(error.description, prefix: ""))
        }
    }

    /// The quantity of a general layer l: W⁽ˡ⁾, ∂z⁽ˡ⁾/∂z⁽ˡ⁻¹⁾, … (A⁽ˡ⁾, ∂Z⁽ˡ⁾/∂Z⁽ˡ⁻¹⁾, … for a batch).
    private func generic(_ key: String, isBatch: Bool = false) -> MathExpression {
        let symbols = NetworkSymbols(notation: notation, isBatch: isBatch)
        let weights = MathExpression.symbol(Symbol("W", layerName: "l"))
        switch key {
        case "W": return weights
        case "b": return .symbol(Symbol("b", layerName: "l"))
        case "a": return symbols.a(named: "l")
        case "z": return symbols.z(named: "l")
        case "delta": return symbols.delta(named: "l")
        case "grad_W": return symbols.gradient(weights)
        case "jacobian_z": return .partial(of: symbols.z(named: "l"), withRespectTo: symbols.z(named: "l−1"))
        default: return .partial(of: symbols.a(named: "l"), withRespectTo: weights)
        }
    }

    /// entries(J) = 128 · 128 · 784 = 12,845,056 and bytes(J) = 4 B · 12,845,056 = 51,380,224 B = 51.3802 MB.
    private func writeJacobian(
        _ symbol: MathExpression, shape: [Int], entries: Int, bytes: Int, perEntry: Int, path: String,
        into solution: inout Solution
    ) {
        solution.addStep(
            .apply(FunctionName("entries"), [symbol]),
            [.infix(.times, shape.map(MathExpression.count)), .count(entries)],
            producing: [path + ".entries"])
        solution.addStep(
            .apply(FunctionName("bytes"), [symbol]),
            [
                .infix(.times, [Quantity.count(perEntry, "B"), .count(entries)]), Quantity.count(bytes, "B"),
            ] + Self.memory(bytes), producing: [path + ".bytes"])
    }

    /// Bytes in GB (10⁹ B) from 1 GB on, in MB (10⁶ B) from 1 MB on, and nothing more below.
    static func memory(_ bytes: Int) -> [MathExpression] {
        if bytes >= 1_000_000_000 { return [Quantity.of(Double(bytes) / 1e9, "GB")] }
        return bytes >= 1_000_000 ? [Quantity.of(Double(bytes) / 1e6, "MB")] : []
    }

    private func preamble(_ stack: DenseStack) -> [Prose] {
        let symbols = NetworkSymbols(notation: notation, isBatch: false)
        let (a, z, previous) = (symbols.a(named: "l"), symbols.z(named: "l"), symbols.z(named: "l−1"))
        let weights = MathExpression.symbol(Symbol("W", layerName: "l"))
        let bias = MathExpression.symbol(Symbol("b", layerName: "l"))
        let n = MathExpression.symbol(Symbol("n", layerName: "l"))
        let previousWidth = MathExpression.symbol(Symbol("n", layerName: "l−1"))
        let sum = MathExpression.infix(.plus, [.product([weights, previous]), bias])
        let i = MathExpression.symbol(Symbol("i"))
        let j = MathExpression.symbol(Symbol("j"))
        let y = MathExpression.symbol(Symbol("y"))
        let x = MathExpression.symbol(Symbol("x"))
        let entry = MathExpression.indexed(.parenthesized(.partial(of: y, withRespectTo: x)), [i, j])
        var lines: [Prose] = [
            "\(.equation(a, sum)), \(.equation(z, .apply(FunctionName("f"), [a]))), "
                + "\(.equation(symbols.delta(named: "l"), symbols.gradient(a))); \(n) is the width of layer "
                + "\(Symbol("l")) (\(symbols.z(0)) the input); weights are out \(MathExpression.text("×")) in, "
                + "a single sample's vectors are columns.",
            "Jacobians in numerator layout, \(.equation(entry, .partial(of: .symbol(Symbol("y", index: "i")), withRespectTo: .symbol(Symbol("x", index: "j"))))), "
                + "the numerator's axes first: \(MathExpression.partial(of: z, withRespectTo: previous)) is "
                + "\(.infix(.cross, [n, previousWidth])) and \(MathExpression.partial(of: a, withRespectTo: weights)) is "
                + "\(.infix(.cross, [n, n, previousWidth])) (one row per entry of \(a), one column per weight).",
            "\(symbols.gradient(weights)) is shaped like \(weights), as gradient descent needs it to subtract "
                + "\(MathExpression.product([.symbol(Symbol("η")), symbols.gradient(weights)])) from \(weights) (the "
                + "denominator layout of a scalar by a matrix; strict numerator layout would give its transpose).",
        ]
        if let batch = stack.batch {
            lines.append(
                "A batch of \(.equation(.symbol(Symbol("S")), .count(batch))) has one sample per row "
                    + "(\(symbols.a(named: "l")) becomes \(NetworkSymbols(notation: notation, isBatch: true).a(named: "l")), "
                    + "\(.symbol(Symbol("S"))) \(MathExpression.text("×")) \(n)); its Jacobians are the full ones "
                    + "of every output entry by every input entry, zero between different samples; "
                    + "\(symbols.gradient(weights)) is summed over the batch and keeps the shape of \(weights).")
        }
        lines.append(
            "Bytes: \(stack.bytes) per entry (\(code: stack.bytes == 4 ? "float32" : "float64")); "
                + "\(MathExpression.equation(.quantity(.count(1), unit: "MB"), .quantity(.power(.count(10), .number(6)), unit: "B"))), "
                + "\(MathExpression.equation(.quantity(.count(1), unit: "GB"), .quantity(.power(.count(10), .number(9)), unit: "B")))."
        )
        return lines
    }

    private static func table(_ rows: [[[MathExpression]]], title: Prose) -> Table {
        Table(
            columns: [
                Table.Column(title), Table.Column("shape"), Table.Column("entries", alignment: .right),
                Table.Column("bytes", alignment: .right),
            ],
            rows: rows)
    }

    /// A shape as math: 128 × 784.
    static func shape(_ sizes: [Int]) -> MathExpression {
        sizes.count == 1 ? .count(sizes[0]) : .infix(.cross, sizes.map(MathExpression.count))
    }

    static func json(_ sizes: [Int]) -> JSONValue {
        .array(sizes.map { .number(Double($0)) })
    }
}
