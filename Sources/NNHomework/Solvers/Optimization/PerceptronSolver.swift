import NNCore

/// Solves `nnhw perceptron`: every visit of a point in order, its margin
/// yᵢ(θ·xᵢ + θ₀), and on a mistake the update θ ← θ + yᵢxᵢ (θ₀ ← θ₀ + yᵢ);
/// or θ from the number of mistakes on each point.
public struct PerceptronSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked run (or mistake-count sum) of `problem`.
    ///
    /// - Throws: an ``InputError`` when a value overflows.
    public func solve(_ problem: PerceptronProblem) throws(InputError) -> Solution {
        let hasOffset = problem.perceptron.hasOffset
        let theta = MathExpression.symbol(Symbol("θ"))
        let offset = MathExpression.symbol(Symbol("θ", index: "0"))
        func x(_ i: String) -> MathExpression { .symbol(Symbol("x", index: i)) }
        func y(_ i: String) -> MathExpression { .symbol(Symbol("y", index: i)) }
        func score(_ t: MathExpression, _ point: MathExpression, _ b: MathExpression?) -> MathExpression {
            let dot = MathExpression.infix(.times, [t, point])
            return b.map { .infix(.plus, [dot, $0]) } ?? dot
        }
        let i = "i"
        let rule: [Prose] = [
            "A mistake is \(MathExpression.infix(.lessThanOrEqual, [.product([y(i), .parenthesized(score(theta, x(i), hasOffset ? offset : nil))]), .number(0)])); "
                + "on a mistake \(theta) \(MathExpression.text("←")) \(MathExpression.infix(.plus, [theta, .product([y(i), x(i)])]))"
                + (hasOffset
                    ? " and \(offset) \(MathExpression.text("←")) \(MathExpression.infix(.plus, [offset, y(i)]))."
                    : "."),
            "The points are visited in the order given; a margin of exactly \(0) counts as a mistake.",
        ]
        var solution = Solution(
            title: "Perceptron \(Prose.titleSeparator) \(counted(problem.points.count, "point"))"
                + (hasOffset ? " \(Prose.titleSeparator) with offset" : ""),
            preamble: problem.mistakes == nil ? rule : [])
        solution.beginSection("Given")
        let rows: [[[MathExpression]]] = problem.points.indices.map { index in
            [[.count(index + 1)], [Self.show(problem.points[index])], [.number(problem.labels[index])]]
        }
        solution.addTable(
            Table(
                columns: [
                    Table.Column("\(Symbol("i"))", alignment: .right), Table.Column("\(x(i))"), Table.Column("\(y(i))"),
                ],
                rows: rows))
        if let mistakes = problem.mistakes {
            return try fromMistakes(problem, mistakes: mistakes, solution: solution)
        }
        let run = problem.perceptron.train(
            problem.points, labels: problem.labels, theta: problem.theta, offset: problem.offset, epochs: problem.epochs
        )
        var updates: [JSONValue] = []
        var epoch = 0
        for visit in run.visits {
            if visit.epoch != epoch {
                epoch = visit.epoch
                solution.beginSection("Epoch \(epoch)")
            }
            let index = "\(visit.point + 1)"
            let point = problem.points[visit.point]
            let label = problem.labels[visit.point]
            solution.addStep(
                .product([y(index), .parenthesized(score(theta, x(index), hasOffset ? offset : nil))]),
                [
                    .product([
                        .number(label),
                        .parenthesized(
                            score(Self.show(visit.theta), Self.show(point), hasOffset ? .number(visit.offset) : nil)),
                    ]),
                    .number(visit.margin),
                ], note: visit.isMistake ? "mistake" : "correct")
            guard visit.isMistake else { continue }
            let newTheta = zip(visit.theta, point).map { $0 + label * $1 }
            let path = "updates[\(updates.count)]"
            solution.addStep(
                theta,
                [
                    .infix(.plus, [theta, .product([y(index), x(index)])]),
                    .infix(.plus, [Self.show(visit.theta), .product([.number(label), Self.show(point)])]),
                    Self.show(newTheta),
                ], producing: ["\(path).theta"])
            var members = [
                JSONMember("epoch", .number(Double(visit.epoch))),
                JSONMember("point", .number(Double(visit.point + 1))),
                JSONMember("theta", .array(newTheta.map(JSONValue.number))),
            ]
            if hasOffset {
                solution.addStep(
                    offset,
                    [
                        .infix(.plus, [offset, y(index)]), .infix(.plus, [.number(visit.offset), .number(label)]),
                        .number(visit.offset + label),
                    ], producing: ["\(path).theta0"])
                members.append(JSONMember("theta0", .number(visit.offset + label)))
            }
            updates.append(.object(members))
        }
        solution.beginSection("Result")
        if problem.epochs == nil {
            solution.addRemark(
                run.converged
                    ? "Epoch \(run.epochs) makes no mistake: the data are separated and the algorithm stops."
                    : "No pass in \(run.epochs) epochs is free of mistakes; the data may not be linearly separable.")
        }
        solution.addStep(theta, [Self.show(run.theta)], producing: ["theta"])
        if hasOffset { solution.addStep(offset, [.number(run.offset)], producing: ["theta0"]) }
        solution.addRemark(
            "Mistakes per point: " + Prose.joined(run.mistakes.map { "\($0)" }, separator: ", ") + ".")
        var members = [JSONMember("theta", .array(run.theta.map(JSONValue.number)))]
        if hasOffset { members.append(JSONMember("theta0", .number(run.offset))) }
        members += [
            JSONMember("mistakes", .array(run.mistakes.map { .number(Double($0)) })),
            JSONMember("updates", .array(updates)), JSONMember("epochs", .number(Double(run.epochs))),
            JSONMember("converged", .bool(run.converged)),
        ]
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--data")
        return solution
    }

    /// θ = Σᵢ mᵢ yᵢ xᵢ and θ₀ = Σᵢ mᵢ yᵢ from the mistake counts.
    private func fromMistakes(_ problem: PerceptronProblem, mistakes: [Int], solution: Solution) throws(InputError)
        -> Solution
    {
        var solution = solution
        let hasOffset = problem.perceptron.hasOffset
        let (theta, offset) = problem.perceptron.parameters(mistakes: mistakes, problem.points, labels: problem.labels)
        solution.beginSection("From the mistakes")
        solution.addRemark(
            "Each mistake on point \(Symbol("i")) adds \(MathExpression.product([.symbol(Symbol("y", index: "i")), .symbol(Symbol("x", index: "i"))])) to \(Symbol("θ")), from \(Symbol("θ")) = \(0); so \(Symbol("θ")) = \(MathExpression.summation(index: "i", .product([.symbol(Symbol("m", index: "i")), .symbol(Symbol("y", index: "i")), .symbol(Symbol("x", index: "i"))])))"
                + (hasOffset
                    ? " and \(Symbol("θ", index: "0")) = \(MathExpression.summation(index: "i", .product([.symbol(Symbol("m", index: "i")), .symbol(Symbol("y", index: "i"))])))."
                    : "."))
        let terms = problem.points.indices.map { index in
            MathExpression.product([
                .count(mistakes[index]), .number(problem.labels[index]), Self.show(problem.points[index]),
            ])
        }
        solution.addStep(
            .symbol(Symbol("θ")), [terms.count == 1 ? terms[0] : .infix(.plus, terms), Self.show(theta)],
            producing: ["theta"])
        var members = [JSONMember("theta", .array(theta.map(JSONValue.number)))]
        if hasOffset {
            let sums = problem.points.indices.map { index in
                MathExpression.product([.count(mistakes[index]), .number(problem.labels[index])])
            }
            solution.addStep(
                .symbol(Symbol("θ", index: "0")), [sums.count == 1 ? sums[0] : .infix(.plus, sums), .number(offset)],
                producing: ["theta0"])
            members.append(JSONMember("theta0", .number(offset)))
        }
        members.append(JSONMember("mistakes", .array(mistakes.map { .number(Double($0)) })))
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--data")
        return solution
    }

    /// A point or θ: one number as itself, several as (…)ᵀ.
    static func show(_ values: [Double]) -> MathExpression {
        values.count == 1 ? .number(values[0]) : .inlineVector(values)
    }
}
