import NNCore

/// Solves `nnhw conv` and `nnhw pool`: the output size, then every entry of
/// the feature map as its sum of products (or its window's max or mean).
///
/// Entries are numbered from 1: y_ij is row i, column j of the output.
public struct FeatureMapSolver: Sendable {
    /// A solver.
    public init() {}

    /// The feature map of `problem`: a convolution or a pooling.
    ///
    /// - Throws: as ``convolution(input:filters:bias:outputGradient:)`` and ``pooling(input:pooling:outputGradient:)``.
    public func solve(_ problem: FeatureMapProblem) throws(InputError) -> Solution {
        switch problem {
        case .convolution(let input, let filters, let bias, let gradient):
            try convolution(input: input, filters: filters, bias: bias, outputGradient: gradient)
        case .pooling(let input, let window, let gradient):
            try pooling(input: input, pooling: window, outputGradient: gradient)
        }
    }

    /// The feature map of one filter over the input, each y_ij shown as Σ x · w;
    /// with δ = ∂L/∂Y also ∂L/∂K, ∂L/∂b and ∂L/∂X, each entry as its Σ δ · x or Σ δ · w.
    ///
    /// - Throws: as ``convolution(input:filters:bias:outputGradient:)``.
    public func convolution(input: [Matrix], filter: Convolution2D, outputGradient: [Matrix]? = nil)
        throws(InputError) -> Solution
    {
        try convolution(input: input, filters: [filter], outputGradient: outputGradient)
    }

    /// The feature maps of C_out filters over the input, one output channel each,
    /// y_{o,ij} = Σ x · w_o + b_o; with δ = ∂L/∂Y (one matrix per output channel) also
    /// ∂L/∂K_o and ∂L/∂b_o per output channel and ∂L/∂X summed over the output channels.
    ///
    /// A single filter gives today's layout: no output-channel index, `output` an H_out × W_out matrix.
    ///
    /// - Parameters:
    ///   - input: X, one matrix per channel.
    ///   - filters: the filters (kernel of one matrix per input channel), all with the same
    ///     kernel shape, stride, padding and flip.
    ///   - bias: b_o for each filter, or nil for no bias term.
    ///   - outputGradient: δ = ∂L/∂Y (one matrix per filter), or nil for the forward pass alone.
    /// - Throws: an ``InputError`` when the channels differ, the kernel does not
    ///   fit the padded input, δ is not shaped like Y, or the values overflow.
    /// - Precondition: at least one filter, and one bias per filter when given.
    public func convolution(
        input: [Matrix], filters: [Convolution2D], bias: [Double]? = nil, outputGradient: [Matrix]? = nil
    ) throws(InputError) -> Solution {
        precondition(!filters.isEmpty && (bias?.count ?? filters.count) == filters.count, "One bias per filter")
        let filter = filters[0]
        let isBank = filters.count > 1
        guard input.count == filter.kernel.count else {
            throw InputError(
                at: "--kernel",
                isBank
                    ? .filterChannelMismatch(kernel: filter.kernel.count, input: input.count)
                    : .channelMismatch(kernel: filter.kernel.count, input: input.count))
        }
        let (height, width) = filter.dimensions(inputHeight: input[0].rows, inputWidth: input[0].columns)
        if let height = try? height.validated(), let width = try? width.validated() {
            try Self.checkSize(height, width, channels: input.count, filters: filters.count)
        }
        var maps: [FeatureMap] = []
        for filter in filters {
            do {
                maps.append(try filter.featureMap(of: input))
            } catch {
                throw InputError(error, lines: (try? height.validated()) == nil ? "rows" : "columns")
            }
        }
        let outputs = maps.indices.map { maps[$0].output + (bias?[$0] ?? 0) }
        guard outputs.allSatisfy(\.isFinite) else {
            throw InputError(at: "--input", .featureMapOverflows)
        }
        let isMultichannel = input.count > 1
        let name = filter.isFlipped ? "Convolution (true, kernel flipped)" : "Cross-correlation"
        let kernel = MathExpression.symbol(Symbol("K", index: isBank ? "o" : nil))
        let weights = MathExpression.symbol(Symbol("w", index: isBank ? "o" : nil))
        let kernelShape =
            isBank
            ? MathExpression.infix(
                .cross, [filters.count, input.count, filter.kernel[0].rows, filter.kernel[0].columns].map(number))
            : shape(filter.kernel)
        var solution = Solution(
            title:
                "\(name) \(Prose.titleSeparator) input \(shape(input)) \(Prose.titleSeparator) kernel \(kernelShape)",
            preamble: [
                filter.isFlipped
                    ? "True convolution (\(code: "--flip")): the kernel is rotated by \(MathExpression.text("180°")) "
                        + "first, then slid over the input."
                    : "Cross-correlation, what deep-learning libraries call convolution: the kernel is not flipped "
                        + "(\(code: "--flip") flips it).",
                "\(Self.entryFormula(isMultichannel: isMultichannel, isBank: isBank))"
                    + (isMultichannel ? ", summed over the channels \(Symbol("c"))" : "")
                    + (bias == nil ? "" : ", plus the bias \(Symbol("b", index: isBank ? "o" : nil)),")
                    + " with \(.equation(weights, filter.isFlipped ? .apply(FunctionName("rot180"), [kernel]) : kernel))"
                    + (isBank
                        ? ", one output channel \(Symbol("o")) per filter \(kernel)"
                            + " (\(.equation(.symbol(Symbol("o")), .count(1))) to \(filters.count))" : "")
                    + "; indices from \(1).",
            ])
        solution.beginSection("Given")
        addChannels("X", input, to: &solution)
        for (o, filter) in filters.enumerated() {
            addChannels("K", filter.kernel, outputChannel: isBank ? o : nil, to: &solution)
        }
        if let bias {
            solution.addStep(
                .symbol(Symbol("b")), [bias.count == 1 ? .number(bias[0]) : .inlineVector(bias)])
        }
        writeSizes(height, width, into: &solution)
        if filter.isFlipped {
            solution.beginSection("Flipped kernel")
            for (o, filter) in filters.enumerated() {
                for (index, channel) in filter.kernel.enumerated() {
                    solution.addStep(
                        .symbol(Symbol("w", index: Self.subscript(isBank ? o : nil, isMultichannel ? index : nil))),
                        [.apply(FunctionName("rot180"), [.matrix(channel)]), .matrix(filter.appliedKernel[index])],
                        note: "\(Self.flippedEntry)")
                }
            }
        }
        if maps[0].paddedInput[0].rows != input[0].rows || maps[0].paddedInput[0].columns != input[0].columns {
            solution.beginSection("Padded input")
            addChannels("X", accent: .tilde, maps[0].paddedInput, to: &solution)
        }
        for (o, map) in maps.enumerated() {
            solution.beginSection(isBank ? "Feature map, output channel \(o + 1)" : "Feature map")
            writeFeatureMap(map, bias: bias?[o], outputChannel: isBank ? o : nil, into: &solution)
        }
        var members = [JSONMember("output", isBank ? .array(outputs.map(json)) : json(outputs[0]))]
        if let outputGradient {
            members += try addConvolutionBackward(
                filters: filters, input: input, outputs: outputs, outputGradient: outputGradient, to: &solution)
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: outputGradient == nil ? "--input" : "--grad-output")
        return solution
    }

    /// Every y_ij of one filter's feature map as its sum of products (and its bias, when given),
    /// then the map Y; `outputChannel` (from 0) names y_{o,ij} and Y_o of a filter bank.
    private func writeFeatureMap(
        _ map: FeatureMap, bias: Double?, outputChannel o: Int?, into solution: inout Solution
    ) {
        let path = o.map { "output[\($0)]" } ?? "output"
        let prefix = o.map { "\($0 + 1)," } ?? ""
        for i in 0..<map.output.rows {
            for j in 0..<map.output.columns {
                let products =
                    map.terms(row: i, column: j).map {
                        MathExpression.infix(.times, [.number($0.input), .number($0.weight)])
                    } + (bias.map { [MathExpression.number($0)] } ?? [])
                solution.addStep(
                    .symbol(Symbol("y", index: "\(prefix)\(i + 1),\(j + 1)")),
                    [
                        products.count == 1 ? products[0] : .infix(.plus, products),
                        .number(map.output[i, j] + (bias ?? 0)),
                    ],
                    producing: ["\(path)[\(i)][\(j)]"])
            }
        }
        solution.addStep(
            .symbol(Symbol("Y", index: o.map { "\($0 + 1)" })), [.matrix(map.output + (bias ?? 0))], producing: [path])
    }

    /// Max or average pooling of every channel, each y_ij shown with its window;
    /// with δ = ∂L/∂Y also ∂L/∂X, each entry as the shares of δ routed to it.
    ///
    /// - Parameter outputGradient: δ = ∂L/∂Y, one matrix per channel, or nil for the forward pass alone.
    /// - Throws: an ``InputError`` when the window does not fit the input or δ is not shaped like Y.
    public func pooling(input: [Matrix], pooling: Pooling2D, outputGradient: [Matrix]? = nil) throws(InputError)
        -> Solution
    {
        var maps: [PooledMap] = []
        for channel in input {
            let (height, width) = pooling.dimensions(inputHeight: channel.rows, inputWidth: channel.columns)
            if let height = try? height.validated(), let width = try? width.validated() {
                try Self.checkSize(height, width, channels: input.count)
            }
            do {
                maps.append(try pooling.pooled(channel))
            } catch {
                let (height, _) = pooling.dimensions(inputHeight: channel.rows, inputWidth: channel.columns)
                throw InputError(
                    error, lines: (try? height.validated()) == nil ? "rows" : "columns", kernelOption: "--size")
            }
        }
        let isMax = pooling.mode == .max
        let count = pooling.kernelHeight * pooling.kernelWidth
        let window = MathExpression.infix(.cross, [number(pooling.kernelHeight), number(pooling.kernelWidth)])
        let entryIJ = MathExpression.symbol(Symbol("y", index: "ij"))
        let start = { (index: String) in
            MathExpression.infix(
                .plus,
                [
                    .product([
                        .parenthesized(.infix(.minus, [.symbol(Symbol(index)), .count(1)])), .symbol(Symbol("S")),
                    ]), .count(1),
                ])
        }
        let mean = MathExpression.infix(.divide, [.text("sum"), number(count)])
        var solution = Solution(
            title:
                "\(isMax ? "Max" : "Average") pooling \(Prose.titleSeparator) input \(shape(input)) \(Prose.titleSeparator) window \(window)",
            preamble: [
                (isMax ? "\(entryIJ) = the largest" : "\(entryIJ) = the mean (\(mean))")
                    + " of the window starting at row \(start("i")), column \(start("j")); indices from \(1); no padding."
                    + (input.count > 1 ? " Each channel is pooled on its own." : "")
            ])
        solution.beginSection("Given")
        addChannels("X", input, to: &solution)
        let (height, width) = pooling.dimensions(inputHeight: input[0].rows, inputWidth: input[0].columns)
        writeSizes(height, width, into: &solution)
        for (index, map) in maps.enumerated() {
            let path = input.count > 1 ? "output[\(index)]" : "output"
            solution.beginSection(input.count > 1 ? "Channel \(index + 1)" : "Pooled map")
            for i in 0..<map.output.rows {
                for j in 0..<map.output.columns {
                    let window = map.window(row: i, column: j).map(MathExpression.number)
                    let formula: MathExpression =
                        isMax
                        ? .apply(FunctionName("max"), window)
                        : .infix(.divide, [.parenthesized(.infix(.plus, window)), number(count)])
                    solution.addStep(
                        entry(i, j), [formula, .number(map.output[i, j])], producing: ["\(path)[\(i)][\(j)]"])
                }
            }
            let suffix = input.count > 1 ? "\(index + 1)" : nil
            solution.addStep(.symbol(Symbol("Y", index: suffix)), [.matrix(map.output)], producing: [path])
        }
        let output = input.count > 1 ? JSONValue.array(maps.map { json($0.output) }) : json(maps[0].output)
        var members = [JSONMember("output", output)]
        if let outputGradient {
            members.append(
                try addPoolingBackward(
                    pooling: pooling, input: input, outputs: maps.map(\.output), outputGradient: outputGradient,
                    to: &solution))
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: outputGradient == nil ? "--input" : "--grad-output")
        return solution
    }

    /// The most numbers a worked feature map shows: the products of every y_ij
    /// (H_out · W_out · C · k_h · k_w, times C_out for C_out filters), or the window values of every pooled entry,
    /// and the entries of the padded input (C · H_p · W_p).
    public static let maximumTerms = 20_000

    /// Refuses a feature map whose worked solution would show more than ``maximumTerms`` numbers.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--input` when a count exceeds the limit or overflows.
    private static func checkSize(
        _ height: ConvolutionDimension, _ width: ConvolutionDimension, channels: Int, filters: Int = 1
    ) throws(InputError) {
        let products: Int
        let padded: Int
        do {
            products = try ConvolutionCost.product([
                height.outputSize, width.outputSize, channels, height.kernelSize, width.kernelSize, filters,
            ])
            padded = try ConvolutionCost.product([
                channels, height.inputSize + height.paddingBefore + height.paddingAfter,
                width.inputSize + width.paddingBefore + width.paddingAfter,
            ])
        } catch {
            throw InputError(at: "--input", .tooManyTerms(limit: maximumTerms))
        }
        guard products <= maximumTerms, padded <= maximumTerms else {
            throw InputError(at: "--input", .tooManyTerms(limit: maximumTerms))
        }
    }

    private func writeSizes(
        _ height: ConvolutionDimension, _ width: ConvolutionDimension, into solution: inout Solution
    ) {
        solution.beginSection("Output size")
        OutputSizeSteps.height(height).write(into: &solution)
        OutputSizeSteps.width(width).write(into: &solution)
    }

    /// One step per channel: X_1, X_2, …, or K_{o,1}, K_{o,2}, … for filter o (from 0) of a bank.
    func addChannels(
        _ name: String, accent: Symbol.Accent? = nil, _ channels: [Matrix], outputChannel: Int? = nil,
        to solution: inout Solution
    ) {
        for (index, channel) in channels.enumerated() {
            let suffix = Self.subscript(outputChannel, channels.count > 1 ? index : nil)
            solution.addStep(.symbol(Symbol(name, index: suffix, accent: accent)), [.matrix(channel)])
        }
    }

    /// The subscript of the given indices (from 0), written from 1 and joined by commas: "2,1";
    /// nil when none is given.
    static func `subscript`(_ indices: Int?...) -> String? {
        let given = indices.compactMap { $0.map { "\($0 + 1)" } }
        return given.isEmpty ? nil : given.joined(separator: ",")
    }

    /// y_ij = Σ_m Σ_n x[(i − 1)S + m, (j − 1)S + n] · w[m, n], with Σ_c and the channel subscripts
    /// x_c, w_c for a multichannel input, and the output channel o (y_{o,ij}, w_{o,c}) of a filter bank.
    private static func entryFormula(isMultichannel: Bool, isBank: Bool) -> MathExpression {
        let symbol = { (letter: String) in MathExpression.symbol(Symbol(letter)) }
        let channel = isMultichannel ? "c" : nil
        let filter = isBank ? "o" : nil
        let weightIndex = isBank || isMultichannel ? [filter, channel].compactMap { $0 }.joined(separator: ",") : nil
        let position = { (index: String, offset: String) in
            MathExpression.infix(
                .plus,
                [
                    .product([.parenthesized(.infix(.minus, [symbol(index), .count(1)])), symbol("S")]),
                    symbol(offset),
                ])
        }
        let product = MathExpression.infix(
            .times,
            [
                .indexed(.symbol(Symbol("x", index: channel)), [position("i", "m"), position("j", "n")]),
                .indexed(.symbol(Symbol("w", index: weightIndex)), [symbol("m"), symbol("n")]),
            ])
        var sum = MathExpression.summation(index: "m", .summation(index: "n", product))
        if let channel { sum = .summation(index: channel, sum) }
        return .equation(.symbol(Symbol("y", index: filter.map { "\($0),ij" } ?? "ij")), sum)
    }

    /// w[m, n] = K[k_h + 1 − m, k_w + 1 − n], the flipped kernel's entries.
    private static var flippedEntry: MathExpression {
        let mirrored = { (size: String, index: String) in
            MathExpression.infix(
                .minus, [.infix(.plus, [.symbol(Symbol("k", index: size)), .count(1)]), .symbol(Symbol(index))])
        }
        return .equation(
            .indexed(.symbol(Symbol("w")), [.symbol(Symbol("m")), .symbol(Symbol("n"))]),
            .indexed(.symbol(Symbol("K")), [mirrored("h", "m"), mirrored("w", "n")]))
    }

    func entry(_ row: Int, _ column: Int) -> MathExpression {
        .symbol(Symbol("y", index: "\(row + 1),\(column + 1)"))
    }

    func shape(_ channels: [Matrix]) -> MathExpression {
        let sizes = (channels.count > 1 ? [channels.count] : []) + [channels[0].rows, channels[0].columns]
        return .infix(.cross, sizes.map(number))
    }

    func json(_ matrix: Matrix) -> JSONValue {
        .array(matrix.rowArrays.map { row in .array(row.map(JSONValue.number)) })
    }
}
