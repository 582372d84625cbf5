import NNCore

/// One problem `nnhw generate forward|backward` makes: a dense ReLU (or identity)
/// network with small integers drawn so that every value of its worked solution
/// is an integer (see ``NiceNetwork``), with its spec and its problem statement.
public struct GeneratedNetworkProblem: Sendable {
    /// What the problem asks for.
    public enum Kind: String, Sendable, CaseIterable {
        /// The forward pass and the loss.
        case forward
        /// The forward pass, the loss and every gradient by backpropagation.
        case backward
    }

    /// The seed this variant was drawn from: `generate --seed` with it and `--variants 1` draws it again.
    public var seed: UInt64
    /// The network spec, as `--net` reads it.
    public var spec: JSONValue
    /// The problem the spec decodes to.
    public var problem: NetworkProblem
    /// The problem statement: the numbers given, without any solution.
    public var statement: Solution

    /// The variants `--seed S --variants N --sizes … --activations …` ask for;
    /// variant i (from 0) is drawn from seed S + i.
    ///
    /// - Throws: a usage error for malformed sizes, activations other than relu and
    ///   identity, or sizes for which no integer network keeps every ReLU unit active.
    public static func variants(_ kind: Kind, _ options: OptionValues) throws(InputError) -> [GeneratedNetworkProblem] {
        let sizes = try NetworkTemplate.sizes(options.text("--sizes") ?? "2,3,1")
        let layers = sizes.count - 1
        let names = (options.text("--activations") ?? "relu").split(separator: ",").map { String($0).trimmingSpaces }
        guard names.allSatisfy({ $0 == "relu" || $0 == "identity" }), names.count == 1 || names.count == layers
        else {
            throw InputError(
                at: "--activations",
                .expected(
                    "relu or identity, one for all layers or one per layer", got: options.text("--activations") ?? ""))
        }
        let activations = names.count == layers ? names : Array(repeating: names[0], count: layers)
        let first = options.seed("--seed") ?? 0
        let count = options.whole("--variants") ?? 1
        var variants: [GeneratedNetworkProblem] = []
        for index in 0..<count {
            let seed = first &+ UInt64(index)
            var generator = SplitMix64(seed: seed)
            guard
                let drawn = NiceNetwork.draw(
                    sizes: sizes, isReLU: activations.map { $0 == "relu" }, using: &generator)
            else { throw InputError(at: "--sizes", .noNiceDraw) }
            variants.append(
                try GeneratedNetworkProblem(kind, drawn, activations: activations, seed: seed, number: index + 1))
        }
        return variants
    }

    private init(_ kind: Kind, _ drawn: NiceNetwork, activations: [String], seed: UInt64, number: Int)
        throws(InputError)
    {
        func vector(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }
        let layers = activations.indices.map { layer in
            JSONValue.object([
                JSONMember("weights", .array(drawn.weights[layer].map(vector))),
                JSONMember("bias", vector(drawn.biases[layer])),
                JSONMember("activation", .string(activations[layer])),
            ])
        }
        spec = .object([
            JSONMember("input", vector(drawn.input[0])),
            JSONMember("target", vector(drawn.target[0])),
            JSONMember("layers", .array(layers)),
            JSONMember("loss", .string("squared_error")),
        ])
        self.seed = seed
        problem = try NetworkProblem(json: spec, source: "generated problem \(number)")
        statement = Self.statement(kind, drawn, activations: activations, number: number)
    }

    /// "Problem N": what to compute, then x, y and every W⁽ˡ⁾ and b⁽ˡ⁾.
    private static func statement(_ kind: Kind, _ drawn: NiceNetwork, activations: [String], number: Int) -> Solution {
        let prediction = MathExpression.symbol(Symbol("y", accent: .hat))
        let loss = MathExpression.equation(
            .symbol(Symbol("L")),
            .power(.parenthesized(.infix(.minus, [prediction, .symbol(Symbol("y"))])), .number(2)))
        let names = activations.map { $0 == "relu" ? "ReLU" : "the identity" }
        let layerWords =
            Set(names).count == 1
            ? "every layer applies \(names[0])" : "the layers apply \(names.joined(separator: ", ")) in order"
        let task: Prose =
            kind == .forward
            ? "Compute the forward pass, every pre-activation and activation, and the loss \(loss)."
            : "Compute the forward pass, the loss \(loss), and by backpropagation every \(Symbol("δ", layerName: "l")), \(MathExpression.partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol("W", layerName: "l")))) and \(MathExpression.partial(of: .symbol(Symbol("L")), withRespectTo: .symbol(Symbol("b", layerName: "l"))))."
        var solution = Solution(
            title: "Problem \(String(number))",
            preamble: [
                "A network of \(drawn.weights.count) dense layers, \(Symbol("a", layerName: "l")) = \(Symbol("W", layerName: "l")) \(Symbol("z", layerName: "l−1")) + \(Symbol("b", layerName: "l")); \(layerWords).",
                task,
            ])
        solution.beginSection("Given")
        solution.addStep(.symbol(Symbol("x")), [.matrix(Matrix(column: drawn.input[0]))])
        solution.addStep(.symbol(Symbol("y")), [.matrix(Matrix(column: drawn.target[0]))])
        for layer in drawn.weights.indices {
            solution.addStep(.symbol(Symbol("W", layer: layer + 1)), [.matrix(Matrix(drawn.weights[layer]))])
            solution.addStep(.symbol(Symbol("b", layer: layer + 1)), [.matrix(Matrix(column: drawn.biases[layer]))])
        }
        return solution
    }
}
