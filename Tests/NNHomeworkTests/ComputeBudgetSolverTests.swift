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

@Suite("Compute budgets: training FLOPs and time, rental cost, inference cost (issue 20)")
struct ComputeBudgetSolverTests {
    @Test("issue 20 A: 2,788,000 GPU-h on 2,048 GPUs → 1,361.328125 h, 56.72 d; at 2 USD/GPU-h 5,576,000 USD")
    func timeAndRental() throws {
        // By hand: 2 788 000 / 2048 = 1361.328125; / 24 = 56.722005208333336; 2 788 000 · 2 = 5 576 000.
        let problem = try TrainingCostProblem(
            OptionValues([
                "--gpu-hours": [.number(2_788_000)], "--gpus": [.whole(2048)], "--gpu-hour-price": [.number(2)],
            ]))
        let solution = try TrainingCostSolver().solve(problem)
        #expect(keys(solution) == ["gpu_hours", "wall_clock_hours", "wall_clock_days", "rental_usd"])
        #expect(number(solution, "wall_clock_hours") == 1361.328125)
        #expect(number(solution, "wall_clock_days") == 1361.328125 / 24)
        #expect(number(solution, "rental_usd") == 5_576_000)
        let text = TextRenderer(options: RenderOptions(precision: 1, groupsThousands: true)).render(solution)
        #expect(text.contains("= 1,361.3 h"))
        #expect(text.contains("= 56.7 d"))
    }

    @Test("issue 20 B: 6 · 175·10⁹ · 300·10⁹ = 3.15·10²³ FLOPs → 560,897.4359 GPU-hours at 312 TFLOP/s, U = 0.5")
    func flops() throws {
        // By hand: 6 · 175e9 · 300e9 = 3.15e23; / (312e12 · 0.5 · 3600) = 560 897.435897436 (Python).
        let problem = try TrainingCostProblem(
            OptionValues([
                "--params": [.number(175e9)], "--tokens": [.number(300e9)], "--gpu-flops": [.number(312e12)],
                "--utilization": [.number(0.5)],
            ]))
        let solution = try TrainingCostSolver().solve(problem)
        #expect(keys(solution) == ["flops", "gpu_hours"])
        #expect(number(solution, "flops") == 3.15e23)
        #expect(
            number(solution, "gpu_hours")?.isApproximatelyEqual(to: 560_897.435897436, relativeTolerance: 1e-14) == true
        )
        #expect(ComputeBudget.gpuHours(flops: 3.15e23, peak: 312e12, utilization: 0.5) == number(solution, "gpu_hours"))
    }

    @Test("issue 20 D: --gpu-hours 12000 --gpus 64 needs no power: 187.5 h = 7.8125 d")
    func timeOnly() throws {
        // By hand: 12 000 / 64 = 187.5 h; / 24 = 7.8125 d.
        let problem = try TrainingCostProblem(
            OptionValues(["--gpu-hours": [.number(12_000)], "--gpus": [.whole(64)]]))
        #expect(problem.power == nil)
        let solution = try TrainingCostSolver().solve(problem)
        #expect(number(solution, "wall_clock_hours") == 187.5)
        #expect(number(solution, "wall_clock_days") == 7.8125)
    }

    @Test("issue 20 C: 37·10⁹ active parameters and 10⁹ tokens a day → 7.4·10¹⁹ FLOPs; 6 GPUs; the costs a day")
    func inference() throws {
        // By hand: 2 · 37e9 · 1e9 = 7.4e19 FLOPs/day; g = 7.4e19 / (312e12 · 0.5 · 3600) = 131.76638176638178 GPU-h;
        // g / 24 = 5.49 → 6 GPUs; g · 0.4 kW = 52.70655270655271 kWh; · 0.1 USD/kWh = 5.270655270655272 USD;
        // g · 2 USD/GPU-h = 263.53276353276357 USD; per 1,000 of 1e9 tokens: / 1e6.
        let problem = try InferenceCostProblem(
            OptionValues([
                "--active-params": [.number(37e9)], "--tokens-per-day": [.number(1e9)],
                "--gpu-flops": [.number(312e12)], "--utilization": [.number(0.5)], "--watts": [.number(400)],
                "--price": [.number(0.1)], "--gpu-hour-price": [.number(2)],
            ]))
        let solution = try InferenceCostSolver().solve(problem)
        #expect(
            keys(solution) == [
                "flops_per_token", "flops_per_day", "gpu_hours_per_day", "gpus", "kwh_per_day", "kwh_per_year",
                "usd_per_day", "usd_per_year", "usd_per_1k_tokens", "rental_usd_per_day", "rental_usd_per_year",
                "rental_usd_per_1k_tokens",
            ])
        #expect(number(solution, "flops_per_token") == 7.4e10)
        #expect(number(solution, "flops_per_day") == 7.4e19)
        #expect(number(solution, "gpus") == 6)
        let expected: [(String, Double)] = [
            ("gpu_hours_per_day", 131.76638176638178), ("kwh_per_day", 52.70655270655271),
            ("usd_per_day", 5.270655270655272), ("usd_per_1k_tokens", 5.270655270655272e-06),
            ("rental_usd_per_day", 263.53276353276357), ("rental_usd_per_year", 263.53276353276357 * 365),
        ]
        for (key, value) in expected {
            #expect(number(solution, key)?.isApproximatelyEqual(to: value, relativeTolerance: 1e-14) == true, "\(key)")
        }
    }

    @Test("only --params: the FLOPs per token, nothing else")
    func flopsPerTokenOnly() throws {
        let solution = try InferenceCostSolver().solve(InferenceCostProblem(OptionValues(["--params": [.number(7e9)]])))
        // By hand: 2 · 7e9 = 1.4e10.
        #expect(keys(solution) == ["flops_per_token"])
        #expect(number(solution, "flops_per_token") == 1.4e10)
    }

    @Test("the comparisons: the default factors, and the options' factors")
    func comparisons() throws {
        let defaults = try CostComparisons(OptionValues(["--compare": [.text("household, flight ,car")]]))
        #expect(defaults.householdMonthly == 899)
        #expect(defaults.flightKilograms == 156)
        #expect(defaults.carKilogramsPerKilometre == 0.249)
        let given = try CostComparisons(OptionValues(["--flight-kg-co2e": [.number(250)]]))
        #expect(given.householdMonthly == nil)
        #expect(given.flightKilograms == 250)
        #expect(given.carKilogramsPerKilometre == nil)
        // By hand: 1000 kg / 250 kg per flight = 4; 1000 / 0.2 = 5000 km.
        #expect(EmissionComparison.flights(kilograms: 1000, perFlight: 250) == 4)
        #expect(EmissionComparison.carKilometres(kilograms: 1000, perKilometre: 0.2) == 5000)
    }
}
