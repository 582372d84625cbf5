import Foundation
import Testing

/// One budget command line compared with a golden file.
struct BudgetSnapshotCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    static let commands: [(String, [String])] = [
        (
            "hyperparam-count-grid",
            [
                "hyperparam-count", "--grid", "d=10", "--grid", "lambda=6", "--grid", "p=5", "--epochs", "10",
                "--epoch-time", "2min",
            ]
        ),
        (
            "hyperparam-count-values",
            [
                "hyperparam-count", "--grid", "depth=2..8", "--grid", "units=32..256:32", "--grid", "lr=0.1,0.01,0.001",
                "--epochs", "20", "--epoch-time", "45 min",
            ]
        ),
        (
            "hyperparam-count-grid-sets",
            [
                "hyperparam-count", "--grid-set", "kernel=linear C=1,10,100", "--grid-set",
                "kernel=rbf C=1,10,100 gamma=0.001,0.0001",
            ]
        ),
        (
            "hyperparam-count-random",
            [
                "hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "0.95", "--epochs", "10",
                "--epoch-time", "90s",
            ]
        ),
        (
            "hyperparam-count-random-trials",
            ["hyperparam-count", "--random", "--good-fraction", "0.05", "--trials", "20"]
        ),
        (
            "train-cost-energy",
            ["train-cost", "--gpu-hours", "2788000", "--watts", "700", "--price", "0.085", "--carbon", "0.4"]
        ),
        (
            "train-cost-dollars",
            ["train-cost", "--dollars", "5580000", "--price", "0.085", "--household-kwh-per-month", "899"]
        ),
        (
            "train-cost-rental",
            ["train-cost", "--gpu-hours", "2788000", "--gpus", "2048", "--gpu-hour-price", "2", "--watts", "700"]
        ),
        (
            "train-cost-flops",
            ["train-cost", "--params", "175e9", "--tokens", "300e9", "--gpu-flops", "312e12", "--utilization", "0.5"]
        ),
        (
            "train-cost-compare",
            [
                "train-cost", "--gpu-hours", "2788000", "--server-watts", "10200", "--gpus-per-server", "8", "--pue",
                "1.2", "--carbon", "0.4", "--compare", "household,flight,car",
            ]
        ),
        (
            "inference-cost",
            [
                "inference-cost", "--active-params", "37e9", "--params", "671e9", "--tokens-per-day", "1e9",
                "--gpu-flops", "312e12", "--utilization", "0.5", "--watts", "400", "--price", "0.1",
                "--gpu-hour-price", "2", "--carbon", "0.4", "--compare", "household,flight,car",
            ]
        ),
        (
            "train-cost-hardware",
            [
                "train-cost", "--gpus", "2048", "--hours", "1361", "--watts", "700", "--pue", "1.1", "--gpu-price",
                "17500..70000",
            ]
        ),
    ]

    static let all: [BudgetSnapshotCase] = commands.flatMap { name, arguments in
        [
            BudgetSnapshotCase(name: "\(name).txt", arguments: arguments),
            BudgetSnapshotCase(name: "\(name).json", arguments: arguments + ["--format", "json"]),
        ]
    }
}

/// A budget command line refused with one exact line and an exit status.
struct BudgetErrorCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let expected: String
    let status: Int32
    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    init(_ arguments: [String], _ expected: String, status: Int32 = 64) {
        self.arguments = arguments
        self.expected = expected
        self.status = status
    }

    static let all: [BudgetErrorCase] = [
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=0"], "nnhw: --grid: d=0: a hyperparameter needs at least 1 value, got 0"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=-3"],
            "nnhw: --grid: d=-3: a hyperparameter needs at least 1 value, got -3"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d"],
            #"nnhw: --grid: expected NAME=VALUES (d=10, lr=0.1,0.01, depth=2..8, units=32..256:32), got "d""#),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "depth=8..2"], "nnhw: --grid: depth=8..2: the range is empty (8 > 2)"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "u=32..256:0"],
            "nnhw: --grid: u=32..256:0: the step must be at least 1, got 0"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "lr=0.1,,0.2"], #"nnhw: --grid: lr: the list "0.1,,0.2" has an empty entry"#),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "lr=0.1,0.1"], #"nnhw: --grid: lr: the list "0.1,0.1" has 0.1 twice"#),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--grid", "d=5"], "nnhw: --grid: d is given twice in one grid"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--epoch-time", "2min"],
            "nnhw: --epoch-time: needs --epochs (how many epochs each run trains)"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--epochs", "0"],
            #"nnhw: --epochs: expected a whole number of at least 1, got "0""#),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--epochs", "3", "--epoch-time", "2 fortnights"],
            #"nnhw: --epoch-time: unknown unit "fortnights" in "2 fortnights"; expected s, min, h or d (e.g. 2min, 90s, 1.5h, 3d)"#
        ),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--epochs", "3", "--epoch-time", "2"],
            #"nnhw: --epoch-time: "2" has no unit; expected s, min, h or d (e.g. 2min, 90s, 1.5h, 3d)"#),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--epochs", "3", "--epoch-time", "soon"],
            #"nnhw: --epoch-time: expected a duration such as 2min, 90s, 1.5h or 3d, got "soon""#),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "d=10", "--epochs", "3", "--epoch-time", "0min"],
            "nnhw: --epoch-time: must be positive, got 0min"),
        BudgetErrorCase(
            ["hyperparam-count", "--grid", "a=4294967296", "--grid", "b=4294967296"],
            "nnhw: --grid: the grid has more than 2⁵³ combinations, the largest count printed exactly", status: 65),
        BudgetErrorCase(
            ["hyperparam-count", "--random", "--good-fraction", "1.5", "--confidence", "0.9"],
            "nnhw: --good-fraction: must be strictly between 0 and 1, got 1.5"),
        BudgetErrorCase(
            ["hyperparam-count", "--random", "--good-fraction", "0", "--confidence", "0.9"],
            "nnhw: --good-fraction: must be strictly between 0 and 1, got 0"),
        BudgetErrorCase(
            ["hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "1"],
            "nnhw: --confidence: must be below 1: no finite number of trials is certain"),
        BudgetErrorCase(
            ["hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "nan"],
            #"nnhw: --confidence: expected a number, got "nan""#),
        BudgetErrorCase(
            ["hyperparam-count", "--random", "--good-fraction", "0.05"],
            "nnhw: --confidence: missing; give --confidence q or --trials N"),
        BudgetErrorCase(
            ["hyperparam-count", "--random", "--good-fraction", "1e-300", "--confidence", "0.5"],
            "nnhw: --good-fraction: the number of trials exceeds 2⁵³, the largest count printed exactly (p is too small)",
            status: 65),
        BudgetErrorCase(
            ["hyperparam-count", "--good-fraction", "0.05"], "nnhw: --good-fraction: is for random search; add --random"
        ),
        BudgetErrorCase(
            ["train-cost", "--gpu-hours", "0", "--watts", "700"], "nnhw: --gpu-hours: must be positive, got 0"),
        BudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--pue", "0.9"],
            "nnhw: --pue: is total facility power over IT power, at least 1, got 0.9"),
        BudgetErrorCase(
            ["train-cost", "--gpu-hours", "100"],
            "nnhw: nothing to compute; give --gpus N (wall-clock time), --gpu-hour-price R (rental cost) or --watts W (energy) with --gpu-hours G"
        ),
        BudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--price", "0.1"],
            "nnhw: --watts: missing; give the power of one accelerator in W (or --server-watts S --gpus-per-server M)"),
        BudgetErrorCase(
            ["train-cost", "--dollars", "100"],
            "nnhw: --dollars: needs --price (USD per kWh) to find the energy bought, or --gpu-hour-price (USD per GPU-hour) for the GPU-hours rented"
        ),
        BudgetErrorCase(
            ["train-cost", "--dollars", "100", "--price", "0.1", "--watts", "700"],
            "nnhw: --watts: cannot be used with --dollars, which gives the energy by itself"),
        BudgetErrorCase(
            ["train-cost", "--gpu-price", "17500"], "nnhw: --gpu-price: needs --gpus (how many accelerators are bought)"
        ),
        BudgetErrorCase(
            ["train-cost", "--gpus", "8", "--gpu-price", "70000..17500"],
            #"nnhw: --gpu-price: the range "70000..17500" is empty (low above high)"#),
        BudgetErrorCase(
            ["train-cost", "--gpus", "2.5", "--gpu-price", "100"],
            #"nnhw: --gpus: expected a whole number of at least 1, got "2.5""#),
        BudgetErrorCase(
            ["train-cost", "--gpu-hours", "1e300", "--watts", "1e300"], "nnhw: --watts: the energy overflows",
            status: 65),
        BudgetErrorCase(
            ["train-cost", "--carbon", "0.4"],
            "nnhw: --carbon: needs the energy: --watts with --gpu-hours, or --dollars with --price"),
    ]
}

/// The number at `key` of a command's JSON output.
private func jsonNumber(_ arguments: [String], _ key: String) throws -> Double {
    let result = try CommandRunner.run(arguments + ["--format", "json"])
    try #require(result.status == 0, "exit \(result.status): \(result.error)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    return try #require(object[key] as? Double, "no number \"\(key)\" in \(object.keys.sorted())")
}

@Suite("nnhw hyperparam-count and nnhw train-cost")
struct BudgetCommandTests {
    @Test("text and json match the golden files", arguments: BudgetSnapshotCase.all)
    func snapshot(_ run: BudgetSnapshotCase) throws {
        let result = try CommandRunner.run(run.arguments)
        #expect(result.error == "")
        #expect(result.status == 0)
        assertSnapshot(result.output, named: run.name)
    }

    @Test("issue 11: units are quantities: 700\\,\\mathrm{W}, 59\\ \\text{trials}, CO₂ with a math subscript")
    func unitsTypeset() throws {
        let energy = try CommandRunner.run(
            ["train-cost", "--gpu-hours", "2788000", "--watts", "700", "--price", "0.085", "--carbon", "0.4"]
                + ["--format", "latex"]
        ).output
        #expect(energy.contains("P &= 700\\,\\mathrm{W} = (700 / 1{,}000)\\,\\mathrm{kW} = 0.7\\,\\mathrm{kW}"))
        // "electricity cost" is long enough that the LaTeX breaks before the result.
        #expect(
            energy.contains(
                "1{,}951{,}600\\,\\mathrm{kWh} \\cdot 0.085\\ \\text{USD/kWh} \\\\\n&= 165{,}886\\,\\mathrm{USD}"))
        #expect(energy.contains("780.64\\ \\text{t CO}_{2}\\text{e}"))
        #expect(
            energy.contains("[$\\text{PUE} = 1$ by default: no data-centre overhead; \\texttt{-{}-{}pue} to change]"))
        let random = try CommandRunner.run(
            ["hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "0.95", "--format", "latex"]
        ).output
        #expect(random.contains("= 59\\ \\text{trials}"))
        #expect(random.contains("$58\\ \\text{trials}$ give $0.9490 < q$"))
        #expect(random.contains("P(\\text{at least one good in}\\ 59)"))
        #expect(
            random.contains(
                "\\geq q \\Leftrightarrow N \\ln(1 - p) \\leq \\ln(1 - q) \\Leftrightarrow N \\geq \\ln(1 - q) / \\ln(1 - p)$"
            ))
        #expect(!random.contains("59 \\text{trials}"))
    }

    @Test("issue 11: under --sig 3 computed values get 3 significant digits, given values stay as given")
    func significantDigits() throws {
        let cost = try CommandRunner.run([
            "train-cost", "--gpu-hours", "2788000", "--watts", "700", "--price", "0.0851234", "--carbon", "0.4",
            "--household-kwh-per-month", "899.5", "--sig", "3",
        ]).output
        // By hand: 2,788,000 GPU-h · 0.7 kW = 1,951,600 kWh; · 0.0851234 = 166,126.8 USD (whole digits are kept);
        // · 0.4 kg/kWh = 780,640 kg = 780.64 t → 781; 1,951,600 / (12 · 899.5 = 10,794) = 180.80 → 181.
        #expect(cost.contains("(1) P = 700 W = (700 / 1,000) kW = 0.7 kW"))
        #expect(cost.contains("1,951,600 kWh · 0.0851234 USD/kWh = 166,127 USD"))
        #expect(cost.contains("= (780,640 / 1,000) t CO₂e = 781 t CO₂e"))
        #expect(cost.contains("(12 months · 899.5 kWh/month)"))
        #expect(cost.contains("= 181 household-years"))
        #expect(cost.contains("[K = 899.5 kWh a month for one household]"))
        let random = try CommandRunner.run([
            "hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "0.95", "--sig", "3",
        ]).output
        // By hand: N* = ln 0.05 / ln 0.95 = 58.404; 1 − 0.95⁵⁹ = 0.95151, 1 − 0.95⁵⁸ = 0.94896.
        #expect(random.contains("= ln(1 − 0.95) / ln(1 − 0.05) = 58.4"))
        #expect(random.contains("= 1 − (1 − 0.05)⁵⁹ = 0.952"))
        #expect(random.contains("[at least q = 0.95; 58 trials give 0.949 < q]"))
    }

    @Test("issue 5 A: 300 combinations, 3000 epochs, 6000 minutes (100 hours)")
    func acceptanceA() throws {
        // By hand: 10 · 6 · 5 = 300; · 10 epochs = 3000; · 2 min = 6000 min = 100 h.
        let arguments = [
            "hyperparam-count", "--grid", "d=10", "--grid", "lambda=6", "--grid", "p=5", "--epochs", "10",
            "--epoch-time", "2min",
        ]
        #expect(try jsonNumber(arguments, "combinations") == 300)
        #expect(try jsonNumber(arguments, "total_epochs") == 3000)
        #expect(try jsonNumber(arguments, "total_minutes") == 6000)
        let text = try CommandRunner.run(arguments).output
        #expect(text.contains("= 6,000 min"))
        #expect(text.contains("= 100 h"))
    }

    @Test("issue 5 B: p = 0.05 → 59 trials at q = 0.95, 104 at q = 0.995", arguments: [("0.95", 59.0), ("0.995", 104)])
    func acceptanceB(confidence: String, trials: Double) throws {
        // numpy: np.ceil(np.log(1 - q) / np.log(0.95)) = 59 (bound 58.40) and 104 (bound 103.29).
        let arguments = ["hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", confidence]
        #expect(try jsonNumber(arguments, "trials") == trials)
        #expect(try CommandRunner.run(arguments).output.contains("= \(Int(trials)) trials"))
    }

    @Test("issue 5 C: --dollars 5580000 --price 0.085 → 65,647,058.8 kWh, 6,085 household-years")
    func acceptanceC() throws {
        // Python: 5580000 / 0.085 = 65647058.82352941; / (12 * 899) = 6085.19.
        let arguments = ["train-cost", "--dollars", "5580000", "--price", "0.085", "--household-kwh-per-month", "899"]
        #expect(abs(try jsonNumber(arguments, "kwh") - 65_647_058.82352941) < 1e-6)
        #expect(abs(try jsonNumber(arguments, "household_years") - 6085.192697768763) < 1e-9)
        #expect(try CommandRunner.run(arguments + ["--precision", "1"]).output.contains("= 65,647,058.8 kWh"))
        #expect(try CommandRunner.run(arguments + ["--precision", "0"]).output.contains("= 6,085 household-years"))
    }

    @Test("issue 5 D: 2048 GPUs at 17,500..70,000 USD → 35,840,000..143,360,000 USD")
    func acceptanceD() throws {
        // By hand: 2048 · 17 500 = 35 840 000; 2048 · 70 000 = 143 360 000.
        let result = try CommandRunner.run([
            "train-cost", "--gpus", "2048", "--gpu-price", "17500..70000", "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["acquisition_usd"] as? [Double] == [35_840_000, 143_360_000])
        let text = try CommandRunner.run(["train-cost", "--gpus", "2048", "--gpu-price", "17500..70000"]).output
        #expect(text.contains("= 35,840,000 USD"))
        #expect(text.contains("= 143,360,000 USD"))
    }

    @Test("issue 5 E: 2,788,000 GPU-hours at 700 W, PUE 1 → 1,951,600 kWh")
    func acceptanceE() throws {
        // By hand: 2 788 000 h · 0.7 kW · 1 = 1 951 600 kWh.
        let arguments = ["train-cost", "--gpu-hours", "2788000", "--watts", "700"]
        #expect(try jsonNumber(arguments, "kwh") == 1_951_600)
        #expect(try CommandRunner.run(arguments).output.contains("2,788,000 GPU-h · 0.7 kW · 1 = 1,951,600 kWh"))
    }

    @Test("bad input: one line on stderr, nothing on stdout, exit 64 or 65", arguments: BudgetErrorCase.all)
    func error(_ bad: BudgetErrorCase) throws {
        let result = try CommandRunner.run(bad.arguments)
        #expect(result.error.split(separator: "\n").first.map(String.init) == bad.expected)
        #expect(result.status == bad.status)
        #expect(result.output == "")
    }
}
