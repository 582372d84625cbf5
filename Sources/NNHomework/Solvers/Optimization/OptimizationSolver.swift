import NNCore

/// Solves `nnhw optimize`: step 1 worked in full (each state update with the
/// numbers put in, the bias corrections, the update), then a table of every step.
public struct OptimizationSolver: Sendable {
    /// A solver.
    public init() {}

    /// The worked run of `problem`.
    ///
    /// - Throws: an ``InputError`` when f or its gradient is not finite at an iterate, or a value overflows.
    public func solve(_ problem: OptimizeProblem) throws(InputError) -> Solution {
        try solve(problem, run: OptimizationRun(problem))
    }

    /// The worked solution of `problem` from its finished run.
    ///
    /// - Throws: an ``InputError`` when a value of the solution is not finite.
    public func solve(_ problem: OptimizeProblem, run: OptimizationRun) throws(InputError) -> Solution {
        let optimizer = problem.optimizer
        let count = problem.initial.count
        let lines = OptimizerLines(
            optimizer: optimizer, names: .vector, show: Self.show, isScalar: count == 1)
        var variables: [String]?
        var function: Expression?
        if case .formula(let f, let names) = problem.gradients {
            function = f
            variables = names
        }
        let generalSource = function.map { _ in Self.gradient(of: "t−1", lookAhead: optimizer.looksAhead) }
        var solution = Solution(
            title: OptimizerNotation.name(optimizer) + " \(Prose.titleSeparator) \(counted(count, "parameter")) "
                + "\(Prose.titleSeparator) \(counted(problem.steps, "step"))",
            preamble: OptimizerNotation.preamble(lines, source: generalSource))
        solution.beginSection("Given")
        if let function, let variables {
            let arguments = variables.map(MathExpression.variable)
            solution.addStep(.apply(FunctionName("f"), arguments), [MathExpression(function)])
            for (name, partial) in zip(variables, run.partials ?? []) {
                solution.addStep(
                    .partial(of: .symbol(Symbol("f")), withRespectTo: .variable(name)), [MathExpression(partial)])
            }
            if arguments.count > 1 {
                solution.addRemark(
                    "\(Symbol("w")) = \(MathExpression.vectorOf(arguments)), in the order of the formula's variables.")
            }
        }
        solution.addStep(MathExpression.symbol(Symbol("w", index: "0")), [Self.show(problem.initial)])
        if let velocity = problem.initialState.velocity, velocity.contains(where: { $0 != 0 }) {
            solution.addStep(.symbol(Symbol(Self.velocityBase(optimizer), index: "0")), [Self.show(velocity)])
        }
        if let first = run.steps.first {
            solution.beginSection("Step 1")
            if !optimizer.schedules.isEmpty {
                solution.addStep(
                    .symbol(Symbol("η", index: "1")), [.given(first.learningRate)], note: "the schedule at t = 0")
            }
            let source = function.map { _ in Self.gradient(of: "0", lookAhead: optimizer.looksAhead) }
            for line in lines.lines(first, source: source) {
                var rhs = [line.formula]
                if let numbers = line.numbers { rhs.append(numbers) }
                if let value = line.value { rhs.append(Self.show(value)) }
                solution.addStep(line.lhs, rhs, producing: line.key.map { ["steps[0].\($0)"] } ?? [])
            }
        }
        solution.beginSection("Every step")
        for table in tables(problem, run: run, lines: lines) { solution.addTable(table) }
        if let last = run.iterates.last {
            solution.beginSection("Result")
            solution.addStep(.symbol(Symbol("w", index: "\(problem.steps)")), [Self.show(last)], producing: ["final.w"])
            if let value = run.values?.last {
                solution.addStep(
                    .apply(FunctionName("f"), [.symbol(Symbol("w", index: "\(problem.steps)"))]), [.number(value)],
                    producing: ["final.f"])
            }
        }
        solution.result = result(run, variables: variables)
        try solution.requireFinite(blaming: "--lr")
        return solution
    }

    /// ∇f(w_time), or ∇f(w̃_time) at a look-ahead point.
    static func gradient(of time: String, lookAhead: Bool) -> MathExpression {
        .product([
            .symbol(Symbol("∇")),
            .apply(FunctionName("f"), [.symbol(Symbol("w", index: time, accent: lookAhead ? .tilde : nil))]),
        ])
    }

    static func velocityBase(_ optimizer: Optimizer) -> String {
        if case .rmsprop = optimizer.method { return "b" }
        return "v"
    }

    /// A vector of this problem: one number as itself, several as (…)ᵀ.
    static func show(_ values: [Double]) -> MathExpression {
        values.count == 1 ? .number(values[0]) : .inlineVector(values)
    }

    /// The table of every step: t, ηₜ, gₜ, the state, wₜ and f(wₜ); for several parameters with
    /// several quantities of state, the state goes into a second table, so that each fits a page.
    private func tables(_ problem: OptimizeProblem, run: OptimizationRun, lines: OptimizerLines) -> [Table] {
        let state = lines.lines(run.steps.first, source: nil).filter {
            $0.key != nil && $0.key != "w" && $0.key != "grad" && $0.key != "point"
        }
        let isSplit = problem.initial.count > 1 && state.count > 1
        let t = Table.Column("\(Symbol("t"))", alignment: .right)
        var columns: [Table.Column] = [
            t, Table.Column("\(Symbol("η", index: "t"))"), Table.Column("\(Symbol("g", index: "t"))"),
        ]
        let stateColumns = state.map { Table.Column("\(MathExpression.symbol(Self.general($0.lhs)))") }
        if !isSplit { columns += stateColumns }
        columns.append(Table.Column("\(Symbol("w", index: "t"))"))
        if run.values != nil {
            columns.append(
                Table.Column("\(MathExpression.apply(FunctionName("f"), [.symbol(Symbol("w", index: "t"))]))"))
        }
        var rows: [[[MathExpression]]] = []
        var stateRows: [[[MathExpression]]] = []
        var first: [[MathExpression]] = [[.count(0)], [], []] + (isSplit ? [] : state.map { _ in [] })
        first.append([Self.show(problem.initial)])
        if let value = run.values?.first { first.append([.number(value)]) }
        rows.append(first)
        for (index, step) in run.steps.enumerated() {
            let stepLines = lines.lines(step, source: nil)
            let values: [[MathExpression]] = state.map { column in
                [Self.show(stepLines.first { $0.key == column.key }?.value ?? [])]
            }
            var row: [[MathExpression]] = [
                [.count(step.number)], [.given(step.learningRate)], [Self.show(step.gradient)],
            ]
            if isSplit { stateRows.append([[.count(step.number)]] + values) } else { row += values }
            row.append([Self.show(step.parameters)])
            if let values = run.values { row.append([.number(values[index + 1])]) }
            rows.append(row)
        }
        var tables = [Table(columns: columns, rows: rows)]
        if isSplit { tables.append(Table(columns: [t] + stateColumns, rows: stateRows)) }
        return tables
    }

    /// The symbol of a step's line with its time replaced by t.
    static func general(_ expression: MathExpression) -> Symbol {
        guard case .symbol(var symbol) = expression else { return Symbol("?") }
        symbol.index = "t"
        return symbol
    }

    private func result(_ run: OptimizationRun, variables: [String]?) -> JSONValue {
        func array(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }
        let steps: [JSONValue] = run.steps.enumerated().map { index, step in
            var members = [
                JSONMember("t", .number(Double(step.number))), JSONMember("lr", .number(step.learningRate)),
                JSONMember("grad", array(step.gradient)), JSONMember("w", array(step.parameters)),
            ]
            if step.evaluationPoint != step.previous {
                members.append(JSONMember("point", array(step.evaluationPoint)))
            }
            if let v = step.state.velocity { members.append(JSONMember("velocity", array(v))) }
            if let m = step.state.firstMoment { members.append(JSONMember("m", array(m))) }
            if let v = step.state.squareAverage { members.append(JSONMember("v", array(v))) }
            if let v = step.state.maximumSquareAverage { members.append(JSONMember("v_max", array(v))) }
            if let m = step.correctedFirstMoment { members.append(JSONMember("m_hat", array(m))) }
            if let v = step.correctedSquareAverage { members.append(JSONMember("v_hat", array(v))) }
            if let sum = step.state.sumOfSquares { members.append(JSONMember("sum_sq", array(sum))) }
            if let values = run.values { members.append(JSONMember("f", .number(values[index + 1]))) }
            return .object(members)
        }
        var final = [JSONMember("w", array(run.iterates.last ?? []))]
        if let value = run.values?.last { final.append(JSONMember("f", .number(value))) }
        var members: [JSONMember] = []
        if let variables { members.append(JSONMember("variables", .array(variables.map(JSONValue.string)))) }
        members += [JSONMember("steps", .array(steps)), JSONMember("final", .object(final))]
        return .object(members)
    }
}
