import NNHomework

/// The options `train-cost` and `inference-cost` share: accelerator
/// throughput, power, prices, carbon intensity and the comparisons.
enum BudgetOptions {
    /// `--gpu-flops F --utilization U`.
    static let throughput: [Option] = [
        .value(
            "--gpu-flops", "F", .number(.positive), "peak FLOP/s of one accelerator, e.g. 312e12 for an A100 (BF16)"),
        .value(
            "--utilization", "U", .number(.positive), "fraction of the peak FLOP/s achieved, 0 < U ≤ 1 (0.4 = 40 %)"),
    ]

    /// `--watts`, or `--server-watts` with `--gpus-per-server`, and `--pue`.
    static let power: [Option] = [
        .value("--watts", "W", .number(.positive), "power of one accelerator in W"),
        .value("--server-watts", "W", .number(.positive), "power of one server in W, instead of --watts"),
        .value("--gpus-per-server", "M", .whole(1...Int.max), "accelerators in one server (with --server-watts)"),
        .value("--pue", "P", .number(.positive), "power usage effectiveness of the data centre, ≥ 1 (default 1)"),
    ]

    /// The two prices, kept apart: electricity per kWh, rental per GPU-hour.
    static let prices: [Option] = [
        .value("--price", "USD/kWh", .number(.positive), "electricity price in USD per kWh"),
        .value(
            "--gpu-hour-price", "USD/GPU-h", .number(.positive),
            "rental price of one accelerator for one hour (not an electricity price)"),
        .value("--carbon", "KG/kWh", .number(.positive), "carbon intensity in kg CO₂e per kWh"),
    ]

    /// `--compare` and the factors of its comparisons.
    static let comparisons: [Option] = [
        .value(
            "--compare", "LIST", .text,
            "compare with household, flight, car (comma-separated; each states its factor and source)"),
        .value(
            "--household-kwh-per-month", "K", .number(.positive),
            "a household's kWh per month (default 899, US EIA 2022)"),
        .value(
            "--flight-kg-co2e", "KG", .number(.positive),
            "kg CO₂e of one passenger flight (default 156: 1,000 km short-haul, UK DESNZ 2024)"),
        .value(
            "--car-kg-co2e-per-km", "KG", .number(.positive),
            "a car's kg CO₂e per km (default 0.249: 400 g per mile, US EPA)"),
    ]
}
