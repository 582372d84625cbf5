import NNCore

/// The step finding P, one accelerator's power in kW: `P = 700 W = (700 /
/// 1,000) kW = 0.7 kW`, or from a server, `P = S / m = 10,200 W / 8 = 1,275 W
/// = (1,275 / 1,000) kW = 1.275 kW`.
enum PowerStep {
    /// Adds the step for `power` to `solution` and returns P in kW.
    ///
    /// - Throws: an invalid-data error when the power overflows or underflows.
    static func add(_ power: AcceleratorPower, to solution: inout Solution) throws(InputError) -> Double {
        let symbol = MathExpression.symbol(Symbol("P"))
        switch power {
        case .accelerator(let watts):
            let kilowatts = try finite(TrainingEnergy.kilowatts(watts: watts), "power", at: "--watts")
            solution.addStep(
                symbol,
                [
                    Quantity.given(watts, "W"),
                    .quantity(.parenthesized(.infix(.divide, [.given(watts), .count(1000)])), unit: "kW"),
                    Quantity.of(kilowatts, "kW"),
                ], note: "per accelerator")
            return kilowatts
        case .server(let serverWatts, let gpus):
            let watts = try finite(
                ComputeBudget.wattsPerGPU(serverWatts: serverWatts, gpusPerServer: gpus), "power",
                at: "--server-watts")
            let kilowatts = try finite(TrainingEnergy.kilowatts(watts: watts), "power", at: "--server-watts")
            solution.addStep(
                symbol,
                [
                    .infix(.divide, [.text("server power"), .text("accelerators per server")]),
                    .infix(.divide, [Quantity.given(serverWatts, "W"), Quantity.given(gpus, "GPUs")]),
                    Quantity.of(watts, "W"),
                    .quantity(.parenthesized(.infix(.divide, [.number(watts), .count(1000)])), unit: "kW"),
                    Quantity.of(kilowatts, "kW"),
                ], note: "per accelerator: its share of the server, with the server's CPUs, memory and fans")
            return kilowatts
        }
    }
}
