import NNCore

/// Summarises an architecture as a worked solution, like torchinfo's summary:
/// a table of each layer's output shape and parameters, each count with its
/// formula and the numbers put in ((5 · 5 · 1 + 1) · 10 = 260), then the
/// totals, multiply-adds and parameter memory as numbered steps.
public struct ParameterSolver: Sendable {
    /// Whose rules count batch norm and recurrent biases.
    public var convention: ParameterConvention

    /// A solver counting under `convention`.
    public init(convention: ParameterConvention = .torch) {
        self.convention = convention
    }

    /// The table and totals of `problem`.
    ///
    /// - Throws: an invalid-data ``InputError`` at the layer that does not fit its
    ///   input, or whose counts pass 2⁵³.
    public func solve(_ problem: ArchitectureProblem) throws(InputError) -> Solution {
        let summary: ArchitectureSummary
        do {
            summary = try problem.architecture.summary(convention: convention)
        } catch {
            throw problem.inputError(for: error)
        }
        let layerCount = summary.layers.count
        var solution = Solution(
            title:
                "Parameter count \(Prose.titleSeparator) \(layerCount) \(layerCount == 1 ? "layer" : "layers") \(Prose.titleSeparator) input \(Self.shape(summary.input)) \(Prose.titleSeparator) \(convention.rawValue) convention",
            preamble: (problem.description.map { [Prose.written($0)] } ?? []) + preamble(summary))
        solution.beginSection("Layers")
        solution.addTable(table(summary))
        solution.beginSection("Totals")
        writeTotals(summary, into: &solution)
        solution.result = result(summary)
        try solution.requireFinite(blaming: "--arch")
        return solution
    }

    private func preamble(_ summary: ArchitectureSummary) -> [Prose] {
        let symbol = { (letter: String) in MathExpression.symbol(Symbol(letter)) }
        let cross = { (letters: [String]) in MathExpression.infix(.cross, letters.map(symbol)) }
        let twoC = MathExpression.product([.number(2), symbol("C")])
        var lines: [Prose] = [
            "Shapes are \(cross(["H", "W", "C"])) (channels last), \(cross(["T", "d"])) for a sequence, "
                + "\(symbol("n")) for a vector; the batch dimension is left out."
        ]
        let scaleAndShift: Prose = "\(symbol("γ")), \(symbol("β"))"
        switch convention {
        case .torch:
            lines.append(
                "Counted as PyTorch (torchinfo): batch norm has \(twoC) parameters \(scaleAndShift) "
                    + "(its running statistics are buffers); RNN, LSTM (\(4) gate sets), GRU (\(3)) have two bias "
                    + "vectors per gate set, \(Symbol("b", index: "ih")) and \(Symbol("b", index: "hh")).")
        case .keras:
            lines.append(
                "Counted as Keras: batch norm has \(twoC) trainable \(scaleAndShift) and \(twoC) non-trainable "
                    + "moving mean and variance; RNN, LSTM (\(4) gate sets) have one bias vector per gate set, "
                    + "GRU (\(3)) two (\(code: "reset_after=True"), the default).")
        }
        let layers = summary.layers.map(\.layer)
        if layers.contains(where: { if case .attention = $0 { true } else { false } }) {
            let d = symbol("d")
            let count = MathExpression.product([
                .number(4), .parenthesized(.infix(.plus, [.infix(.times, [d, d]), d])),
            ])
            lines.append(
                "Attention has \(count): Q, K, V and output projections with biases "
                    + "(PyTorch \(code: "nn.MultiheadAttention"); Keras \(code: "MultiHeadAttention") with "
                    + "\(code: "key_dim") = \(MathExpression.infix(.divide, [d, .text("heads")])) has the same).")
        }
        if layers.contains(where: Self.usesSamePadding) {
            let ceiling = MathExpression.ceiling(.infix(.divide, [symbol("H"), symbol("S")]))
            lines.append(
                "“same” padding follows TensorFlow: \(.equation(.symbol(Symbol("H", isPrime: true)), ceiling)), "
                    + "an odd padding row or column at the bottom/right.")
        }
        let megabyte = MathExpression.equation(
            .quantity(.count(1), unit: "MB"), .quantity(.power(.count(10), .number(6)), unit: "bytes"))
        lines.append(
            "Multiply-adds: the weight products' multiply-accumulates for one sample (biases, pooling, activations "
                + "and normalisation not counted). Memory: \(4) bytes (\(code: "float32")) per parameter; \(megabyte).")
        return lines
    }

    private static func usesSamePadding(_ layer: ArchitectureLayer) -> Bool {
        switch layer {
        case .convolution(let conv): conv.padding.height == .same || conv.padding.width == .same
        case .pooling(let pooling): pooling.padding.height == .same || pooling.padding.width == .same
        default: false
        }
    }

    private func table(_ summary: ArchitectureSummary) -> Table {
        var rows: [[[MathExpression]]] = [
            [[.count(0)], [.text("input")], [Self.shape(summary.input)], [], []]
        ]
        for (index, layer) in summary.layers.enumerated() {
            rows.append([
                [.count(index + 1)], [.text(LayerNotation(layer: layer.layer).compact)],
                [Self.shape(layer.outputShape)], parameterCells(layer), [.count(layer.trainableParameters)],
            ])
        }
        return Table(
            columns: [
                Table.Column("#", alignment: .right), Table.Column("layer"), Table.Column("output shape"),
                Table.Column("parameters"), Table.Column("trainable", alignment: .right),
            ],
            rows: rows)
    }

    /// A shape as math: 224 × 224 × 3, or 4096 for a vector.
    private static func shape(_ shape: FeatureShape) -> MathExpression {
        shape.dimensions.count == 1 ? .count(shape.last) : .infix(.cross, shape.dimensions.map(MathExpression.count))
    }

    /// The parameter count with its formula and the numbers put in, or the count alone when it is 0.
    private func parameterCells(_ summary: LayerSummary) -> [MathExpression] {
        let formula = formula(summary)
        return formula.map { [$0, .count(summary.parameters)] } ?? [.count(summary.parameters)]
    }

    /// The formula of a layer's parameter count with its numbers, nil for layers without parameters.
    private func formula(_ summary: LayerSummary) -> MathExpression? {
        let inputs = summary.inputShape.last
        func product(_ factors: [Int]) -> MathExpression { .infix(.times, factors.map(MathExpression.count)) }
        func withBias(_ weights: MathExpression, _ bias: Bool) -> MathExpression {
            bias ? .infix(.plus, [weights, .count(1)]) : weights
        }
        switch summary.layer {
        case .dense(let units, let bias):
            return .infix(.times, [withBias(.count(inputs), bias), .count(units)])
        case .convolution(let conv):
            let weights = product([conv.kernelSize.height, conv.kernelSize.width, inputs])
            return .infix(.times, [withBias(weights, conv.bias), .count(conv.filters)])
        case .batchNormalization:
            let scaleAndShift = product([2, inputs])
            return convention == .keras ? .infix(.plus, [scaleAndShift, scaleAndShift]) : scaleAndShift
        case .embedding(let vocabulary, let dimension):
            return product([vocabulary, dimension])
        case .recurrent(let recurrent):
            let units = recurrent.units
            var terms = [product([units, inputs]), product([units, units])]
            switch recurrent.biasVectorsPerGate(convention) {
            case 0: break
            case 1: terms.append(.count(units))
            case let vectors: terms.append(product([vectors, units]))
            }
            return .infix(.times, [.count(recurrent.cell.gateCount), .infix(.plus, terms)])
        case .attention(let dimension, _, let bias):
            let square = product([dimension, dimension])
            return .infix(.times, [.count(4), bias ? .infix(.plus, [square, .count(dimension)]) : square])
        case .pooling, .flatten, .dropout, .activation:
            return nil
        }
    }

    private func writeTotals(_ summary: ArchitectureSummary, into solution: inout Solution) {
        func sum(_ counts: [Int], total: Int, each: String = "parameters") -> [MathExpression] {
            let terms = counts.filter { $0 != 0 }
            guard terms.count > 1 else { return [.count(total)] }
            let written: MathExpression =
                terms.count <= 8
                ? .infix(.plus, terms.map(MathExpression.count))
                : .summation(index: "l", .product([.text(each + " of layer"), .symbol(Symbol("l"))]))
            return [written, .count(total)]
        }
        let layers = summary.layers
        solution.addStep(
            .text("total parameters"), sum(layers.map(\.parameters), total: summary.totalParameters),
            producing: ["total_params"])
        solution.addStep(
            .text("trainable"),
            sum(layers.map(\.trainableParameters), total: summary.trainableParameters, each: "trainable"),
            producing: ["trainable_params"])
        solution.addStep(
            .text("non-trainable"),
            sum(layers.map(\.nonTrainableParameters), total: summary.nonTrainableParameters, each: "non-trainable"),
            note: summary.nonTrainableParameters > 0 ? "batch norm's moving mean and variance" : nil,
            producing: ["non_trainable_params"])
        solution.addStep(
            .text("multiply-adds"), sum(layers.map(\.multiplyAdds), total: summary.multiplyAdds, each: "multiply-adds"),
            producing: ["mult_adds"])
        let bytes = 4 * summary.totalParameters
        solution.addStep(
            .text("parameter memory"),
            [
                .infix(.times, [Quantity.count(4, "B"), .count(summary.totalParameters)]),
                Quantity.count(bytes, "B"), Quantity.of(Double(bytes) / 1e6, "MB"),
            ], producing: ["param_memory_mb"])
    }

    private func result(_ summary: ArchitectureSummary) -> JSONValue {
        func shape(_ shape: FeatureShape) -> JSONValue { .array(shape.dimensions.map { .number(Double($0)) }) }
        func count(_ value: Int) -> JSONValue { .number(Double(value)) }
        let layers = summary.layers.map { layer in
            JSONValue.object([
                JSONMember("type", .string(LayerNotation(layer: layer.layer).type)),
                JSONMember("layer", .string(LayerNotation(layer: layer.layer).compact)),
                JSONMember("output_shape", shape(layer.outputShape)),
                JSONMember("params", count(layer.parameters)),
                JSONMember("trainable_params", count(layer.trainableParameters)),
                JSONMember("non_trainable_params", count(layer.nonTrainableParameters)),
                JSONMember("mult_adds", count(layer.multiplyAdds)),
            ])
        }
        return .object([
            JSONMember("convention", .string(convention.rawValue)),
            JSONMember("input", shape(summary.input)),
            JSONMember("layers", .array(layers)),
            JSONMember("total_params", count(summary.totalParameters)),
            JSONMember("trainable_params", count(summary.trainableParameters)),
            JSONMember("non_trainable_params", count(summary.nonTrainableParameters)),
            JSONMember("mult_adds", count(summary.multiplyAdds)),
            JSONMember("param_memory_mb", .number(summary.parameterBytes / 1e6)),
        ])
    }
}
