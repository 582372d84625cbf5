import NNCore

/// Every step of an optimizer run on given numbers, as plain values: what a
/// worked solution, a table or a plot of the iterates is drawn from.
public struct OptimizationRun: Sendable, Hashable {
    /// The steps 1 … N in order.
    public var steps: [OptimizerStep]
    /// w₀, w₁, …, w_N.
    public var iterates: [[Double]]
    /// f(w₀), …, f(w_N) when the gradient comes from a formula.
    public var values: [Double]?
    /// ∂f/∂x for each variable, in the order of the parameters, with a formula.
    public var partials: [Expression]?

    /// Runs the problem's optimizer for its steps.
    ///
    /// - Throws: an invalid-data error when f or its gradient is not finite at an
    ///   iterate, or the parameters overflow.
    public init(_ problem: OptimizeProblem) throws(InputError) {
        var w = problem.initial
        var state = problem.initialState
        var steps: [OptimizerStep] = []
        var iterates = [w]
        var values: [Double]?
        var partials: [Expression]?
        var function: Expression?
        var variables: [String] = []
        if case .formula(let f, let names) = problem.gradients {
            function = f
            variables = names
            partials = names.map { f.derivative(withRespectTo: $0).simplified() }
            values = [try Self.value(f, at: w, variables: names, what: "f")]
        }
        for t in 0..<problem.steps {
            let gradient: [Double]
            switch problem.gradients {
            case .given(let lists):
                gradient = lists.count == 1 ? lists[0] : lists[t]
            case .formula:
                let point = problem.optimizer.evaluationPoint(w, state: state)
                var entries: [Double] = []
                for (index, partial) in (partials ?? []).enumerated() {
                    entries.append(
                        try Self.value(partial, at: point, variables: variables, what: "∂f/∂\(variables[index])"))
                }
                gradient = entries
            }
            let step = problem.optimizer.step(w, gradient: gradient, state: state)
            guard step.parameters.allSatisfy(\.isFinite) else {
                throw InputError(at: "--lr", .overflows("parameters at step \(t + 1)"))
            }
            w = step.parameters
            state = step.state
            steps.append(step)
            iterates.append(w)
            if let function { values?.append(try Self.value(function, at: w, variables: variables, what: "f")) }
        }
        self.steps = steps
        self.iterates = iterates
        self.values = values
        self.partials = partials
    }

    private static func value(_ f: Expression, at point: [Double], variables: [String], what: String) throws(InputError)
        -> Double
    {
        let named = Dictionary(zip(variables, point), uniquingKeysWith: { first, _ in first })
        let value = (try? f.value(at: named)) ?? .nan
        guard value.isFinite else {
            let place = zip(variables, point).map { "\($0)=\(specText($1))" }.joined(separator: ",")
            throw InputError(at: "--f", .notFinite(what, at: place, isNaN: value.isNaN))
        }
        return value
    }
}
