import NNCore

/// Where one trainable tensor sits in a model's parameter vector, and how it is
/// written: W⁽ˡ⁾ as a matrix, b⁽ˡ⁾ as a vector, one kernel K⁽ˡ⁾ₒ,c as a matrix.
struct TensorSlot {
    /// The letter: W, b, K, γ or β.
    let name: String
    /// The layer l, from 1.
    let layer: Int
    /// The subscript of one kernel (o,c), or nil for a whole tensor.
    let index: String?
    /// The positions in the parameter vector.
    let range: Range<Int>
    /// The tensor's values as math.
    let show: @Sendable ([Double]) -> MathExpression

    /// A vector's values: one number, or inline.
    static let vector: @Sendable ([Double]) -> MathExpression = { $0.count == 1 ? .number($0[0]) : .inlineVector($0) }

    /// A matrix of the given shape.
    static func matrix(rows: Int, columns: Int) -> @Sendable ([Double]) -> MathExpression {
        { .matrix(Matrix(rows: rows, columns: columns, elements: $0)) }
    }

    /// W⁽ˡ⁾ and (where trained) b⁽ˡ⁾ of each dense layer, in the order of ``Network/parameterVector``.
    static func slots(of network: Network, trainsBias: [Bool]) -> [TensorSlot] {
        var slots: [TensorSlot] = []
        var offset = 0
        for (index, layer) in network.layers.enumerated() {
            let (rows, columns) = (layer.weights.rows, layer.weights.columns)
            let weights = offset..<offset + rows * columns
            let bias = weights.upperBound..<weights.upperBound + layer.bias.count
            offset = bias.upperBound
            slots.append(
                TensorSlot(
                    name: "W", layer: index + 1, index: nil, range: weights, show: matrix(rows: rows, columns: columns))
            )
            if trainsBias[index] {
                slots.append(TensorSlot(name: "b", layer: index + 1, index: nil, range: bias, show: vector))
            }
        }
        return slots
    }

    /// Every trainable tensor of a stack, in the order of ``LayerStack/parameterVector``: W and b,
    /// each kernel K⁽ˡ⁾ₒ,c and b of a convolution, γ and β of a normalization.
    static func slots(of stack: LayerStack) -> [TensorSlot] {
        var slots: [TensorSlot] = []
        var offset = 0
        func take(_ count: Int) -> Range<Int> {
            defer { offset += count }
            return offset..<offset + count
        }
        for (index, layer) in stack.layers.enumerated() {
            let l = index + 1
            switch layer {
            case .dense(let dense):
                let (rows, columns) = (dense.weights.rows, dense.weights.columns)
                slots.append(
                    TensorSlot(
                        name: "W", layer: l, index: nil, range: take(rows * columns),
                        show: matrix(rows: rows, columns: columns)))
                slots.append(TensorSlot(name: "b", layer: l, index: nil, range: take(dense.bias.count), show: vector))
            case .convolution(let convolution):
                let (height, width) = convolution.kernelSize
                for o in 0..<convolution.outputChannels {
                    for c in 0..<convolution.inputChannels {
                        let position = convolution.inputChannels > 1 ? "\(o + 1),\(c + 1)" : "\(o + 1)"
                        slots.append(
                            TensorSlot(
                                name: "K", layer: l, index: position, range: take(height * width),
                                show: matrix(rows: height, columns: width)))
                    }
                }
                slots.append(
                    TensorSlot(name: "b", layer: l, index: nil, range: take(convolution.outputChannels), show: vector))
            case .normalization(let stage):
                let count = stage.normalization.gamma.count
                slots.append(TensorSlot(name: "γ", layer: l, index: nil, range: take(count), show: vector))
                slots.append(TensorSlot(name: "β", layer: l, index: nil, range: take(count), show: vector))
            case .pooling, .flatten, .dropout, .residual:
                continue
            }
        }
        return slots
    }
}
