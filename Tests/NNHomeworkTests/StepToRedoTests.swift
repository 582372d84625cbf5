import NNCore
import Testing

@testable import NNHomework

/// The first wrong value of `mine` checked against `solution`: its path and the step the check names.
private func firstWrong(_ mine: String, in solution: Solution) throws -> (path: String, step: Step?) {
    let check = try AnswerCheck(StudentAnswers(parsing: mine, source: "mine.json"), against: solution)
    let wrong = try #require(check.firstWrong)
    return (wrong.path, wrong.step)
}

private func symbol(_ name: String, index: String? = nil) -> MathExpression {
    .symbol(Symbol(name, index: index))
}

/// Step numbers below are counted by hand from each solution's text output.
@Suite("--check names the step to redo for every subcommand")
struct StepToRedoTests {
    // MARK: conv-size

    private func convSize(
        _ n: Int, channels: Int = 1, kernel: Int = 3, stride: Int = 1, padding: Padding = .symmetric(0),
        ceilMode: Bool = false, layer: ConvolutionSizeProblem.Layer = .convolution(filters: 1, hasBias: true),
        channelsFirst: Bool = false
    ) throws -> Solution {
        let dimension = ConvolutionDimension(
            inputSize: n, kernelSize: kernel, stride: stride, padding: padding, ceilMode: ceilMode)
        return try ConvolutionSizeSolver().solve(
            ConvolutionSizeProblem(
                inputHeight: n, inputWidth: n, inputChannels: channels, height: dimension, width: dimension,
                layer: layer, isChannelsFirst: channelsFirst))
    }

    /// Issue 4 B: 36 × 36 × 3, 3 × 3, P 3, S 2, 2 filters. Steps: 1 H_out, 2 W_out, 3 C_out,
    /// 4 output shape, 5 parameters, 6 multiply-adds.
    private func acceptanceB(channelsFirst: Bool = false) throws -> Solution {
        try convSize(
            36, channels: 3, stride: 2, padding: .symmetric(3), layer: .convolution(filters: 2, hasBias: true),
            channelsFirst: channelsFirst)
    }

    @Test("conv-size: a wrong width is step 2, W_out; channels step 3, C_out")
    func convSizeOutput() throws {
        let width = try firstWrong(#"{"output": [20, 19, 2]}"#, in: acceptanceB())
        #expect(width.path == "output[1]")
        #expect(width.step?.number == 2)
        #expect(width.step?.lhs == symbol("W", index: "out"))
        let channels = try firstWrong(#"{"output": [20, 20, 3]}"#, in: acceptanceB())
        #expect(channels.step?.number == 3)
        #expect(channels.step?.lhs == symbol("C", index: "out"))
    }

    @Test("conv-size --channels-first: output[0] is C_out (step 3), output[1] is H_out (step 1)")
    func convSizeChannelsFirst() throws {
        let channels = try firstWrong(#"{"output": [3, 20, 20]}"#, in: acceptanceB(channelsFirst: true))
        #expect(channels.step?.number == 3)
        #expect(channels.step?.lhs == symbol("C", index: "out"))
        let height = try firstWrong(#"{"output": [2, 21, 20]}"#, in: acceptanceB(channelsFirst: true))
        #expect(height.step?.number == 1)
        #expect(height.step?.lhs == symbol("H", index: "out"))
    }

    @Test("conv-size: params is step 5, mult_adds step 6, uncovered[1] the width's step 2, exact the height's step 1")
    func convSizeCounts() throws {
        let solution = try acceptanceB()
        let params = try firstWrong(#"{"params": 54}"#, in: solution)
        #expect(params.step?.number == 5)
        #expect(params.step?.lhs == .text("parameters"))
        let multiplyAdds = try firstWrong(#"{"mult_adds": 21000}"#, in: solution)
        #expect(multiplyAdds.step?.number == 6)
        #expect(multiplyAdds.step?.lhs == .text("multiply-adds"))
        let uncovered = try firstWrong(#"{"uncovered": [1, 0]}"#, in: solution)
        #expect(uncovered.path == "uncovered[1]")
        #expect(uncovered.step?.number == 2)
        #expect(uncovered.step?.lhs == symbol("W", index: "out"))
        let exact = try firstWrong(#"{"exact": true}"#, in: solution)
        #expect(exact.step?.number == 1)
        #expect(exact.step?.lhs == symbol("H", index: "out"))
    }

    @Test("conv-size: exact is the width's step when only the width leaves columns uncovered")
    func convSizeExactInWidth() throws {
        // Height 37: (37 − 3)/2 = 17 exactly; width 36: (36 − 3)/2 leaves 1. Steps: 1 H_out, 2 W_out.
        let solution = try ConvolutionSizeSolver().solve(
            ConvolutionSizeProblem(
                inputHeight: 37, inputWidth: 36, inputChannels: 1,
                height: ConvolutionDimension(inputSize: 37, kernelSize: 3, stride: 2),
                width: ConvolutionDimension(inputSize: 36, kernelSize: 3, stride: 2),
                layer: .convolution(filters: 1, hasBias: true)))
        #expect(solution.result["exact"] == .bool(false))
        let exact = try firstWrong(#"{"exact": true}"#, in: solution)
        #expect(exact.step?.number == 2)
        #expect(exact.step?.lhs == symbol("W", index: "out"))
    }

    @Test("conv-size ceil mode: the height is the step that drops the last window (step 2)")
    func convSizeCeilMode() throws {
        // 5 rows, window 2, S 2, P 1: ⌈5/2⌉ + 1 = 4 (step 1), the 4th window starts in the padding: 3 (step 2).
        let solution = try convSize(
            5, kernel: 2, stride: 2, padding: .symmetric(1), ceilMode: true, layer: .pooling(.max, ceilMode: true))
        #expect(solution.result["output"] == .array([.number(3), .number(3), .number(1)]))
        let height = try firstWrong(#"{"output": [4, 3, 1]}"#, in: solution)
        #expect(height.step?.number == 2)
        #expect(height.step?.lhs == symbol("H", index: "out"))
    }

    @Test("conv-size \"same\": the width is the ⌈W/S⌉ step (step 3, after H_out and P)")
    func convSizeSame() throws {
        let solution = try convSize(36, stride: 2, padding: .same)
        let width = try firstWrong(#"{"output": [18, 17, 1]}"#, in: solution)
        #expect(width.step?.number == 3)
        #expect(width.step?.lhs == symbol("W", index: "out"))
    }

    @Test("conv-size transposed: the width is its o = S(n − 1) + k − 2P + a step (step 2)")
    func convSizeTransposed() throws {
        let solution = try convSize(
            3, stride: 2, padding: .symmetric(1), layer: .transposed(filters: 1, hasBias: true, outputPadding: [1, 1]))
        let width = try firstWrong(#"{"output": [6, 5, 1]}"#, in: solution)
        #expect(width.step?.number == 2)
        #expect(width.step?.lhs == symbol("W", index: "out"))
    }

    // MARK: conv and pool

    @Test("conv: a wrong y₂₁ is its own step 7 (X, K, H_out, W_out, y₁₁, y₁₂ before it)")
    func convolutionEntry() throws {
        let solution = try FeatureMapSolver().convolution(
            input: [Matrix([[6, 0, 1], [3, 4, 1], [1, 7, 0]])],
            filter: Convolution2D(kernel: [Matrix([[1, 0], [0, -1]])]))
        let wrong = try firstWrong(#"{"output": [[2, -1], [4, 4]]}"#, in: solution)
        #expect(wrong.path == "output[1][0]")
        #expect(wrong.step?.number == 7)
        #expect(wrong.step?.lhs == symbol("y", index: "2,1"))
    }

    @Test("pool with two channels: output[1][0][1] is channel 2's y₁₂, step 11")
    func poolingEntry() throws {
        // Steps: 1 X₁, 2 X₂, 3 H_out, 4 W_out, 5–8 channel 1's y, 9 Y₁, 10 channel 2's y₁₁, 11 its y₁₂.
        let channel = Matrix([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]])
        let solution = try FeatureMapSolver().pooling(
            input: [channel, channel], pooling: Pooling2D(kernelHeight: 2, kernelWidth: 2, mode: .max))
        let wrong = try firstWrong(
            #"{"output": [[[6, 8], [14, 16]], [[6, 7], [14, 16]]]}"#, in: solution)
        #expect(wrong.path == "output[1][0][1]")
        #expect(wrong.step?.number == 11)
        #expect(wrong.step?.lhs == symbol("y", index: "1,2"))
    }

    // MARK: params

    @Test("params: total_params is step 1, param_memory_mb step 5; a layer's count is a table row, no step")
    func parameters() throws {
        let solution = try ParameterSolver().solve(
            ArchitectureProblem(compact: "input 8x8x3; conv 4 k3; flatten; dense 10"))
        let total = try firstWrong(#"{"total_params": 1}"#, in: solution)
        #expect(total.step?.number == 1)
        #expect(total.step?.lhs == .text("total parameters"))
        let memory = try firstWrong(#"{"param_memory_mb": 1}"#, in: solution)
        #expect(memory.step?.number == 5)
        #expect(memory.step?.lhs == .text("parameter memory"))
        let multiplyAdds = try firstWrong(#"{"mult_adds": 1}"#, in: solution)
        #expect(multiplyAdds.step?.number == 4)
        let layer = try firstWrong(#"{"layers": [{"params": 1}, {}, {}]}"#, in: solution)
        #expect(layer.path == "layers[0].params")
        #expect(layer.step == nil)
    }

    // MARK: hyperparam-count

    @Test("hyperparam-count grid: a factor's count is its |name| step, total_minutes the time step")
    func gridSearch() throws {
        // Steps: 1 |lr|, 2 |depth|, 3 combinations, 4 epochs, 5 time (60 min), 6 60 min = 1 h.
        let solution = try GridSearchSolver().solve(
            GridSearchProblem(
                OptionValues([
                    "--grid": [.text("lr=0.1,0.01"), .text("depth=2..4")], "--epochs": [.whole(10)],
                    "--epoch-time": [.text("1min")],
                ])))
        let factor = try firstWrong(#"{"factors": [{}, {"count": 2}]}"#, in: solution)
        #expect(factor.path == "factors[1].count")
        #expect(factor.step?.number == 2)
        #expect(factor.step?.lhs == .absoluteValue(.text("depth")))
        let combinations = try firstWrong(#"{"combinations": 5}"#, in: solution)
        #expect(combinations.step?.number == 3)
        #expect(combinations.step?.lhs == .text("combinations"))
        let epochs = try firstWrong(#"{"total_epochs": 6}"#, in: solution)
        #expect(epochs.step?.number == 4)
        #expect(epochs.step?.lhs == .text("epochs"))
        let minutes = try firstWrong(#"{"total_minutes": 1}"#, in: solution)
        #expect(minutes.step?.number == 5)
        #expect(minutes.step?.lhs == .text("time"))
    }

    @Test("hyperparam-count: with an epoch time in seconds, total_minutes is the conversion into minutes")
    func gridSearchSeconds() throws {
        // Steps: 1 combinations (a count has no step), 2 epochs = 30, 3 time = 900 s, 4 900 s = 15 min.
        let solution = try GridSearchSolver().solve(
            GridSearchProblem(
                OptionValues(["--grid": [.text("d=3")], "--epochs": [.whole(10)], "--epoch-time": [.text("30s")]])))
        let minutes = try firstWrong(#"{"total_minutes": 900}"#, in: solution)
        #expect(minutes.step?.number == 4)
        #expect(minutes.step?.lhs == Quantity.of(900, "s"))
    }

    @Test("hyperparam-count --grid-set: grid 2's combinations is C₂ (step 7), the union step 8")
    func gridUnion() throws {
        // Steps: 1 |kernel|, 2 |C|, 3 C₁, 4 |kernel|, 5 |C|, 6 |gamma|, 7 C₂, 8 combinations.
        let solution = try GridSearchSolver().solve(
            GridSearchProblem(
                OptionValues([
                    "--grid-set": [
                        .text("kernel=linear C=1,10,100"), .text("kernel=rbf;C=1,10,100;gamma=0.001,0.0001"),
                    ]
                ])))
        let grid = try firstWrong(#"{"grid_sets": [{}, {"combinations": 5}]}"#, in: solution)
        #expect(grid.step?.number == 7)
        #expect(grid.step?.lhs == symbol("C", index: "2"))
        let gamma = try firstWrong(#"{"grid_sets": [{}, {"factors": [{}, {}, {"count": 3}]}]}"#, in: solution)
        #expect(gamma.step?.number == 6)
        #expect(gamma.step?.lhs == .absoluteValue(.text("gamma")))
        let union = try firstWrong(#"{"combinations": 8}"#, in: solution)
        #expect(union.step?.number == 8)
    }

    @Test("hyperparam-count random: bound is N* (step 1), trials N (step 2), probability step 3")
    func randomSearch() throws {
        let solution = try RandomSearchSolver().solve(
            RandomSearchProblem(OptionValues(["--good-fraction": [.number(0.05)], "--confidence": [.number(0.95)]])))
        let bound = try firstWrong(#"{"bound": 50}"#, in: solution)
        #expect(bound.step?.number == 1)
        #expect(bound.step?.lhs == symbol("N*"))
        let trials = try firstWrong(#"{"trials": 58}"#, in: solution)
        #expect(trials.step?.number == 2)
        #expect(trials.step?.lhs == symbol("N"))
        let probability = try firstWrong(#"{"probability": 0.5}"#, in: solution)
        #expect(probability.step?.number == 3)
    }

    // MARK: train-cost

    @Test("train-cost: kwh is the E step (4), the high acquisition price step 8")
    func trainingCost() throws {
        // Steps: 1 wall-clock hours and 2 days (--gpus with --gpu-hours, issue 20), 3 P, 4 E, 5 electricity cost,
        // 6 emissions, 7 acquisition, low, 8 acquisition, high.
        let solution = try TrainingCostSolver().solve(
            TrainingCostProblem(
                OptionValues([
                    "--gpu-hours": [.number(2_788_000)], "--watts": [.number(700)], "--gpus": [.whole(2048)],
                    "--gpu-price": [.text("17500..70000")], "--price": [.number(0.085)], "--carbon": [.number(0.4)],
                ])))
        let energy = try firstWrong(#"{"kwh": 1951}"#, in: solution)
        #expect(energy.step?.number == 4)
        #expect(energy.step?.lhs == .symbol(Symbol("E")))
        let cost = try firstWrong(#"{"usd": 1}"#, in: solution)
        #expect(cost.step?.number == 5)
        let emissions = try firstWrong(#"{"tco2e": 780}"#, in: solution)
        #expect(emissions.step?.number == 6)
        #expect(emissions.step?.lhs == .text("emissions"))
        let high = try firstWrong(#"{"acquisition_usd": [35840000, 1]}"#, in: solution)
        #expect(high.step?.number == 8)
        #expect(high.step?.lhs == .text("acquisition, high"))
    }

    @Test("train-cost: gpu_hours from --gpus and --hours is step 1; household_years its own step")
    func trainingCostGPUHours() throws {
        // Steps: 1 GPU-hours, 2 P, 3 E, 4 household-years.
        let solution = try TrainingCostSolver().solve(
            TrainingCostProblem(
                OptionValues([
                    "--gpus": [.whole(8)], "--hours": [.number(10)], "--watts": [.number(500)],
                    "--household-kwh-per-month": [.number(900)],
                ])))
        let gpuHours = try firstWrong(#"{"gpu_hours": 8}"#, in: solution)
        #expect(gpuHours.step?.number == 1)
        #expect(gpuHours.step?.lhs == .text("GPU-hours"))
        let years = try firstWrong(#"{"household_years": 1}"#, in: solution)
        #expect(years.step?.number == 4)
        #expect(years.step?.lhs == .text("household-years"))
    }

    // MARK: gradcheck

    @Test("gradcheck formula: ∂f/∂b's numeric is ĝ of its section (step 8), its derivative step 7")
    func formulaCheck() throws {
        // Per variable: ∂f/∂v, ĝ, |g − ĝ|, relative, difference, τ·max; a is steps 1–6, b steps 7–12.
        let checked = try FormulaCheckSolver().check(
            FormulaCheckProblem(formula: "a*b + b^2", point: "a=-4,b=2"))
        let solution = checked.solution
        let numeric = try firstWrong(#"{"variables": [{}, {"numeric": 1}]}"#, in: solution)
        #expect(numeric.step?.number == 8)
        #expect(numeric.step?.lhs == .symbol(Symbol("g", accent: .hat)))
        let derivative = try firstWrong(#"{"derivative": {"b": "2·b"}}"#, in: solution)
        #expect(derivative.step?.number == 7)
        #expect(derivative.step?.lhs == .partial(of: symbol("f"), withRespectTo: symbol("b")))
        let analytic = try firstWrong(#"{"variables": [{"analytic": 3}, {}]}"#, in: solution)
        #expect(analytic.step?.number == 1)
        let relative = try firstWrong(#"{"variables": [{"rel_error": 1}, {}]}"#, in: solution)
        #expect(relative.step?.number == 4)
        let difference = try firstWrong(#"{"variables": [{"difference": 1}, {}]}"#, in: solution)
        #expect(difference.step?.number == 5)
        let pass = try firstWrong(#"{"variables": [{}, {"pass": false}]}"#, in: solution)
        #expect(pass.step?.number == 12)
    }

    @Test("gradcheck network: the first parameter's n is step 2, |a − n| step 3; later ones are table rows")
    func networkCheck() throws {
        let example = try #require(BuiltInExample.named("relu-3-layer"))
        let (solution, _) = try NetworkGradientCheckSolver().solve(
            NetworkProblem(parsing: example.json, source: "relu-3-layer"))
        let count = try #require(solution.result["parameters"]?.arrayValue?.count)
        let others = String(repeating: ", {}", count: count - 1)
        let numeric = try firstWrong(#"{"parameters": [{"numeric": 31}"# + others + "]}", in: solution)
        #expect(numeric.path == "parameters[0].numeric")
        #expect(numeric.step?.number == 2)
        #expect(numeric.step?.lhs == symbol("n"))
        let analytic = try firstWrong(#"{"parameters": [{"analytic": 31}"# + others + "]}", in: solution)
        #expect(analytic.step?.number == 1)
        #expect(analytic.step?.lhs == symbol("a"))
        let absolute = try firstWrong(#"{"parameters": [{"abs_error": 1}"# + others + "]}", in: solution)
        #expect(absolute.step?.number == 3)
        let difference = try firstWrong(#"{"parameters": [{"difference": 1}"# + others + "]}", in: solution)
        #expect(difference.step?.number == 5)
        let second = try firstWrong(
            #"{"parameters": [{}, {"analytic": 1234}"# + String(others.dropFirst(4)) + "]}", in: solution)
        #expect(second.path == "parameters[1].analytic")
        #expect(second.step == nil)
    }
}
