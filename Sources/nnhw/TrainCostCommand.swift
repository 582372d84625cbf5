import NNHomework

/// `nnhw train-cost`: the energy, money and emissions of a training run, and the price of its hardware.
enum TrainCostCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "train-cost",
        summary: "the energy, cost and emissions of a training run, with units at every step",
        usage:
            "nnhw train-cost (--gpu-hours G | --gpus N --hours H) --watts W [--pue P] [--price USD/kWh] [--carbon KG/kWh] [--household-kwh-per-month K] [--gpu-price USD[..USD]] | --dollars D --price USD/kWh [...] [--format \(OutputFormat.choices)] [--precision N]",
        options: [
            OptionSpec(
                name: "--gpus", valueName: "N", help: "accelerators (with --hours, or --gpu-price for their price)"),
            OptionSpec(name: "--hours", valueName: "H", help: "hours each accelerator runs"),
            OptionSpec(
                name: "--gpu-hours", valueName: "G", help: "accelerator-hours in total, instead of --gpus × --hours"),
            OptionSpec(name: "--watts", valueName: "W", help: "power of one accelerator in W"),
            OptionSpec(
                name: "--pue", valueName: "P", help: "power usage effectiveness of the data centre, ≥ 1 (default 1)"),
            OptionSpec(name: "--price", valueName: "USD/kWh", help: "electricity price in USD per kWh"),
            OptionSpec(name: "--carbon", valueName: "KG/kWh", help: "carbon intensity in kg CO₂e per kWh"),
            OptionSpec(
                name: "--household-kwh-per-month", valueName: "K", help: "a household's kWh per month, for comparison"),
            OptionSpec(
                name: "--gpu-price", valueName: "USD[..USD]", help: "price of one accelerator, or a range 17500..70000"),
            OptionSpec(name: "--dollars", valueName: "D", help: "reverse: the kWh that D USD buy at --price"),
        ] + OutputOptions.options,
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
        run: { arguments throws(InputError) in
            let renderer = try OutputOptions.renderer(arguments, groupsThousands: true)
            let problem = try TrainingCostProblem(arguments.optionValues)
            return CommandResult(output: renderer.render(try TrainingCostSolver().solve(problem)))
        })
}
