import NNCore

/// Solves `nnhw chain`: the gradient G · f₁ ⋯ fₙ that reaches the start of a
/// chain of local derivatives (with skip paths and residual blocks), the same
/// over several depths, or the norm of every δ⁽ˡ⁾ of a network — each with a
/// verdict on whether the gradient vanishes, is preserved or explodes
/// (thresholds in ``GainVerdict``).
public struct ChainSolver: Sendable {
    /// The letters of the course: the loss letter, and the pre-activation of δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾.
    public var notation: Notation

    /// A solver writing in `notation`.
    public init(notation: Notation = Notation()) {
        self.notation = notation
    }

    /// The worked solution of `problem`.
    ///
    /// - Throws: an ``InputError`` when a gradient overflows, or the network's errors.
    public func solve(_ problem: ChainProblem) throws(InputError) -> Solution {
        switch problem {
        case .chain(let chain): try solve(chain)
        case .depths(let sweep): try solve(sweep)
        case .network(let network): try solve(network)
        }
    }

    /// One chain: ∂L/∂x = G · f₁ ⋯ fₙ, its gain and verdict.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--factors` when the gradient overflows.
    public func solve(_ chain: GradientChain) throws(InputError) -> Solution {
        let count = chain.factors.count
        var solution = Solution(
            title:
                "Gradient through a chain \(Prose.titleSeparator) \(count) local \(count == 1 ? "derivative" : "derivatives") \(Prose.titleSeparator) upstream \(given: chain.upstream)",
            preamble: preamble(skips: chain.skipsWholeChain, blockSize: chain.blockSize) + [GainVerdict.thresholds])
        solution.beginSection("Chain rule")
        solution.addStep(
            gradientSymbol,
            [symbolic(chain), written(chain)] + blockValues(chain) + [
                exact(chain.gradient, of: [chain.upstream] + chain.factors)
            ],
            producing: ["gradient"])
        solution.addStep(
            .text("gain"), [gainFormula(chain), exact(chain.gain, of: chain.factors)], producing: ["gain"])
        let verdict = GainVerdict(gain: chain.gain)
        solution.beginSection("Verdict")
        solution.addRemark(
            "The chain multiplies the gradient by \(exact(chain.gain, of: chain.factors)): the gradient \(verdict.words)."
                + skipRemark(chain))
        solution.result = .object([
            JSONMember("gradient", .number(chain.gradient)), JSONMember("gain", .number(chain.gain)),
            JSONMember("verdict", .string(verdict.name)),
        ])
        try solution.requireFinite(blaming: "--factors")
        return solution
    }

    /// The same local derivative over several depths: gₙ = G · fⁿ for each n.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--depth` when a gradient overflows.
    public func solve(_ sweep: DepthSweep) throws(InputError) -> Solution {
        let f = MathExpression.symbol(Symbol("f"))
        var solution = Solution(
            title:
                "Gradient over depth \(Prose.titleSeparator) \(factorTitle(sweep)) \(Prose.titleSeparator) upstream \(given: sweep.upstream)",
            preamble: depthPreamble(sweep) + [GainVerdict.thresholds])
        if let activation = sweep.activation {
            solution.beginSection("Local derivative")
            let notation = ActivationNotation(activation: activation.activation)
            solution.addStep(
                f, [notation.derivative(of: .number(activation.peak)), .number(activation.value)],
                note: peakNote(activation), producing: ["factor"])
        }
        solution.beginSection("Over depth")
        var rows: [JSONValue] = []
        for (index, depth) in sweep.depths.enumerated() {
            let chain = sweep.chain(depth: depth)
            var member = [JSONMember("depth", .number(Double(depth)))]
            if let blockSize = sweep.blockSize {
                member.append(JSONMember("blocks", .number(Double(depth / blockSize))))
            }
            member += [
                JSONMember("gradient", .number(chain.gradient)), JSONMember("gain", .number(chain.gain)),
            ]
            rows.append(.object(member))
            solution.addStep(
                .symbol(Symbol("g", index: "\(depth)")),
                depthValues(sweep, depth: depth) + [exact(chain.gradient, of: [chain.upstream] + chain.factors)],
                note: sweep.blockSize.map { blockNote(depth / $0) }, producing: ["rows[\(index)]"])
        }
        let deepest = sweep.depths.max() ?? 1
        let deepestChain = sweep.chain(depth: deepest)
        let verdict = GainVerdict(gain: deepestChain.gain)
        solution.beginSection("Verdict")
        solution.addRemark(
            "At depth \(deepest) the chain multiplies the gradient by \(exact(deepestChain.gain, of: deepestChain.factors)): "
                + "the gradient \(verdict.words). " + trend(sweep))
        solution.result = .object([
            JSONMember("factor", .number(sweep.factor)), JSONMember("rows", .array(rows)),
            JSONMember("verdict", .string(verdict.name)),
        ])
        try solution.requireFinite(blaming: "--depth")
        return solution
    }

    // MARK: - Notation

    /// ∂L/∂x, in the notation's loss letter.
    private var gradientSymbol: MathExpression {
        .partial(of: .symbol(Symbol(notation.loss)), withRespectTo: .symbol(Symbol("x")))
    }

    private var upstreamSymbol: MathExpression { .symbol(Symbol("G")) }

    private func factorSymbol(_ index: Int) -> MathExpression { .symbol(Symbol("f", index: "\(index)")) }

    /// The most decimals a product is shown with in full.
    static let maximumExactDecimals = 12

    /// A product of the decimals `factors` (and sums of such products with 1),
    /// shown with every decimal it can have — the sum of the factors' decimals,
    /// 6 for 0.01 · 0.005 · 0.1 = 0.000005 — when that is at most
    /// ``maximumExactDecimals``, else rounded as the renderer rounds.
    func exact(_ value: Double, of factors: [Double]) -> MathExpression {
        var decimals = 0
        for factor in factors {
            decimals += CheckDigits.exactDecimals(factor)
            if decimals > Self.maximumExactDecimals { return .number(value) }
        }
        return .preciseNumber(value, decimals: decimals)
    }

    private func preamble(skips: Bool, blockSize: Int?) -> [Prose] {
        let y = MathExpression.symbol(Symbol("y"))
        let upstream = MathExpression.partial(of: .symbol(Symbol(notation.loss)), withRespectTo: y)
        var lines: [Prose] = [
            "By the chain rule the gradient at the start \(Symbol("x")) of a chain is the upstream gradient "
                + "\(.equation(upstreamSymbol, upstream)) arriving at its end \(y) times every local derivative "
                + "\(factorSymbol(1)), \(factorSymbol(2)), \(MathExpression.text("…")) on the way."
        ]
        if let blockSize {
            let x = MathExpression.symbol(Symbol("x"))
            let block = MathExpression.equation(y, .infix(.plus, [x, .apply(FunctionName("F"), [x])]))
            lines.append(
                "A residual block \(block) has \(MathExpression.equation(.partial(of: y, withRespectTo: x), .infix(.plus, [.count(1), .apply(FunctionName("F", isDerivative: true), [x])]))): "
                    + "each block of \(blockSize) \(blockSize == 1 ? "layer" : "layers") multiplies the gradient by "
                    + "\(1) + the product of its local derivatives.")
        }
        if skips {
            lines.append(
                "A skip path around the whole chain adds its own derivative \(1) to the chain's product.")
        }
        return lines
    }

    // MARK: - One chain

    /// The most factors a plain chain writes one by one; a longer one writes f₁ · f₂ · ⋯ · fₙ,
    /// and its numbers as a power when they are all the same.
    static let maximumWrittenFactors = 6

    /// G · f₁ · f₂ ⋯ (with blocks and a skip path), in symbols.
    private func symbolic(_ chain: GradientChain) -> MathExpression {
        let count = chain.factors.count
        if chain.blockSize == nil, count > Self.maximumWrittenFactors {
            let factors = [factorSymbol(1), factorSymbol(2), .text("⋯"), factorSymbol(count)]
            return formula(chain, upstream: upstreamSymbol, factors: factors)
        }
        return formula(chain, upstream: upstreamSymbol, factors: (0..<count).map { factorSymbol($0 + 1) })
    }

    /// G · f₁ · f₂ ⋯ with the numbers put in.
    private func written(_ chain: GradientChain) -> MathExpression {
        formula(chain, upstream: .given(chain.upstream), factors: writtenFactors(chain))
    }

    /// The factors as given, or fⁿ when a long plain chain repeats one factor.
    private func writtenFactors(_ chain: GradientChain) -> [MathExpression] {
        if chain.blockSize == nil, chain.factors.count > Self.maximumWrittenFactors,
            let first = chain.factors.first, chain.factors.allSatisfy({ $0 == first })
        {
            return [.power(.given(first), .number(Double(chain.factors.count)))]
        }
        return chain.factors.map(MathExpression.given)
    }

    /// The gradient formula of `chain` over the given upstream and factors.
    private func formula(
        _ chain: GradientChain, upstream: MathExpression, factors: [MathExpression]
    ) -> MathExpression {
        .infix(.times, [upstream] + gainFactors(chain, factors: factors))
    }

    /// The factors of the gain: f₁, f₂ (plain), (1 + f₁ · f₂) per block, (… + 1) with a skip path.
    private func gainFactors(_ chain: GradientChain, factors: [MathExpression]) -> [MathExpression] {
        var terms: [MathExpression] = factors
        if let blockSize = chain.blockSize {
            terms = stride(from: 0, to: factors.count, by: blockSize).map { start in
                let block = Array(factors[start..<(start + blockSize)])
                return .parenthesized(.infix(.plus, [.count(1), block.count == 1 ? block[0] : .infix(.times, block)]))
            }
        }
        guard chain.skipsWholeChain else { return terms }
        let product: MathExpression = terms.count == 1 ? terms[0] : .infix(.times, terms)
        return [.parenthesized(.infix(.plus, [product, .count(1)]))]
    }

    /// The gain with the numbers put in.
    private func gainFormula(_ chain: GradientChain) -> MathExpression {
        let factors = gainFactors(chain, factors: writtenFactors(chain))
        guard factors.count == 1 else { return .infix(.times, factors) }
        if case .parenthesized(let inner) = factors[0] { return inner }
        return factors[0]
    }

    /// G · 1.25 · 1.25 (each block's value), or G · 1.0005 with a skip path, where that shortens the line.
    private func blockValues(_ chain: GradientChain) -> [MathExpression] {
        guard chain.blockSize != nil || chain.skipsWholeChain else { return [] }
        let values =
            chain.skipsWholeChain
            ? [exact(chain.gain, of: chain.factors)]
            : zip(chain.blockGains, chain.blocks).map { exact($0, of: $1) }
        return [.infix(.times, [.given(chain.upstream)] + values)]
    }

    private func skipRemark(_ chain: GradientChain) -> Prose {
        guard chain.skipsWholeChain || chain.blockSize != nil else { return "" }
        let plain = chain.upstream * chain.factors.reduce(1, *)
        return
            " Without the skip \(chain.blockSize == nil ? "path" : "paths") the gradient would be \(exact(plain, of: [chain.upstream] + chain.factors)), the upstream gradient times the bare product."
    }

    // MARK: - Depth

    private func factorTitle(_ sweep: DepthSweep) -> Prose {
        if let activation = sweep.activation {
            return "\(activation.rawValue) layers (\(Symbol("f")) = \(exact(sweep.factor, of: [sweep.factor])))"
        }
        return "factor \(given: sweep.factor) per layer"
    }

    private func depthPreamble(_ sweep: DepthSweep) -> [Prose] {
        let n = MathExpression.symbol(Symbol("n"))
        let f = MathExpression.symbol(Symbol("f"))
        let g = MathExpression.symbol(Symbol("g", index: "n"))
        var formula = MathExpression.power(f, n)
        var lines: [Prose] = []
        if let blockSize = sweep.blockSize {
            let blocks = MathExpression.symbol(Symbol("B"))
            formula = .power(.parenthesized(.infix(.plus, [.count(1), .power(f, .number(Double(blockSize)))])), blocks)
            lines.append(
                "The \(n) layers form \(.equation(blocks, .infix(.divide, [n, .count(blockSize)]))) residual blocks "
                    + "of \(blockSize); a block \(.equation(.symbol(Symbol("y")), .infix(.plus, [.symbol(Symbol("x")), .apply(FunctionName("F"), [.symbol(Symbol("x"))])]))) "
                    + "multiplies the gradient by \(.infix(.plus, [.count(1), .power(f, .number(Double(blockSize)))])), "
                    + "its skip path's \(1) plus the product of its layers' local derivatives.")
        }
        if sweep.skipsWholeChain { formula = .parenthesized(.infix(.plus, [formula, .count(1)])) }
        lines.insert(
            "Every layer has the same local derivative \(f); \(g) is the gradient \(gradientSymbol) after \(n) layers: "
                + "\(.equation(g, .infix(.times, [upstreamSymbol, formula]))), with the upstream gradient "
                + "\(.equation(upstreamSymbol, .given(sweep.upstream)))"
                + (sweep.skipsWholeChain ? " and a skip path around the whole chain." : "."),
            at: 0)
        if let activation = sweep.activation {
            lines.append(
                "\(f) is the largest derivative of \(activation.rawValue) and the weights are taken as \(1): "
                    + "the most gradient such a layer can pass on; real layers pass on less.")
        }
        return lines
    }

    /// 0.5 · 0.5⁶, or 0.5 · (1 + 0.5²)³ = 0.5 · 1.25³ in residual blocks.
    private func depthValues(_ sweep: DepthSweep, depth: Int) -> [MathExpression] {
        let f = sweep.activation == nil ? MathExpression.given(sweep.factor) : exact(sweep.factor, of: [sweep.factor])
        let upstream = MathExpression.given(sweep.upstream)
        func power(_ base: MathExpression, _ exponent: Int) -> MathExpression {
            exponent == 1 ? base : .power(base, .number(Double(exponent)))
        }
        let skip = { (gain: MathExpression) in
            sweep.skipsWholeChain ? MathExpression.parenthesized(.infix(.plus, [gain, .count(1)])) : gain
        }
        guard let blockSize = sweep.blockSize else {
            return [.infix(.times, [upstream, skip(power(f, depth))])]
        }
        let blocks = depth / blockSize
        let block = MathExpression.parenthesized(.infix(.plus, [.count(1), power(f, blockSize)]))
        let blockFactors = Array(repeating: sweep.factor, count: blockSize)
        let blockGain = exact(1 + blockFactors.reduce(1, *), of: blockFactors)
        return [
            .infix(.times, [upstream, skip(power(block, blocks))]),
            .infix(.times, [upstream, skip(power(blockGain, blocks))]),
        ]
    }

    private func blockNote(_ blocks: Int) -> Prose {
        "\(blocks) \(blocks == 1 ? "block" : "blocks")"
    }

    private func peakNote(_ activation: PeakDerivative) -> Prose {
        switch activation {
        case .sigmoid:
            "\(.equation(.apply(FunctionName("σ", isDerivative: true), [.symbol(Symbol("a"))]), .product([.apply(FunctionName("σ"), [.symbol(Symbol("a"))]), .parenthesized(.infix(.minus, [.count(1), .apply(FunctionName("σ"), [.symbol(Symbol("a"))])]))]))) is largest at \(.equation(.symbol(Symbol("a")), .count(0)))"
        case .tanh:
            "\(.equation(.apply(FunctionName("tanh", isDerivative: true), [.symbol(Symbol("a"))]), .infix(.minus, [.count(1), .power(.apply(FunctionName("tanh"), [.symbol(Symbol("a"))]), .number(2))]))) is largest at \(.equation(.symbol(Symbol("a")), .count(0)))"
        case .relu:
            "\(MathExpression.apply(FunctionName("ReLU", isDerivative: true), [.symbol(Symbol("a"))])) is \(1) for every positive \(Symbol("a"))"
        }
    }

    /// How the gain changes from one layer (or block) to the next, and from which depth it vanishes or explodes.
    private func trend(_ sweep: DepthSweep) -> Prose {
        guard !sweep.skipsWholeChain else {
            return sweep.factor.magnitude < 1
                ? "The skip path adds \(1) to the chain's product at every depth, so the gain tends to \(1) as "
                    + "\(MathExpression.power(.symbol(Symbol("f")), .symbol(Symbol("n")))) shrinks."
                : "The skip path adds \(1) to the chain's product at every depth."
        }
        let stepFactors = Array(repeating: sweep.factor, count: sweep.blockSize ?? 1)
        let step = sweep.blockSize == nil ? sweep.factor : 1 + stepFactors.reduce(1, *)
        let unit = sweep.blockSize == nil ? "layer" : "block"
        let size = step.magnitude
        if size == 0 { return "A factor of \(0) stops the gradient at the first \(unit)." }
        if size == 1 { return "Each \(unit) passes the gradient on with its size unchanged, at every depth." }
        let shrinks = size < 1
        var gain = 1.0
        var count = 0
        while count < DepthSweep.maximumDepth, shrinks ? gain >= 0.01 : gain <= 100 {
            gain *= size
            count += 1
        }
        let layers = count * (sweep.blockSize ?? 1)
        let crossed = shrinks ? gain < 0.01 : gain > 100
        guard crossed else {
            return
                "Each \(unit) multiplies it by \(exact(step, of: stepFactors)): the gain stays between \(MathExpression.fraction(.count(1), .count(100))) "
                + "and \(100) up to depth \(DepthSweep.maximumDepth * (sweep.blockSize ?? 1))."
        }
        let limit: Prose = shrinks ? "below \(MathExpression.fraction(.count(1), .count(100)))" : "above \(100)"
        let when: Prose =
            sweep.blockSize == nil
            ? "from depth \(layers) on" : "from \(count) blocks (depth \(layers)) on"
        return
            "Each \(unit) multiplies it by \(exact(step, of: stepFactors)), so it \(shrinks ? "shrinks" : "grows") geometrically "
            + "with depth: \(shrinks ? "vanished" : "exploded") (gain \(limit)) \(when)."
    }
}
