import NNCore
import Testing

/// VGG-16 (configuration D of Simonyan & Zisserman) on 224×224×3.
func vgg16() -> Architecture {
    let same = HeightWidth<Padding>(square: .same)
    func conv(_ filters: Int) -> ArchitectureLayer {
        .convolution(ConvolutionLayer(filters: filters, kernelSize: HeightWidth(square: 3), padding: same))
    }
    let pool = ArchitectureLayer.pooling(PoolingLayer(mode: .max, kernelSize: HeightWidth(square: 2)))
    let blocks = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]]
    let features = blocks.flatMap { block in block.map(conv) + [pool] }
    let classifier: [ArchitectureLayer] = [
        .flatten, .dense(units: 4096, bias: true), .dense(units: 4096, bias: true), .dense(units: 1000, bias: true),
    ]
    return Architecture(input: FeatureShape([224, 224, 3]), layers: features + classifier)
}

/// LeNet-5 as usually built: 32×32×1, conv 6 k5, avgpool 2, conv 16 k5, avgpool 2, dense 120, 84, 10.
func leNet5() -> Architecture {
    let pool = ArchitectureLayer.pooling(PoolingLayer(mode: .average, kernelSize: HeightWidth(square: 2)))
    return Architecture(
        input: FeatureShape([32, 32, 1]),
        layers: [
            .convolution(ConvolutionLayer(filters: 6, kernelSize: HeightWidth(square: 5))), pool,
            .convolution(ConvolutionLayer(filters: 16, kernelSize: HeightWidth(square: 5))), pool, .flatten,
            .dense(units: 120, bias: true), .dense(units: 84, bias: true), .dense(units: 10, bias: true),
        ])
}

@Suite("Architecture: output shapes, parameter counts, multiply-adds")
struct ArchitectureTests {
    @Test("Acceptance D: VGG-16 on 224×224×3 has 138,357,544 parameters")
    func vgg16Parameters() throws {
        let summary = try vgg16().summary(convention: .torch)
        // Published: torchvision's vgg16 has 138,357,544 parameters (Simonyan & Zisserman report 138 M).
        #expect(summary.totalParameters == 138_357_544)
        #expect(summary.trainableParameters == 138_357_544)
        #expect(summary.nonTrainableParameters == 0)
        // Independent Python loop over the VGG-16 configuration: Σ H′·W′·F·k·k·C + Σ n_in·n_out.
        #expect(summary.multiplyAdds == 15_470_264_320)
        #expect(summary.layers.count == 22)
        // Hand: five "same" 3×3 blocks each halved by a 2×2 pool: 224 → 112 → 56 → 28 → 14 → 7.
        #expect(summary.layers[17].outputShape == FeatureShape([7, 7, 512]))
        #expect(summary.layers[18].outputShape == FeatureShape([25088]))
        // Hand: (3·3·3 + 1)·64 = 1792; (3·3·512 + 1)·512 = 2,359,808; (25088 + 1)·4096 = 102,764,544.
        #expect(summary.layers[0].parameters == 1792)
        #expect(summary.layers[16].parameters == 2_359_808)
        #expect(summary.layers[19].parameters == 102_764_544)
        #expect(summary.parameterBytes == 553_430_176)
        // Keras counts a network without batch norm or recurrent layers the same.
        #expect(try vgg16().summary(convention: .keras).totalParameters == 138_357_544)
    }

    @Test("LeNet-5 by hand: 61,706 parameters, 416,520 multiply-adds")
    func leNet5Parameters() throws {
        let summary = try leNet5().summary(convention: .torch)
        // Hand: conv 32 → 28 (⌊(32 − 5)/1⌋ + 1), pool → 14, conv → 10, pool → 5; 5·5·16 = 400.
        // (5·5·1 + 1)·6 = 156, (5·5·6 + 1)·16 = 2416, (400 + 1)·120 = 48,120, (120 + 1)·84 = 10,164,
        // (84 + 1)·10 = 850; Σ = 61,706 (the count usually published for LeNet-5).
        #expect(summary.layers.map(\.parameters) == [156, 0, 2416, 0, 0, 48_120, 10_164, 850])
        #expect(
            summary.layers.map(\.outputShape.description) == [
                "28×28×6", "14×14×6", "10×10×16", "5×5×16", "400", "120", "84", "10",
            ])
        #expect(summary.totalParameters == 61_706)
        // Hand: 28·28·6·25 + 10·10·16·25·6 + 400·120 + 120·84 + 84·10 = 117,600 + 240,000 + 48,000 + 10,080 + 840.
        #expect(summary.multiplyAdds == 416_520)
    }

    @Test("Acceptance E: batch norm of 64 channels: 128 under torch; 128 trainable + 128 non-trainable under keras")
    func batchNormalization() throws {
        let architecture = Architecture(input: FeatureShape([32, 32, 64]), layers: [.batchNormalization])
        // Hand: γ and β are 2·64 = 128; Keras adds the moving mean and variance, 2·64 = 128 more.
        let torch = try architecture.summary(convention: .torch)
        #expect(torch.layers[0].trainableParameters == 128)
        #expect(torch.layers[0].nonTrainableParameters == 0)
        #expect(torch.totalParameters == 128)
        let keras = try architecture.summary(convention: .keras)
        #expect(keras.layers[0].trainableParameters == 128)
        #expect(keras.layers[0].nonTrainableParameters == 128)
        #expect(keras.trainableParameters == 128)
        #expect(keras.nonTrainableParameters == 128)
        #expect(keras.totalParameters == 256)
        #expect(keras.layers[0].outputShape == FeatureShape([32, 32, 64]))
    }

    struct RecurrentCase: Sendable, CustomTestStringConvertible {
        let layer: RecurrentLayer
        let convention: ParameterConvention
        let parameters: Int
        let source: String
        var testDescription: String { source }
    }

    // Input T×d = 5×10, h = 20 units; g·(h·d + h·h + b·h) with g gates and b bias vectors.
    static let recurrentCases: [RecurrentCase] = [
        RecurrentCase(
            layer: RecurrentLayer(cell: .lstm, units: 20), convention: .torch, parameters: 2560,
            source: "torch nn.LSTM(10, 20): 4·(200 + 400 + 2·20), weight_ih 800 + weight_hh 1600 + 2 biases of 80"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .lstm, units: 20), convention: .keras, parameters: 2480,
            source: "keras LSTM(20) on 10 features: 4·(200 + 400 + 20)"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .gru, units: 20), convention: .torch, parameters: 1920,
            source: "torch nn.GRU(10, 20): 3·(200 + 400 + 2·20)"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .gru, units: 20), convention: .keras, parameters: 1920,
            source: "keras GRU(20, reset_after=True): 3·(200 + 400 + 2·20), two biases as torch"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .gru, units: 20, resetAfter: false), convention: .keras, parameters: 1860,
            source: "keras GRU(20, reset_after=False): 3·(200 + 400 + 20)"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .rnn, units: 20), convention: .torch, parameters: 640,
            source: "torch nn.RNN(10, 20): 200 + 400 + 2·20"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .rnn, units: 20), convention: .keras, parameters: 620,
            source: "keras SimpleRNN(20): 200 + 400 + 20"),
        RecurrentCase(
            layer: RecurrentLayer(cell: .lstm, units: 20, bias: false), convention: .torch, parameters: 2400,
            source: "torch nn.LSTM(10, 20, bias=False): 4·(200 + 400)"),
    ]

    @Test("Recurrent layers: gates × (h·d + h·h + biases)", arguments: recurrentCases)
    func recurrent(_ recurrent: RecurrentCase) throws {
        let architecture = Architecture(input: FeatureShape([5, 10]), layers: [.recurrent(recurrent.layer)])
        let summary = try architecture.summary(convention: recurrent.convention)
        #expect(summary.totalParameters == recurrent.parameters)
        #expect(summary.layers[0].outputShape == FeatureShape([20]))
        // Hand: T·g·h·(d + h) = 5·g·20·30.
        #expect(summary.multiplyAdds == 5 * recurrent.layer.cell.gateCount * 20 * 30)
    }

    @Test("return_sequences keeps T: 5×10 → 5×20")
    func returnSequences() throws {
        let layer = RecurrentLayer(cell: .lstm, units: 20, returnSequences: true)
        let summary = try Architecture(input: FeatureShape([5, 10]), layers: [.recurrent(layer)])
            .summary(convention: .torch)
        #expect(summary.outputShape == FeatureShape([5, 20]))
    }

    @Test("Embedding 10000 × 128 then attention of 8 heads: vocab·dim and 4·(d·d + d)")
    func embeddingAndAttention() throws {
        let architecture = Architecture(
            input: FeatureShape([50]),
            layers: [.embedding(vocabulary: 10_000, dimension: 128), .attention(dimension: 128, heads: 8, bias: true)])
        let summary = try architecture.summary(convention: .torch)
        // Hand: 10000·128 = 1,280,000; torch nn.MultiheadAttention(128, 8): in_proj 3·128·128 + 3·128,
        // out_proj 128·128 + 128, together 4·(16384 + 128) = 66,048.
        #expect(summary.layers.map(\.parameters) == [1_280_000, 66_048])
        #expect(summary.layers.map(\.outputShape) == [FeatureShape([50, 128]), FeatureShape([50, 128])])
        // Hand: 4·50·128·128 + 2·50·50·128 = 3,276,800 + 640,000.
        #expect(summary.layers[1].multiplyAdds == 3_916_800)
    }

    @Test("Dense on a T×n sequence acts on every step: (n + 1)·u parameters, T·n·u multiply-adds")
    func denseOnSequence() throws {
        let summary = try Architecture(input: FeatureShape([7, 16]), layers: [.dense(units: 4, bias: false)])
            .summary(convention: .torch)
        #expect(summary.outputShape == FeatureShape([7, 4]))
        #expect(summary.totalParameters == 64)  // 16·4 without bias
        #expect(summary.multiplyAdds == 448)  // 7·16·4
    }

    @Test("Stride 2, padding 1 and dilation 2 go through the one-dimension arithmetic")
    func convolutionOptions() throws {
        let layer = ConvolutionLayer(
            filters: 2, kernelSize: HeightWidth(3, 5), stride: HeightWidth(square: 2),
            padding: HeightWidth(square: .symmetric(1)), dilation: HeightWidth(1, 2), bias: false)
        let summary = try Architecture(input: FeatureShape([36, 36, 3]), layers: [.convolution(layer)])
            .summary(convention: .torch)
        // Hand: height ⌊(36 + 2 − 3)/2⌋ + 1 = 18; width k_eff = 2·4 + 1 = 9, ⌊(36 + 2 − 9)/2⌋ + 1 = 15.
        #expect(summary.outputShape == FeatureShape([18, 15, 2]))
        #expect(summary.totalParameters == 90)  // 3·5·3·2, no bias
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let architecture: Architecture
        let expected: ArchitectureError
        let message: String
        var testDescription: String { message }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([28, 28, 1]),
                layers: [
                    .convolution(ConvolutionLayer(filters: 4, kernelSize: HeightWidth(square: 3))),
                    .dense(units: 10, bias: true),
                ]),
            expected: ArchitectureError(layer: 2, .needsFlatten(FeatureShape([26, 26, 4]))),
            message: "layer 2: a dense layer cannot follow an H×W×C output (26×26×4); put a flatten layer before it"),
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([4, 4, 1]),
                layers: [.convolution(ConvolutionLayer(filters: 4, kernelSize: HeightWidth(square: 5)))]),
            expected: ArchitectureError(
                layer: 1, .window(.kernelLargerThanInput(kernel: 5, paddedInput: 4), dimension: "height")),
            message: "layer 1: the window spans 5 along the height, more than the 4 of the padded input"),
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([8, 8, 1]),
                layers: [
                    .convolution(
                        ConvolutionLayer(filters: 4, kernelSize: HeightWidth(square: 3), stride: HeightWidth(1, 0)))
                ]),
            expected: ArchitectureError(layer: 1, .window(.notPositive(.stride, value: 0), dimension: "width")),
            message: "layer 1: the stride along the width must be at least 1, got 0"),
        ErrorCase(
            architecture: Architecture(input: FeatureShape([784]), layers: [.dense(units: -3, bias: true)]),
            expected: ArchitectureError(layer: 1, .notPositive(name: "units", value: -3)),
            message: "layer 1: units must be at least 1, not -3"),
        ErrorCase(
            architecture: Architecture(input: FeatureShape([28, -28, 1]), layers: []),
            expected: ArchitectureError(layer: 0, .notPositive(name: "every size of the input shape", value: -28)),
            message: "input: every size of the input shape must be at least 1, not -28"),
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([784]),
                layers: [.convolution(ConvolutionLayer(filters: 4, kernelSize: HeightWidth(square: 3)))]),
            expected: ArchitectureError(
                layer: 1, .wrongInput(layer: "conv", expected: "an H×W×C", found: FeatureShape([784]))),
            message: "layer 1: conv needs an H×W×C input, but its input is 784"),
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([10, 64]), layers: [.attention(dimension: 64, heads: 5, bias: true)]),
            expected: ArchitectureError(layer: 1, .headsDoNotDivide(dimension: 64, heads: 5)),
            message: "layer 1: 5 heads do not divide dim 64 (each head has dim/heads values)"),
        ErrorCase(
            architecture: Architecture(input: FeatureShape([1 << 30, 1 << 30, 1 << 30]), layers: []),
            expected: ArchitectureError(layer: 0, .tooLarge("the element count of 1073741824×1073741824×1073741824")),
            message:
                "input: the element count of 1073741824×1073741824×1073741824 passes 2^53 = 9007199254740992, the largest count that can be printed exactly"
        ),
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([1 << 26]), layers: [.dense(units: 1 << 28, bias: true)]),
            expected: ArchitectureError(layer: 1, .tooLarge("the parameters of a dense layer")),
            message:
                "layer 1: the parameters of a dense layer passes 2^53 = 9007199254740992, the largest count that can be printed exactly"
        ),
        ErrorCase(
            architecture: Architecture(
                input: FeatureShape([1 << 20]),
                layers: Array(repeating: .dense(units: 1 << 20, bias: false), count: 9000)),
            expected: ArchitectureError(layer: nil, .tooLarge("the trainable parameters")),
            message:
                "totals: the trainable parameters passes 2^53 = 9007199254740992, the largest count that can be printed exactly"
        ),
    ]

    @Test("Layers that do not fit throw an error naming the layer", arguments: errorCases)
    func errors(_ error: ErrorCase) {
        #expect(throws: error.expected) { try error.architecture.summary(convention: .torch) }
        #expect(error.expected.description == error.message)
    }

    @Test("Checked counts: Int.max factors throw instead of trapping")
    func checkedCounts() throws {
        #expect(throws: ArchitectureError.Reason.tooLarge("x")) { try Count.product([Int.max, 2], of: "x") }
        #expect(throws: ArchitectureError.Reason.tooLarge("x")) { try Count.sum([Int.max, 1], of: "x") }
        #expect(throws: ArchitectureError.Reason.tooLarge("x")) { try Count.product([Count.limit, 2], of: "x") }
        #expect(try Count.product([Count.limit, 1], of: "x") == 9_007_199_254_740_992)
        #expect(try Count.product([], of: "x") == 1)
    }
}
