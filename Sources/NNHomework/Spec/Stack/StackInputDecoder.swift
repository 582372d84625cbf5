import NNCore

/// Reads `input` and the tensors of typed layers: maps as nested arrays,
/// C × H × W for one sample and N × C × H × W for a batch.
enum StackInputDecoder {
    /// `input` and the shape of one sample: when the first layers take maps
    /// (a convolution or pooling comes before any flatten or dense layer), an
    /// H × W map, C × H × W maps or a batch N × C × H × W; otherwise a number,
    /// a vector or a batch matrix, as a dense network's input.
    static func decode(_ cursor: JSONCursor, asMaps: Bool) throws(InputError) -> (
        Matrix, shape: SampleShape, isBatch: Bool
    ) {
        guard asMaps else {
            let (input, isBatch) = try NetworkProblem.decodeInput(cursor)
            return (input, .vector(input.columns), isBatch)
        }
        switch depth(of: cursor.value) {
        case 2:
            let map = try cursor.matrix()
            return (SampleShape.batch([[map]]), SampleShape(channels: 1, height: map.rows, width: map.columns), false)
        case 3:
            let maps = try self.maps(cursor)
            return (SampleShape.batch([maps]), shape(of: maps), false)
        case 4:
            let samples = try cursor.elements()
            guard !samples.isEmpty else { throw cursor.error(.empty) }
            var batch: [[Matrix]] = []
            for sample in samples {
                let maps = try self.maps(sample)
                if let first = batch.first, shape(of: first) != shape(of: maps) {
                    throw sample.error(
                        .expected("maps of \(shape(of: first)) like sample 0", found: shape(of: maps).description))
                }
                batch.append(maps)
            }
            return (SampleShape.batch(batch), shape(of: batch[0]), true)
        default:
            throw cursor.error(
                .expected(
                    "maps for the first convolution or pooling: H × W, C × H × W, or N × C × H × W for a batch",
                    found: depth(of: cursor.value) == 1 ? "a vector" : cursor.value.typeName))
        }
    }

    /// C matrices of one shape, each H × W.
    static func maps(_ cursor: JSONCursor) throws(InputError) -> [Matrix] {
        let entries = try cursor.elements()
        guard !entries.isEmpty else { throw cursor.error(.empty) }
        var maps: [Matrix] = []
        for entry in entries {
            let map = try entry.matrix()
            if let first = maps.first, first.rows != map.rows || first.columns != map.columns {
                throw entry.error(
                    .expected(
                        "a \(first.rows)×\(first.columns) map like the first", found: "\(map.rows)×\(map.columns)"))
            }
            maps.append(map)
        }
        return maps
    }

    /// C_out × C_in kernels, each k × k, all of one shape.
    static func kernels(_ cursor: JSONCursor) throws(InputError) -> [[Matrix]] {
        guard depth(of: cursor.value) == 4 else {
            throw cursor.error(
                .expected("C_out × C_in × k × k numbers (4 nested arrays)", found: nesting(of: cursor.value)))
        }
        let filters = try cursor.elements()
        guard !filters.isEmpty else { throw cursor.error(.empty) }
        var kernels: [[Matrix]] = []
        for filter in filters {
            let maps = try self.maps(filter)
            if let first = kernels.first, shape(of: first) != shape(of: maps) {
                throw filter.error(
                    .expected("a kernel of \(shape(of: first)) like the first", found: shape(of: maps).description))
            }
            kernels.append(maps)
        }
        return kernels
    }

    /// C × H × W of maps.
    static func shape(of maps: [Matrix]) -> SampleShape {
        SampleShape(channels: maps.count, height: maps[0].rows, width: maps[0].columns)
    }

    /// How deeply arrays nest at the first element: 0 for a number, 1 for a vector, 2 for a matrix.
    static func depth(of value: JSONValue) -> Int {
        guard case .array(let values) = value else { return 0 }
        return 1 + (values.first.map(depth(of:)) ?? 0)
    }

    private static func nesting(of value: JSONValue) -> String {
        let depth = depth(of: value)
        return depth == 0 ? value.typeName : counted(depth, "nested array")
    }
}
