import NNCore

/// A step's left-hand side, right-hand sides and note.
typealias StepParts = (lhs: MathExpression, rhs: [MathExpression], note: Prose?)

/// One map of a value: sample s, channel c (both from 0).
struct MapIndex {
    let sample: Int
    let channel: Int
}

extension StackWorksheet {
    /// One step's parts for a value shaped like z⁽ˡ⁾: one per map (sample,
    /// channel) when z⁽ˡ⁾ is maps, else a single one (index nil); `make` writes each.
    func steps(shapedLike layer: Int, _ make: (MapIndex?) -> StepParts) -> [StepParts] {
        guard shape(layer).isImage else { return [make(nil)] }
        return (0..<samples).flatMap { sample in
            (0..<shape(layer).channels).map { make(MapIndex(sample: sample, channel: $0)) }
        }
    }

    /// Adds the steps; the last one produces `paths`.
    mutating func add(_ steps: [StepParts], producing paths: [String] = []) {
        for (number, step) in steps.enumerated() {
            solution.addStep(
                step.lhs, step.rhs, note: step.note, producing: number == steps.count - 1 ? paths : [])
        }
    }

    /// A value shaped like z⁽ˡ⁾ in a step: the map at `index`, or the vector as
    /// an operand (a column for one sample) or, with `asResult`, written inline.
    func shown(_ value: Matrix, like layer: Int, at index: MapIndex?, asResult: Bool = false) -> MathExpression {
        guard let index else { return asResult ? result(value) : operand(value) }
        return .matrix(maps(value, layer: layer, sample: index.sample)[index.channel])
    }

    /// The name of a quantity q⁽ˡ⁾ shaped like z⁽ˡ⁾: the map's symbol at `index`, else the vector's.
    func named(_ letter: String, _ layer: Int, shapedLike shapeLayer: Int, at index: MapIndex?) -> MathExpression {
        guard let index else {
            return .symbol(Symbol(isBatch ? letter.uppercased() : letter, layer: layer))
        }
        return map(
            letter, layer: layer, sample: index.sample, channel: index.channel, channels: shape(shapeLayer).channels)
    }

    /// z⁽ˡ⁾ (the map at `index`, or the vector), or ŷ for the output when it is a vector.
    func z(_ layer: Int, at index: MapIndex?) -> MathExpression {
        named(symbols.notation.activation, layer, shapedLike: layer, at: index)
    }

    /// a⁽ˡ⁾ (the map at `index`, or the vector).
    func a(_ layer: Int, at index: MapIndex?) -> MathExpression {
        named(symbols.notation.preActivation, layer, shapedLike: layer, at: index)
    }

    /// ∂L/∂q of a quantity q.
    func partial(_ quantity: MathExpression) -> MathExpression { symbols.gradient(quantity) }

    /// A per-sample value as JSON: shaped like z⁽ˡ⁾, flat (or C × H × W) for one
    /// sample and an array of samples for a batch.
    func json(_ value: Matrix, like layer: Int) -> JSONValue {
        let shape = shape(layer)
        let perSample = (0..<value.rows).map { sample -> JSONValue in
            guard shape.isImage else { return numbers(value.row(sample)) }
            return .array(shape.maps(of: value, sample: sample).map(rows))
        }
        return isBatch ? .array(perSample) : perSample[0]
    }

    /// A matrix as JSON rows.
    func rows(_ matrix: Matrix) -> JSONValue { .array(matrix.rowArrays.map(numbers)) }

    /// Numbers as a JSON array (−0 written as 0).
    func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0 == 0 ? 0 : $0) }) }
}
