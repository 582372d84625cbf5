import NNCore

/// Solves `nnhw activation`: f(x) and f′(x) of one activation at each point
/// given, each as its formula with the numbers put in and its value, with the
/// convention stated at a kink.
public struct ActivationSolver: Sendable {
    /// A solver.
    public init() {}

    /// f(x) and f′(x) at every point of `problem`.
    ///
    /// - Throws: an invalid-data ``InputError`` when a value is not finite.
    public func solve(_ problem: ActivationProblem) throws(InputError) -> Solution {
        let activation = problem.activation
        let notation = ActivationNotation(activation: activation)
        let formula = ActivationFormula(function: activation.function)
        let name = notation.name ?? FunctionName("f")
        let x = MathExpression.symbol(Symbol("x"))
        let points = problem.points.count
        let isNamedOnly = formula.value(at: 0.5, .symbols) == .apply(name, [x])
        var preamble: [Prose] =
            isNamedOnly ? [] : [formula.definition(derivative: false, name: .apply(name, [x])) + "."]
        preamble.append(formula.definition(derivative: true, name: .apply(name.derivative, [x])) + ".")
        preamble += Self.parameters(activation.function)
        if !activation.function.kinks.isEmpty {
            let values = activation.function.kinks.map {
                MathExpression.equation(.apply(name.derivative, [.given($0)]), .number(activation.derivative($0)))
            }
            preamble.append(
                "At a kink the derivative is PyTorch's: "
                    + (values.count == 1 ? Prose(values[0]) : "\(values[0]) and \(values[1])") + ".")
        }
        var solution = Solution(
            title:
                "\(notation.summary) \(Prose.titleSeparator) \(points) \(points == 1 ? "point" : "points")",
            preamble: preamble)
        var values: [Double] = []
        var derivatives: [Double] = []
        for (index, x0) in problem.points.enumerated() {
            let value = activation.value(x0)
            let derivative = activation.derivative(x0)
            values.append(value)
            derivatives.append(derivative)
            solution.beginSection("At \(x) = \(given: x0)")
            let valueAt = MathExpression.apply(name, [.given(x0)])
            let derivativeAt = MathExpression.apply(name.derivative, [.given(x0)])
            solution.addStep(
                valueAt, Self.worked(formula.value(at: x0, .numbers), value, lhs: valueAt),
                producing: ["values[\(index)]"])
            solution.addStep(
                derivativeAt, Self.worked(formula.derivative(at: x0, .numbers), derivative, lhs: derivativeAt),
                producing: ["derivatives[\(index)]"])
            if let convention = formula.kinkConvention(at: x0) { solution.addRemark(convention) }
        }
        if points > 1 {
            solution.beginSection("All points")
            solution.addStep(.apply(name, [x]), [.inlineVector(values)], producing: ["values"])
            solution.addStep(.apply(name.derivative, [x]), [.inlineVector(derivatives)], producing: ["derivatives"])
        }
        solution.result = .object([
            JSONMember("points", .array(problem.points.map(JSONValue.number))),
            JSONMember("values", .array(values.map(JSONValue.number))),
            JSONMember("derivatives", .array(derivatives.map(JSONValue.number))),
        ])
        try solution.requireFinite(blaming: "--at")
        return solution
    }

    /// The numbers put in and the value, or the value alone when the formula is a number already or the step's lhs.
    private static func worked(_ numbers: MathExpression, _ value: Double, lhs: MathExpression) -> [MathExpression] {
        switch numbers {
        case .given, .count, .number: return [.number(value)]
        default: return numbers == lhs ? [.number(value)] : [numbers, .number(value)]
        }
    }

    /// The constants a definition names, with their values.
    private static func parameters(_ function: Activation.Function) -> [Prose] {
        switch function {
        case .leakyReLU(let alpha), .elu(let alpha):
            ["With \(MathExpression.equation(.symbol(Symbol("α")), .given(alpha)))."]
        case .softplus(let beta) where beta != 1:
            [
                "With \(MathExpression.equation(.symbol(Symbol("β")), .given(beta))); PyTorch's softplus switches to x above \(MathExpression.infix(.greaterThan, [.product([.symbol(Symbol("β")), .symbol(Symbol("x"))]), .count(20)])), which changes the value by less than \(MathExpression.number(2.1e-9))."
            ]
        case .softplus:
            [
                "The exact value; PyTorch's softplus switches to x above \(MathExpression.infix(.greaterThan, [.symbol(Symbol("x")), .count(20)])), which changes the value by less than \(MathExpression.number(2.1e-9))."
            ]
        case .selu:
            [
                "With PyTorch's \(MathExpression.equation(.symbol(Symbol("λ")), .number(Activation.seluScale))) and \(MathExpression.equation(.symbol(Symbol("α")), .number(Activation.seluAlpha)))."
            ]
        case .gelu(.exact):
            ["\(Symbol("Φ")) is the standard normal distribution function and \(Symbol("φ")) its density."]
        case .gelu(.tanhApproximation):
            [
                "With \(MathExpression.equation(.symbol(Symbol("t")), .apply(FunctionName("tanh"), [.symbol(Symbol("u"))]))), \(MathExpression.equation(.symbol(Symbol("u")), .product([.apply(FunctionName("√"), [.infix(.divide, [.count(2), .symbol(Symbol("π"))])]), .parenthesized(.infix(.plus, [.symbol(Symbol("x")), .product([.given(0.044715), .power(.symbol(Symbol("x")), .count(3))])]))]))) and \(MathExpression.equation(.symbol(Symbol("u", isPrime: true)), .product([.apply(FunctionName("√"), [.infix(.divide, [.count(2), .symbol(Symbol("π"))])]), .parenthesized(.infix(.plus, [.count(1), .product([.given(0.134145), .power(.symbol(Symbol("x")), .count(2))])]))])))."
            ]
        case .mish:
            [
                "\(MathExpression.equation(.apply(FunctionName("softplus"), [.symbol(Symbol("x"))]), .apply(FunctionName("ln"), [.infix(.plus, [.count(1), .power(.symbol(Symbol("e")), .symbol(Symbol("x")))])])))."
            ]
        default: []
        }
    }
}
