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
        var solution = Solution(title: "\(title(problem))", preamble: preamble(problem).map { "\($0)" })
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
            OutputSizeSteps.height(problem.height).write(into: &solution, producing: paths.heightCoverage)
            solution.beginSection("Width (columns)")
            OutputSizeSteps.width(problem.width).write(into: &solution, producing: paths.widthCoverage)
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
                .text("output shape"), [.text(shape(outputHeight, outputWidth, channels, problem))],
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
                throw InputError(
                    .invalidData, at: "--input", "the parameter or multiply-add count is too large to compute with")
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
                note: hasBias ? "weights and one bias per filter" : "weights only (--no-bias)", producing: ["params"])
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
                .text("output shape"), [.text(shape(outputHeight, outputWidth, channels, problem))],
                producing: ["output"])
            solution.addRemark(
                "\(mode == .max ? "Max" : "Average") pooling has no parameters and no multiply-adds (0 of each).")
        }
        let uncovered: [Int] =
            isTransposedLayer(problem) ? [0, 0] : [problem.height.uncoveredCount, problem.width.uncoveredCount]
        let exact =
            isTransposedLayer(problem)
            || (problem.height.slack % problem.height.stride == 0 && problem.width.slack % problem.width.stride == 0)
        solution.result = .object([
            JSONMember("input", shapeJSON(problem.inputHeight, problem.inputWidth, problem.inputChannels, problem)),
            JSONMember("output", shapeJSON(outputHeight, outputWidth, channels, problem)),
            JSONMember("exact", .bool(exact)),
            JSONMember("uncovered", .array(uncovered.map { .number(Double($0)) })),
            JSONMember("params", .number(Double(parameters))),
            JSONMember("mult_adds", .number(Double(multiplyAdds))),
        ])
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

    private func shape(_ height: Int, _ width: Int, _ channels: Int, _ problem: ConvolutionSizeProblem) -> String {
        let sizes = problem.isChannelsFirst ? [channels, height, width] : [height, width, channels]
        return sizes.map(String.init).joined(separator: " × ")
    }

    private func shapeJSON(_ height: Int, _ width: Int, _ channels: Int, _ problem: ConvolutionSizeProblem)
        -> JSONValue
    {
        let sizes = problem.isChannelsFirst ? [channels, height, width] : [height, width, channels]
        return .array(sizes.map { .number(Double($0)) })
    }

    private func title(_ problem: ConvolutionSizeProblem) -> String {
        let input = shape(problem.inputHeight, problem.inputWidth, problem.inputChannels, problem)
        let window = "\(problem.height.kernelSize) × \(problem.width.kernelSize)"
        let kind: String
        switch problem.layer {
        case .convolution(let filters, _): kind = "Convolution · \(counted(filters, "filter"))"
        case .transposed(let filters, _, _): kind = "Transposed convolution · \(counted(filters, "filter"))"
        case .pooling(let mode, _): kind = mode == .max ? "Max pooling" : "Average pooling"
        }
        return "\(kind) · input \(input) · window \(window)"
    }

    private func preamble(_ problem: ConvolutionSizeProblem) -> [String] {
        var lines = [
            problem.isChannelsFirst
                ? "Shapes are channels × height × width (--channels-first)."
                : "Shapes are height × width × channels, as homework writes them (--channels-first for C × H × W)."
        ]
        let settings =
            [("stride S", problem.height.stride, problem.width.stride)]
            + [("dilation d", problem.height.dilation, problem.width.dilation)]
        for (name, rows, columns) in settings {
            lines.append(rows == columns ? "\(name) = \(rows)" : "\(name) = \(rows) (rows), \(columns) (columns)")
        }
        lines = [lines[0], lines.dropFirst().joined(separator: ", ") + "; padding " + paddingText(problem) + "."]
        switch problem.layer {
        case .transposed:
            lines.append("Transposed convolution: o = S(n − 1) + k_eff − 2P + a, with k_eff = d(k − 1) + 1.")
        case .convolution, .pooling:
            lines.append(
                "n_out = ⌊(n + 2P − k_eff)/S⌋ + 1 with k_eff = d(k − 1) + 1 and P zeros on each side;"
                    + " \"same\" follows TensorFlow: n_out = ⌈n/S⌉, the odd extra padding at the bottom/right.")
        }
        if case .pooling(_, true) = problem.layer {
            lines.append(
                "Ceil mode (PyTorch): ⌈·⌉ instead of ⌊·⌋, but no window may start in the bottom/right padding.")
        }
        return lines
    }

    private func paddingText(_ problem: ConvolutionSizeProblem) -> String {
        let describe = { (padding: Padding) -> String in
            switch padding {
            case .symmetric(let p): "P = \(p)"
            case .valid: "P = 0 (valid)"
            case .same: "same"
            case .full: "full"
            }
        }
        let rows = describe(problem.height.padding)
        let columns = describe(problem.width.padding)
        return rows == columns ? rows : "\(rows) (rows), \(columns) (columns)"
    }
}
