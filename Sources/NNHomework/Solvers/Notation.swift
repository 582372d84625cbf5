/// The letters a course uses for the quantities of a network.
///
/// The default is Bishop-style: a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾ is the
/// pre-activation and z⁽ˡ⁾ = f(a⁽ˡ⁾) the activation; δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾.
/// For a batch the same letters are capitalised (A⁽ˡ⁾, Z⁽ˡ⁾, Δ⁽ˡ⁾). JSON
/// keys never change with the notation.
public struct Notation: Sendable, Hashable {
    /// The preset's name, as `--notation` takes it: "a/z", "s/a", "z/a".
    public var name: String
    /// The pre-activation letter (a).
    public var preActivation: String
    /// The activation letter (z).
    public var activation: String
    /// The loss letter (L).
    public var loss: String
    /// The accent on the prediction (ŷ).
    public var predictionAccent: Symbol.Accent

    /// A notation with the given letters.
    public init(
        name: String = "a/z", preActivation: String = "a", activation: String = "z", loss: String = "L",
        predictionAccent: Symbol.Accent = .hat
    ) {
        self.name = name
        self.preActivation = preActivation
        self.activation = activation
        self.loss = loss
        self.predictionAccent = predictionAccent
    }

    /// Bishop-style, the default: a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾, z⁽ˡ⁾ = f(a⁽ˡ⁾), loss L, prediction ŷ.
    public static let bishop = Notation()
    /// s⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(s⁽ˡ⁾), loss L, prediction ŷ.
    public static let scoreActivation = Notation(name: "s/a", preActivation: "s", activation: "a")
    /// Ng-style: z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = g(z⁽ˡ⁾), cost J, prediction ŷ.
    public static let ng = Notation(name: "z/a", preActivation: "z", activation: "a", loss: "J")

    /// The presets `--notation` offers, with the other names each is known by.
    public static let presets: [(notation: Notation, aliases: [String])] = [
        (bishop, ["bishop", "az"]), (scoreActivation, ["sa"]), (ng, ["ng", "za"]),
    ]

    /// The loss letters `loss=` accepts.
    public static let lossLetters = ["L", "C", "E", "J"]

    /// A notation from `--notation`: a preset name, optionally followed by
    /// `,loss=J` (L, C, E or J) and `,prediction=tilde` (hat ŷ or tilde ỹ).
    ///
    /// - Throws: a usage error at `--notation` naming what it does not know.
    public init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        let names = Self.presets.map(\.notation.name)
        guard let preset = Self.presets.first(where: { $0.notation.name == parts[0] || $0.aliases.contains(parts[0]) })
        else {
            throw InputError(at: "--notation", .unknownNotation(String(parts[0]), notations: names))
        }
        self = preset.notation
        for part in parts.dropFirst() {
            let setting = part.split(separator: "=", maxSplits: 1).map(String.init)
            switch (setting.first, setting.count == 2 ? setting[1] : nil) {
            case ("loss", let letter?) where Self.lossLetters.contains(letter):
                loss = letter
            case ("prediction", "hat"?), ("prediction", "ŷ"?):
                predictionAccent = .hat
            case ("prediction", "tilde"?), ("prediction", "ỹ"?):
                predictionAccent = .tilde
            default:
                throw InputError(at: "--notation", .unknownNotationSetting(String(part)))
            }
        }
    }

    /// The prediction as text: ŷ or ỹ.
    public var prediction: String { predictionAccent == .tilde ? "ỹ" : "ŷ" }

    /// One line for `nnhw notation --list`.
    public var summary: String {
        "\(preActivation)⁽ˡ⁾ = W⁽ˡ⁾ \(activation)⁽ˡ⁻¹⁾ + b⁽ˡ⁾ (pre-activation), \(activation)⁽ˡ⁾ = f(\(preActivation)⁽ˡ⁾) "
            + "(activation), δ⁽ˡ⁾ = ∂\(loss)/∂\(preActivation)⁽ˡ⁾, loss \(loss), prediction \(prediction)"
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

    /// a⁽ˡ⁾ of a general layer named by letters: a⁽ˡ⁾ (A⁽ˡ⁾ for a batch).
    func a(named layer: String) -> MathExpression {
        .symbol(Symbol(letter(notation.preActivation), layerName: layer))
    }
    /// z⁽ˡ⁻¹⁾ of a general layer named by letters (Z⁽ˡ⁻¹⁾ for a batch).
    func z(named layer: String) -> MathExpression {
        .symbol(Symbol(letter(notation.activation), layerName: layer))
    }
    /// δ⁽ˡ⁾ of a general layer named by letters (Δ⁽ˡ⁾ for a batch).
    func delta(named layer: String) -> MathExpression {
        .symbol(Symbol(isBatch ? "Δ" : "δ", layerName: layer))
    }
    /// W⁽ˡ⁾ of a general layer, optionally W⁽ˡ⁾ᵀ.
    func weights(named layer: String, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol("W", isTransposed: transposed, layerName: layer))
    }
    /// b⁽ˡ⁾ of a general layer, optionally b⁽ˡ⁾ᵀ.
    func bias(named layer: String, transposed: Bool = false) -> MathExpression {
        .symbol(Symbol("b", isTransposed: transposed, layerName: layer))
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
    /// f′, the derivative of an activation.
    var derivative: MathExpression { .symbol(Symbol("f", isPrime: true)) }
    /// ℓₛ, the loss of sample s (ℓ₁ for `sample` 1).
    func sampleLoss(_ sample: String) -> MathExpression { .symbol(Symbol("ℓ", index: sample)) }
}
