import NNCore

/// The lines of one optimizer step: each state update and the parameter
/// update, as a formula and, for a step taken, with the numbers put in.
///
/// Without a step the lines are the rule in general (time t), as a preamble states it.
struct OptimizerLines {
    /// One line: `lhs = formula = numbers = value`.
    struct Line {
        var lhs: MathExpression
        var formula: MathExpression
        var numbers: MathExpression?
        var value: [Double]?
        /// The key of the value in a step's JSON, when it has one.
        var key: String?
    }

    let optimizer: Optimizer
    let names: OptimizerNames
    /// How a vector of values of this problem is shown (a number, a vector, a matrix).
    let show: ([Double]) -> MathExpression
    /// Whether the parameters are one number (squares written x², not x ⊙ x).
    let isScalar: Bool

    /// The letter of the momentum: β in the exponential-average convention, μ otherwise.
    var momentumSymbol: MathExpression {
        if case .momentum(_, .ema, _) = optimizer.method { return .symbol(Symbol("β")) }
        return .symbol(Symbol("μ"))
    }

    /// The lines of `step`, or of the rule at time t when `step` is nil; `source`
    /// is what the gradient is, as a formula (∇f(w₀), ∂L/∂W⁽¹⁾), when it is not given.
    func lines(_ step: OptimizerStep?, source: MathExpression?) -> [Line] {
        let (now, before) = step.map { ("\($0.number)", "\($0.number - 1)") } ?? ("t", "t−1")
        let eta: MathExpression = .symbol(Symbol("η", index: step == nil ? "t" : now))
        let etaValue = step.map { MathExpression.given($0.learningRate) }
        let w = names("w", before)
        let g = names("g", now)
        var lines: [Line] = []
        func value(_ array: [Double]?) -> MathExpression? { array.map(show) }
        func add(
            _ lhs: MathExpression, _ formula: MathExpression, _ numbers: MathExpression?, _ result: [Double]?,
            key: String? = nil
        ) {
            lines.append(
                Line(lhs: lhs, formula: formula, numbers: step == nil ? nil : numbers, value: result, key: key))
        }
        func square(_ x: MathExpression) -> MathExpression {
            isScalar ? .power(x, .number(2)) : .infix(.hadamard, [x, x])
        }
        func quotient(_ x: MathExpression, _ y: MathExpression) -> MathExpression { .infix(.divide, [x, y]) }
        func root(_ x: MathExpression) -> MathExpression { .apply(FunctionName("√"), [x]) }
        let epsilon = MathExpression.symbol(Symbol("ε"))
        let epsilonValue = MathExpression.given(optimizer.epsilon)
        func weighted(_ factor: MathExpression, _ x: MathExpression) -> MathExpression { .product([factor, x]) }
        func oneMinus(_ x: MathExpression) -> MathExpression { .parenthesized(.infix(.minus, [.number(1), x])) }

        // The look-ahead point of Sutskever's and the lr-inside Nesterov.
        if case .momentum(let mu, let convention, nesterov: true) = optimizer.method,
            convention == .sutskever || convention == .lrInside
        {
            let op: InfixOperator = convention == .sutskever ? .plus : .minus
            add(
                names("w", before, accent: .tilde),
                .infix(op, [w, weighted(momentumSymbol, names("v", before))]),
                step.map {
                    .infix(op, [show($0.previous), weighted(.given(mu), show($0.stateBefore.velocity ?? []))])
                },
                step?.evaluationPoint, key: "point")
        }
        // The gradient, with the L2 term.
        var isDecoupled = false
        if case .adam(_, _, _, decoupled: true) = optimizer.method { isDecoupled = true }
        let lambda = optimizer.weightDecay
        if lambda != 0 && !isDecoupled {
            let raw = source ?? names("g", now, accent: .tilde)
            add(
                g, .infix(.plus, [raw, weighted(.symbol(Symbol("λ")), w)]),
                step.map { .infix(.plus, [show($0.rawGradient), weighted(.given(lambda), show($0.previous))]) },
                step?.gradient, key: "grad")
        } else if let source {
            add(g, source, nil, step?.gradient, key: "grad")
        } else if let step {
            add(g, show(step.gradient), nil, nil, key: "grad")
        }
        let updated = names("w", now)
        switch optimizer.method {
        case .sgd:
            add(
                updated, .infix(.minus, [w, weighted(eta, g)]),
                step.map { .infix(.minus, [show($0.previous), weighted(etaValue ?? eta, show($0.gradient))]) },
                step?.parameters, key: "w")
        case .momentum(let mu, let convention, let nesterov):
            let (v, vBefore) = (names("v", now), names("v", before))
            let muValue = MathExpression.given(mu)
            let vNumbers = step.map { show($0.stateBefore.velocity ?? []) }
            let gNumbers = step.map { show($0.gradient) }
            switch convention {
            case .torch:
                add(
                    v, .infix(.plus, [weighted(momentumSymbol, vBefore), g]),
                    step.map { _ in .infix(.plus, [weighted(muValue, vNumbers ?? v), gNumbers ?? g]) },
                    step?.state.velocity, key: "velocity")
            case .sutskever:
                add(
                    v, .infix(.minus, [weighted(momentumSymbol, vBefore), weighted(eta, g)]),
                    step.map { _ in
                        .infix(.minus, [weighted(muValue, vNumbers ?? v), weighted(etaValue ?? eta, gNumbers ?? g)])
                    },
                    step?.state.velocity, key: "velocity")
            case .lrInside:
                add(
                    v, .infix(.plus, [weighted(momentumSymbol, vBefore), weighted(eta, g)]),
                    step.map { _ in
                        .infix(.plus, [weighted(muValue, vNumbers ?? v), weighted(etaValue ?? eta, gNumbers ?? g)])
                    },
                    step?.state.velocity, key: "velocity")
            case .ema:
                add(
                    v, .infix(.plus, [weighted(momentumSymbol, vBefore), weighted(oneMinus(momentumSymbol), g)]),
                    step.map { _ in
                        .infix(.plus, [weighted(muValue, vNumbers ?? v), weighted(oneMinus(muValue), gNumbers ?? g)])
                    },
                    step?.state.velocity, key: "velocity")
            }
            let vNow = step.map { show($0.state.velocity ?? []) }
            switch convention {
            case .torch, .ema:
                var direction = v
                if nesterov {
                    let d = names("d", now)
                    let formula: MathExpression =
                        convention == .torch
                        ? .infix(.plus, [g, weighted(momentumSymbol, v)])
                        : .infix(.plus, [weighted(momentumSymbol, v), weighted(oneMinus(momentumSymbol), g)])
                    let numbers: MathExpression? = step.map { _ in
                        convention == .torch
                            ? .infix(.plus, [gNumbers ?? g, weighted(muValue, vNow ?? v)])
                            : .infix(.plus, [weighted(muValue, vNow ?? v), weighted(oneMinus(muValue), gNumbers ?? g)])
                    }
                    add(d, formula, numbers, step?.direction, key: nil)
                    direction = d
                }
                let dNumbers = nesterov ? step.flatMap { value($0.direction) } : vNow
                add(
                    updated, .infix(.minus, [w, weighted(eta, direction)]),
                    step.map { .infix(.minus, [show($0.previous), weighted(etaValue ?? eta, dNumbers ?? v)]) },
                    step?.parameters, key: "w")
            case .sutskever:
                add(
                    updated, .infix(.plus, [w, v]), step.map { .infix(.plus, [show($0.previous), vNow ?? v]) },
                    step?.parameters, key: "w")
            case .lrInside:
                add(
                    updated, .infix(.minus, [w, v]), step.map { .infix(.minus, [show($0.previous), vNow ?? v]) },
                    step?.parameters, key: "w")
            }
        case .adagrad:
            let (sum, sumBefore) = (names("G", now), names("G", before))
            add(
                sum, .infix(.plus, [sumBefore, square(g)]),
                step.map { .infix(.plus, [show($0.stateBefore.sumOfSquares ?? []), square(show($0.gradient))]) },
                step?.state.sumOfSquares, key: "sum_sq")
            add(
                updated, .infix(.minus, [w, weighted(eta, quotient(g, .infix(.plus, [root(sum), epsilon])))]),
                step.map {
                    .infix(
                        .minus,
                        [
                            show($0.previous),
                            weighted(
                                etaValue ?? eta,
                                quotient(
                                    show($0.gradient),
                                    .infix(.plus, [root(show($0.state.sumOfSquares ?? [])), epsilonValue]))),
                        ])
                }, step?.parameters, key: "w")
        case .rmsprop(let alpha, let momentum, let inside):
            let alphaSymbol = MathExpression.symbol(Symbol("α"))
            let (v, vBefore) = (names("v", now), names("v", before))
            add(
                v, .infix(.plus, [weighted(alphaSymbol, vBefore), weighted(oneMinus(alphaSymbol), square(g))]),
                step.map {
                    .infix(
                        .plus,
                        [
                            weighted(.given(alpha), show($0.stateBefore.squareAverage ?? [])),
                            weighted(oneMinus(.given(alpha)), square(show($0.gradient))),
                        ])
                },
                step?.state.squareAverage, key: "v")
            func denominator(_ v: MathExpression, _ eps: MathExpression) -> MathExpression {
                inside ? root(.infix(.plus, [v, eps])) : .infix(.plus, [root(v), eps])
            }
            let vNow = step.map { show($0.state.squareAverage ?? []) }
            if momentum > 0 {
                let (b, bBefore) = (names("b", now), names("b", before))
                add(
                    b, .infix(.plus, [weighted(.symbol(Symbol("μ")), bBefore), quotient(g, denominator(v, epsilon))]),
                    step.map {
                        .infix(
                            .plus,
                            [
                                weighted(.given(momentum), show($0.stateBefore.velocity ?? [])),
                                .fraction(show($0.gradient), denominator(vNow ?? v, epsilonValue)),
                            ])
                    },
                    step?.state.velocity, key: "velocity")
                add(
                    updated, .infix(.minus, [w, weighted(eta, b)]),
                    step.map {
                        .infix(.minus, [show($0.previous), weighted(etaValue ?? eta, show($0.state.velocity ?? []))])
                    },
                    step?.parameters, key: "w")
            } else {
                add(
                    updated, .infix(.minus, [w, weighted(eta, quotient(g, denominator(v, epsilon)))]),
                    step.map {
                        .infix(
                            .minus,
                            [
                                show($0.previous),
                                weighted(
                                    etaValue ?? eta, .fraction(show($0.gradient), denominator(vNow ?? v, epsilonValue))),
                            ])
                    },
                    step?.parameters, key: "w")
            }
        case .adam(let beta1, let beta2, let amsgrad, let decoupled):
            var start = w
            if decoupled && lambda != 0 {
                start = names("w", before, accent: .bar)
                add(
                    start, .infix(.minus, [w, weighted(eta, weighted(.symbol(Symbol("λ")), w))]),
                    step.map {
                        .infix(
                            .minus,
                            [show($0.previous), weighted(etaValue ?? eta, weighted(.given(lambda), show($0.previous)))])
                    },
                    step?.decayed, key: nil)
            }
            let (b1, b2) = (
                MathExpression.symbol(Symbol("β", index: "1")), MathExpression.symbol(Symbol("β", index: "2"))
            )
            let (m, v) = (names("m", now), names("v", now))
            add(
                m, .infix(.plus, [weighted(b1, names("m", before)), weighted(oneMinus(b1), g)]),
                step.map {
                    .infix(
                        .plus,
                        [
                            weighted(.given(beta1), show($0.stateBefore.firstMoment ?? [])),
                            weighted(oneMinus(.given(beta1)), show($0.gradient)),
                        ])
                },
                step?.state.firstMoment, key: "m")
            add(
                v, .infix(.plus, [weighted(b2, names("v", before)), weighted(oneMinus(b2), square(g))]),
                step.map {
                    .infix(
                        .plus,
                        [
                            weighted(.given(beta2), show($0.stateBefore.squareAverage ?? [])),
                            weighted(oneMinus(.given(beta2)), square(show($0.gradient))),
                        ])
                },
                step?.state.squareAverage, key: "v")
            var second = v
            if amsgrad {
                second = names("v", now, accent: .tilde)
                add(
                    second, .apply(FunctionName("max"), [names("v", before, accent: .tilde), v]),
                    step.map {
                        .apply(
                            FunctionName("max"),
                            [show($0.stateBefore.maximumSquareAverage ?? []), show($0.state.squareAverage ?? [])])
                    },
                    step?.state.maximumSquareAverage, key: "v_max")
            }
            let power = MathExpression.symbol(Symbol(now == "t" ? "t" : now))
            let t = step.map { MathExpression.count($0.number) } ?? power
            let (mHat, vHat) = (names("m", now, accent: .hat), names("v", now, accent: .hat))
            add(
                mHat, quotient(m, oneMinus(.power(b1, power))),
                step.map { .fraction(show($0.state.firstMoment ?? []), oneMinus(.power(.given(beta1), t))) },
                step?.correctedFirstMoment, key: "m_hat")
            add(
                vHat, quotient(second, oneMinus(.power(b2, power))),
                step.map {
                    quotient(
                        show((amsgrad ? $0.state.maximumSquareAverage : $0.state.squareAverage) ?? []),
                        oneMinus(.power(.given(beta2), t)))
                },
                step?.correctedSquareAverage, key: "v_hat")
            add(
                updated, .infix(.minus, [start, weighted(eta, quotient(mHat, .infix(.plus, [root(vHat), epsilon])))]),
                step.map {
                    .infix(
                        .minus,
                        [
                            show($0.decayed ?? $0.previous),
                            weighted(
                                etaValue ?? eta,
                                quotient(
                                    show($0.correctedFirstMoment ?? []),
                                    .infix(.plus, [root(show($0.correctedSquareAverage ?? [])), epsilonValue]))),
                        ])
                }, step?.parameters, key: "w")
        }
        return lines
    }
}
