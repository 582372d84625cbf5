import NNHomework

/// `nnhw train-cost`: the compute, time, energy, money and emissions of a
/// training run, and the price of its hardware.
enum TrainCostCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "train-cost",
        summary: "the FLOPs, time, energy, rental and electricity cost and emissions of a training run, with units",
        options: [
            .value(
                "--gpus", "N", .whole(1...Int.max),
                "accelerators (with --hours; with GPU-hours, the wall-clock time; with --gpu-price, their price)"),
            .value("--hours", "H", .number(.positive), "hours each accelerator runs"),
            .value("--gpu-hours", "G", .number(.positive), "accelerator-hours in total, instead of --gpus × --hours"),
            .value("--flops", "C", .number(.positive), "training FLOPs in total"),
            .value("--params", "N", .number(.positive), "parameters, for C = 6 · N · D"),
            .value(
                "--active-params", "N", .number(.positive), "active parameters of a mixture of experts, for 6 · N · D"),
            .value("--tokens", "D", .number(.positive), "training tokens, for C = 6 · N · D"),
            .value("--flops-per-token", "K", .number(.positive), "FLOPs per training token, instead of 6 · N"),
        ] + BudgetOptions.throughput + BudgetOptions.power + BudgetOptions.prices + BudgetOptions.comparisons + [
            .value("--gpu-price", "USD[..USD]", .text, "price of one accelerator, or a range 17500..70000"),
            .value(
                "--dollars", "D", .number(.positive),
                "reverse: the GPU-hours D USD rent at --gpu-hour-price, or the kWh they buy at --price"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  C = 6 · N · D FLOPs (2 per parameter per token forward, 4 backward; N the active parameters of a",
            "  mixture of experts); GPU-hours = C / (F · U · 3600 s/h), U the fraction of the peak F achieved;",
            "  wall-clock hours = GPU-hours / GPUs, every accelerator busy; a day is 24 h.",
            "  rental cost = GPU-hours · USD/GPU-h: renting accelerator time, not electricity.",
            "  E = GPU-hours · P · PUE in kWh (P in kW; with --server-watts, P = server W / GPUs per server);",
            "  electricity cost = E · USD/kWh; emissions = E · carbon (kg, then t CO₂e); PUE is 1 unless given.",
            "  --dollars D with --gpu-hour-price R: GPU-hours = D / R; with --price only: E = D / price, which",
            "  assumes all D USD buy electricity (a rental budget is not an electricity bill).",
            "  --compare household: household-years = E / (12 · K), K = 899 kWh/month (US EIA, 2022);",
            "  flight: emissions / 156 kg CO₂e (1,000 km short-haul economy at 0.156 kg/passenger-km, UK DESNZ 2024);",
            "  car: emissions / 0.249 kg CO₂e per km (about 400 g CO₂ per mile, US EPA). Each factor has its option.",
            "  Only the inputs the question needs are required: a time-only question needs no --watts.",
            "  JSON keys (those the inputs determine): flops, gpu_hours, wall_clock_hours, wall_clock_days,",
            "  rental_usd, kwh, usd (electricity), tco2e, household_years, flights, car_km, acquisition_usd.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 a result overflows.",
        ],
        examples: [
            "nnhw train-cost --gpu-hours 2788000 --gpus 2048 --gpu-hour-price 2 --watts 700",
            "nnhw train-cost --params 175e9 --tokens 300e9 --gpu-flops 312e12 --utilization 0.5",
            "nnhw train-cost --gpu-hours 12000 --gpus 64",
            "nnhw train-cost --gpu-hours 2788000 --watts 700 --price 0.085 --carbon 0.4 --compare household,flight,car",
            "nnhw train-cost --dollars 5580000 --price 0.085 --household-kwh-per-month 899",
            "nnhw train-cost --gpus 2048 --gpu-price 17500..70000",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values, groupsThousands: true)
            let problem = try TrainingCostProblem(values)
            return try AnswerChecking.output(TrainingCostSolver().solve(problem), renderer: renderer, values)
        })
}
