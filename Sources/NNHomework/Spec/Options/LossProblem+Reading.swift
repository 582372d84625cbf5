import NNCore

extension LossProblem {
    /// The options that give the prediction and the target for each loss, in that order.
    static func sources(of name: String) -> (predictions: [String], targets: [String]) {
        switch name {
        case _ where regression.contains(name): (["--pred"], ["--target"])
        case "cross_entropy", "binary_cross_entropy": (["--scores", "--probs"], ["--labels", "--target"])
        case "nll": (["--probs"], ["--labels", "--target"])
        case "multiclass_hinge": (["--scores"], ["--labels"])
        case "kl_divergence": (["--q"], ["--p"])
        case "entropy": (["--p"], [])
        default: (["--scores"], ["--labels", "--target"])
        }
    }

    /// Each parameter option and the losses that take it.
    static let parameterOptions: [(option: String, owners: [String])] = [
        ("--scale", ["squared_error"]),
        ("--delta", ["huber"]),
        ("--beta", ["smooth_l1"]),
        ("--margin", ["hinge", "squared_hinge", "multiclass_hinge"]),
        ("--gamma", ["focal"]),
        ("--alpha", ["focal"]),
        ("--base", ["kl_divergence", "entropy"]),
    ]

    /// "hinge takes --scores with --labels or --target".
    private static func takes(_ name: String) -> String {
        let (predictions, targets) = sources(of: name)
        let prediction = OptionType.list(predictions)
        return targets.isEmpty
            ? "\(name) takes \(prediction)" : "\(name) takes \(prediction) with \(OptionType.list(targets))"
    }

    static func refuseParameters(_ options: OptionValues, name: String) throws(InputError) {
        for (option, owners) in parameterOptions where options.isGiven(option) && !owners.contains(name) {
            throw InputError(
                at: option,
                .conflicts(with: "--name \(name)", because: "only \(OptionType.list(owners)) take \(option)"))
        }
    }

    /// What the prediction is, after checking that the options given are the loss's own.
    static func input(name: String, given: [String]) throws(InputError) -> Input {
        let (predictions, targets) = sources(of: name)
        if let stray = given.first(where: { !(predictions + targets).contains($0) }) {
            throw InputError(at: stray, .conflicts(with: "--name \(name)", because: takes(name)))
        }
        let prediction = predictions.filter(given.contains)
        guard let first = prediction.first else {
            throw InputError(at: predictions[0], .missing(give: "\(predictions[0]) (\(takes(name)))"))
        }
        if prediction.count > 1 { throw InputError(at: prediction[1], .eitherNotBoth(prediction[0], prediction[1])) }
        let target = targets.filter(given.contains)
        if !targets.isEmpty, target.isEmpty {
            throw InputError(at: targets[0], .missing(give: "\(targets[0]) (\(takes(name)))"))
        }
        if target.count > 1 { throw InputError(at: target[1], .eitherNotBoth(target[0], target[1])) }
        switch first {
        case "--scores": return .scores
        case "--probs": return .probabilities
        case "--pred": return .values
        default: return .distributions
        }
    }

    /// The matrix of `option`: rows separated by `;`, entries by spaces or commas, each a decimal or a fraction `1/3`.
    static func matrix(_ options: OptionValues, _ option: String) throws(InputError) -> Matrix {
        guard let text = options.text(option) else {
            throw InputError(at: option, .missing(give: "numbers, e.g. \(option) \"1 2 3; 0.5 -1 2\""))
        }
        return try NumberListText.rows(parsing: text, place: option)
    }

    /// The distribution rows of `option` (`--p`, `--q`).
    static func distribution(_ options: OptionValues, _ option: String) throws(InputError) -> Matrix {
        let matrix = try matrix(options, option)
        try requireProbabilities(matrix, option: option, distributions: true)
        return matrix
    }

    /// `--pred` and `--target`, of the same shape.
    static func values(_ options: OptionValues) throws(InputError) -> (Matrix, Matrix) {
        let prediction = try matrix(options, "--pred")
        let target = try matrix(options, "--target")
        guard prediction.rows == target.rows, prediction.columns == target.columns else {
            throw InputError(
                at: "--target",
                .shapesDiffer(target.rows, target.columns, other: "--pred", prediction.rows, prediction.columns))
        }
        return (prediction, target)
    }

    /// Every entry in [0, 1], and with `distributions` every row summing to 1.
    static func requireProbabilities(_ matrix: Matrix, option: String, distributions: Bool) throws(InputError) {
        for r in 0..<matrix.rows {
            let row = matrix.row(r)
            if let c = row.firstIndex(where: { !(0...1).contains($0) }) {
                throw InputError(at: option, .notAProbability(row[c], row: r + 1, column: c + 1))
            }
            let total = row.reduce(0, +)
            if distributions, abs(total - 1) > 1e-9 {
                throw InputError(at: option, .rowSum(row: r + 1, sum: total))
            }
        }
    }

    /// A `--target` the loss can take: distributions for cross-entropy, ±1 for the hinge losses, [0, 1] for BCE and focal.
    static func requireTargetValues(_ target: Matrix, name: String) throws(InputError) {
        switch name {
        case "cross_entropy", "nll":
            try requireProbabilities(target, option: "--target", distributions: true)
        case "binary_cross_entropy", "focal":
            try requireProbabilities(target, option: "--target", distributions: false)
        case _ where binary.contains(name):
            if let bad = target.elements.first(where: { $0 != 1 && $0 != -1 }) {
                throw InputError(at: "--target", .signLabel(bad, loss: name))
            }
        default:
            return
        }
    }

    /// `--labels`: one per sample, class indices (one-hot rows) or binary labels (a column).
    static func labels(_ options: OptionValues, name: String, samples: Int, classes: Int) throws(InputError)
        -> (Matrix, [Int]?)
    {
        let text = options.text("--labels") ?? ""
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\t" })
        var values: [Double] = []
        for (index, word) in words.enumerated() {
            guard let value = NumberListText.number(word) else {
                throw InputError(at: "--labels", .notAFiniteEntry(String(word), row: 1, column: index + 1))
            }
            values.append(value)
        }
        guard values.count == samples else {
            throw InputError(at: "--labels", .labelCount(count: values.count, samples: samples))
        }
        if binary.contains(name) {
            for value in values {
                if name == "binary_cross_entropy" || name == "focal" {
                    guard (0...1).contains(value) else { throw InputError(at: "--labels", .binaryTargetRange(value)) }
                } else if value != 1 && value != -1 {
                    throw InputError(at: "--labels", .signLabel(value, loss: name))
                }
            }
            return (Matrix(column: values), nil)
        }
        var indices: [Int] = []
        var oneHot = Matrix(rows: samples, columns: classes)
        for (sample, value) in values.enumerated() {
            guard value == value.rounded(), value >= 0, value < Double(classes), let k = Int(exactly: value) else {
                throw InputError(at: "--labels", .notAClassIndex(value, outputs: classes))
            }
            indices.append(k)
            oneHot[sample, k] = 1
        }
        return (oneHot, indices)
    }

    /// Refuses a probability of 0 (or 1) whose logarithm the loss takes: ln 0 = −∞.
    ///
    /// - Parameter option: the option that gave the prediction.
    func requireFiniteLogarithms(option: String) throws(InputError) {
        for r in 0..<prediction.rows {
            for c in 0..<prediction.columns {
                let (p, y) = (prediction[r, c], target[r, c])
                let zero: Bool
                switch loss.function {
                case .crossEntropy, .klDivergence: zero = y > 0 && p == 0
                case .binaryCrossEntropy: zero = (y > 0 && p == 0) || (y < 1 && p == 1)
                default: zero = false
                }
                if zero { throw InputError(at: option, .logarithmOfZero(p, row: r + 1, column: c + 1)) }
            }
        }
    }

    /// The loss function of `name` for the input given, with its parameters.
    static func function(name: String, input: Input, _ options: OptionValues) throws(InputError) -> Loss.Function {
        switch name {
        case "squared_error": return .squaredError(scale: options.number("--scale") ?? 1)
        case "mse": return .meanSquaredError
        case "mae": return .meanAbsoluteError
        case "huber": return .huber(delta: options.number("--delta") ?? 1)
        case "smooth_l1": return .smoothL1(beta: options.number("--beta") ?? 1)
        case "cross_entropy": return input == .scores ? .crossEntropyFromScores : .crossEntropy
        case "binary_cross_entropy": return input == .scores ? .binaryCrossEntropyFromLogits : .binaryCrossEntropy
        case "hinge": return .hinge(margin: options.number("--margin") ?? 1)
        case "squared_hinge": return .squaredHinge(margin: options.number("--margin") ?? 1)
        case "multiclass_hinge": return .multiclassHinge(margin: options.number("--margin") ?? 1)
        case "perceptron": return .perceptron
        case "logistic": return .logistic
        case "kl_divergence": return .klDivergence(base: try base(options))
        case "entropy": return .entropy(base: try base(options))
        default:
            let alphaText = options.text("--alpha") ?? "0.25"
            var alpha: Double?
            if alphaText != "none" {
                guard let value = NumberText.decimal(alphaText), (0...1).contains(value) else {
                    throw InputError(at: "--alpha", .expected("a number from 0 to 1, or none", got: alphaText))
                }
                alpha = value
            }
            return .focal(gamma: options.number("--gamma") ?? 2, alpha: alpha)
        }
    }

    /// `--base`: e (the default), 2, 10 or another number above 0 other than 1.
    private static func base(_ options: OptionValues) throws(InputError) -> Double {
        guard let text = options.text("--base"), text != "e" else { return Loss.naturalBase }
        guard let value = NumberText.decimal(text), value > 0, value != 1 else {
            throw InputError(at: "--base", .expected("e or a number above 0 other than 1", got: text))
        }
        return value
    }
}
