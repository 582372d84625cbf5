/// The letters a course uses for the quantities of a network.
///
/// The default is Bishop-style: a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾ is the
/// pre-activation and z⁽ˡ⁾ = f(a⁽ˡ⁾) the activation; δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾.
/// For a batch the same letters are capitalised (A⁽ˡ⁾, Z⁽ˡ⁾, Δ⁽ˡ⁾).
public struct Notation: Sendable, Hashable {
    /// The pre-activation letter (a).
    public var preActivation: String
    /// The activation letter (z).
    public var activation: String
    /// The loss letter (L).
    public var loss: String
    /// The accent on the prediction (ŷ).
    public var predictionAccent: Symbol.Accent

    /// The default notation: a, z, L, ŷ.
    public init(
        preActivation: String = "a", activation: String = "z", loss: String = "L",
        predictionAccent: Symbol.Accent = .hat
    ) {
        self.preActivation = preActivation
        self.activation = activation
        self.loss = loss
        self.predictionAccent = predictionAccent
    }
}

/// The symbols of one problem: the notation's letters, capitalised for a batch.
struct NetworkSymbols {
    let notation: Notation
    let isBatch: Bool

    private func letter(_ lower: String) -> String { isBatch ? lower.uppercased() : lower }

    /// a⁽ˡ⁾ (A⁽ˡ⁾ for a batch).
    func a(_ layer: Int) -> MathExpression { .symbol(Symbol(letter(notation.preActivation), layer: layer)) }
    /// z⁽ˡ⁾ (Z⁽ˡ⁾ for a batch).
    func z(_ layer: Int, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol(letter(notation.activation), layer: layer, isTransposed: transposed))
    }
    /// δ⁽ˡ⁾ (Δ⁽ˡ⁾ for a batch).
    func delta(_ layer: Int, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol(isBatch ? "Δ" : "δ", layer: layer, isTransposed: transposed))
    }
    /// W⁽ˡ⁾, optionally W⁽ˡ⁾ᵀ.
    func weights(_ layer: Int, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol("W", layer: layer, isTransposed: transposed))
    }
    /// W̄⁽ˡ⁾: the weights without their bias column.
    func weightsWithoutBias(_ layer: Int, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol("W", layer: layer, accent: .bar, isTransposed: transposed))
    }
    /// b⁽ˡ⁾, optionally b⁽ˡ⁾ᵀ.
    func bias(_ layer: Int, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol("b", layer: layer, isTransposed: transposed))
    }
    /// x (X for a batch).
    var input: MathExpression { .symbol(Symbol(letter("x"))) }
    /// ŷ (Ŷ for a batch).
    var prediction: MathExpression { .symbol(Symbol(letter("y"), accent: notation.predictionAccent)) }
    /// ŷⱼ, one output of one sample.
    func prediction(index: String) -> MathExpression {
        .symbol(Symbol("y", index: index, accent: notation.predictionAccent))
    }
    /// y (Y for a batch).
    var target: MathExpression { .symbol(Symbol(letter("y"))) }
    /// yⱼ.
    func target(index: String) -> MathExpression { .symbol(Symbol("y", index: index)) }
    /// L.
    var loss: MathExpression { .symbol(Symbol(notation.loss)) }
    /// ∂L/∂q.
    func gradient(_ quantity: MathExpression) -> MathExpression { .partial(of: loss, withRespectTo: quantity) }
    /// 1, the all-ones column vector of a batch.
    var ones: MathExpression { .symbol(Symbol("1")) }
    /// η.
    var learningRate: MathExpression { .symbol(Symbol("η")) }
}
