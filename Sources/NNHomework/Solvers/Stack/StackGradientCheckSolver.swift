import NNCore

/// Checks backpropagation through a network of typed layers against central
/// differences, for every parameter and every input value, as a worked
/// solution with a verdict.
///
/// The analytic derivative a comes from backpropagation, the numeric one from
/// n = (L(…, w + ε, …) − L(…, w − ε, …)) / 2ε; an entry passes when
/// |a − n| ≤ atol + rtol·|n|. An entry whose ±ε moves a pre-activation across
/// a kink, or changes which value a max pool picks, is reported as a kink and not counted.
public struct StackGradientCheckSolver: Sendable {
    /// ε and the tolerances.
    public var check: GradientCheck
    /// The letters of the loss.
    public var notation: Notation

    /// A solver with the given check.
    public init(check: GradientCheck = GradientCheck(), notation: Notation = Notation()) {
        self.check = check
        self.notation = notation
    }

    /// One checked entry.
    struct Entry {
        let name: String
        let symbol: MathExpression
        let analytic: Double
        let numeric: Double
        let lossPlus: Double
        let lossMinus: Double
        let isNearKink: Bool

        var absoluteError: Double { abs(analytic - numeric) }
        var relativeError: Double {
            let scale = max(abs(analytic), abs(numeric))
            return scale == 0 ? 0 : absoluteError / scale
        }
    }

    /// The most forward passes a check may take, in values computed: entries × network size × samples.
    public static let maximumWork = 1 << 32

    /// The check of `problem`.
    ///
    /// - Returns: the worked solution, and whether every counted entry passes.
    /// - Throws: an ``InputError`` without a target, for a check too large, or as the stack solver does.
    public func solve(_ problem: StackProblem) throws(InputError) -> (solution: Solution, passes: Bool) {
        _ = try StackSolver(notation: notation).forward(problem)
        guard let target = problem.target else {
            throw InputError(at: "target", .missingTarget(for: "a gradient check"))
        }
        let stack = problem.stack
        let gradients = stack.backward(stack.forward(problem.input), target: target)
        let parameters = stack.parameters
        let entries = parameters.count + problem.input.elements.count
        let size = Self.passCost(stack) * max(1, problem.sampleCount)
        let (work, overflow) = entries.multipliedReportingOverflow(by: max(1, size))
        guard !overflow, work <= Self.maximumWork else {
            throw InputError(
                at: "--net",
                .checkTooLarge(
                    checked: entries, parameters: parameters.count, samples: problem.sampleCount,
                    affordable: Self.maximumWork / max(1, size)))
        }
        var results: [Entry] = []
        let differences = stack.centralDifferences(
            parameters, input: problem.input, target: target, epsilon: check.epsilon)
        for (parameter, difference) in zip(parameters, differences) {
            let (name, symbol) = Self.name(of: parameter, in: stack)
            results.append(
                Entry(
                    name: name, symbol: symbol, analytic: gradients[parameter], numeric: difference.numeric,
                    lossPlus: difference.lossPlus, lossMinus: difference.lossMinus, isNearKink: difference.crossesKink))
        }
        results += inputEntries(problem, target: target, gradient: gradients.inputGradient)
        var report = StackGradientCheckReport(problem: problem, check: check, notation: notation, entries: results)
        report.write()
        try report.solution.requireFinite(blaming: "input")
        return (report.solution, report.passes)
    }

    /// About how many multiply-adds one forward pass of one sample takes: each layer's
    /// output values times the products each one sums.
    static func passCost(_ stack: LayerStack) -> Int {
        zip(stack.layers, stack.shapes.dropFirst()).reduce(0) { total, pair in
            let (layer, output) = pair
            let products: Int
            switch layer {
            case .dense(let dense): products = dense.inputCount
            case .convolution(let convolution):
                products = convolution.inputChannels * convolution.kernelSize.height * convolution.kernelSize.width
            case .pooling(let pooling): products = pooling.size * pooling.size
            default: products = 1
            }
            return total + output.count * products
        }
    }

    /// ∂L/∂x for each input value against its central difference.
    private func inputEntries(_ problem: StackProblem, target: Matrix, gradient: Matrix) -> [Entry] {
        let stack = problem.stack
        var entries: [Entry] = []
        for index in problem.input.elements.indices {
            let (row, column) = index.quotientAndRemainder(dividingBy: problem.input.columns)
            var plus = problem.input
            plus[row, column] += check.epsilon
            var minus = problem.input
            minus[row, column] -= check.epsilon
            let plusPass = stack.forward(plus)
            let minusPass = stack.forward(minus)
            let (lossPlus, lossMinus) = (
                stack.loss(of: plusPass, target: target), stack.loss(of: minusPass, target: target)
            )
            let shape = stack.inputShape
            let (channel, offset) = column.quotientAndRemainder(dividingBy: shape.mapSize)
            let (i, j) = offset.quotientAndRemainder(dividingBy: shape.width)
            let within = shape.isImage ? "\(channel + 1),\(i + 1),\(j + 1)" : "\(column + 1)"
            let position = problem.isBatch ? "\(row + 1),\(within)" : within
            entries.append(
                Entry(
                    name: "x[\(position)]", symbol: .symbol(Symbol("x", index: position)),
                    analytic: gradient.elements[index], numeric: (lossPlus - lossMinus) / (2 * check.epsilon),
                    lossPlus: lossPlus, lossMinus: lossMinus, isNearKink: stack.crossesKink(plusPass, minusPass)))
        }
        return entries
    }

    /// `W4[1,2]` and W₁,₂⁽⁴⁾; `K1[o,c,m,n]`, `b1[o]`, `gamma2[i]`, `beta2[i]`, counted from 1.
    static func name(of parameter: StackParameter, in stack: LayerStack) -> (String, MathExpression) {
        let l = parameter.layer + 1
        let i = parameter.index
        switch stack.layers[parameter.layer] {
        case .dense(let dense):
            guard parameter.tensor == 0 else {
                return ("b\(l)[\(i + 1)]", .symbol(Symbol("b", layer: l, index: "\(i + 1)")))
            }
            let (row, column) = i.quotientAndRemainder(dividingBy: dense.inputCount)
            return (
                "W\(l)[\(row + 1),\(column + 1)]", .symbol(Symbol("W", layer: l, index: "\(row + 1),\(column + 1)"))
            )
        case .convolution(let convolution):
            guard parameter.tensor == 0 else {
                return ("b\(l)[\(i + 1)]", .symbol(Symbol("b", layer: l, index: "\(i + 1)")))
            }
            let (height, width) = convolution.kernelSize
            let (kernel, entry) = i.quotientAndRemainder(dividingBy: height * width)
            let (o, c) = kernel.quotientAndRemainder(dividingBy: convolution.inputChannels)
            let (m, n) = entry.quotientAndRemainder(dividingBy: width)
            let position = "\(o + 1),\(c + 1),\(m + 1),\(n + 1)"
            return ("K\(l)[\(position)]", .symbol(Symbol("K", layer: l, index: position)))
        default:
            let (name, letter) = parameter.tensor == 0 ? ("gamma", "γ") : ("beta", "β")
            return ("\(name)\(l)[\(i + 1)]", .symbol(Symbol(letter, layer: l, index: "\(i + 1)")))
        }
    }
}
