import NNCore

/// One problem of `nnhw generate conv|pool|conv-size|softmax|optimize`: numbers
/// drawn so that the worked solution stays in integers or short decimals, the
/// command line that poses it, its statement and its answer key.
public struct GeneratedExercise: Sendable {
    /// What the problem asks for.
    public enum Kind: String, Sendable, CaseIterable {
        /// The feature map of a kernel over an input, with stride and padding.
        case conv
        /// Max or average pooling of a map.
        case pool
        /// The output shape and parameter count of a convolution layer.
        case convSize = "conv-size"
        /// Softmax probabilities of integer scores, rounded as the statement says.
        case softmax
        /// Gradient-descent (or momentum) steps on a quadratic of two variables.
        case optimize
    }

    /// The seed this variant was drawn from.
    public var seed: UInt64
    /// The nnhw command line (subcommand first) that solves the problem.
    public var arguments: [String]
    /// The problem statement: the numbers given, without any solution.
    public var statement: Solution
    /// The worked solution, as the subcommand prints it.
    public var key: Solution

    /// The variants of `kind`, variant i (from 0) drawn from seed `seed` + i; `decimals`
    /// bounds the decimals of every value of an `optimize` key and is what a `softmax` statement rounds to.
    ///
    /// - Throws: an ``InputError`` from the solver (which the draws are made to avoid).
    public static func variants(_ kind: Kind, seed: UInt64, count: Int, decimals: Int) throws(InputError)
        -> [GeneratedExercise]
    {
        var variants: [GeneratedExercise] = []
        for index in 0..<count {
            let variantSeed = seed &+ UInt64(index)
            var generator = SplitMix64(seed: variantSeed)
            let number = index + 1
            var exercise: GeneratedExercise
            switch kind {
            case .conv: exercise = try convolution(&generator, number: number)
            case .pool: exercise = try pooling(&generator, number: number)
            case .convSize: exercise = try convolutionSize(&generator, number: number)
            case .softmax: exercise = try softmax(&generator, number: number, decimals: decimals)
            case .optimize: exercise = try optimization(&generator, number: number, decimals: decimals)
            }
            exercise.seed = variantSeed
            exercise.key.title = "Answer \(String(number)) \(Prose.titleSeparator) \(exercise.key.title)"
            variants.append(exercise)
        }
        return variants
    }

    /// How many draws a kind tries before it gives up.
    static let maximumAttempts = 2_000

    /// An integer from `range`.
    static func draw(_ range: ClosedRange<Int>, _ generator: inout SplitMix64) -> Int {
        range.lowerBound + generator.nextInt(below: range.count)
    }

    /// A matrix of integers from `range`, not all zero.
    static func matrix(_ rows: Int, _ columns: Int, _ range: ClosedRange<Int>, _ generator: inout SplitMix64) -> Matrix
    {
        while true {
            let values = (0..<rows * columns).map { _ in Double(draw(range, &generator)) }
            if values.contains(where: { $0 != 0 }) { return Matrix(rows: rows, columns: columns, elements: values) }
        }
    }

    /// "1 2; 3 4", as `--input` and `--kernel` read a matrix.
    static func text(_ matrix: Matrix) -> String {
        matrix.rowArrays.map { $0.map(Self.text).joined(separator: " ") }.joined(separator: "; ")
    }

    /// A number as a command line writes it: 3, −0.5 as -0.5.
    static func text(_ x: Double) -> String { specText(x) }

    /// A statement titled "Problem N" with its task and the given values.
    static func statement(_ number: Int, task: [Prose], given: [(MathExpression, MathExpression)]) -> Solution {
        var solution = Solution(title: "Problem \(String(number))", preamble: task)
        guard !given.isEmpty else { return solution }
        solution.beginSection("Given")
        for (symbol, value) in given { solution.addStep(symbol, [value]) }
        return solution
    }

    private static func convolution(_ generator: inout SplitMix64, number: Int) throws(InputError) -> GeneratedExercise
    {
        while true {
            let size = draw(4...5, &generator)
            let kernel = draw(2...3, &generator)
            let stride = draw(1...2, &generator)
            let padding = draw(0...1, &generator)
            guard (size + 2 * padding - kernel) % stride == 0 else { continue }
            let input = matrix(size, size, 0...4, &generator)
            let weights = matrix(kernel, kernel, -1...2, &generator)
            let filter = Convolution2D(
                kernel: [weights], strideHeight: stride, strideWidth: stride, paddingHeight: .symmetric(padding),
                paddingWidth: .symmetric(padding))
            let key = try FeatureMapSolver().solve(.convolution(input: [input], filters: [filter]))
            let arguments = [
                "conv", "--input", text(input), "--kernel", text(weights), "--stride", "\(stride)", "--padding",
                "\(padding)",
            ]
            let task: Prose =
                "Compute the feature map \(MathExpression.symbol(Symbol("Y"))) of the kernel \(Symbol("K")) over the input \(Symbol("X")) (cross-correlation: the kernel is not flipped), with stride \(stride) and \(padding) \(padding == 1 ? "row and column" : "rows and columns") of zeros around \(Symbol("X"))."
            return GeneratedExercise(
                seed: 0, arguments: arguments,
                statement: statement(
                    number, task: [task],
                    given: [(.symbol(Symbol("X")), .matrix(input)), (.symbol(Symbol("K")), .matrix(weights))]),
                key: key)
        }
    }

    private static func pooling(_ generator: inout SplitMix64, number: Int) throws(InputError) -> GeneratedExercise {
        let mode: PoolingMode = draw(0...1, &generator) == 0 ? .max : .average
        var input = matrix(4, 4, 0...9, &generator)
        if mode == .average {
            // The last entry of each 2 × 2 window makes the window's sum a multiple of 4, so each mean is an integer.
            for row in stride(from: 0, to: 4, by: 2) {
                for column in stride(from: 0, to: 4, by: 2) {
                    let sum = input[row, column] + input[row, column + 1] + input[row + 1, column]
                    let remainder = Int(sum) % 4
                    input[row + 1, column + 1] =
                        Double(remainder == 0 ? 0 : 4 - remainder) + 4 * Double(draw(0...1, &generator))
                }
            }
        }
        let pooling = Pooling2D(kernelHeight: 2, kernelWidth: 2, strideHeight: 2, strideWidth: 2, mode: mode)
        let key = try FeatureMapSolver().solve(.pooling(input: [input], pooling: pooling))
        let name = mode == .max ? "max" : "average"
        return GeneratedExercise(
            seed: 0, arguments: ["pool", "--input", text(input), "--mode", mode.rawValue, "--size", "2"],
            statement: statement(
                number,
                task: [
                    "Compute the \(name) pooling of \(Symbol("X")) with 2 \(MathExpression.text("×")) 2 windows and stride 2."
                ],
                given: [(.symbol(Symbol("X")), .matrix(input))]),
            key: key)
    }

    private static func convolutionSize(_ generator: inout SplitMix64, number: Int) throws(InputError)
        -> GeneratedExercise
    {
        while true {
            let size = draw(8...64, &generator)
            let kernel = [1, 3, 5, 7][draw(0...3, &generator)]
            let padding = draw(0...3, &generator)
            let stride = draw(1...3, &generator)
            let channels = [1, 3][draw(0...1, &generator)]
            let filters = [4, 8, 16, 32][draw(0...3, &generator)]
            guard (size + 2 * padding - kernel) % stride == 0, padding < kernel else { continue }
            let dimension = ConvolutionDimension(
                inputSize: size, kernelSize: kernel, stride: stride, padding: .symmetric(padding))
            let problem = ConvolutionSizeProblem(
                inputHeight: size, inputWidth: size, inputChannels: channels, height: dimension, width: dimension,
                layer: .convolution(filters: filters, hasBias: true))
            let key = try ConvolutionSizeSolver().solve(problem)
            let shape = MathExpression.infix(.cross, [.count(size), .count(size), .count(channels)])
            let task: Prose =
                "A convolution layer with \(filters) filters of \(kernel) \(MathExpression.text("×")) \(kernel), stride \(stride) and padding \(padding) (and a bias per filter) takes an input of \(shape). Give the shape of its output and its number of parameters."
            return GeneratedExercise(
                seed: 0,
                arguments: [
                    "conv-size", "--input", "\(size)x\(size)x\(channels)", "--kernel", "\(kernel)", "--padding",
                    "\(padding)", "--stride", "\(stride)", "--filters", "\(filters)",
                ],
                statement: statement(number, task: [task], given: []), key: key)
        }
    }

    private static func softmax(_ generator: inout SplitMix64, number: Int, decimals: Int) throws(InputError)
        -> GeneratedExercise
    {
        let count = draw(3...4, &generator)
        var scores: [Double] = []
        while Set(scores).count < 2 { scores = (0..<count).map { _ in Double(draw(-2...3, &generator)) } }
        let key = try SoftmaxSolver().solve(SoftmaxProblem(scores: Matrix(row: scores), beta: 1, temperature: nil))
        return GeneratedExercise(
            seed: 0,
            arguments: ["softmax", "--scores", scores.map(text).joined(separator: " "), "--precision", "\(decimals)"],
            statement: statement(
                number,
                task: [
                    "Compute the softmax probabilities of the scores \(Symbol("s")), each rounded to \(decimals) \(decimals == 1 ? "decimal" : "decimals")."
                ],
                given: [(.symbol(Symbol("s")), .inlineVector(scores))]),
            key: key)
    }

    private static func optimization(_ generator: inout SplitMix64, number: Int, decimals: Int) throws(InputError)
        -> GeneratedExercise
    {
        for _ in 0..<maximumAttempts {
            let a = [1, 2][draw(0...1, &generator)]
            let b = [1, 2, 4][draw(0...2, &generator)]
            let start = (0..<2).map { _ in
                Double([4, 8, 16][draw(0...2, &generator)] * (draw(0...1, &generator) == 0 ? -1 : 1))
            }
            let steps = draw(2...3, &generator)
            let usesMomentum = draw(0...1, &generator) == 1
            let formula = "\(a == 1 ? "" : "\(a)*")x^2 + \(b == 1 ? "" : "\(b)*")y^2"
            let f: Expression
            do {
                f = try Expression(parsing: formula)
            } catch {
                preconditionFailure("The generated formula parses: \(formula)")
            }
            let rate = 0.125
            let method: Optimizer.Method = usesMomentum ? .momentum(0.5, .torch, nesterov: false) : .sgd
            let optimizer = Optimizer(method, learningRate: rate)
            let problem = OptimizeProblem(
                optimizer: optimizer, initial: start, gradients: .formula(f, variables: ["x", "y"]), steps: steps,
                initialState: optimizer.initialState(count: 2))
            let key = try OptimizationSolver().solve(problem)
            guard key.result.numbers(skipping: "lr").allSatisfy({ hasAtMost(decimals, $0) }) else { continue }
            var arguments = ["optimize", "--method", usesMomentum ? "momentum" : "sgd"]
            if usesMomentum { arguments += ["--momentum", "0.5"] }
            arguments += [
                "--f", formula, "--at", "x=\(text(start[0])),y=\(text(start[1]))", "--lr", "0.125", "--steps",
                "\(steps)",
            ]
            let (w, v, g) = (
                MathExpression.symbol(Symbol("w")), MathExpression.symbol(Symbol("v")),
                MathExpression.symbol(Symbol("g"))
            )
            let (mu, eta, arrow) = (
                MathExpression.symbol(Symbol("μ")), MathExpression.symbol(Symbol("η")), MathExpression.text("←")
            )
            let rule: Prose =
                usesMomentum
                ? "momentum with \(mu) = \(number: 0.5) in PyTorch's form \(v) \(arrow) \(MathExpression.infix(.plus, [.product([mu, v]), g])), \(w) \(arrow) \(MathExpression.infix(.minus, [w, .product([eta, v])])), \(v) starting at \(0), \(g) the gradient"
                : "plain gradient descent, \(w) \(arrow) \(MathExpression.infix(.minus, [w, .product([eta, .apply(FunctionName("∇f"), [w])])]))"
            return GeneratedExercise(
                seed: 0, arguments: arguments,
                statement: statement(
                    number,
                    task: [
                        "Take \(steps) steps of \(rule); \(Symbol("η")) = \(number: rate), on \(MathExpression.apply(FunctionName("f"), [.symbol(Symbol("x")), .symbol(Symbol("y"))])) = \(MathExpression(f, division: .slash)) from \(Symbol("w", index: "0")) = \(MathExpression.inlineVector(start)). Give each iterate."
                    ], given: []),
                key: key)
        }
        throw InputError(at: "--decimals", .noCleanDraw(decimals: decimals))
    }

    /// Whether `x` has at most `decimals` decimals.
    static func hasAtMost(_ decimals: Int, _ x: Double) -> Bool {
        var scaled = x
        for _ in 0..<decimals { scaled *= 10 }
        return abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled))
    }
}

extension JSONValue {
    /// Every number in the value, depth first, but those of the members named `key` (the given η).
    func numbers(skipping key: String) -> [Double] {
        switch self {
        case .number(let x): [x]
        case .array(let values): values.flatMap { $0.numbers(skipping: key) }
        case .object(let members): members.filter { $0.key != key }.flatMap { $0.value.numbers(skipping: key) }
        default: []
        }
    }
}

extension SoftmaxProblem {
    /// Scores s (one sample per row) with the coldness β, for a generated problem.
    init(scores: Matrix, beta: Double, temperature: Double?) {
        self.scores = scores
        self.beta = beta
        self.temperature = temperature
    }
}

extension OptimizeProblem {
    /// A run of `optimizer` from w₀ for `steps` steps, for a generated problem.
    init(
        optimizer: Optimizer, initial: [Double], gradients: GradientSource, steps: Int, initialState: OptimizerState
    ) {
        self.optimizer = optimizer
        self.initial = initial
        self.gradients = gradients
        self.steps = steps
        self.initialState = initialState
    }
}
