import NNCore

/// Solves a padding question: H + 2P and W + 2Q, the channels unchanged.
public struct PaddedShapeSolver: Sendable {
    /// A solver.
    public init() {}

    /// The padded shape of `problem`'s input.
    ///
    /// - Throws: an ``InputError`` when a size is not positive, a padding is negative, or a count overflows.
    public func solve(_ problem: PaddedShapeProblem) throws(InputError) -> Solution {
        let padded: (Int, Int)
        do {
            padded = (
                try Self.padded(problem.height, by: problem.rowPadding),
                try Self.padded(problem.width, by: problem.columnPadding)
            )
        } catch {
            throw InputError(
                error, lines: (try? Self.padded(problem.height, by: problem.rowPadding)) == nil ? "rows" : "columns")
        }
        guard problem.channels >= 1 else {
            throw InputError(ConvolutionError.notPositive(.inputSize, value: problem.channels), lines: "channels")
        }
        let shape = { (height: Int, width: Int) -> [Int] in
            problem.isChannelsFirst ? [problem.channels, height, width] : [height, width, problem.channels]
        }
        let written = { (sizes: [Int]) in MathExpression.infix(.cross, sizes.map(MathExpression.count)) }
        var solution = Solution(
            title:
                "Zero padding \(Prose.titleSeparator) input \(written(shape(problem.height, problem.width)))",
            preamble: [
                "Zero rows above and below: \(.equation(.symbol(Symbol("P")), .count(problem.rowPadding))); zero "
                    + "columns left and right: \(.equation(.symbol(Symbol("Q")), .count(problem.columnPadding))). "
                    + "Every channel is padded alike, and their number stays. Shapes are "
                    + (problem.isChannelsFirst ? "C × H × W." : "H × W × C.")
            ])
        solution.beginSection("Padded shape")
        let p = MathExpression.symbol(Symbol("P"))
        let q = MathExpression.symbol(Symbol("Q"))
        solution.addStep(
            .text("padded rows"),
            [
                .infix(.plus, [.symbol(Symbol("H")), .product([.number(2), p])]),
                .infix(.plus, [.count(problem.height), .infix(.times, [.count(2), .count(problem.rowPadding)])]),
                .count(padded.0),
            ], producing: ["padded[\(problem.isChannelsFirst ? 1 : 0)]"])
        solution.addStep(
            .text("padded columns"),
            [
                .infix(.plus, [.symbol(Symbol("W")), .product([.number(2), q])]),
                .infix(.plus, [.count(problem.width), .infix(.times, [.count(2), .count(problem.columnPadding)])]),
                .count(padded.1),
            ], producing: ["padded[\(problem.isChannelsFirst ? 2 : 1)]"])
        solution.addStep(.text("padded shape"), [written(shape(padded.0, padded.1))], producing: ["padded"])
        solution.result = .object([
            JSONMember("input", .array(shape(problem.height, problem.width).map { .number(Double($0)) })),
            JSONMember("padded", .array(shape(padded.0, padded.1).map { .number(Double($0)) })),
            JSONMember(
                "padding",
                .array([
                    .array([.number(Double(problem.rowPadding)), .number(Double(problem.rowPadding))]),
                    .array([.number(Double(problem.columnPadding)), .number(Double(problem.columnPadding))]),
                ])),
        ])
        return solution
    }

    /// n + 2P, once n ≥ 1, P ≥ 0 and both are small enough to add.
    private static func padded(_ size: Int, by padding: Int) throws(ConvolutionError) -> Int {
        let dimension = try ConvolutionDimension(inputSize: size, kernelSize: 1, padding: .symmetric(padding))
            .validated()
        return dimension.inputSize + dimension.paddingBefore + dimension.paddingAfter
    }
}
