import NNCore

/// How a layer is named in the parameter table and in JSON: its type word
/// and its compact form (`conv 10 k5 s2 same`), the same words `--layers` reads.
struct LayerNotation {
    /// The layer.
    let layer: ArchitectureLayer

    /// The type as the JSON schema writes it: "conv", "maxpool", "lstm", ….
    var type: String {
        switch layer {
        case .dense: "dense"
        case .convolution: "conv"
        case .pooling(let pooling): pooling.mode == .max ? "maxpool" : "avgpool"
        case .flatten: "flatten"
        case .batchNormalization: "batchnorm"
        case .dropout: "dropout"
        case .activation: "activation"
        case .embedding: "embedding"
        case .recurrent(let recurrent): recurrent.cell.rawValue
        case .attention: "attention"
        }
    }

    /// The compact form: `conv 10 k5`, `maxpool 2`, `lstm 20 seq`, `dense 10 nobias`.
    var compact: String {
        var words = [type]
        switch layer {
        case .dense(let units, let bias):
            words += ["\(units)"] + (bias ? [] : ["nobias"])
        case .convolution(let conv):
            words += ["\(conv.filters)", "k" + Self.sizes(conv.kernelSize)]
            if conv.stride != HeightWidth(square: 1) { words.append("s" + Self.sizes(conv.stride)) }
            words += Self.padding(conv.padding)
            if conv.dilation != HeightWidth(square: 1) { words.append("d" + Self.sizes(conv.dilation)) }
            if !conv.bias { words.append("nobias") }
        case .pooling(let pooling):
            words.append(Self.sizes(pooling.kernelSize))
            if pooling.stride != pooling.kernelSize { words.append("s" + Self.sizes(pooling.stride)) }
            words += Self.padding(pooling.padding)
        case .flatten, .batchNormalization:
            break
        case .dropout(let rate):
            if let rate { words.append(specText(rate)) }
        case .activation(let function):
            if let function { words.append(function) }
        case .embedding(let vocabulary, let dimension):
            words += ["\(vocabulary)", "\(dimension)"]
        case .recurrent(let recurrent):
            words.append("\(recurrent.units)")
            if recurrent.returnSequences { words.append("seq") }
            if !recurrent.bias { words.append("nobias") }
            if recurrent.cell == .gru && !recurrent.resetAfter { words.append("reset_after=false") }
        case .attention(let dimension, let heads, let bias):
            words += ["\(dimension)", "h\(heads)"] + (bias ? [] : ["nobias"])
        }
        return words.joined(separator: " ")
    }

    private static func sizes(_ pair: HeightWidth<Int>) -> String {
        pair.isSquare ? "\(pair.height)" : "\(pair.height)x\(pair.width)"
    }

    private static func padding(_ padding: HeightWidth<Padding>) -> [String] {
        switch (padding.height, padding.width) {
        case (.valid, .valid), (.symmetric(0), .symmetric(0)): []
        case (.same, .same): ["same"]
        case (.full, .full): ["full"]
        case (.symmetric(let height), .symmetric(let width)): ["p" + sizes(HeightWidth(height, width))]
        default: ["padding \(name(padding.height))×\(name(padding.width))"]
        }
    }

    private static func name(_ padding: Padding) -> String {
        switch padding {
        case .symmetric(let size): "\(size)"
        case .valid: "valid"
        case .same: "same"
        case .full: "full"
        }
    }
}
