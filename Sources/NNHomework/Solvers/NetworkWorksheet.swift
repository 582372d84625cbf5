import NNCore

/// The solution of one network problem while it is being written, with the
/// values of the forward pass and how to show them.
///
/// A single sample is held as a 1 × n row (NNCore's batch of one) and shown
/// as a column vector; a batch is shown as matrices, one sample per row.
struct NetworkWorksheet {
    let problem: NetworkProblem
    let pass: ForwardPass
    /// L, or nil when the problem gives no target and loss (a forward pass only).
    let loss: Double?
    let symbols: NetworkSymbols
    /// How intermediate values are rounded, or nil to carry them at full precision.
    let rounding: Rounding?
    var solution: Solution
    /// Piecewise derivative rules already stated, so each is stated once.
    var statedRules: Set<Prose> = []

    /// The worksheet of `problem`; `hook` (by default: `rounding`) settles each value of the pass.
    init(
        problem: NetworkProblem, notation: Notation, rounding: Rounding?, hook: PassHook? = nil, title: Prose
    ) throws(InputError) {
        let hook = hook ?? rounding.map(PassHook.init)
        self.problem = problem
        self.symbols = NetworkSymbols(notation: notation, isBatch: problem.isBatch)
        self.rounding = rounding
        self.pass = problem.network.forward(problem.input, hook: hook)
        try Self.requireFinite(pass)
        if let target = problem.target {
            try Self.requireDefinedLoss(problem, target: target, pass: pass)
            let value = problem.network.loss(of: pass, target: target, hook: hook)
            guard value.isFinite else {
                throw InputError(at: "loss", .lossOverflows)
            }
            self.loss = value
        } else {
            self.loss = nil
        }
        var preamble = Self.preamble(problem, symbols: symbols)
        if let rounding { preamble.insert(Self.roundingSentence(rounding, notation: notation), at: 0) }
        self.solution = Solution(title: Self.title(title, problem: problem, notation: notation), preamble: preamble)
    }

    /// The preamble line of `--round-intermediates K`.
    static func roundingSentence(_ rounding: Rounding, notation: Notation) -> Prose {
        let k = rounding.decimals
        let symbols = NetworkSymbols(notation: notation, isBatch: false)
        let quantities = Prose.joined(
            [
                symbols.a(named: "l"), symbols.z(named: "l"), symbols.loss, symbols.gradient(symbols.prediction),
                symbols.delta(named: "l"),
            ].map(Prose.init),
            separator: ", ")
        return
            "Intermediates rounded to \(k) \(k == 1 ? "decimal" : "decimals"), as by hand: each \(quantities), "
            + "gradient and update is rounded right after it is computed, and the rounded value is used from then on "
            + "(\(symbols.derivative) is computed from the rounded values and enters \(symbols.delta(named: "l")) unrounded)."
    }

    /// The JSON path of a key of layer l in ``result(gradients:updated:)``: `layers[l − 1].key`.
    func path(_ layer: Int, _ key: String) -> String {
        "layers[\(layer - 1)].\(key)"
    }

    /// A value as this solution carries it: rounded when intermediates are rounded.
    func rounded(_ value: Matrix) -> Matrix {
        rounding.map { $0.apply(value) } ?? value
    }

    /// A number as this solution carries it: rounded when intermediates are rounded.
    func rounded(_ value: Double) -> Double {
        rounding.map { $0.apply(value) } ?? value
    }

    var layerCount: Int { problem.network.layers.count }
    var isBatch: Bool { problem.isBatch }

    // MARK: Showing values

    /// A value taking part in a computation: a column vector for one sample, the matrix for a batch.
    func operand(_ value: Matrix) -> MathExpression {
        isBatch ? .matrix(value) : .matrix(value.transposed())
    }

    /// A value that is a result: written inline, (2, 8, 9)ᵀ, for one sample; the matrix for a batch.
    func result(_ value: Matrix) -> MathExpression {
        isBatch ? .matrix(value) : .inlineVector(value.row(0))
    }

    /// z⁽ˡ⁾ as the next layer sees it: with a leading 1 (a column of ones) when augmented.
    func layerInput(_ layer: Int) -> Matrix {
        let z = pass.activations[layer - 1]
        return problem.isAugmented ? Self.prependingOnes(to: z) : z
    }

    /// W⁽ˡ⁾ as given: with the bias column first when augmented.
    func shownWeights(_ layer: Int) -> Matrix {
        let dense = problem.network.layers[layer - 1]
        return problem.isAugmented ? Self.prepending(dense.bias, to: dense.weights) : dense.weights
    }

    /// ∂L/∂W⁽ˡ⁾ in the shape of the given weights (bias column first when augmented).
    func shownWeightGradient(_ gradients: Gradients, layer: Int) -> Matrix {
        let g = gradients.weightGradients[layer - 1]
        return problem.isAugmented ? Self.prepending(gradients.biasGradients[layer - 1], to: g) : g
    }

    /// The activation notation of layer l.
    func activation(_ layer: Int) -> ActivationNotation {
        ActivationNotation(activation: problem.network.layers[layer - 1].activation)
    }

    /// Whether a value is a single number (one sample, one unit): products use "·", not ⊙.
    func isScalar(_ value: Matrix) -> Bool { value.rows == 1 && value.columns == 1 }

    static func prependingOnes(to matrix: Matrix) -> Matrix {
        prepending(Array(repeating: 1, count: matrix.rows), to: matrix)
    }

    static func prepending(_ column: [Double], to matrix: Matrix) -> Matrix {
        Matrix(matrix.rowArrays.enumerated().map { [column[$0]] + $1 })
    }

    // MARK: Validation

    static func requireFinite(_ pass: ForwardPass) throws(InputError) {
        for (index, a) in pass.preActivations.enumerated() where !a.isFinite || !pass.activations[index + 1].isFinite {
            throw InputError(at: "layers[\(index)]", .layerOverflows(index))
        }
    }

    static func requireFinite(_ gradients: Gradients) throws(InputError) {
        let all = gradients.deltas + gradients.weightGradients + gradients.activationGradients
        guard all.allSatisfy(\.isFinite), gradients.biasGradients.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw InputError(at: "layers", .gradientOverflows)
        }
    }

    /// Cross-entropy of unfused outputs needs ŷ in (0, 1] where y > 0 (and below 1 where y < 1 for binary).
    static func requireDefinedLoss(_ problem: NetworkProblem, target: Matrix, pass: ForwardPass) throws(InputError) {
        try requireDefinedLoss(
            problem.network.loss, rule: problem.network.outputRule, output: pass.output, target: target)
    }

    /// The same for any network's loss, output rule, output ŷ and target Y.
    static func requireDefinedLoss(_ loss: Loss, rule: OutputRule, output: Matrix, target: Matrix) throws(InputError) {
        guard !rule.isFused else { return }
        let output = output.elements
        let target = target.elements
        switch loss.function {
        case .crossEntropy, .klDivergence:
            if let bad = output.indices.first(where: { target[$0] > 0 && !(output[$0] > 0) }) {
                throw InputError(at: "loss", .probabilityNotPositive(output[bad]))
            }
        case .binaryCrossEntropy:
            if let bad = output.indices.first(where: {
                (target[$0] > 0 && !(output[$0] > 0)) || (target[$0] < 1 && !(output[$0] < 1))
            }) {
                throw InputError(at: "loss", .predictionOutsideUnitInterval(output[bad]))
            }
        default:
            return
        }
    }

    // MARK: Title and conventions

    /// "Backward pass · 3 dense layers, ReLU · loss Σ(ŷ − y)² · one sample"; without a loss, no loss part.
    private static func title(_ kind: Prose, problem: NetworkProblem, notation: Notation) -> Prose {
        let count = problem.network.layers.count
        let names = problem.network.layers.map { ActivationNotation(activation: $0.activation).summary }
        let distinct = names.reduce(into: [Prose]()) { if !$0.contains($1) { $0.append($1) } }
        var parts: [Prose] = [
            kind, "\(count) dense \(count == 1 ? "layer" : "layers"), \(Prose.joined(distinct, separator: " / "))",
        ]
        if problem.target != nil { parts.append(LossNotation.name(of: problem.network.loss, notation: notation)) }
        parts.append(problem.isBatch ? "batch of \(problem.sampleCount)" : "one sample")
        return Prose.joined(parts, separator: " \(MathExpression.text("·")) ")
    }

    private static func preamble(_ problem: NetworkProblem, symbols: NetworkSymbols) -> [Prose] {
        var lines: [Prose] = []
        if let description = problem.description { lines.append(.written(description)) }
        let (a, z, previous) = (symbols.a(named: "l"), symbols.z(named: "l"), symbols.z(named: "l−1"))
        let (weights, bias) = (symbols.weights(named: "l"), symbols.bias(named: "l"))
        let activation = MathExpression.apply(FunctionName("f"), [a])
        let shape: Prose = "out \(MathExpression.text("×")) in"
        if problem.isBatch {
            let product = MathExpression.product([previous, symbols.weights(named: "l", transposed: true)])
            let ones = MathExpression.product([symbols.ones, symbols.bias(named: "l", transposed: true)])
            lines.append(
                "One sample per row: \(a) = \(MathExpression.infix(.plus, [product, ones])), \(z) = \(activation); weights are \(shape)."
            )
        } else if problem.isAugmented {
            lines.append(
                "Each weight row starts with the bias weight, so \(a) = \(MathExpression.product([weights, previous])) with a leading \(1) in \(previous)."
            )
        } else {
            let sum = MathExpression.infix(.plus, [.product([weights, previous]), bias])
            lines.append(
                "\(a) = \(sum) is the pre-activation and \(z) = \(activation) the activation; weights are \(shape).")
        }
        for (index, rule) in problem.initializations.enumerated() {
            guard let rule else { continue }
            let dense = problem.network.layers[index]
            let r = MathExpression.symbol(Symbol("r"))
            let (inputs, outputs) = (MathExpression.text("in"), MathExpression.text("out"))
            let fanIn: MathExpression
            let name: Prose
            switch rule {
            case .glorotUniform:
                fanIn = .parenthesized(.infix(.plus, [inputs, outputs]))
                name = "Glorot uniform"
            case .heUniform:
                fanIn = inputs
                name = "He uniform"
            }
            let bound = MathExpression.apply(FunctionName("√"), [.fraction(.count(6), fanIn)])
            let interval = MathExpression.apply(FunctionName("U"), [.product([.number(-1), r]), r])
            let value = rule.bound(inputs: dense.inputCount, outputs: dense.outputCount)
            lines.append(
                "Layer \(index + 1) gives only its size: \(symbols.weights(index + 1)) is drawn from \(interval) by \(name), "
                    + "\(r) = \(bound) = \(number: value) (seed \(code: String(problem.seed))), and \(symbols.bias(index + 1)) = \(0)."
            )
        }
        return lines
    }

    /// Digits of l as superscripts, for sentences written as plain strings.
    static func superscript(_ value: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(value).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
