import NNCore

/// Numbers with units in a formula: `2 min`, `0.085 USD/kWh`, `3000 epochs`.
enum Quantity {
    /// `value unit`, the unit set upright after the number.
    static func of(_ value: Double, _ unit: String) -> MathExpression {
        .product([.number(value), .text(unit)])
    }

    /// `value unit` for a time.
    static func of(_ time: TimeQuantity) -> MathExpression {
        of(time.value, time.unit.symbol)
    }

    /// The steps converting `time` upward, one per larger unit in which it is at
    /// least 1: `6000 min = (6000 / 60) h = 100 h`, `100 h = (100 / 24) d = 4.1667 d`.
    static func conversionSteps(_ time: TimeQuantity, into solution: inout Solution) {
        let chain = time.conversionsUpward
        for (from, to) in zip(chain, chain.dropFirst()) {
            let factor = from.value / to.value
            solution.addStep(
                of(from),
                [.product([.infix(.divide, [.number(from.value), .number(factor)]), .text(to.unit.symbol)]), of(to)])
        }
    }
}
