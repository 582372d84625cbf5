import NNCore

/// How a worked solution names an optimizer and states its rule and hyperparameters.
enum OptimizerNotation {
    /// "Adam", "SGD with momentum (PyTorch's convention)".
    static func name(_ optimizer: Optimizer) -> Prose {
        switch optimizer.method {
        case .sgd: "SGD"
        case .momentum(_, let convention, let nesterov):
            "\(nesterov ? "Nesterov momentum" : "SGD with momentum") (\(conventionName(convention)))"
        case .adagrad: "AdaGrad"
        case .rmsprop(_, let momentum, _): momentum > 0 ? "RMSprop with momentum" : "RMSprop"
        case .adam(_, _, let amsgrad, let decoupled): "\(decoupled ? "AdamW" : "Adam")\(amsgrad ? " (AMSGrad)" : "")"
        }
    }

    static func conventionName(_ convention: MomentumConvention) -> String {
        switch convention {
        case .torch: "PyTorch's convention"
        case .sutskever: "Sutskever's convention"
        case .lrInside: "learning rate inside the velocity"
        case .ema: "exponential average"
        }
    }

    /// The sentences stating the rule at time t, the hyperparameters and the schedule.
    static func preamble(_ lines: OptimizerLines, source: MathExpression?) -> [Prose] {
        let optimizer = lines.optimizer
        let rule = lines.lines(nil, source: source).map { MathExpression.equation($0.lhs, $0.formula) }
        var sentences: [Prose] = [
            "The rule: " + Prose.joined(rule.map { "\($0)" }, separator: ", ") + "."
        ]
        switch optimizer.method {
        case .momentum(_, .sutskever, true), .momentum(_, .lrInside, true):
            sentences.append(
                "Nesterov's method takes the gradient at the look-ahead point \(Symbol("w", index: "t−1", accent: .tilde))."
            )
        case .adagrad, .rmsprop, .adam:
            sentences.append("Squares, roots and quotients of vectors are taken entry by entry.")
        default: break
        }
        var settings: [Prose] = []
        let eta = MathExpression.symbol(Symbol("η", index: optimizer.schedules.isEmpty ? "t" : "0"))
        settings.append("\(MathExpression.equation(eta, .given(optimizer.learningRate)))")
        switch optimizer.method {
        case .sgd, .adagrad: break
        case .momentum(let mu, _, _):
            settings.append("\(MathExpression.equation(lines.momentumSymbol, .given(mu)))")
        case .rmsprop(let alpha, let momentum, _):
            settings.append("\(MathExpression.equation(.symbol(Symbol("α")), .given(alpha)))")
            if momentum > 0 { settings.append("\(MathExpression.equation(.symbol(Symbol("μ")), .given(momentum)))") }
        case .adam(let beta1, let beta2, _, _):
            settings.append("\(MathExpression.equation(.symbol(Symbol("β", index: "1")), .given(beta1)))")
            settings.append("\(MathExpression.equation(.symbol(Symbol("β", index: "2")), .given(beta2)))")
        }
        switch optimizer.method {
        case .adagrad, .rmsprop, .adam:
            settings.append("\(MathExpression.equation(.symbol(Symbol("ε")), .given(optimizer.epsilon)))")
        default: break
        }
        if optimizer.weightDecay != 0 {
            settings.append("\(MathExpression.equation(.symbol(Symbol("λ")), .given(optimizer.weightDecay)))")
        }
        sentences.append("With " + Prose.joined(settings, separator: ", ") + ".")
        if !optimizer.schedules.isEmpty {
            let parts = optimizer.schedules.map(schedule)
            sentences.append(
                "\(Symbol("η", index: "t")) = \(Symbol("η", index: "0")) "
                    + Prose.joined(parts, separator: " \(MathExpression.text("·")) ")
                    + ", with \(Symbol("t")) the steps before this one, from \(0).")
        }
        return sentences
    }

    /// A schedule's factor of η₀ as a formula in t.
    static func schedule(_ schedule: LearningRateSchedule) -> Prose {
        let t = MathExpression.symbol(Symbol("t"))
        switch schedule {
        case .step(let every, let factor):
            return "\(MathExpression.power(.given(factor), .floor(.fraction(t, .count(every)))))"
        case .exponential(let factor):
            return "\(MathExpression.power(.given(factor), t))"
        case .inverse(let k):
            return "\(MathExpression.fraction(.number(1), .infix(.plus, [.number(1), .product([.given(k), t])])))"
        case .cosine(let period):
            let angle = MathExpression.fraction(
                .product([.symbol(Symbol("π")), .apply(FunctionName("min"), [t, .count(period)])]), .count(period))
            return
                "\(MathExpression.fraction(.infix(.plus, [.number(1), .apply(FunctionName("cos"), [angle])]), .number(2)))"
        case .warmup(let steps):
            return
                "\(MathExpression.apply(FunctionName("min"), [.number(1), .fraction(.infix(.plus, [t, .number(1)]), .count(steps))]))"
        }
    }
}
