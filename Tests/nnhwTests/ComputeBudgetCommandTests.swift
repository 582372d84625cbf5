import Foundation
import Testing

/// The JSON object a command prints with `--format json`.
private func jsonObject(_ arguments: [String]) throws -> [String: Any] {
    let result = try CommandRunner.run(arguments + ["--format", "json"])
    try #require(result.status == 0, "exit \(result.status): \(result.error)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
}

/// The number at `key` of a command's JSON output.
private func jsonNumber(_ arguments: [String], _ key: String) throws -> Double {
    let object = try jsonObject(arguments)
    return try #require(object[key] as? Double, "no number \"\(key)\" in \(object.keys.sorted())")
}

/// A compute-budget command line refused with one exact line and an exit status.
struct ComputeBudgetErrorCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let expected: String
    let status: Int32
    var testDescription: String { "nnhw " + arguments.joined(separator: " ") }

    init(_ arguments: [String], _ expected: String, status: Int32 = 64) {
        self.arguments = arguments
        self.expected = expected
        self.status = status
    }

    static let all: [ComputeBudgetErrorCase] = [
        ComputeBudgetErrorCase(
            ["train-cost", "--flops", "1e23", "--gpu-flops", "312e12", "--utilization", "1.5"],
            "nnhw: --utilization: is the fraction of peak FLOP/s achieved, at most 1 (0.4 for 40 %), got 1.5"),
        ComputeBudgetErrorCase(
            ["train-cost", "--flops", "1e23", "--gpu-flops", "312e12"],
            "nnhw: --utilization: missing; give the fraction of peak FLOP/s achieved, e.g. 0.4 (40 %)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--flops", "1e23", "--utilization", "0.5"],
            "nnhw: --utilization: needs --gpu-flops (the peak FLOP/s of one accelerator)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-flops", "312e12", "--utilization", "0.5"],
            "nnhw: --gpu-flops: needs the training FLOPs: --flops C, or --params N --tokens D"),
        ComputeBudgetErrorCase(
            ["train-cost", "--params", "175e9"],
            "nnhw: --tokens: missing; give the training tokens D (FLOPs = 6 · N · D)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--tokens", "300e9"],
            "nnhw: --tokens: needs --params N (or --active-params, or --flops-per-token)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--flops", "1e23"],
            "nnhw: --flops: needs --gpu-flops F --utilization U to find the GPU-hours"),
        ComputeBudgetErrorCase(
            ["train-cost", "--flops", "1e23", "--params", "175e9"],
            "nnhw: --params: cannot be used with --flops, which gives the FLOPs by itself"),
        ComputeBudgetErrorCase(
            ["train-cost", "--flops-per-token", "1e12", "--active-params", "37e9", "--tokens", "1e9"],
            "nnhw: --active-params: cannot be used with --flops-per-token, which replaces 6 · N"),
        ComputeBudgetErrorCase(
            ["train-cost", "--flops-per-token", "1e12"],
            "nnhw: --tokens: missing; give the training tokens D (FLOPs = K · D)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--flops", "1e23", "--gpu-flops", "312e12", "--utilization", "0.5"],
            "nnhw: --gpu-hours: give either --gpu-hours G or the FLOPs with --gpu-flops F --utilization U, not both"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hour-price", "2"],
            "nnhw: --gpu-hour-price: needs the GPU-hours: --gpu-hours G, --gpus N --hours H, or the FLOPs with --gpu-flops"
        ),
        ComputeBudgetErrorCase(
            ["train-cost", "--dollars", "5576000", "--gpu-hour-price", "2", "--gpu-hours", "100"],
            "nnhw: --gpu-hours: cannot be used with --dollars, which with --gpu-hour-price gives the GPU-hours"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--server-watts", "10200"],
            "nnhw: --server-watts: give either --watts W or --server-watts S --gpus-per-server M, not both"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--server-watts", "10200"],
            "nnhw: --gpus-per-server: missing; give the accelerators in one server, e.g. 8"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--gpus-per-server", "8"],
            "nnhw: --gpus-per-server: needs --server-watts (the power of one server)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpus", "8"],
            "nnhw: --gpus: needs --gpu-hours G (for the wall-clock time), --hours H, or --gpu-price USD"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--compare", "flight"],
            "nnhw: --compare: the flight comparison needs --carbon (kg CO₂e per kWh) for the emissions"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--car-kg-co2e-per-km", "0.2"],
            "nnhw: --car-kg-co2e-per-km: the car comparison needs --carbon (kg CO₂e per kWh) for the emissions"),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--compare", "plane"],
            #"nnhw: --compare: expected household, flight or car, got "plane""#),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--watts", "700", "--compare", "household,,car"],
            #"nnhw: --compare: the list "household,,car" has an empty entry"#),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "100", "--compare", "household"],
            "nnhw: --watts: missing; give the power of one accelerator in W (or --server-watts S --gpus-per-server M)"),
        ComputeBudgetErrorCase(
            ["train-cost", "--params", "1e300", "--tokens", "1e300"], "nnhw: --tokens: the number of FLOPs overflows",
            status: 65),
        ComputeBudgetErrorCase(
            ["train-cost", "--gpu-hours", "1e300", "--gpus", "1", "--gpu-hour-price", "1e300"],
            "nnhw: --gpu-hour-price: the rental cost overflows", status: 65),
        ComputeBudgetErrorCase(
            ["inference-cost", "--tokens-per-day", "1e9"],
            "nnhw: --params: missing; give the parameter count N (or --active-params for a mixture of experts)"),
        ComputeBudgetErrorCase(
            ["inference-cost", "--params", "7e9", "--gpu-flops", "312e12", "--utilization", "0.5"],
            "nnhw: --gpu-flops: needs the tokens a day: --tokens-per-day T, or --requests-per-day R --tokens-per-request t"
        ),
        ComputeBudgetErrorCase(
            ["inference-cost", "--params", "7e9", "--tokens-per-day", "1e9", "--watts", "700"],
            "nnhw: --watts: needs the GPU-hours a day: --gpu-flops F --utilization U"),
        ComputeBudgetErrorCase(
            [
                "inference-cost", "--params", "7e9", "--tokens-per-day", "1e9", "--gpu-flops", "312e12",
                "--utilization", "0.5", "--price", "0.1",
            ], "nnhw: --price: needs the energy: --watts W (or --server-watts S --gpus-per-server M)"),
        ComputeBudgetErrorCase(
            ["inference-cost", "--params", "7e9", "--tokens-per-day", "1e9", "--requests-per-day", "1e6"],
            "nnhw: --requests-per-day: give either --tokens-per-day T or --requests-per-day R --tokens-per-request t, not both"
        ),
        ComputeBudgetErrorCase(
            ["inference-cost", "--params", "7e9", "--requests-per-day", "1e6"],
            "nnhw: --tokens-per-request: missing; give the tokens of one request, prompt and answer"),
        ComputeBudgetErrorCase(
            ["inference-cost", "--params", "7e9", "--tokens-per-request", "1000"],
            "nnhw: --tokens-per-request: needs --requests-per-day (how many requests a day)"),
        ComputeBudgetErrorCase(
            [
                "inference-cost", "--params", "7e9", "--tokens-per-day", "1e9", "--gpu-flops", "312e12",
                "--utilization", "0.5", "--compare", "household",
            ], "nnhw: --compare: the household comparison needs the energy: --watts W with --gpu-flops"),
        ComputeBudgetErrorCase(
            ["inference-cost", "--params", "1e300", "--tokens-per-day", "1e300"],
            "nnhw: --tokens-per-day: the number of FLOPs a day overflows", status: 65),
    ]
}

@Suite("nnhw train-cost and nnhw inference-cost: FLOPs, time, rental cost, comparisons (issue 20)")
struct ComputeBudgetCommandTests {
    @Test(
        "issue 20 A: 2,788,000 GPU-hours on 2,048 GPUs = 1,361.3 h = 56.7 d; 5,576,000 USD at 2 USD/GPU-h; 1,951,600 kWh at 700 W"
    )
    func acceptanceA() throws {
        // By hand: 2 788 000 / 2048 = 1361.328125 h; / 24 = 56.722005 d; 2 788 000 · 2 = 5 576 000 USD;
        // 2 788 000 · 0.7 kW = 1 951 600 kWh.
        let arguments = [
            "train-cost", "--gpu-hours", "2788000", "--gpus", "2048", "--gpu-hour-price", "2", "--watts", "700",
        ]
        let object = try jsonObject(arguments)
        #expect(object["wall_clock_hours"] as? Double == 1361.328125)
        #expect((object["wall_clock_days"] as? Double).map { abs($0 - 56.722005208333336) < 1e-12 } == true)
        #expect(object["rental_usd"] as? Double == 5_576_000)
        #expect(object["kwh"] as? Double == 1_951_600)
        #expect(object["usd"] == nil, "no electricity price was given, so there is no electricity cost")
        let text = try CommandRunner.run(arguments + ["--precision", "1"]).output
        #expect(text.contains("= 2,788,000 GPU-h / 2,048 GPUs = 1,361.3 h"))
        #expect(text.contains("= 56.7 d"))
        #expect(text.contains("2,788,000 GPU-h · 2 USD/GPU-h = 5,576,000 USD"))
        #expect(text.contains("= 1,951,600 kWh"))
    }

    @Test("issue 20 A, the seed's mix-up: 5,576,000 USD at 2 USD/GPU-h are 2,788,000 GPU-hours, not kWh")
    func rentalDollars() throws {
        // By hand: 5 576 000 / 2 = 2 788 000 GPU-h; · 0.7 kW = 1 951 600 kWh; · 0.085 = 165 886 USD.
        let arguments = [
            "train-cost", "--dollars", "5576000", "--gpu-hour-price", "2", "--watts", "700", "--price", "0.085",
        ]
        let object = try jsonObject(arguments)
        #expect(object["gpu_hours"] as? Double == 2_788_000)
        #expect(object["rental_usd"] as? Double == 5_576_000)
        #expect(object["kwh"] as? Double == 1_951_600)
        #expect((object["usd"] as? Double).map { abs($0 - 165_886) < 1e-6 } == true)
        let text = try CommandRunner.run(arguments + ["--width", "200"]).output
        #expect(text.contains("5,576,000 USD / 2 USD/GPU-h = 2,788,000 GPU-h"))
        #expect(text.contains("it is not an electricity price in USD per kWh"))
        let reverse = try CommandRunner.run([
            "train-cost", "--dollars", "5580000", "--price", "0.085", "--width", "200",
        ])
        .output
        #expect(reverse.contains("assumes all the dollars buy electricity at 0.085 USD/kWh"))
        #expect(reverse.contains("a rental price in USD per GPU-hour is not an electricity bill"))
    }

    @Test("issue 20 B: 6 · 175·10⁹ · 300·10⁹ = 3.15·10²³ FLOPs; at 312 TFLOP/s and 50 % → 560,897 GPU-hours")
    func acceptanceB() throws {
        // By hand: 6 · 175e9 · 300e9 = 3.15e23; 3.15e23 / (312e12 · 0.5 · 3600) = 560 897.4359 GPU-h.
        let arguments = [
            "train-cost", "--params", "175e9", "--tokens", "300e9", "--gpu-flops", "312e12", "--utilization", "0.5",
        ]
        let object = try jsonObject(arguments)
        #expect(object["flops"] as? Double == 3.15e23)
        #expect((object["gpu_hours"] as? Double).map { abs($0 - 560_897.435897436) < 1e-6 } == true)
        #expect(try CommandRunner.run(arguments).output.contains("= 3.15·10²³ FLOPs"))
        #expect(try CommandRunner.run(arguments + ["--precision", "0"]).output.contains("= 560,897 GPU-h"))
        // --flops gives the same GPU-hours; --active-params replaces N; --flops-per-token replaces 6 · N.
        let given = ["train-cost", "--flops", "3.15e23", "--gpu-flops", "312e12", "--utilization", "0.5"]
        #expect(try jsonNumber(given, "gpu_hours") == jsonNumber(arguments, "gpu_hours"))
        // By hand: 6 · 37e9 · 14.8e12 = 3.2856e24; 1e12 FLOPs/token · 300e9 tokens = 3e23.
        #expect(
            try jsonNumber(
                ["train-cost", "--active-params", "37e9", "--params", "671e9", "--tokens", "14.8e12"], "flops")
                == 3.2856e24)
        #expect(try jsonNumber(["train-cost", "--flops-per-token", "1e12", "--tokens", "300e9"], "flops") == 3e23)
    }

    @Test("issue 20 C: 37·10⁹ active parameters, 10⁹ tokens a day → 7.4·10¹⁹ FLOPs a day, 6 GPUs and the costs")
    func acceptanceC() throws {
        let compute = ["inference-cost", "--active-params", "37e9", "--tokens-per-day", "1e9"]
        // By hand: 2 · 37e9 = 7.4e10 FLOPs/token; · 1e9 tokens/day = 7.4e19 FLOPs/day.
        #expect(try jsonNumber(compute, "flops_per_token") == 7.4e10)
        #expect(try jsonNumber(compute, "flops_per_day") == 7.4e19)
        #expect(try CommandRunner.run(compute).output.contains("= 7.4·10¹⁹ FLOPs/day"))
        let arguments =
            compute + [
                "--gpu-flops", "312e12", "--utilization", "0.5", "--watts", "400", "--price", "0.1", "--gpu-hour-price",
                "2", "--carbon", "0.4",
            ]
        // By hand (Python): g = 7.4e19 / (312e12 · 0.5) / 3600 = 131.76638176638178 GPU-h/day;
        // g / 24 = 5.4903 → 6 GPUs; kWh/day = g · 0.4 = 52.70655270655271; electricity = · 0.1 = 5.270655270655272 USD;
        // rental = g · 2 = 263.53276353276357 USD; emissions = 52.7066 · 0.4 / 1000 = 0.02108262108262109 t;
        // a year = · 365; per 1,000 tokens = per day / 1e6.
        let object = try jsonObject(arguments)
        func close(_ key: String, _ expected: Double) -> Bool {
            (object[key] as? Double).map { abs($0 - expected) <= 1e-12 * abs(expected) } == true
        }
        #expect(close("gpu_hours_per_day", 131.76638176638178))
        #expect(object["gpus"] as? Double == 6)
        #expect(close("kwh_per_day", 52.70655270655271))
        #expect(close("kwh_per_year", 19_237.89173789174))
        #expect(close("usd_per_day", 5.270655270655272))
        #expect(close("usd_per_1k_tokens", 5.270655270655272e-06))
        #expect(close("rental_usd_per_day", 263.53276353276357))
        #expect(close("rental_usd_per_1k_tokens", 0.00026353276353276357))
        #expect(close("tco2e_per_day", 0.02108262108262109))
        let text = try CommandRunner.run(arguments).output
        #expect(text.contains("= ⌈5.4903⌉ = 6 GPUs"))
        #expect(text.contains("131.7664 GPU-h/day · 2 USD/GPU-h = 263.5328 USD/day"))
    }

    @Test("issue 20 C: requests × tokens per request give the tokens a day")
    func requests() throws {
        // By hand: 1e6 requests · 1000 tokens = 1e9 tokens/day; · 2 · 70e9 = 1.4e20 FLOPs/day.
        let arguments = [
            "inference-cost", "--params", "70e9", "--requests-per-day", "1e6", "--tokens-per-request", "1000",
        ]
        #expect(try jsonNumber(arguments, "tokens_per_day") == 1e9)
        #expect(try jsonNumber(arguments, "flops_per_day") == 1.4e20)
    }

    @Test("issue 20 D: a time-only question needs no --watts: 12,000 GPU-hours on 64 GPUs = 187.5 h")
    func acceptanceD() throws {
        // By hand: 12 000 / 64 = 187.5 h; / 24 = 7.8125 d.
        let arguments = ["train-cost", "--gpu-hours", "12000", "--gpus", "64"]
        let object = try jsonObject(arguments)
        #expect(object["wall_clock_hours"] as? Double == 187.5)
        #expect(object["wall_clock_days"] as? Double == 7.8125)
        #expect(Set(object.keys) == ["gpu_hours", "wall_clock_hours", "wall_clock_days"])
        #expect(try CommandRunner.run(arguments).output.contains("12,000 GPU-h / 64 GPUs = 187.5 h"))
    }

    @Test("comparisons state their factor and source, and an option changes the factor")
    func comparisons() throws {
        let arguments = [
            "train-cost", "--gpu-hours", "2788000", "--watts", "700", "--carbon", "0.4", "--compare",
            "household,flight,car",
        ]
        // By hand: 1 951 600 / (12 · 899) = 180.9047 household-years; 780 640 kg / 156 = 5004.1026 flights;
        // 780 640 / 0.249 = 3 135 100.4016 km.
        let object = try jsonObject(arguments)
        #expect((object["household_years"] as? Double).map { abs($0 - 1_951_600.0 / 10_788) < 1e-9 } == true)
        #expect((object["flights"] as? Double).map { abs($0 - 780_640.0 / 156) < 1e-9 } == true)
        #expect((object["car_km"] as? Double).map { abs($0 - 780_640 / 0.249) < 1e-6 } == true)
        let text = try CommandRunner.run(arguments + ["--width", "200"]).output
        #expect(text.contains("K = 899 kWh a month for one household, the US EIA average;"))
        #expect(text.contains("--household-kwh-per-month to change"))
        #expect(text.contains("UK DESNZ conversion factors; --flight-kg-co2e to change"))
        #expect(text.contains("about 400 g CO₂ per mile, US EPA"))
        // By hand: 780 640 / 250 = 3122.56 flights.
        #expect(try jsonNumber(arguments + ["--flight-kg-co2e", "250"], "flights") == 3122.56)
        // By hand: a year of 52.70655 kWh/day is 19 237.8917 kWh; / 10 788 = 1.78327 households.
        let inference = [
            "inference-cost", "--active-params", "37e9", "--tokens-per-day", "1e9", "--gpu-flops", "312e12",
            "--utilization", "0.5", "--watts", "400", "--compare", "household",
        ]
        #expect(abs(try jsonNumber(inference, "households") - 19_237.89173789174 / 10_788) < 1e-12)
    }

    @Test("server power and PUE: 10,200 W for 8 accelerators at PUE 1.2")
    func serverPower() throws {
        // By hand: 10 200 / 8 = 1275 W = 1.275 kW; 2 788 000 · 1.275 · 1.2 = 4 265 640 kWh.
        let arguments = [
            "train-cost", "--gpu-hours", "2788000", "--server-watts", "10200", "--gpus-per-server", "8", "--pue", "1.2",
        ]
        #expect(abs(try jsonNumber(arguments, "kwh") - 4_265_640) < 1e-6)
        #expect(try CommandRunner.run(arguments).output.contains("10,200 W / 8 GPUs = 1,275 W"))
    }

    @Test("bad input: one line on stderr, nothing on stdout, exit 64 or 65", arguments: ComputeBudgetErrorCase.all)
    func error(_ bad: ComputeBudgetErrorCase) throws {
        let result = try CommandRunner.run(bad.arguments)
        #expect(result.error.split(separator: "\n").first.map(String.init) == bad.expected)
        #expect(result.status == bad.status)
        #expect(result.output == "")
    }
}
