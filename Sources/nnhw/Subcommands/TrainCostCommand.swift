import NNHomework

/// `nnhw train-cost`: the energy, money and emissions of a training run, and the price of its hardware.
enum TrainCostCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "train-cost",
        summary: "the energy, cost and emissions of a training run, with units at every step",
        options: [
            .value("--gpus", "N", .whole(1...Int.max), "accelerators (with --hours, or --gpu-price for their price)"),
            .value("--hours", "H", .number(.positive), "hours each accelerator runs"),
            .value("--gpu-hours", "G", .number(.positive), "accelerator-hours in total, instead of --gpus × --hours"),
            .value("--watts", "W", .number(.positive), "power of one accelerator in W"),
            .value(
                "--pue", "P", .number(.positive), "power usage effectiveness of the data centre, ≥ 1 (default 1)"),
            .value("--price", "USD/kWh", .number(.positive), "electricity price in USD per kWh"),
            .value("--carbon", "KG/kWh", .number(.positive), "carbon intensity in kg CO₂e per kWh"),
            .value(
                "--household-kwh-per-month", "K", .number(.positive), "a household's kWh per month, for comparison"),
            .value("--gpu-price", "USD[..USD]", .text, "price of one accelerator, or a range 17500..70000"),
            .value("--dollars", "D", .number(.positive), "reverse: the kWh that D USD buy at --price"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  E = GPU-hours · P · PUE in kWh (P in kW); cost = E · price; emissions = E · carbon (kg, then t CO₂e);",
            "  household-years = E / (12 · K); acquisition = GPUs · price per GPU. PUE is 1 unless given.",
            "  JSON keys: gpu_hours, kwh, usd, tco2e, household_years, acquisition_usd (those the inputs determine).",
            "",
            "Exit status: 0 solved; 64 usage error; 65 a result overflows.",
        ],
        examples: [
            "nnhw train-cost --gpu-hours 2788000 --watts 700 --price 0.085 --carbon 0.4",
            "nnhw train-cost --dollars 5580000 --price 0.085 --household-kwh-per-month 899",
            "nnhw train-cost --gpus 2048 --gpu-price 17500..70000",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values, groupsThousands: true)
            let problem = try TrainingCostProblem(values)
            return try AnswerChecking.output(TrainingCostSolver().solve(problem), renderer: renderer, values)
        })
}
