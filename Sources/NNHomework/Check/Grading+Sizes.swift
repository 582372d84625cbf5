import NNCore

extension Grading {
    /// The grading of an output-size problem: the slip of rounding slack / S
    /// the other way, ⌈slack / S⌉ + 1 for ⌊slack / S⌋ + 1 (or the reverse in ceil mode).
    public init(convolutionSize problem: ConvolutionSizeProblem, solution: Solution) {
        guard case .object(let members) = solution.result, case .array(var output)? = solution.result["output"],
            output.count == 3
        else {
            self.init()
            return
        }
        let ceilMode = problem.height.ceilMode
        let first = problem.isChannelsFirst ? 1 : 0
        for (offset, dimension) in [problem.height, problem.width].enumerated() where dimension.stride > 0 {
            let rounded =
                ceilMode
                ? dimension.slack / dimension.stride : (dimension.slack + dimension.stride - 1) / dimension.stride
            output[first + offset] = .number(Double(rounded + 1))
        }
        let size = MathExpression.symbol(Symbol("n", index: "out"))
        let slack = MathExpression.fraction(
            .infix(
                .minus,
                [
                    .infix(.plus, [.symbol(Symbol("n")), .product([.count(2), .symbol(Symbol("p"))])]),
                    .symbol(Symbol("k")),
                ]
            ), .symbol(Symbol("S")))
        let slipped = JSONValue.object(members.map { $0.key == "output" ? JSONMember("output", .array(output)) : $0 })
        let slip =
            ceilMode
            ? Slip(
                "floor_for_ceiling", did: "rounded down where ceil mode rounds up",
                right: "\(MathExpression.equation(size, .infix(.plus, [.ceiling(slack), .count(1)]))) in ceil mode",
                rule: .result(slipped), keys: ["output"])
            : Slip(
                "ceiling_for_floor", did: "rounded up where a window that does not fit is dropped",
                right: "\(MathExpression.equation(size, .infix(.plus, [.floor(slack), .count(1)])))",
                rule: .result(slipped), keys: ["output"])
        self.init(slips: [slip])
    }

    /// The grading of a random-search problem: the slip of rounding the bound
    /// down, ⌊bound⌋ trials where the smallest whole number at least the bound is asked.
    public init(randomSearch solution: Solution) {
        guard let bound = solution.result["bound"]?.numberValue, case .object(let members) = solution.result else {
            self.init()
            return
        }
        let floored = JSONValue.object(
            members.map { $0.key == "trials" ? JSONMember("trials", .number(bound.rounded(.down))) : $0 })
        self.init(slips: [
            Slip(
                "floor_for_ceiling", did: "rounded the bound down, which falls short of the confidence",
                right: "take the ceiling: the smallest whole number of trials at least the bound",
                rule: .result(floored), keys: ["trials"])
        ])
    }
}
