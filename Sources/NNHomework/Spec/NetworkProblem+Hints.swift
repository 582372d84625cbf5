import NNCore

extension NetworkProblem {
    /// Refuses an input written as a column (`[[1], [2]]`) when the first layer's weights
    /// show that one sample of that many values was meant: the column reads as a batch
    /// of one-value samples, and the message says so and how to write one sample.
    static func refuseColumnInput(
        _ input: Matrix, isBatch: Bool, at cursor: JSONCursor, firstLayer: JSONCursor?, isAugmented: Bool
    ) throws(InputError) {
        guard isBatch, input.columns == 1, input.rows > 1,
            case .array(let rows)? = firstLayer?.member("weights")?.value,
            case .array(let firstRow)? = rows.first,
            firstRow.count == input.rows + (isAugmented ? 1 : 0)
        else { return }
        throw cursor.error(
            .columnInput(values: input.column(0), inline: cursor.rootName == InlineNetworkSpec.source))
    }

    /// Refuses weights written as a flat list of numbers (`[0.5, -0.5]`), suggesting
    /// the list of rows, one per unit (`[[0.5, -0.5]]`).
    static func refuseFlatWeights(_ cursor: JSONCursor, incoming: Int, isAugmented: Bool) throws(InputError) {
        guard case .array(let entries) = cursor.value, !entries.isEmpty else { return }
        var values: [Double] = []
        for entry in entries {
            guard case .number(let x) = entry else { return }
            values.append(x)
        }
        throw cursor.error(.flatWeights(values: values, incoming: incoming, isAugmented: isAugmented))
    }
}
