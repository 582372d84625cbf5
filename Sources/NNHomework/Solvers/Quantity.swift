import NNCore

/// Numbers with units in a formula: `2 min`, `0.085 USD/kWh`, `3,000 epochs`.
enum Quantity {
    /// A computed amount with its unit, rounded as the renderer rounds: 0.7 kW.
    static func of(_ value: Double, _ unit: String) -> MathExpression {
        .quantity(.number(value), unit: unit)
    }

    /// An amount the user gave, written as given: 700 W, 0.085 USD/kWh.
    static func given(_ value: Double, _ unit: String) -> MathExpression {
        .quantity(.given(value), unit: unit)
    }

    /// A whole number of things: 59 trials, 3,000 epochs.
    static func count(_ value: Int, _ unit: String) -> MathExpression {
        .quantity(.count(value), unit: unit)
    }

    /// `value unit` for a computed time.
    static func of(_ time: TimeQuantity) -> MathExpression {
        of(time.value, time.unit.symbol)
    }

    /// The steps converting `time` upward, one per larger unit in which it is at
    /// least 1: `6000 min = (6000 / 60) h = 100 h`, `100 h = (100 / 24) d = 4.1667 d`;
    /// the step into a unit is tagged with `resultPaths[unit]` (see ``Step/resultPaths``).
    static func conversionSteps(
        _ time: TimeQuantity, into solution: inout Solution, producing resultPaths: [TimeUnit: [String]] = [:]
    ) {
        let chain = time.conversionsUpward
        for (from, to) in zip(chain, chain.dropFirst()) {
            let factor = from.value / to.value
            solution.addStep(
                of(from),
                [
                    .quantity(
                        .parenthesized(.infix(.divide, [.number(from.value), .number(factor)])), unit: to.unit.symbol),
                    of(to),
                ],
                producing: resultPaths[to.unit] ?? [])
        }
    }
}
