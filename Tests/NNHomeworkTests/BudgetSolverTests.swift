import NNCore
import Testing

@testable import NNHomework

/// The number at `key` of a solution's JSON result.
private func number(_ solution: Solution, _ key: String) -> Double? {
    guard case .object(let members) = solution.result,
        case .number(let value)? = members.first(where: { $0.key == key })?.value
    else { return nil }
    return value
}

private func keys(_ solution: Solution) -> [String] {
    guard case .object(let members) = solution.result else { return [] }
    return members.map(\.key)
}

@Suite("Budget solvers: grid search, random search, training cost")
struct BudgetSolverTests {
    @Test("issue 5 A: d=10, lambda=6, p=5, 10 epochs of 2 min → 300, 3000 epochs, 6000 min = 100 h")
    func gridAcceptance() throws {
        // By hand: 10 · 6 · 5 = 300; 300 · 10 = 3000 epochs; 3000 · 2 min = 6000 min = 100 h.
        let problem = try GridSearchProblem(
            OptionValues([
                "--grid": [.text("d=10"), .text("lambda=6"), .text("p=5")], "--epochs": [.whole(10)],
                "--epoch-time": [.text("2min")],
            ]))
        let solution = try GridSearchSolver().solve(problem)
        #expect(keys(solution) == ["factors", "combinations", "total_epochs", "total_minutes"])
        #expect(number(solution, "combinations") == 300)
        #expect(number(solution, "total_epochs") == 3000)
        #expect(number(solution, "total_minutes") == 6000)
        let text = TextRenderer(options: RenderOptions(groupsThousands: true)).render(solution)
        #expect(text.contains("|d| · |lambda| · |p| = 10 · 6 · 5 = 300"))
        #expect(text.contains("6,000 min = (6,000 / 60) h = 100 h"))
    }

    @Test("grid values: a list, ranges with and without a step, one word")
    func gridValues() throws {
        // Counted by hand: depth 2…8 → 7; units 32, 64, …, 256 → 8; 1, 5, 9 → 3; three rates; one kernel.
        let problem = try GridSearchProblem(
            OptionValues([
                "--grid": [
                    .text("depth=2..8"), .text("units=32..256:32"), .text("x=1..10:4"), .text("lr=0.1,0.01,0.001"),
                    .text("kernel=rbf"),
                ]
            ])
        )
        #expect(problem.grids[0].map(\.count) == [7, 8, 3, 3, 1])
        let solution = try GridSearchSolver().solve(problem)
        #expect(number(solution, "combinations") == 504)
        let text = TextRenderer().render(solution)
        #expect(text.contains("|units| = |{32, 64, …, 256}| = (256 − 32) / 32 + 1 = 8"))
        #expect(text.contains("|x| = |{1, 5, 9}| = ⌊(10 − 1) / 4⌋ + 1 = 3   [the last value is 9]"))
    }

    @Test("--grid-set grids are a union: 3 + 6 = 9 (scikit-learn ParameterGrid's len)")
    func gridUnion() throws {
        // len(ParameterGrid([{'kernel': ['linear'], 'C': [1, 10, 100]},
        //   {'kernel': ['rbf'], 'C': [1, 10, 100], 'gamma': [1e-3, 1e-4]}])) == 9
        let problem = try GridSearchProblem(
            OptionValues([
                "--grid-set": [.text("kernel=linear C=1,10,100"), .text("kernel=rbf;C=1,10,100;gamma=0.001,0.0001")]
            ]))
        let solution = try GridSearchSolver().solve(problem)
        #expect(keys(solution) == ["grid_sets", "combinations"])
        #expect(number(solution, "combinations") == 9)
        #expect(TextRenderer().render(solution).contains("combinations = C₁ + C₂ = 3 + 6 = 9"))
    }

    @Test(
        "issue 5 B: p = 0.05 → 59 trials for q = 0.95 and 104 for q = 0.995, with the probability reached",
        arguments: [
            (0.95, 59.0, 58.4039748143197, 0.9515054747505769),
            (0.995, 104, 103.29454229467454, 0.9951776919467303),
        ])
    func randomAcceptance(confidence: Double, trials: Double, bound: Double, probability: Double) throws {
        // numpy: np.log(1 - q) / np.log(0.95); Python: 1 - 0.95**N.
        let problem = try RandomSearchProblem(
            OptionValues(["--good-fraction": [.number(0.05)], "--confidence": [.number(confidence)]]))
        let solution = try RandomSearchSolver().solve(problem)
        #expect(keys(solution) == ["trials", "bound", "probability"])
        #expect(number(solution, "trials") == trials)
        #expect(number(solution, "bound")?.isApproximatelyEqual(to: bound, relativeTolerance: 1e-13) == true)
        #expect(
            number(solution, "probability")?.isApproximatelyEqual(to: probability, relativeTolerance: 1e-13) == true)
    }

    @Test("--trials N gives the probability and no bound; the schedule adds the time")
    func randomTrials() throws {
        // Python: 1 - 0.95**20 = 0.6415140775914581; 20 · 3 epochs · 1.5 h = 90 h = 5400 min.
        let problem = try RandomSearchProblem(
            OptionValues([
                "--good-fraction": [.number(0.05)], "--trials": [.whole(20)], "--epochs": [.whole(3)],
                "--epoch-time": [.text("1.5h")],
            ])
        )
        let solution = try RandomSearchSolver().solve(problem)
        #expect(keys(solution) == ["trials", "probability", "total_epochs", "total_minutes"])
        #expect(
            number(solution, "probability")?.isApproximatelyEqual(to: 0.6415140775914581, relativeTolerance: 1e-13)
                == true)
        #expect(number(solution, "total_minutes") == 5400)
    }

    @Test("issue 5 C: 5,580,000 USD at 0.085 USD/kWh → 65,647,058.8 kWh → 6,085 household-years")
    func reverseAcceptance() throws {
        // Python: 5580000 / 0.085 = 65647058.82352941; / (12 * 899) = 6085.192697768763.
        let problem = try TrainingCostProblem(
            OptionValues([
                "--dollars": [.number(5_580_000)], "--price": [.number(0.085)],
                "--household-kwh-per-month": [.number(899)],
            ]))
        let solution = try TrainingCostSolver().solve(problem)
        #expect(keys(solution) == ["kwh", "usd", "household_years"])
        #expect(
            number(solution, "kwh")?.isApproximatelyEqual(to: 65_647_058.82352941, relativeTolerance: 1e-14) == true)
        #expect(
            number(solution, "household_years")?.isApproximatelyEqual(to: 6085.192697768763, relativeTolerance: 1e-14)
                == true)
        let text = TextRenderer(options: RenderOptions(precision: 1, groupsThousands: true)).render(solution)
        #expect(text.contains("= 65,647,058.8 kWh"))
        #expect(
            TextRenderer(options: RenderOptions(precision: 0, groupsThousands: true)).render(solution).contains(
                "= 6,085 household-years"))
    }

    @Test("issue 5 D and E: 2048 GPUs at 17,500..70,000 USD; 2,788,000 GPU-hours at 700 W, PUE 1 → 1,951,600 kWh")
    func energyAndHardware() throws {
        // By hand: 2048 · 17 500 = 35 840 000; 2048 · 70 000 = 143 360 000; 2 788 000 · 0.7 = 1 951 600.
        let problem = try TrainingCostProblem(
            OptionValues([
                "--gpu-hours": [.number(2_788_000)], "--watts": [.number(700)], "--gpus": [.whole(2048)],
                "--gpu-price": [.text("17500..70000")],
                "--price": [.number(0.085)], "--carbon": [.number(0.4)],
            ]))
        let solution = try TrainingCostSolver().solve(problem)
        // --gpus with --gpu-hours now also gives the wall-clock time (issue 20).
        #expect(
            keys(solution) == [
                "gpu_hours", "wall_clock_hours", "wall_clock_days", "kwh", "usd", "tco2e", "acquisition_usd",
            ])
        #expect(number(solution, "kwh") == 1_951_600)
        // By hand: 1 951 600 · 0.085 = 165 886 USD; · 0.4 kg = 780 640 kg = 780.64 t.
        #expect(number(solution, "usd")?.isApproximatelyEqual(to: 165_886) == true)
        #expect(number(solution, "tco2e")?.isApproximatelyEqual(to: 780.64) == true)
        guard case .object(let members) = solution.result,
            case .array(let range)? = members.first(where: { $0.key == "acquisition_usd" })?.value
        else {
            Issue.record("acquisition_usd is not an array")
            return
        }
        #expect(range == [.number(35_840_000), .number(143_360_000)])
    }
}
