import NNCore

/// Solves `nnhw batchnorm` and `nnhw layernorm`: for every group of values
/// normalized together (a feature over the batch, or a sample over its
/// features) μ, σ², each x̂ and y with the numbers put in; with g = ∂L/∂Y,
/// ∂L/∂β, ∂L/∂γ and every ∂L/∂x by the compact formula, term by term.
///
/// Samples and features are numbered from 1: x₂,₁ is sample 2, feature 1.
public struct NormalizationSolver: Sendable {
    /// A solver.
    public init() {}

    /// The most entries of X a worked solution shows.
    public static let maximumEntries = 2_000

    /// The worked normalization of `problem`.
    ///
    /// - Throws: an ``InputError`` when X is too large to work out or a value overflows.
    public func solve(_ problem: NormalizationProblem) throws(InputError) -> Solution {
        let x = problem.input
        guard x.rows * x.columns <= Self.maximumEntries else {
            throw InputError(at: "--x", .tooManyTerms(limit: Self.maximumEntries))
        }
        let norm = problem.normalization
        let isBatch = norm.axis == .batch
        let pass: NormalizationPass
        let isEvaluation: Bool
        switch problem.mode {
        case .evaluation(let running):
            pass = norm.forward(x, mean: running.mean, variance: running.variance)
            isEvaluation = true
        case .training:
            pass = norm.forward(x)
            isEvaluation = false
        }
        var solution = Solution(
            title: title(problem, isEvaluation: isEvaluation), preamble: preamble(norm, isEvaluation))
        solution.beginSection("Given")
        solution.addStep(.symbol(Symbol("X")), [.matrix(x)])
        solution.addStep(.symbol(Symbol("γ")), [.inlineVector(norm.gamma)])
        solution.addStep(.symbol(Symbol("β")), [.inlineVector(norm.beta)])
        let groups = isBatch ? x.columns : x.rows
        for group in 0..<groups {
            solution.beginSection(isBatch ? "Feature \(group + 1)" : "Sample \(group + 1)")
            writeStatistics(pass, group: group, isEvaluation: isEvaluation, into: &solution)
            writeEntries(pass, group: group, into: &solution)
        }
        solution.beginSection("Output")
        solution.addStep(.symbol(Symbol("X", accent: .hat)), [.matrix(pass.normalized)], producing: ["x_hat"])
        solution.addStep(.symbol(Symbol("Y")), [.matrix(pass.output)], producing: ["y"])
        var members = [
            JSONMember("mean", .array(pass.mean.map(JSONValue.number))),
            JSONMember("variance", .array(pass.variance.map(JSONValue.number))),
            JSONMember("x_hat", json(pass.normalized)), JSONMember("y", json(pass.output)),
        ]
        if case .training(let running?, let momentum) = problem.mode {
            let updated = pass.runningStatistics(mean: running.mean, variance: running.variance, momentum: momentum)
            writeRunning(pass, running, momentum: momentum, updated: updated, into: &solution)
            members += [
                JSONMember("running_mean", .array(updated.mean.map(JSONValue.number))),
                JSONMember("running_var", .array(updated.variance.map(JSONValue.number))),
            ]
        }
        if let g = problem.outputGradient {
            let gradient = pass.backward(g)
            writeBackward(pass, g, gradient, isEvaluation: isEvaluation, into: &solution)
            members += [
                JSONMember("grad_gamma", .array(gradient.gamma.map(JSONValue.number))),
                JSONMember("grad_beta", .array(gradient.beta.map(JSONValue.number))),
                JSONMember("grad_x", json(gradient.input)),
            ]
        }
        solution.result = .object(members)
        try solution.requireFinite(blaming: "--x")
        return solution
    }

    private func title(_ problem: NormalizationProblem, isEvaluation: Bool) -> Prose {
        let x = problem.input
        let name: Prose = problem.normalization.axis == .batch ? "Batch normalization" : "Layer normalization"
        let mode: Prose =
            problem.normalization.axis == .batch
            ? " \(Prose.titleSeparator) \(isEvaluation ? "evaluation mode" : "training mode")" : ""
        return name + " \(Prose.titleSeparator) \(counted(x.rows, "sample")) \(Prose.titleSeparator) "
            + "\(counted(x.columns, "feature"))" + mode
    }

    private func preamble(_ norm: Normalization, _ isEvaluation: Bool) -> [Prose] {
        let x = MathExpression.symbol(Symbol("x"))
        let mu = MathExpression.symbol(Symbol("μ"))
        let variance = MathExpression.power(.symbol(Symbol("σ")), .number(2))
        let eps = MathExpression.symbol(Symbol("ε"))
        let xHat = MathExpression.equation(
            .symbol(Symbol("x", accent: .hat)),
            .infix(
                .divide,
                [
                    .parenthesized(.infix(.minus, [x, mu])),
                    .apply(FunctionName("√"), [.infix(.plus, [variance, eps])]),
                ]))
        let y = MathExpression.equation(
            .symbol(Symbol("y")),
            .infix(
                .plus, [.product([.symbol(Symbol("γ")), .symbol(Symbol("x", accent: .hat))]), .symbol(Symbol("β"))]))
        let over: Prose =
            norm.axis == .batch
            ? (isEvaluation
                ? "Evaluation mode: each feature is normalized with the running mean and variance given, not with the batch's."
                : "Rows are samples, columns features. Each feature is normalized over the batch with its own mean and "
                    + "its biased variance (divided by \(Symbol("N")), as PyTorch normalizes).")
            : "Rows are samples, columns features. Each sample is normalized over its own features, with their mean "
                + "and biased variance (divided by \(Symbol("D"))); \(Symbol("γ")) and \(Symbol("β")) are per feature."
        return [over + " \(xHat), \(y), with \(.equation(eps, .given(norm.epsilon)))."]
    }

    /// μ and σ² of one group, with every value put in (or the running statistics stated).
    private func writeStatistics(
        _ pass: NormalizationPass, group: Int, isEvaluation: Bool, into solution: inout Solution
    ) {
        let isBatch = pass.normalization.axis == .batch
        let index = "\(group + 1)"
        let mu = MathExpression.symbol(Symbol("μ", index: index))
        let variance = MathExpression.power(.symbol(Symbol("σ", index: index)), .number(2))
        if isEvaluation {
            solution.addStep(mu, [.number(pass.mean[group])], note: "running mean, given")
            solution.addStep(variance, [.number(pass.variance[group])], note: "running variance, given")
            return
        }
        let values = pass.normalization.values(of: pass.input, group: group)
        let count = MathExpression.symbol(Symbol(isBatch ? "N" : "D"))
        let sum =
            values.count == 1 ? MathExpression.number(values[0]) : .infix(.plus, values.map(MathExpression.number))
        solution.addStep(
            mu,
            [
                .product([.fraction(.number(1), count), .summation(index: isBatch ? "n" : "j", .symbol(Symbol("x")))]),
                .infix(.divide, [.parenthesized(sum), .number(Double(values.count))]),
                .number(pass.mean[group]),
            ], producing: ["mean[\(group)]"])
        let squares = values.map { value in
            MathExpression.power(
                .parenthesized(.infix(.minus, [.number(value), .number(pass.mean[group])])), .number(2))
        }
        solution.addStep(
            variance,
            [
                .product([
                    .fraction(.number(1), count),
                    .summation(
                        index: isBatch ? "n" : "j",
                        .power(
                            .parenthesized(.infix(.minus, [.symbol(Symbol("x")), .symbol(Symbol("μ"))])), .number(2))),
                ]),
                .infix(
                    .divide,
                    [
                        .parenthesized(squares.count == 1 ? squares[0] : .infix(.plus, squares)),
                        .number(Double(values.count)),
                    ]),
                .number(pass.variance[group]),
            ], producing: ["variance[\(group)]"])
    }

    /// x̂ and y of every entry of one group.
    private func writeEntries(_ pass: NormalizationPass, group: Int, into solution: inout Solution) {
        let norm = pass.normalization
        let root = MathExpression.apply(
            FunctionName("√"), [.infix(.plus, [.number(pass.variance[group]), .given(norm.epsilon)])])
        for (i, j) in positions(pass, group: group) {
            let index = "\(i + 1),\(j + 1)"
            solution.addStep(
                .symbol(Symbol("x", index: index, accent: .hat)),
                [
                    .fraction(.infix(.minus, [.number(pass.input[i, j]), .number(pass.mean[group])]), root),
                    .number(pass.normalized[i, j]),
                ], producing: ["x_hat[\(i)][\(j)]"])
            solution.addStep(
                .symbol(Symbol("y", index: index)),
                [
                    .infix(
                        .plus,
                        [
                            .infix(.times, [.number(norm.gamma[j]), .number(pass.normalized[i, j])]),
                            .number(norm.beta[j]),
                        ]),
                    .number(pass.output[i, j]),
                ], producing: ["y[\(i)][\(j)]"])
        }
    }

    private func writeRunning(
        _ pass: NormalizationPass, _ running: NormalizationProblem.RunningStatistics, momentum: Double,
        updated: (mean: [Double], variance: [Double]), into solution: inout Solution
    ) {
        let n = Double(pass.input.rows)
        solution.beginSection("Running statistics")
        solution.addRemark(
            "PyTorch's update with momentum \(.equation(.symbol(Symbol("m")), .given(momentum))): "
                + "the running variance takes the unbiased variance of the batch, "
                + "\(.product([.symbol(Symbol("σ")), .fraction(.symbol(Symbol("N")), .infix(.minus, [.symbol(Symbol("N")), .number(1)]))])) "
                + "with the square.")
        for j in 0..<pass.mean.count {
            let index = "\(j + 1)"
            solution.addStep(
                .symbol(Symbol("μ", index: "run,\(index)")),
                [
                    .infix(
                        .plus,
                        [
                            .infix(.times, [.number(1 - momentum), .number(running.mean[j])]),
                            .infix(.times, [.given(momentum), .number(pass.mean[j])]),
                        ]),
                    .number(updated.mean[j]),
                ], producing: ["running_mean[\(j)]"])
            solution.addStep(
                .power(.symbol(Symbol("σ", index: "run,\(index)")), .number(2)),
                [
                    .infix(
                        .plus,
                        [
                            .infix(.times, [.number(1 - momentum), .number(running.variance[j])]),
                            .infix(
                                .times,
                                [.given(momentum), .number(pass.variance[j]), .fraction(.number(n), .number(n - 1))]),
                        ]),
                    .number(updated.variance[j]),
                ], producing: ["running_var[\(j)]"])
        }
    }

    private func writeBackward(
        _ pass: NormalizationPass, _ g: Matrix, _ gradient: NormalizationGradient, isEvaluation: Bool,
        into solution: inout Solution
    ) {
        let norm = pass.normalization
        let isBatch = norm.axis == .batch
        let loss = MathExpression.symbol(Symbol("L"))
        let d = { (symbol: Symbol) in MathExpression.partial(of: loss, withRespectTo: .symbol(symbol)) }
        solution.beginSection("Backward pass")
        let count = MathExpression.symbol(Symbol(isBatch ? "N" : "D"))
        let gHat = MathExpression.symbol(Symbol("g", accent: .hat))
        let xHat = MathExpression.symbol(Symbol("x", accent: .hat))
        let sigma = MathExpression.apply(
            FunctionName("√"),
            [.infix(.plus, [.power(.symbol(Symbol("σ")), .number(2)), .symbol(Symbol("ε"))])])
        let formula: MathExpression =
            isEvaluation
            ? .infix(.divide, [gHat, sigma])
            : .product([
                .parenthesized(.infix(.divide, [.number(1), .parenthesized(.product([count, sigma]))])),
                .parenthesized(
                    .infix(
                        .minus,
                        [
                            .product([count, gHat]), .summation(index: nil, gHat),
                            .product([xHat, .summation(index: nil, .product([gHat, xHat]))]),
                        ])),
            ])
        solution.addRemark(
            "Given \(.equation(.symbol(Symbol("g")), d(Symbol("Y")))) and \(.equation(gHat, .product([.symbol(Symbol("γ")), .symbol(Symbol("g"))]))): "
                + "\(.equation(d(Symbol("x")), formula))"
                + (isEvaluation
                    ? ", the running statistics being constants."
                    : ", the sums over the values normalized together (\(isBatch ? "the batch" : "the sample's features")).")
                + " \(d(Symbol("β"))) and \(d(Symbol("γ"))) sum over the samples.")
        solution.addStep(.symbol(Symbol("g")), [d(Symbol("Y")), .matrix(g)])
        for j in 0..<norm.gamma.count {
            let index = "\(j + 1)"
            let column = (0..<g.rows).map { g[$0, j] }
            solution.addStep(
                d(Symbol("β", index: index)),
                [
                    column.count == 1 ? .number(column[0]) : .infix(.plus, column.map(MathExpression.number)),
                    .number(gradient.beta[j]),
                ], producing: ["grad_beta[\(j)]"])
            let products = (0..<g.rows).map { i in
                MathExpression.infix(.times, [.number(g[i, j]), .number(pass.normalized[i, j])])
            }
            solution.addStep(
                d(Symbol("γ", index: index)),
                [products.count == 1 ? products[0] : .infix(.plus, products), .number(gradient.gamma[j])],
                producing: ["grad_gamma[\(j)]"])
        }
        let groups = isBatch ? g.columns : g.rows
        for group in 0..<groups {
            let root = MathExpression.apply(
                FunctionName("√"), [.infix(.plus, [.number(pass.variance[group]), .given(norm.epsilon)])])
            let entries = positions(pass, group: group)
            if !isEvaluation {
                let index = "\(group + 1)"
                let scaledValues = entries.map { norm.gamma[$0.1] * g[$0.0, $0.1] }
                let products = zip(entries, scaledValues).map { entry, value in
                    MathExpression.infix(.times, [.number(value), .number(pass.normalized[entry.0, entry.1])])
                }
                solution.addStep(
                    .summation(index: nil, .symbol(Symbol("g", index: index, accent: .hat))),
                    [
                        scaledValues.count == 1
                            ? .number(scaledValues[0]) : .infix(.plus, scaledValues.map(MathExpression.number)),
                        .number(gradient.scaledSums[group]),
                    ],
                    note: (isBatch ? "feature \(group + 1), " : "sample \(group + 1), ")
                        + "\(.equation(.symbol(Symbol("g", accent: .hat)), .product([.symbol(Symbol("γ")), .symbol(Symbol("g"))])))"
                )
                solution.addStep(
                    .summation(
                        index: nil,
                        .product([
                            .symbol(Symbol("g", index: index, accent: .hat)),
                            .symbol(Symbol("x", index: index, accent: .hat)),
                        ])),
                    [
                        products.count == 1 ? products[0] : .infix(.plus, products),
                        .number(gradient.scaledWeightedSums[group]),
                    ])
            }
            for (i, j) in entries {
                let scaled = norm.gamma[j] * g[i, j]
                let rhs: MathExpression =
                    isEvaluation
                    ? .fraction(.infix(.times, [.number(norm.gamma[j]), .number(g[i, j])]), root)
                    : .product([
                        .fraction(.number(1), .infix(.times, [.number(Double(isBatch ? g.rows : g.columns)), root])),
                        .parenthesized(
                            .infix(
                                .minus,
                                [
                                    .infix(.times, [.number(Double(isBatch ? g.rows : g.columns)), .number(scaled)]),
                                    .number(gradient.scaledSums[group]),
                                    .infix(
                                        .times,
                                        [.number(pass.normalized[i, j]), .number(gradient.scaledWeightedSums[group])]),
                                ])),
                    ])
                solution.addStep(
                    d(Symbol("x", index: "\(i + 1),\(j + 1)")), [rhs, .number(gradient.input[i, j])],
                    producing: ["grad_x[\(i)][\(j)]"])
            }
        }
        solution.addStep(d(Symbol("X")), [.matrix(gradient.input)], producing: ["grad_x"])
    }

    /// The (row, column) entries of X in one group, in order.
    private func positions(_ pass: NormalizationPass, group: Int) -> [(Int, Int)] {
        pass.normalization.axis == .batch
            ? (0..<pass.input.rows).map { ($0, group) } : (0..<pass.input.columns).map { (group, $0) }
    }

    private func json(_ matrix: Matrix) -> JSONValue {
        .array(matrix.rowArrays.map { row in .array(row.map(JSONValue.number)) })
    }
}
