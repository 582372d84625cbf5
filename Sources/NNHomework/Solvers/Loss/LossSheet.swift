import NNCore

/// How `nnhw loss` writes one problem: its symbols (s for scores, p for
/// probabilities, ŷ for predicted values, q against p for distributions),
/// the conventions it states, and each sample's loss with the numbers put in.
struct LossSheet {
    let problem: LossProblem

    private var function: Loss.Function { problem.loss.function }
    private var outputs: Int { problem.prediction.columns }

    /// The option errors of a result are blamed on: the prediction's.
    var place: String {
        switch problem.input {
        case .scores: "--scores"
        case .probabilities: "--probs"
        case .values: "--pred"
        case .distributions: function == .entropy(base: baseValue) ? "--p" : "--q"
        }
    }

    private var baseValue: Double {
        switch function {
        case .klDivergence(let base), .entropy(let base): base
        default: Loss.naturalBase
        }
    }

    /// The prediction's letter: s, p, ŷ or q.
    var letter: String { predictionLetter }

    /// Whether the loss takes one score per sample.
    var isBinaryProblem: Bool { isBinary }

    private var predictionLetter: String {
        switch problem.input {
        case .scores: "s"
        case .probabilities: "p"
        case .values: "ŷ"
        case .distributions: function == .entropy(base: baseValue) ? "p" : "q"
        }
    }

    private var targetLetter: String { problem.input == .distributions ? "p" : "y" }

    /// ℓᵢ.
    func sampleLoss(_ index: String) -> MathExpression { .symbol(Symbol("ℓ", index: index)) }

    /// sᵢ (pᵢ, ŷᵢ, qᵢ): the prediction of sample i.
    func predictionSymbol(_ index: String) -> MathExpression { .symbol(Symbol(predictionLetter, index: index)) }

    /// S (P, Ŷ, Q): the whole prediction.
    var predictionMatrix: MathExpression {
        switch predictionLetter {
        case "ŷ": .symbol(Symbol("Y", accent: .hat))
        default: .symbol(Symbol(predictionLetter.uppercased()))
        }
    }

    private var isBinary: Bool { LossProblem.binary.contains(problem.name) }

    /// ℓᵢ as a formula in the sample's entries.
    var formula: MathExpression {
        let n = isBinary ? 1 : outputs
        let prediction = MathExpression.symbol(Symbol(predictionLetter, index: n == 1 ? nil : "j"))
        let target = MathExpression.symbol(Symbol(targetLetter, index: n == 1 ? nil : "j"))
        return LossFormula(
            function: function, prediction: prediction, target: target, outputs: n, letter: predictionLetter
        )
        .expression
    }
}
