import NNCore

/// The statement of a generated network problem: what to compute, how to round,
/// then the numbers given (x, y, every W⁽ˡ⁾ and b⁽ˡ⁾, and η), without any solution.
struct GeneratedNetworkStatement {
    let kind: GeneratedNetworkProblem.Kind
    let drawn: NiceNetwork
    let settings: GeneratedNetworkSettings

    /// "Problem N" with its task and the given values.
    func solution(number: Int) -> Solution {
        var solution = Solution(title: "Problem \(String(number))", preamble: [network, task] + roundingRule)
        solution.beginSection("Given")
        solution.addStep(.symbol(Symbol("x")), [.matrix(Matrix(column: drawn.input[0]))])
        solution.addStep(.symbol(Symbol("y")), [.matrix(Matrix(column: drawn.target[0]))])
        for layer in drawn.weights.indices {
            solution.addStep(.symbol(Symbol("W", layer: layer + 1)), [.matrix(Matrix(drawn.weights[layer]))])
            solution.addStep(.symbol(Symbol("b", layer: layer + 1)), [.matrix(Matrix(column: drawn.biases[layer]))])
        }
        if let rate = settings.learningRate { solution.addStep(.symbol(Symbol("η")), [.given(rate)]) }
        return solution
    }

    /// "A network of 2 dense layers, a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾; every layer applies ReLU."
    private var network: Prose {
        let names = settings.activations.map(Self.name)
        let layers: Prose =
            Set(names).count == 1
            ? "every layer applies \(names[0])"
            : "the layers apply \(Prose.joined(names, separator: ", ")) in order"
        return
            "A network of \(drawn.weights.count) dense layers, \(Symbol("a", layerName: "l")) = \(Symbol("W", layerName: "l")) \(Symbol("z", layerName: "l−1")) + \(Symbol("b", layerName: "l")); \(layers)."
    }

    /// An activation in words: ReLU, the identity, tanh, the sigmoid σ.
    private static func name(_ activation: String) -> Prose {
        switch activation {
        case "relu": "ReLU"
        case "tanh": "tanh"
        case "sigmoid": "the sigmoid \(Symbol("σ"))"
        default: "the identity"
        }
    }

    /// What to compute.
    private var task: Prose {
        let loss = MathExpression.equation(
            .symbol(Symbol("L")),
            .power(
                .parenthesized(.infix(.minus, [.symbol(Symbol("y", accent: .hat)), .symbol(Symbol("y"))])),
                .number(2)))
        guard kind == .backward else {
            return "Compute the forward pass, every pre-activation and activation, and the loss \(loss)."
        }
        let backpropagation: Prose =
            "Compute the forward pass, the loss \(loss), and by backpropagation every \(Symbol("δ", layerName: "l")), \(gradient("W")) and \(gradient("b"))."
        guard settings.learningRate != nil else { return backpropagation }
        func step(_ parameter: String) -> MathExpression {
            .infix(
                .minus,
                [
                    .symbol(Symbol(parameter, layerName: "l")),
                    .product([.symbol(Symbol("η")), gradient(parameter)]),
                ])
        }
        return backpropagation
            + " Then take one gradient-descent step: give every new \(step("W")) and \(step("b"))."
    }

    /// ∂L/∂W⁽ˡ⁾ or ∂L/∂b⁽ˡ⁾.
    private func gradient(_ parameter: String) -> MathExpression {
        .partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol(parameter, layerName: "l")))
    }

    /// The rounding a tanh or sigmoid problem states; none for an integer network.
    private var roundingRule: [Prose] {
        guard case .tenths(let rounding) = settings.scale else { return [] }
        let k = rounding.decimals
        return [
            "Round every intermediate value to \(k) decimals as soon as it is computed, and carry the rounded value on."
        ]
    }
}
