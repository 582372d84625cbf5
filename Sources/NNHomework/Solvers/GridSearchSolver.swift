import NNCore

/// Solves a grid-search budget: the values of each hyperparameter, the
/// product of their counts (the sum over grids for a union), and with a
/// schedule the total epochs and time in the given unit and the larger ones.
public struct GridSearchSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked solution; its result has `factors` (or `grid_sets` for a union),
    /// `combinations`, and with a schedule `total_epochs` and `total_minutes`.
    ///
    /// - Throws: an invalid-data error when a count overflows.
    public func solve(_ problem: GridSearchProblem) throws(InputError) -> Solution {
        let perGrid: [Int]
        let combinations: Int
        do {
            perGrid = try problem.search.combinationsPerGrid()
            combinations = try problem.search.combinations()
        } catch {
            throw InputError(at: problem.isUnion ? "--grid-set" : "--grid", .tooManyCombinations)
        }
        var solution = Solution(
            title:
                "Grid search \(Prose.titleSeparator) \(combinations) \(combinations == 1 ? "combination" : "combinations") \(Prose.titleSeparator) every combination of the listed values"
        )
        if problem.isUnion {
            solution.preamble = [
                "The grids are a union, as scikit-learn's \(code: "ParameterGrid") treats a list of grids: "
                    + "each grid is the product of its value counts; the search runs every grid, so the counts add up."
            ]
        }
        var members: [JSONMember] = []
        var setResults: [JSONValue] = []
        for (position, grid) in problem.grids.enumerated() {
            let label: MathExpression =
                problem.isUnion ? .symbol(Symbol("C", index: "\(position + 1)")) : .text("combinations")
            let gridPath = problem.isUnion ? "grid_sets[\(position)]." : ""
            solution.beginSection(problem.isUnion ? "Grid \(position + 1)" : "Grid")
            for (index, parameter) in grid.enumerated() {
                writeValues(parameter, into: &solution, producing: "\(gridPath)factors[\(index)].count")
            }
            let names = grid.map { Self.size(of: $0) }
            let counts = grid.map { MathExpression.count($0.count) }
            var rhs: [MathExpression] =
                grid.count > 1 ? [.infix(.times, names), .infix(.times, counts)] : [names[0]]
            rhs.append(.count(perGrid[position]))
            solution.addStep(label, rhs, producing: ["\(gridPath)combinations"])
            let factors = JSONValue.array(
                grid.map {
                    .object([JSONMember("name", .string($0.name)), JSONMember("count", .number(Double($0.count)))])
                })
            setResults.append(
                .object([
                    JSONMember("factors", factors), JSONMember("combinations", .number(Double(perGrid[position]))),
                ]))
            if !problem.isUnion { members.append(JSONMember("factors", factors)) }
        }
        if problem.isUnion {
            solution.beginSection("Union")
            let labels = problem.grids.indices.map { MathExpression.symbol(Symbol("C", index: "\($0 + 1)")) }
            solution.addStep(
                .text("combinations"),
                [
                    .infix(.plus, labels), .infix(.plus, perGrid.map(MathExpression.count)), .count(combinations),
                ], producing: ["combinations"])
            members.append(JSONMember("grid_sets", .array(setResults)))
        }
        members.append(JSONMember("combinations", .number(Double(combinations))))
        if let schedule = problem.schedule {
            members += try SearchSchedule.write(
                runs: combinations, unit: "runs", schedule: schedule, into: &solution)
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--epoch-time")
        return solution
    }

    /// `|lr| = |{0.1, 0.01, 0.001}| = 3`, or for a range `|depth| = |{2, 3, …, 8}| = (8 − 2) / 1 + 1 = 7`;
    /// nothing for a count, which the product names. The step is tagged with `resultPath`.
    private func writeValues(_ parameter: GridParameter, into solution: inout Solution, producing resultPath: String) {
        let size = MathExpression.count(parameter.count)
        switch parameter.values {
        case .count:
            break
        case .list(let entries):
            let values = entries.map { entry in Double(entry).map(MathExpression.given) ?? .text(entry) }
            solution.addStep(
                Self.size(of: parameter), [.absoluteValue(.set(values)), size], producing: [resultPath])
        case .range(let lower, let upper, let step):
            let last = lower + (parameter.count - 1) * step
            let shown: [MathExpression] =
                parameter.count <= 4
                ? (0..<parameter.count).map { .count(lower + $0 * step) }
                : [.count(lower), .count(lower + step), .text("…"), .count(last)]
            let span = MathExpression.infix(.minus, [.count(upper), .count(lower)])
            let quotient = MathExpression.infix(.divide, [span, .count(step)])
            let steps: MathExpression = (upper - lower) % step == 0 ? quotient : .floor(quotient)
            solution.addStep(
                Self.size(of: parameter),
                [.absoluteValue(.set(shown)), .infix(.plus, [steps, .count(1)]), size],
                note: last == upper ? nil : "the last value is \(last)", producing: [resultPath])
        }
    }

    /// |name|, the number of values of a hyperparameter.
    private static func size(of parameter: GridParameter) -> MathExpression {
        .absoluteValue(.text(parameter.name))
    }
}
