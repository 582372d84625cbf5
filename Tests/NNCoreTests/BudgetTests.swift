import NNCore
import Testing

@Suite("Search budgets: grid products and unions")
struct GridSearchTests {
    @Test("issue 5 A: d = 10, λ = 6, p = 5 → 300 combinations")
    func acceptanceGrid() throws {
        // By hand: 10 · 6 · 5 = 300.
        let search = GridSearch(factors: [
            GridFactor(name: "d", count: 10), GridFactor(name: "lambda", count: 6), GridFactor(name: "p", count: 5),
        ])
        #expect(try search.combinations() == 300)
        #expect(try search.combinationsPerGrid() == [300])
    }

    @Test("several grids are a union: the sum of their products, as scikit-learn's ParameterGrid")
    func union() throws {
        // sklearn.model_selection.ParameterGrid([{'kernel': ['linear'], 'C': [1, 10, 100]},
        //   {'kernel': ['rbf'], 'C': [1, 10, 100], 'gamma': [1e-3, 1e-4]}]) has len 3 + 6 = 9.
        let search = GridSearch(grids: [
            [GridFactor(name: "kernel", count: 1), GridFactor(name: "C", count: 3)],
            [
                GridFactor(name: "kernel", count: 1), GridFactor(name: "C", count: 3),
                GridFactor(name: "gamma", count: 2),
            ],
        ])
        #expect(try search.combinationsPerGrid() == [3, 6])
        #expect(try search.combinations() == 9)
    }

    @Test("a product or a union past 2⁵³ (the largest count JSON carries exactly) throws instead of trapping")
    func overflow() throws {
        let huge = GridFactor(name: "n", count: 1 << 32)
        #expect(throws: BudgetError.overflow) { try GridSearch(factors: [huge, huge]).combinations() }
        let big = GridFactor(name: "n", count: Int.max)
        #expect(throws: BudgetError.overflow) { try GridSearch(grids: [[big], [big]]).combinations() }
        #expect(throws: BudgetError.overflow) { try GridSearch(factors: [big]).combinations() }
        let largest = GridFactor(name: "n", count: 1 << 53)
        #expect(try GridSearch(factors: [largest]).combinations() == 1 << 53)
        #expect(throws: BudgetError.overflow) {
            try GridSearch(grids: [[largest], [GridFactor(name: "m", count: 1)]]).combinations()
        }
    }
}

@Suite("Random search: trials for a confidence and the probability reached")
struct RandomSearchTests {
    let search = RandomSearch(goodFraction: 0.05)

    @Test(
        "issue 5 B: p = 0.05 → 59 trials for q = 0.95, 104 for q = 0.995",
        arguments: [(0.95, 58.4039748143197, 59), (0.995, 103.29454229467454, 104)])
    func acceptanceTrials(confidence: Double, bound: Double, trials: Int) throws {
        // numpy: np.log(1 - q) / np.log(1 - 0.05) = 58.4039748143197 and 103.29454229467454.
        #expect(search.bound(confidence: confidence).isApproximatelyEqual(to: bound, relativeTolerance: 1e-13))
        #expect(try search.trials(confidence: confidence) == trials)
        // The trial count is the smallest that reaches q: one fewer does not.
        #expect(search.probability(trials: trials) >= confidence)
        #expect(search.probability(trials: trials - 1) < confidence)
    }

    @Test("the probability reached: 1 − 0.95⁵⁹ and 1 − 0.95¹⁰⁴")
    func probability() {
        // Python: 1 - 0.95**59 = 0.9515054747505769, 1 - 0.95**104 = 0.9951776919467303.
        #expect(search.probability(trials: 59).isApproximatelyEqual(to: 0.9515054747505769, relativeTolerance: 1e-14))
        #expect(search.probability(trials: 104).isApproximatelyEqual(to: 0.9951776919467303, relativeTolerance: 1e-14))
        #expect(search.probability(trials: 0) == 0)
    }

    @Test("a bound that is a whole number up to rounding noise is that number, not one more")
    func wholeBound() throws {
        // ln(0.25)/ln(0.5) = 2 exactly: 2 trials give 1 − 0.5² = 0.75 = q.
        let half = RandomSearch(goodFraction: 0.5)
        #expect(RandomSearch.isWhole(half.bound(confidence: 0.75)))
        #expect(try half.trials(confidence: 0.75) == 2)
        // ln(0.001)/ln(0.1) = 3 in exact arithmetic; in floating point it may miss by an ulp.
        #expect(try RandomSearch(goodFraction: 0.9).trials(confidence: 0.999) == 3)
        #expect(!RandomSearch.isWhole(58.4039748143197))
    }

    @Test("tiny fractions stay accurate (log1p) and huge bounds throw")
    func extremes() throws {
        // p = 10⁻¹², q = 0.5: N* = ln 2 / 10⁻¹² (to 1 part in 10¹²) = 693147180559.9453 → 693147180560.
        let rare = RandomSearch(goodFraction: 1e-12)
        #expect(rare.bound(confidence: 0.5).isApproximatelyEqual(to: 693_147_180_559.9453, relativeTolerance: 1e-11))
        #expect(try rare.trials(confidence: 0.5) == 693_147_180_560)
        #expect(throws: BudgetError.overflow) { try RandomSearch(goodFraction: 1e-300).trials(confidence: 0.5) }
    }
}

@Suite("Training energy, cost and emissions")
struct TrainingEnergyTests {
    @Test("issue 5 E: 2,788,000 GPU-hours at 700 W, PUE 1 → 1,951,600 kWh exactly")
    func acceptanceEnergy() {
        // By hand: 2 788 000 h · 0.7 kW = 1 951 600 kWh.
        #expect(TrainingEnergy.energy(gpuHours: 2_788_000, watts: 700, powerUsageEffectiveness: 1) == 1_951_600)
        #expect(
            TrainingEnergy.energy(gpuHours: 1000, watts: 400, powerUsageEffectiveness: 1.1).isApproximatelyEqual(
                to: 440))
    }

    @Test("issue 5 C: 5,580,000 USD at 0.085 USD/kWh → 65,647,058.8 kWh → 6,085 household-years at 899 kWh/month")
    func acceptanceReverse() {
        // Python: 5580000 / 0.085 = 65647058.82352941; / (899 * 12) = 6085.192697768763.
        let energy = TrainingEnergy.energy(dollars: 5_580_000, price: 0.085)
        #expect(energy.isApproximatelyEqual(to: 65_647_058.82352941, relativeTolerance: 1e-14))
        let years = TrainingEnergy.householdYears(energy: energy, monthly: 899)
        #expect(years.isApproximatelyEqual(to: 6085.192697768763, relativeTolerance: 1e-14))
        #expect(years.rounded(.down) == 6085)
    }

    @Test("issue 5 D: 2048 GPUs at 17,500 and 70,000 USD → 35,840,000 and 143,360,000 USD")
    func acceptanceAcquisition() {
        // By hand: 2048 · 17 500 = 35 840 000; 2048 · 70 000 = 143 360 000.
        #expect(TrainingEnergy.acquisition(gpus: 2048, unitPrice: 17_500) == 35_840_000)
        #expect(TrainingEnergy.acquisition(gpus: 2048, unitPrice: 70_000) == 143_360_000)
    }

    @Test("cost, emissions in kg and t, GPU-hours")
    func arithmetic() {
        // By hand: 1 951 600 kWh · 0.1 USD/kWh = 195 160 USD; · 0.5 kg/kWh = 975 800 kg = 975.8 t.
        #expect(TrainingEnergy.cost(energy: 1_951_600, price: 0.1).isApproximatelyEqual(to: 195_160))
        #expect(TrainingEnergy.emissionsKilograms(energy: 1_951_600, carbonIntensity: 0.5) == 975_800)
        #expect(TrainingEnergy.emissionsTonnes(energy: 1_951_600, carbonIntensity: 0.5) == 975.8)
        #expect(TrainingEnergy.gpuHours(gpus: 2048, hours: 1361) == 2_787_328)
        #expect(TrainingEnergy.kilowatts(watts: 700) == 0.7)
        #expect(TrainingEnergy.householdYearlyEnergy(monthly: 899) == 10_788)
    }
}

@Suite("Time units and conversions")
struct TimeQuantityTests {
    @Test("issue 5 A: 6000 min is 100 h (and 4.1667 d)")
    func acceptanceTime() throws {
        // By hand: 6000 / 60 = 100 h; 100 / 24 = 4.1666… d.
        let conversions = TimeQuantity(6000, .minutes).conversionsUpward
        #expect(conversions.map(\.unit) == [.minutes, .hours, .days])
        #expect(conversions[1].value == 100)
        #expect(conversions[2].value.isApproximatelyEqual(to: 100.0 / 24))
    }

    @Test("conversion stops at the first unit below 1, and minutes are exact")
    func conversions() {
        #expect(TimeQuantity(90, .seconds).conversionsUpward.map(\.unit) == [.seconds, .minutes])
        #expect(TimeQuantity(45, .minutes).conversionsUpward.map(\.unit) == [.minutes])
        #expect(TimeQuantity(3, .days).conversionsUpward.map(\.unit) == [.days])
        #expect(TimeQuantity(90, .seconds).minutes == 1.5)
        #expect(TimeQuantity(1.5, .hours).minutes == 90)
        #expect(TimeQuantity(3, .days).minutes == 4320)
        #expect(TimeQuantity(2, .hours).converted(to: .minutes) == TimeQuantity(120, .minutes))
    }
}
