import NNCore

/// The Jacobian ∂ŷ/∂x of a network's output in its input, for one sample, by
/// the chain rule: ∂ŷ/∂x = ∂z⁽ᴸ⁾/∂z⁽ᴸ⁻¹⁾ ⋯ ∂z⁽¹⁾/∂z⁽⁰⁾ with each factor
/// ∂z⁽ˡ⁾/∂z⁽ˡ⁻¹⁾ = diag(f′(a⁽ˡ⁾)) W⁽ˡ⁾ (for softmax, its full Jacobian times W⁽ˡ⁾),
/// in the letters of the notation. Numerator layout: m × n for n inputs and m
/// outputs. Checked against central differences of the forward pass.
public struct NetworkJacobianSolver: Sendable {
    /// The letters of the network's quantities.
    public var notation: Notation
    /// The sample (0-based) of a batch whose Jacobian is asked for.
    public var sample: Int

    /// A solver in `notation` for the sample `sample` (0-based).
    public init(notation: Notation = Notation(), sample: Int = 0) {
        self.notation = notation
        self.sample = sample
    }

    /// The worked Jacobian of `problem`'s output in its input at the sample.
    ///
    /// - Throws: a usage error at `--sample` for a sample beyond the input;
    ///   invalid data when a value is not finite.
    public func solve(_ problem: NetworkProblem) throws(InputError) -> Solution {
        guard problem.input.rows > sample, sample >= 0 else {
            throw InputError(at: "--sample", .sampleBeyondInput(sample + 1, samples: problem.sampleCount))
        }
        let network = problem.network
        let symbols = NetworkSymbols(notation: notation, isBatch: false)
        let x = problem.input.row(sample)
        let pass = network.forward(Matrix(row: x))
        let m = network.outputLayer.outputCount
        let n = x.count
        let dyDx = MathExpression.partial(of: symbols.prediction, withRespectTo: symbols.input)
        var solution = Solution(
            title: problem.isBatch
                ? "Jacobian \(dyDx) of the network for sample \(sample + 1) of \(problem.sampleCount)"
                : "Jacobian \(dyDx) of the network",
            preamble: preamble(symbols: symbols, layers: network.layers.count))
        solution.beginSection("Forward pass")
        solution.addStep(
            symbols.z(0), [.inlineVector(x)], note: "\(MathExpression.equation(symbols.z(0), symbols.input))")
        for l in 1...network.layers.count {
            solution.addStep(
                symbols.a(l),
                [
                    .infix(.plus, [.product([symbols.weights(l), symbols.z(l - 1)]), symbols.bias(l)]),
                    .inlineVector(pass.preActivations[l - 1].row(0)),
                ])
        }
        var factors: [Matrix] = []
        var factorsJSON: [JSONValue] = []
        for (index, layer) in network.layers.enumerated() {
            let l = index + 1
            let a = pass.preActivations[index].row(0)
            let local = layer.activation.jacobian(at: a)
            let factor = local * layer.weights
            factors.append(factor)
            solution.beginSection("Layer \(l)")
            let activation = ActivationNotation(activation: layer.activation)
            let diagonal: MathExpression
            if layer.activation.isElementwise {
                let derivatives = a.map { layer.activation.derivative($0) }
                solution.addStep(
                    activation.derivative(of: symbols.a(l)), [.inlineVector(derivatives)],
                    note: "\(activation.summary)")
                diagonal = .apply(FunctionName("diag"), [activation.derivative(of: symbols.a(l))])
            } else {
                diagonal = .partial(of: symbols.z(l), withRespectTo: symbols.a(l))
                solution.addStep(diagonal, [.matrix(local)], note: "\(activation.summary)")
            }
            solution.addStep(
                Self.localFactor(symbols, l),
                [
                    .product([diagonal, symbols.weights(l)]), .product([.matrix(local), .matrix(layer.weights)]),
                    .matrix(factor),
                ],
                producing: ["factors[\(index)]"])
            factorsJSON.append(.array(factor.rowArrays.map { .array($0.map(JSONValue.number)) }))
        }
        var jacobian = factors[0]
        for factor in factors.dropFirst() { jacobian = factor * jacobian }
        solution.beginSection("The product")
        let chain = MathExpression.product((1...factors.count).reversed().map { Self.localFactor(symbols, $0) })
        let numbers = MathExpression.product(factors.reversed().map { .matrix($0) })
        solution.addStep(
            dyDx, (factors.count > 1 ? [chain, numbers] : [chain]) + [.matrix(jacobian)], producing: ["jacobian"])
        solution.addRemark(
            "Numerator layout: \(dyDx) is \(MathExpression.equation(.infix(.cross, [.symbol(Symbol("m")), .symbol(Symbol("n"))]), .infix(.cross, [.count(m), .count(n)]))), one row per output and one column per input; the denominator layout writes its transpose, \(MathExpression.infix(.cross, [.count(n), .count(m)]))."
        )
        let numeric = Self.centralDifferences(network, at: x)
        let step = MathExpression.product([.symbol(Symbol("h")), .symbol(Symbol("e", index: "j"))])
        let error = zip(jacobian.elements, numeric.elements).map { ($0 - $1).magnitude }.max() ?? 0
        let passes = zip(jacobian.elements, numeric.elements).allSatisfy {
            ($0 - $1).magnitude <= JacobianSolver.tolerance * max(1, $0.magnitude)
        }
        solution.beginSection("Check by central differences")
        solution.addStep(
            .apply(
                FunctionName("max"), [.absoluteValue(.infix(.minus, [JacobianSolver.entry, JacobianSolver.entryHat]))]),
            [.number(error)],
            note:
                "\(JacobianSolver.entryHat) from \(symbols.prediction) at \(MathExpression.infix(.plus, [symbols.input, step])) and \(MathExpression.infix(.minus, [symbols.input, step]))",
            producing: ["check.max_abs_error"])
        solution.addRemark(
            passes
                ? "The chain-rule Jacobian agrees with central differences of the forward pass (\(Symbol("h")) = \(given: JacobianSolver.step)) within \(JacobianSolver.bound)."
                : "The chain-rule Jacobian and the central differences (\(Symbol("h")) = \(given: JacobianSolver.step)) disagree beyond \(JacobianSolver.bound): a pre-activation of ReLU lies within \(Symbol("h")) of its kink."
        )
        solution.result = .object([
            JSONMember("sample", .number(Double(sample + 1))),
            JSONMember("jacobian", .array(jacobian.rowArrays.map { .array($0.map(JSONValue.number)) })),
            JSONMember("shape", .array([.number(Double(m)), .number(Double(n))])),
            JSONMember("layout", .string("numerator")),
            JSONMember("factors", .array(factorsJSON)),
            JSONMember(
                "check",
                .object([JSONMember("max_abs_error", .number(error)), JSONMember("pass", .bool(passes))])),
        ])
        try solution.requireFinite(blaming: "input")
        return solution
    }

    /// ∂z⁽ˡ⁾/∂z⁽ˡ⁻¹⁾, the factor of layer l.
    static func localFactor(_ symbols: NetworkSymbols, _ l: Int) -> MathExpression {
        .partial(of: symbols.z(l), withRespectTo: symbols.z(l - 1))
    }

    private func preamble(symbols: NetworkSymbols, layers: Int) -> [Prose] {
        let l = "l"
        let a = MathExpression.symbol(Symbol(notation.preActivation, layerName: l))
        let factor = MathExpression.partial(
            of: .symbol(Symbol(notation.activation, layerName: l)),
            withRespectTo: .symbol(Symbol(notation.activation, layerName: "l-1")))
        let chain: MathExpression =
            switch layers {
            case 1: Self.localFactor(symbols, 1)
            case 2: .product([Self.localFactor(symbols, 2), Self.localFactor(symbols, 1)])
            default: .product([Self.localFactor(symbols, layers), .symbol(Symbol("⋯")), Self.localFactor(symbols, 1)])
            }
        return [
            "Chain rule: \(MathExpression.equation(.partial(of: symbols.prediction, withRespectTo: symbols.input), chain)), each factor \(MathExpression.equation(factor, .product([.apply(FunctionName("diag"), [.apply(FunctionName("f", isDerivative: true), [a])]), .symbol(Symbol("W", layerName: l))]))) since \(MathExpression.equation(a, .infix(.plus, [.product([.symbol(Symbol("W", layerName: l)), .symbol(Symbol(notation.activation, layerName: "l-1"))]), .symbol(Symbol("b", layerName: l))]))) is the pre-activation.",
            "Numerator layout: row \(Symbol("i")) of the Jacobian is the gradient of the output \(symbols.prediction(index: "i")).",
        ]
    }

    /// Ĵ by central differences of the forward pass in each input.
    private static func centralDifferences(_ network: Network, at x: [Double]) -> Matrix {
        let h = JacobianSolver.step
        let m = network.outputLayer.outputCount
        var result = Matrix(rows: m, columns: x.count)
        for j in x.indices {
            var up = x
            var down = x
            up[j] += h
            down[j] -= h
            let upper = network.forward(Matrix(row: up)).output.row(0)
            let lower = network.forward(Matrix(row: down)).output.row(0)
            for i in 0..<m { result[i, j] = (upper[i] - lower[i]) / (2 * h) }
        }
        return result
    }
}
