import NNCore

/// The steps that derive a window's output size along one dimension, in the
/// dimension's own letters: n_out = ⌊(n + 2P − k_eff)/S⌋ + 1 for the height H
/// or the width W, with the padding rule and the uncovered rows stated.
struct OutputSizeSteps {
    /// The arithmetic of the dimension.
    let dimension: ConvolutionDimension
    /// "H" or "W".
    let letter: String
    /// "row" or "column", for remarks.
    let line: String
    /// "bottom" or "right", where TensorFlow puts the odd padding.
    let lastSide: String

    /// The steps for the rows (height) of `dimension`.
    static func height(_ dimension: ConvolutionDimension) -> OutputSizeSteps {
        OutputSizeSteps(dimension: dimension, letter: "H", line: "row", lastSide: "bottom")
    }

    /// The steps for the columns (width) of `dimension`.
    static func width(_ dimension: ConvolutionDimension) -> OutputSizeSteps {
        OutputSizeSteps(dimension: dimension, letter: "W", line: "column", lastSide: "right")
    }

    private var n: MathExpression { .symbol(Symbol(letter)) }
    private var output: MathExpression { .symbol(Symbol(letter, index: "out")) }
    private static let k: MathExpression = .symbol(Symbol("k"))
    private static let effectiveK: MathExpression = .symbol(Symbol("k", index: "eff"))
    private static let s: MathExpression = .symbol(Symbol("S"))
    private static let p: MathExpression = .symbol(Symbol("P"))
    private static let d: MathExpression = .symbol(Symbol("d"))
    private static let a: MathExpression = .symbol(Symbol("a"))

    /// The kernel's symbol in the size formula: k, or k_eff when dilated.
    private var kernel: MathExpression { dimension.dilation == 1 ? Self.k : Self.effectiveK }

    /// max((n_out − 1) S + k_eff − n, 0), the total padding of "same", with
    /// (n_out − 1) and S joined by `times` (juxtaposed symbols, or numbers with a ·).
    private static func totalPadding(
        output: MathExpression, stride: MathExpression, kernel: MathExpression, input: MathExpression,
        times: ([MathExpression]) -> MathExpression
    ) -> MathExpression {
        .apply(
            FunctionName("max"),
            [
                .infix(
                    .minus,
                    [
                        .infix(
                            .plus, [times([.parenthesized(.infix(.minus, [output, .number(1)])), stride]), kernel]),
                        input,
                    ]), .number(0),
            ])
    }

    /// Writes k_eff (when dilated), the padding (for `same` and `full`) and n_out;
    /// the step that gives n_out is tagged with `resultPaths` (see ``Step/resultPaths``),
    /// the one that gives the padding with `paddingPaths`.
    func write(
        into solution: inout Solution, producing resultPaths: [String] = [], padding paddingPaths: [String] = []
    ) {
        writeEffectiveKernel(into: &solution)
        let dim = dimension
        switch dim.padding {
        case .same:
            let size = (dim.inputSize + dim.stride - 1) / dim.stride
            solution.addStep(
                output,
                [
                    .ceiling(.infix(.divide, [n, Self.s])),
                    .ceiling(.infix(.divide, [number(dim.inputSize), number(dim.stride)])), number(size),
                ], note: "“same” (TensorFlow)", producing: resultPaths)
            let total = dim.paddingBefore + dim.paddingAfter
            solution.addStep(
                Self.p,
                [
                    Self.totalPadding(output: output, stride: Self.s, kernel: kernel, input: n) { .product($0) },
                    Self.totalPadding(
                        output: number(size), stride: number(dim.stride), kernel: number(dim.effectiveKernelSize),
                        input: number(dim.inputSize)
                    ) { .infix(.times, $0) },
                    number(total),
                ], note: "total padding", producing: paddingPaths)
            let half = MathExpression.floor(.infix(.divide, [Self.p, .count(2)]))
            solution.addRemark(
                "“same” puts \(.equation(half, number(dim.paddingBefore))) before and \(number(dim.paddingAfter)) after; "
                    + "an odd extra \(line) goes to the \(lastSide), as TensorFlow does.")
        case .full:
            solution.addStep(
                Self.p,
                [
                    .infix(.minus, [kernel, .number(1)]),
                    .infix(.minus, [number(dim.effectiveKernelSize), .number(1)]), number(dim.paddingBefore),
                ],
                note: "“full”: every overlap of window and input counts", producing: paddingPaths)
            writeFloor(into: &solution, producing: resultPaths)
        case .symmetric, .valid:
            writeFloor(into: &solution, producing: resultPaths)
        }
        writeCoverage(into: &solution)
    }

    /// Writes the transposed convolution's o = S(n − 1) + k_eff − 2P + a, the step tagged with `resultPaths`.
    func writeTransposed(outputPadding: Int, into solution: inout Solution, producing resultPaths: [String] = []) {
        writeEffectiveKernel(into: &solution)
        let dim = dimension
        let formula: MathExpression = .infix(
            .plus,
            [
                .infix(
                    .minus,
                    [
                        .infix(.plus, [.product([Self.s, .parenthesized(.infix(.minus, [n, .number(1)]))]), kernel]),
                        .product([.number(2), Self.p]),
                    ]
                ),
                Self.a,
            ])
        let numbers: MathExpression = .infix(
            .plus,
            [
                .infix(
                    .minus,
                    [
                        .infix(
                            .plus,
                            [
                                .product([
                                    number(dim.stride),
                                    .parenthesized(.infix(.minus, [number(dim.inputSize), .number(1)])),
                                ]),
                                number(dim.effectiveKernelSize),
                            ]),
                        .product([.number(2), number(dim.paddingBefore)]),
                    ]),
                number(outputPadding),
            ])
        solution.addStep(
            output, [formula, numbers, number(dim.transposedOutputSize(outputPadding: outputPadding))],
            note: "transposed", producing: resultPaths)
    }

    private func writeEffectiveKernel(into solution: inout Solution) {
        guard dimension.dilation != 1 else { return }
        solution.addStep(
            Self.effectiveK,
            [
                .infix(
                    .plus, [.product([Self.d, .parenthesized(.infix(.minus, [Self.k, .number(1)]))]), .number(1)]),
                .infix(
                    .plus,
                    [
                        .product([
                            number(dimension.dilation),
                            .parenthesized(.infix(.minus, [number(dimension.kernelSize), .number(1)])),
                        ]), .number(1),
                    ]),
                number(dimension.effectiveKernelSize),
            ], note: "dilated kernel")
    }

    /// n_out = ⌊(n + 2P − k)/S⌋ + 1 (⌈·⌉ in ceil mode), with P_before + P_after for uneven padding;
    /// the last step, which gives n_out, is tagged with `resultPaths`.
    private func writeFloor(into solution: inout Solution, producing resultPaths: [String]) {
        let dim = dimension
        let isEven = dim.paddingBefore == dim.paddingAfter
        let padding: MathExpression = .product([.number(2), Self.p])
        let paddingNumbers: MathExpression =
            isEven
            ? .product([.number(2), number(dim.paddingBefore)])
            : .infix(.plus, [number(dim.paddingBefore), number(dim.paddingAfter)])
        let round: (MathExpression) -> MathExpression = dim.ceilMode ? { .ceiling($0) } : { .floor($0) }
        let quotient = { (size: MathExpression, pad: MathExpression, kernel: MathExpression, stride: MathExpression) in
            MathExpression.infix(
                .plus,
                [round(.infix(.divide, [.infix(.minus, [.infix(.plus, [size, pad]), kernel]), stride])), .number(1)])
        }
        let rounded = dim.ceilMode ? (dim.slack + dim.stride - 1) / dim.stride : dim.slack / dim.stride
        let dropsLastWindow = dim.ceilMode && dim.outputSize != rounded + 1
        solution.addStep(
            output,
            [
                quotient(n, padding, kernel, Self.s),
                quotient(number(dim.inputSize), paddingNumbers, number(dim.effectiveKernelSize), number(dim.stride)),
                .infix(.plus, [round(.infix(.divide, [number(dim.slack), number(dim.stride)])), .number(1)]),
                number(rounded + 1),
            ], note: dim.ceilMode ? "ceil mode" : nil, producing: dropsLastWindow ? [] : resultPaths)
        if dropsLastWindow {
            solution.addStep(
                output, [.infix(.minus, [number(rounded + 1), .number(1)]), number(dim.outputSize)],
                note: "the last window would start in the \(lastSide) padding; PyTorch drops it", producing: resultPaths
            )
        }
    }

    private func writeCoverage(into solution: inout Solution) {
        let dim = dimension
        guard dim.stride > 1, !dim.ceilMode else { return }
        let span = dim.slack
        let stride = MathExpression.equation(Self.s, number(dim.stride))
        if dim.uncoveredCount == 0 {
            solution.addRemark(
                "\(Symbol(letter)): \(number(span)) is divisible by \(stride): "
                    + "the windows cover the padded input exactly.")
        } else {
            let count = dim.uncoveredCount
            solution.addRemark(
                "\(Symbol(letter)): \(number(span)) is not divisible by \(stride): the last \(number(count)) "
                    + "\(count == 1 ? line : line + "s") of the padded input \(count == 1 ? "is" : "are") "
                    + "never covered by a window.")
        }
    }
}

/// The number `x` as an expression.
func number(_ x: Int) -> MathExpression { .number(Double(x)) }
