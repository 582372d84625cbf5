import NNCore

/// Solves `nnhw conv-size`: the output size along each dimension with every
/// number put in, the uncovered rows or columns, the output channels, the
/// parameters (k_h·k_w·C_in + 1)·F and the multiply-adds.
public struct ConvolutionSizeSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked solution of `problem`.
    ///
    /// - Throws: an ``InputError`` when a size does not fit or a count overflows.
    public func solve(_ problem: ConvolutionSizeProblem) throws(InputError) -> Solution {
        try problem.validate()
        var solution = Solution(title: title(problem), preamble: preamble(problem))
        let outputHeight: Int
        let outputWidth: Int
        let paths = ResultPaths(problem)
        solution.beginSection("Height (rows)")
        switch problem.layer {
        case .transposed(_, _, let outputPadding):
            OutputSizeSteps.height(problem.height).writeTransposed(
                outputPadding: outputPadding[0], into: &solution, producing: [paths.height])
            solution.beginSection("Width (columns)")
            OutputSizeSteps.width(problem.width).writeTransposed(
                outputPadding: outputPadding[1], into: &solution, producing: [paths.width])
            outputHeight = problem.height.transposedOutputSize(outputPadding: outputPadding[0])
            outputWidth = problem.width.transposedOutputSize(outputPadding: outputPadding[1])
        case .convolution, .pooling:
            OutputSizeSteps.height(problem.height).write(
                into: &solution, producing: paths.heightCoverage, padding: ["padding[0]"])
            solution.beginSection("Width (columns)")
            OutputSizeSteps.width(problem.width).write(
                into: &solution, producing: paths.widthCoverage, padding: ["padding[1]"])
            outputHeight = problem.height.outputSize
            outputWidth = problem.width.outputSize
        }
        solution.beginSection("Output")
        let channels: Int
        var parameters = 0
        var multiplyAdds = 0
        let inputChannels = MathExpression.symbol(Symbol("C", index: "in"))
        let outputChannels = MathExpression.symbol(Symbol("C", index: "out"))
        switch problem.layer {
        case .convolution(let filters, let hasBias), .transposed(let filters, let hasBias, _):
            channels = filters
            solution.addStep(
                outputChannels, [.symbol(Symbol("F")), number(filters)], note: "one channel per filter",
                producing: [paths.channels])
            solution.addStep(
                .text("output shape"), [shape(outputHeight, outputWidth, channels, problem)],
                producing: ["output"])
            solution.beginSection("Cost")
            do {
                parameters = try ConvolutionCost.parameters(
                    kernelHeight: problem.height.kernelSize, kernelWidth: problem.width.kernelSize,
                    inputChannels: problem.inputChannels, filters: filters, hasBias: hasBias)
                let isTransposed = if case .transposed = problem.layer { true } else { false }
                let positions = try ConvolutionCost.product(
                    isTransposed ? [problem.inputHeight, problem.inputWidth] : [outputHeight, outputWidth])
                multiplyAdds = try ConvolutionCost.multiplyAdds(
                    kernelHeight: problem.height.kernelSize, kernelWidth: problem.width.kernelSize,
                    inputChannels: problem.inputChannels, filters: filters, positions: positions)
            } catch {
                throw InputError(at: "--input", .countTooLarge)
            }
            let kernelTerms: [MathExpression] = [
                .symbol(Symbol("k", index: "h")), .symbol(Symbol("k", index: "w")), inputChannels,
            ]
            let kernelNumbers = [problem.height.kernelSize, problem.width.kernelSize, problem.inputChannels].map(number)
            let filterSymbol = MathExpression.symbol(Symbol("F"))
            solution.addStep(
                .text("parameters"),
                hasBias
                    ? [
                        .infix(.times, [.infix(.plus, [.infix(.times, kernelTerms), .number(1)]), filterSymbol]),
                        .infix(.times, [.infix(.plus, [.infix(.times, kernelNumbers), .number(1)]), number(filters)]),
                        number(parameters),
                    ]
                    : [
                        .infix(.times, kernelTerms + [filterSymbol]),
                        .infix(.times, kernelNumbers + [number(filters)]), number(parameters),
                    ],
                note: hasBias ? "weights and one bias per filter" : "weights only (\(code: "--no-bias"))",
                producing: ["params"])
            let positionTerms: [MathExpression] =
                isTransposedLayer(problem)
                ? [.symbol(Symbol("H")), .symbol(Symbol("W"))]
                : [.symbol(Symbol("H", index: "out")), .symbol(Symbol("W", index: "out"))]
            let positionNumbers =
                isTransposedLayer(problem)
                ? [problem.inputHeight, problem.inputWidth].map(number) : [outputHeight, outputWidth].map(number)
            solution.addStep(
                .text("multiply-adds"),
                [
                    .infix(.times, positionTerms + kernelTerms + [filterSymbol]),
                    .infix(.times, positionNumbers + kernelNumbers + [number(filters)]), number(multiplyAdds),
                ],
                note: isTransposedLayer(problem)
                    ? "each input entry is scattered through every weight; bias additions not counted"
                    : "one per weight at each output position; bias additions not counted",
                producing: ["mult_adds"])
        case .pooling(let mode, _):
            channels = problem.inputChannels
            solution.addStep(
                outputChannels, [inputChannels, number(channels)], note: "pooling keeps the channels",
                producing: [paths.channels])
            solution.addStep(
                .text("output shape"), [shape(outputHeight, outputWidth, channels, problem)],
                producing: ["output"])
            solution.addRemark(
                "\(mode == .max ? "Max" : "Average") pooling has no parameters and no multiply-adds (\(number(0)) of each)."
            )
        }
        let uncovered: [Int] =
            isTransposedLayer(problem) ? [0, 0] : [problem.height.uncoveredCount, problem.width.uncoveredCount]
        let exact =
            isTransposedLayer(problem)
            || (problem.height.slack % problem.height.stride == 0 && problem.width.slack % problem.width.stride == 0)
        solution.result = .object([
            JSONMember("input", shapeJSON(problem.inputHeight, problem.inputWidth, problem.inputChannels, problem)),
            JSONMember("output", shapeJSON(outputHeight, outputWidth, channels, problem)),
            JSONMember(
                "padding",
                .array(
                    [problem.height, problem.width].map { dimension in
                        .array([.number(Double(dimension.paddingBefore)), .number(Double(dimension.paddingAfter))])
                    })),
            JSONMember("exact", .bool(exact)),
            JSONMember("uncovered", .array(uncovered.map { .number(Double($0)) })),
            JSONMember("params", .number(Double(parameters))),
            JSONMember("mult_adds", .number(Double(multiplyAdds))),
        ])
        try solution.requireFinite(blaming: "--input")
        return solution
    }

    /// Where the steps' values sit in the result: the output's height, width and
    /// channels (in the order of the shape), and the uncovered rows and columns and
    /// `exact`, which the step giving each dimension's n_out shows as ⌊slack / S⌋.
    private struct ResultPaths {
        let height: String
        let width: String
        let channels: String
        let heightCoverage: [String]
        let widthCoverage: [String]

        init(_ problem: ConvolutionSizeProblem) {
            let first = problem.isChannelsFirst ? 1 : 0
            height = "output[\(first)]"
            width = "output[\(first + 1)]"
            channels = problem.isChannelsFirst ? "output[0]" : "output[2]"
            // `exact` is false because of the first dimension that S does not divide; the height's step when both divide.
            let heightIsExact = problem.height.slack % problem.height.stride == 0
            let widthIsExact = problem.width.slack % problem.width.stride == 0
            let heightOwnsExact = !heightIsExact || widthIsExact
            heightCoverage = [height, "uncovered[0]"] + (heightOwnsExact ? ["exact"] : [])
            widthCoverage = [width, "uncovered[1]"] + (heightOwnsExact ? [] : ["exact"])
        }
    }

    private func isTransposedLayer(_ problem: ConvolutionSizeProblem) -> Bool {
        if case .transposed = problem.layer { true } else { false }
    }

    /// The shape in the problem's order, as math: 36 × 36 × 3.
    private func shape(_ height: Int, _ width: Int, _ channels: Int, _ problem: ConvolutionSizeProblem)
        -> MathExpression
    {
        let sizes = problem.isChannelsFirst ? [channels, height, width] : [height, width, channels]
        return .infix(.cross, sizes.map(number))
    }

    private func shapeJSON(_ height: Int, _ width: Int, _ channels: Int, _ problem: ConvolutionSizeProblem)
        -> JSONValue
    {
        let sizes = problem.isChannelsFirst ? [channels, height, width] : [height, width, channels]
        return .array(sizes.map { .number(Double($0)) })
    }

    private func title(_ problem: ConvolutionSizeProblem) -> Prose {
        let input = shape(problem.inputHeight, problem.inputWidth, problem.inputChannels, problem)
        let window = MathExpression.infix(
            .cross, [number(problem.height.kernelSize), number(problem.width.kernelSize)])
        let kind: Prose
        switch problem.layer {
        case .convolution(let filters, _): kind = "Convolution \(Prose.titleSeparator) \(Self.filters(filters))"
        case .transposed(let filters, _, _):
            kind = "Transposed convolution \(Prose.titleSeparator) \(Self.filters(filters))"
        case .pooling(let mode, _): kind = mode == .max ? "Max pooling" : "Average pooling"
        }
        return "\(kind) \(Prose.titleSeparator) input \(input) \(Prose.titleSeparator) window \(window)"
    }

    /// “2 filters”, the count as math.
    private static func filters(_ count: Int) -> Prose {
        "\(number(count)) \(count == 1 ? "filter" : "filters")"
    }

    private func preamble(_ problem: ConvolutionSizeProblem) -> [Prose] {
        let symbol = { (letter: String) in MathExpression.symbol(Symbol(letter)) }
        let (n, p, s, d, k) = (symbol("n"), symbol("P"), symbol("S"), symbol("d"), symbol("k"))
        let outputSize = MathExpression.symbol(Symbol("n", index: "out"))
        let effectiveKernel = MathExpression.symbol(Symbol("k", index: "eff"))
        let dilated = MathExpression.infix(
            .plus, [.product([d, .parenthesized(.infix(.minus, [k, .count(1)]))]), .count(1)])
        let shapeWords = { (words: [String]) in MathExpression.infix(.cross, words.map(MathExpression.text)) }
        var lines: [Prose] = [
            problem.isChannelsFirst
                ? "Shapes are \(shapeWords(["channels", "height", "width"])) (\(code: "--channels-first"))."
                : "Shapes are \(shapeWords(["height", "width", "channels"])), as homework writes them "
                    + "(\(code: "--channels-first") for \(MathExpression.infix(.cross, ["C", "H", "W"].map(symbol))))."
        ]
        let settings: [Prose] = [
            setting("stride", "S", problem.height.stride, problem.width.stride),
            setting("dilation", "d", problem.height.dilation, problem.width.dilation),
        ]
        lines.append(Prose.joined(settings, separator: ", ") + "; padding \(paddingProse(problem)).")
        switch problem.layer {
        case .transposed:
            let transposed = MathExpression.infix(
                .plus,
                [
                    .infix(
                        .minus,
                        [
                            .infix(
                                .plus,
                                [.product([s, .parenthesized(.infix(.minus, [n, .count(1)]))]), effectiveKernel]),
                            .product([.number(2), p]),
                        ]),
                    symbol("a"),
                ])
            lines.append(
                "Transposed convolution: \(.equation(symbol("o"), transposed)), with \(.equation(effectiveKernel, dilated))."
            )
        case .convolution, .pooling:
            let floor = MathExpression.infix(
                .plus,
                [
                    .floor(
                        .infix(
                            .divide,
                            [.infix(.minus, [.infix(.plus, [n, .product([.number(2), p])]), effectiveKernel]), s])),
                    .count(1),
                ])
            lines.append(
                "\(.equation(outputSize, floor)) with \(.equation(effectiveKernel, dilated)) and \(p) zeros on each side; "
                    + "“same” follows TensorFlow: \(.equation(outputSize, .ceiling(.infix(.divide, [n, s])))), "
                    + "the odd extra padding at the bottom/right.")
        }
        if case .pooling(_, true) = problem.layer {
            let dot = MathExpression.symbol(Symbol("·"))
            lines.append(
                "Ceil mode (PyTorch): \(MathExpression.ceiling(dot)) instead of \(MathExpression.floor(dot)), "
                    + "but no window may start in the bottom/right padding.")
        }
        return lines
    }

    /// “stride S = 2”, or “stride S = 2 (rows), 1 (columns)” when they differ.
    private func setting(_ name: String, _ letter: String, _ rows: Int, _ columns: Int) -> Prose {
        rows == columns
            ? "\(name) \(.equation(.symbol(Symbol(letter)), number(rows)))"
            : "\(name) \(.equation(.symbol(Symbol(letter)), number(rows))) (rows), \(number(columns)) (columns)"
    }

    private func paddingProse(_ problem: ConvolutionSizeProblem) -> Prose {
        let describe = { (padding: Padding) -> Prose in
            switch padding {
            case .symmetric(let size): "\(.equation(.symbol(Symbol("P")), number(size)))"
            case .valid: "\(.equation(.symbol(Symbol("P")), number(0))) (valid)"
            case .same: "“same”"
            case .full: "“full”"
            }
        }
        let rows = problem.height.padding
        let columns = problem.width.padding
        return rows == columns ? describe(rows) : "\(describe(rows)) (rows), \(describe(columns)) (columns)"
    }
}
