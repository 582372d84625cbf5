import NNCore

/// The Hessian of a network's loss in its parameters, H = ∂²L/∂w∂wᵀ, by
/// central differences of backpropagation: column j is
/// (∇L(w + h eⱼ) − ∇L(w − h eⱼ)) / 2h, the gradients from NNCore's backward
/// pass, then symmetrised as (H + Hᵀ)/2; its eigenvalues and the
/// second-derivative test at the network's weights (see ``SecondDerivativeTest``).
public struct NetworkHessianSolver: Sendable {
    /// The step h, 10⁻⁵ unless given.
    public var step: Double
    /// τ of "critical" and of a zero eigenvalue, 10⁻⁶ unless given.
    public var tolerance: Double
    /// The letters of the loss.
    public var notation: Notation

    /// The default h, 10⁻⁵.
    public static let defaultStep = 1e-5
    /// The default τ, 10⁻⁶: the error of the differences is about h² and 10⁻¹⁶/h.
    public static let defaultTolerance = 1e-6
    /// The most parameters a Hessian is computed for: 200 (40,000 entries).
    public static let maximumParameters = 200
    /// H and ∇L are written out in full up to this many parameters.
    static let shownParameters = 10

    /// A solver with step h, tolerance τ and the notation's letters.
    public init(step: Double = defaultStep, tolerance: Double = defaultTolerance, notation: Notation = Notation()) {
        self.step = step
        self.tolerance = tolerance
        self.notation = notation
    }

    /// The trainable parameters: every weight, and the biases of the layers that have one.
    static func parameters(of problem: NetworkProblem) -> [Parameter] {
        let names = ParameterNames(network: problem.network, isAugmented: problem.isAugmented)
        return names.ordered(problem.network.parameters).filter { parameter in
            if case .bias = parameter.kind { return problem.hasBias[parameter.layer] }
            return true
        }
    }

    /// The Hessian of `problem`'s loss in `parameters` by central differences of backpropagation.
    public static func hessian(of problem: NetworkProblem, in parameters: [Parameter], step h: Double, target: Matrix)
        -> (gradient: [Double], hessian: Matrix, asymmetry: Double)
    {
        let network = problem.network
        func gradient(_ network: Network) -> [Double] {
            let gradients = network.backward(network.forward(problem.input), target: target)
            return parameters.map { gradients[$0] }
        }
        let n = parameters.count
        var raw = Matrix(rows: n, columns: n)
        for (j, parameter) in parameters.enumerated() {
            var up = network
            var down = network
            up[parameter] += h
            down[parameter] -= h
            let upper = gradient(up)
            let lower = gradient(down)
            for i in 0..<n { raw[i, j] = (upper[i] - lower[i]) / (2 * h) }
        }
        var symmetric = raw
        var asymmetry = 0.0
        for i in 0..<n {
            for j in 0..<n {
                symmetric[i, j] = (raw[i, j] + raw[j, i]) / 2
                asymmetry = max(asymmetry, (raw[i, j] - raw[j, i]).magnitude)
            }
        }
        return (gradient(network), symmetric, asymmetry)
    }

    /// The worked test of `problem`'s loss at its weights.
    ///
    /// - Throws: invalid data for a spec without a target, a network of more
    ///   than ``maximumParameters`` parameters, or a value that is not finite.
    public func solve(_ problem: NetworkProblem) throws(InputError) -> Solution {
        guard let target = problem.target else {
            throw InputError(at: "target", .missingTarget(for: "the Hessian of the loss"))
        }
        let parameters = Self.parameters(of: problem)
        guard parameters.count <= Self.maximumParameters else {
            throw InputError(
                at: "layers", .hessianTooLarge(parameters: parameters.count, limit: Self.maximumParameters))
        }
        let names = ParameterNames(network: problem.network, isAugmented: problem.isAugmented)
        let loss = MathExpression.symbol(Symbol(notation.loss))
        let w = MathExpression.symbol(Symbol("w"))
        let (gradient, hessian, asymmetry) = Self.hessian(of: problem, in: parameters, step: step, target: target)
        let value = problem.network.loss(input: problem.input, target: target)
        guard value.isFinite else { throw InputError(at: "loss", .lossOverflows) }
        guard gradient.allSatisfy(\.isFinite), hessian.isFinite else {
            throw InputError(at: "layers", .gradientOverflows)
        }
        let h = MathExpression.symbol(Symbol("h"))
        let column = MathExpression.symbol(Symbol("H", index: ":j"))
        let nabla = MathExpression.product([.symbol(Symbol("∇")), loss])
        let order: Prose =
            problem.isAugmented
            ? "each row of \(Symbol("W")) from its bias weight on"
            : "each \(Symbol("W")) row by row, then \(Symbol("b"))"
        var solution = Solution(
            title: "Hessian of the loss \(loss) in the \(parameters.count) parameters of the network",
            preamble: [
                "\(MathExpression.equation(column, .infix(.divide, [.infix(.minus, [.product([nabla, .parenthesized(.infix(.plus, [w, .product([h, .symbol(Symbol("e", index: "j"))])]))]), .product([nabla, .parenthesized(.infix(.minus, [w, .product([h, .symbol(Symbol("e", index: "j"))])]))])]), .product([.number(2), h])]))) with \(MathExpression.equation(h, .given(step))), each gradient by backpropagation; then \(Symbol("H")) is symmetrised as \(MathExpression.infix(.divide, [.parenthesized(.infix(.plus, [.symbol(Symbol("H")), .symbol(Symbol("H", isTransposed: true))])), .number(2)])).",
                "Parameters in the order \(Prose.joined(parameters.prefix(4).map { Prose(names.symbol(of: $0)) }, separator: ", "))\(parameters.count > 4 ? ", …" : ""): \(order).",
                "Critical when every \(MathExpression.infix(.lessThanOrEqual, [.absoluteValue(.partial(of: loss, withRespectTo: .symbol(Symbol("w", index: "i")))), .symbol(Symbol("τ"))])) with \(Symbol("τ")) = \(given: tolerance); an eigenvalue is zero when \(MathExpression.infix(.lessThanOrEqual, [.absoluteValue(.symbol(Symbol("λ"))), .product([.symbol(Symbol("τ")), .apply(FunctionName("max"), [.number(1), .absoluteValue(.symbol(Symbol("λ", index: "max")))])])])).",
            ])
        solution.beginSection("At the weights of the spec")
        solution.addStep(loss, [.number(value)], producing: ["points[0].value"])
        let test = SecondDerivativeTest(gradient: gradient, hessian: hessian, tolerance: tolerance)
        var report = HessianReport(test: test, path: "points[0]")
        report.showsMatrices = parameters.count <= Self.shownParameters
        report.write(
            into: &solution, gradientSymbol: nabla,
            partialSymbol: .partial(of: loss, withRespectTo: .symbol(Symbol("w", index: "i"))), function: "\(loss)")
        solution.addRemark(
            "Before symmetrising, \(MathExpression.equation(.apply(FunctionName("max"), [.absoluteValue(.infix(.minus, [.symbol(Symbol("H", index: "ij")), .symbol(Symbol("H", index: "ji"))]))]), .number(asymmetry))): the size of the finite-difference error."
        )
        let point = JSONValue.object(parameters.map { JSONMember(names.name(of: $0), .number(problem.network[$0])) })
        solution.result = .object([
            JSONMember("parameters", .array(parameters.map { .string(names.name(of: $0)) })),
            JSONMember("step", .number(step)),
            JSONMember("tolerance", .number(tolerance)),
            JSONMember("asymmetry", .number(asymmetry)),
            JSONMember("points", .array([report.result(point: point, value: value)])),
        ])
        try solution.requireFinite(blaming: "layers")
        return solution
    }
}
