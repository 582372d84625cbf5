import NNHomework

/// `nnhw inference-cost`: the compute, accelerators, energy, money and
/// emissions of running a model day to day.
enum InferenceCostCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "inference-cost",
        summary: "the FLOPs, GPUs, energy, electricity and rental cost and emissions of running a model, per day",
        options: [
            .value("--params", "N", .number(.positive), "parameters each token runs through"),
            .value("--active-params", "N", .number(.positive), "active parameters of a mixture of experts, instead"),
            .value("--tokens-per-day", "T", .number(.positive), "tokens served a day, prompt and answer"),
            .value("--requests-per-day", "R", .number(.positive), "requests a day, instead of --tokens-per-day"),
            .value("--tokens-per-request", "t", .number(.positive), "tokens of one request (with --requests-per-day)"),
        ] + BudgetOptions.throughput + BudgetOptions.power + BudgetOptions.prices + BudgetOptions.comparisons
            + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  FLOPs per token = 2 · N (one multiply and one add per parameter, the forward pass only; N the active",
            "  parameters of a mixture of experts; attention over the context is not counted).",
            "  FLOPs per day = 2 · N · T; GPU-hours per day = FLOPs per day / (F · U · 3600 s/h), U the fraction",
            "  of the peak F achieved; GPUs = ⌈GPU-hours per day / 24 h⌉, busy around the clock (a day is 24 h).",
            "  Energy, rental cost and emissions count the GPU-hours of work, not the idle part of the last GPU.",
            "  E = GPU-hours · P · PUE kWh/day; electricity = E · USD/kWh; rental = GPU-hours · USD/GPU-h (renting",
            "  accelerator time, not electricity); emissions = E · carbon. A year is 365 days; per 1,000 tokens",
            "  = per day / (T / 1000). --compare household,flight,car compares a year of running (households:",
            "  kWh a year / (12 · K), K = 899 kWh/month, US EIA 2022; flight 156 kg CO₂e, UK DESNZ 2024; car",
            "  0.249 kg CO₂e/km, US EPA). Only the inputs the question needs are required.",
            "  JSON keys (those the inputs determine): flops_per_token, tokens_per_day, flops_per_day,",
            "  gpu_hours_per_day, gpus, kwh_per_day, kwh_per_year, usd_per_day, usd_per_year, usd_per_1k_tokens,",
            "  rental_usd_per_day, rental_usd_per_year, rental_usd_per_1k_tokens, tco2e_per_day, tco2e_per_year,",
            "  households, flights_per_year, car_km_per_year.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 a result overflows.",
        ],
        examples: [
            "nnhw inference-cost --active-params 37e9 --tokens-per-day 1e9",
            "nnhw inference-cost --params 70e9 --requests-per-day 1e6 --tokens-per-request 1000 --gpu-flops 989e12 --utilization 0.3 --watts 700 --price 0.1 --gpu-hour-price 2",
            "nnhw inference-cost --active-params 37e9 --tokens-per-day 1e9 --gpu-flops 312e12 --utilization 0.5 --watts 400 --carbon 0.4 --compare household,flight,car",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values, groupsThousands: true)
            let problem = try InferenceCostProblem(values)
            return try AnswerChecking.output(InferenceCostSolver().solve(problem), renderer: renderer, values)
        })
}
