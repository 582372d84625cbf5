import NNCore
import Testing

@testable import NNHomework

/// Issue 11: the prose of conv-size, conv, pool, params and the budgets is words
/// and math: no symbol, number or operator in a text run, so that each renderer
/// sets n_out, k_eff, ⌊·⌋, 700 W and 59 trials in its own notation.
@Suite("Convolution, parameter and budget solvers write their prose as words and math")
struct SizeAndBudgetProseTests {
    /// The text runs that hold something other than plain words, or a digit.
    private func defects(_ solution: Solution) -> [String] {
        GradientCheckProseTests.textRuns(of: solution).filter { text in
            !GradientCheckProseTests.isPlainWords(text) || text.contains(where: \.isNumber)
        }
    }

    private static func dimension(
        _ n: Int, kernel: Int = 3, stride: Int = 1, padding: Padding = .valid, dilation: Int = 1,
        ceilMode: Bool = false
    ) -> ConvolutionDimension {
        ConvolutionDimension(
            inputSize: n, kernelSize: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    @Test(
        "conv-size: convolution (same, full, dilated, uneven padding), transposed and pooling",
        arguments: [
            (dimension(36, stride: 2, padding: .same), dimension(35, stride: 2, padding: .full, dilation: 2)),
            (dimension(9, stride: 2, padding: .symmetric(1)), dimension(9, kernel: 2, stride: 3)),
        ])
    func convolutionSize(height: ConvolutionDimension, width: ConvolutionDimension) throws {
        let layers: [ConvolutionSizeProblem.Layer] = [
            .convolution(filters: 2, hasBias: false), .transposed(filters: 1, hasBias: true, outputPadding: [1, 0]),
            .pooling(.max, ceilMode: true),
        ]
        var solved = 0
        for layer in layers {
            for isChannelsFirst in [false, true] {
                let problem = ConvolutionSizeProblem(
                    inputHeight: height.inputSize, inputWidth: width.inputSize, inputChannels: 3, height: height,
                    width: width, layer: layer, isChannelsFirst: isChannelsFirst)
                guard let solution = try? ConvolutionSizeSolver().solve(problem) else { continue }
                #expect(defects(solution).isEmpty, "\(defects(solution))")
                solved += 1
            }
        }
        #expect(solved >= 4)
    }

    @Test("conv and pool: one and two channels, flipped and padded, max and average")
    func featureMaps() throws {
        let input = Matrix([[6, 0, 1], [3, 4, 1], [1, 7, 0]])
        let kernel = Matrix([[1, 0], [0, -1]])
        let flipped = Convolution2D(
            kernel: [kernel], strideHeight: 2, strideWidth: 2, paddingHeight: .symmetric(1),
            paddingWidth: .symmetric(1), isFlipped: true)
        let solutions = [
            try FeatureMapSolver().convolution(input: [input], filter: flipped),
            try FeatureMapSolver().convolution(
                input: [input, input], filter: Convolution2D(kernel: [kernel, kernel])),
            try FeatureMapSolver().pooling(
                input: [input, input], pooling: Pooling2D(kernelHeight: 2, kernelWidth: 2, mode: .average)),
            try FeatureMapSolver().pooling(
                input: [input], pooling: Pooling2D(kernelHeight: 2, kernelWidth: 1, mode: .max)),
        ]
        for solution in solutions { #expect(defects(solution).isEmpty, "\(defects(solution))") }
        // The padded input is X with a tilde, drawn X̃ in text and \tilde{X} in LaTeX.
        #expect(solutions[0].steps.contains { $0.lhs == .symbol(Symbol("X", accent: .tilde)) })
    }

    @Test(
        "params: torch and keras, attention, recurrent, batch norm and same padding",
        arguments: [ParameterConvention.torch, .keras])
    func parameters(convention: ParameterConvention) throws {
        let problem = try ArchitectureProblem(
            compact: "input 32x32x3; conv 8 k3 same; maxpool 2; flatten; dense 16; batchnorm; dropout 0.5")
        let sequence = try ArchitectureProblem(
            compact: "input 50; embedding 1000 16; attention 16 h4; lstm 8 seq; gru 4; dense 2 nobias")
        for architecture in [problem, sequence] {
            let solution = try ParameterSolver(convention: convention).solve(architecture)
            #expect(defects(solution).isEmpty, "\(defects(solution))")
        }
    }

    @Test("hyperparam-count and train-cost: grids, a union, random search both ways, every cost section")
    func budgets() throws {
        let solutions = [
            try GridSearchSolver().solve(
                GridSearchProblem(
                    OptionValues([
                        "--grid": [.text("depth=2..8"), .text("units=32..256:32"), .text("lr=0.1,0.01,0.001")],
                        "--epochs": [.whole(20)],
                        "--epoch-time": [.text("45 min")],
                    ]))),
            try GridSearchSolver().solve(
                GridSearchProblem(
                    OptionValues(["--grid-set": [.text("kernel=linear C=1,10"), .text("kernel=rbf gamma=0.1")]]))),
            try RandomSearchSolver().solve(
                RandomSearchProblem(
                    OptionValues([
                        "--good-fraction": [.number(0.05)], "--confidence": [.number(0.95)], "--epochs": [.whole(10)],
                        "--epoch-time": [.text("90s")],
                    ]))),
            try RandomSearchSolver().solve(
                RandomSearchProblem(OptionValues(["--good-fraction": [.number(0.5)], "--trials": [.whole(1)]]))),
            try TrainingCostSolver().solve(
                TrainingCostProblem(
                    OptionValues([
                        "--gpus": [.whole(2048)], "--hours": [.number(1361)], "--watts": [.number(700)],
                        "--price": [.number(0.085)],
                        "--carbon": [.number(0.4)], "--household-kwh-per-month": [.number(899)],
                        "--gpu-price": [.text("17500..70000")],
                    ]))),
            try TrainingCostSolver().solve(
                TrainingCostProblem(OptionValues(["--dollars": [.number(5_580_000)], "--price": [.number(0.085)]]))),
        ]
        for solution in solutions { #expect(defects(solution).isEmpty, "\(defects(solution))") }
    }

    @Test("train-cost and inference-cost of issue 20: FLOPs, rental, servers, comparisons, a day and a year")
    func computeBudgets() throws {
        let comparisons: [String: [OptionValue]] = [
            "--carbon": [.number(0.4)], "--compare": [.text("household,flight,car")],
        ]
        let throughput: [String: [OptionValue]] = ["--gpu-flops": [.number(312e12)], "--utilization": [.number(0.5)]]
        let solutions = [
            try TrainingCostSolver().solve(
                TrainingCostProblem(
                    OptionValues(
                        [
                            "--active-params": [.number(37e9)], "--params": [.number(671e9)],
                            "--tokens": [.number(14.8e12)], "--gpus": [.whole(2048)], "--gpu-hour-price": [.number(2)],
                            "--server-watts": [.number(10_200)], "--gpus-per-server": [.whole(8)],
                            "--pue": [.number(1.2)], "--price": [.number(0.085)],
                        ].merging(throughput) { $1 }.merging(comparisons) { $1 }))),
            try TrainingCostSolver().solve(
                TrainingCostProblem(
                    OptionValues([
                        "--dollars": [.number(5_576_000)], "--gpu-hour-price": [.number(2)], "--watts": [.number(700)],
                        "--flight-kg-co2e": [.number(250)], "--car-kg-co2e-per-km": [.number(0.2)],
                        "--household-kwh-per-month": [.number(500)], "--carbon": [.number(0.4)],
                    ]))),
            try TrainingCostSolver().solve(
                TrainingCostProblem(
                    OptionValues(
                        ["--flops-per-token": [.number(1e12)], "--tokens": [.number(3e11)]].merging(throughput) { $1 }
                    ))),
            try InferenceCostSolver().solve(
                InferenceCostProblem(
                    OptionValues(
                        [
                            "--active-params": [.number(37e9)], "--params": [.number(671e9)],
                            "--requests-per-day": [.number(1e6)], "--tokens-per-request": [.number(1000)],
                            "--watts": [.number(700)], "--price": [.number(0.1)], "--gpu-hour-price": [.number(2)],
                        ].merging(throughput) { $1 }.merging(comparisons) { $1 }))),
        ]
        for solution in solutions { #expect(defects(solution).isEmpty, "\(defects(solution))") }
    }
}
