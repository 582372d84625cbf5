extension Optimizer {
    /// One step from w_{t−1} with the gradient g taken at ``evaluationPoint(_:state:)``.
    ///
    /// The L2 term makes g ← g + λw_{t−1} (except AdamW, which first sets
    /// w ← w − ηλw); then the method's rule, with η_t from the schedule at t − 1.
    ///
    /// `learningRate` overrides η_t, for a schedule stepped per epoch rather than per step.
    ///
    /// - Precondition: the gradient and the state fit the parameters.
    /// - Complexity: O(n) for n parameters.
    public func step(
        _ parameters: [Double], gradient raw: [Double], state: OptimizerState, learningRate: Double? = nil
    ) -> OptimizerStep {
        precondition(raw.count == parameters.count, "One gradient entry per parameter")
        let eta = learningRate ?? rate(afterSteps: state.step)
        var next = state
        next.step += 1
        let t = Double(next.step)
        var isDecoupled = false
        if case .adam(_, _, _, decoupled: true) = method { isDecoupled = true }
        let lambda = weightDecay
        let g = lambda == 0 || isDecoupled ? raw : zip(raw, parameters).map { $0 + lambda * $1 }
        var result = OptimizerStep(
            number: next.step, learningRate: eta, previous: parameters,
            evaluationPoint: evaluationPoint(parameters, state: state), rawGradient: raw, gradient: g,
            stateBefore: state, state: next, parameters: parameters)
        let n = parameters.count
        var w = parameters
        switch method {
        case .sgd:
            w.withUnsafeMutableBufferPointer { w in
                g.withUnsafeBufferPointer { g in
                    for i in 0..<n { w[i] -= eta * g[i] }
                }
            }
        case .momentum(let mu, let convention, let nesterov):
            var v = state.velocity ?? [Double](repeating: 0, count: n)
            var direction = [Double](repeating: 0, count: nesterov ? n : 0)
            Self.momentumStep(
                &w, velocity: &v, direction: &direction, gradient: g, mu: mu, eta: eta, convention: convention,
                nesterov: nesterov)
            result.state.velocity = v
            if nesterov && (convention == .torch || convention == .ema) { result.direction = direction }
        case .adagrad:
            var sum = state.sumOfSquares ?? [Double](repeating: 0, count: n)
            for i in 0..<n {
                sum[i] += g[i] * g[i]
                w[i] -= eta * g[i] / (sum[i].squareRoot() + epsilon)
            }
            result.state.sumOfSquares = sum
        case .rmsprop(let alpha, let momentum, let inside):
            var v = state.squareAverage ?? [Double](repeating: 0, count: n)
            var buffer = state.velocity ?? [Double](repeating: 0, count: n)
            for i in 0..<n {
                v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i]
                let denominator = inside ? (v[i] + epsilon).squareRoot() : v[i].squareRoot() + epsilon
                if momentum > 0 {
                    buffer[i] = momentum * buffer[i] + g[i] / denominator
                    w[i] -= eta * buffer[i]
                } else {
                    w[i] -= eta * g[i] / denominator
                }
            }
            result.state.squareAverage = v
            if momentum > 0 { result.state.velocity = buffer }
        case .adam(let beta1, let beta2, let amsgrad, let decoupled):
            if decoupled && lambda != 0 {
                for i in 0..<n { w[i] -= eta * lambda * w[i] }
                result.decayed = w
            }
            var m = state.firstMoment ?? [Double](repeating: 0, count: n)
            var v = state.squareAverage ?? [Double](repeating: 0, count: n)
            var maximum = state.maximumSquareAverage ?? [Double](repeating: 0, count: n)
            var mHat = m
            var vHat = v
            let correction1 = 1 - Math.pow(beta1, t)
            let correction2 = 1 - Math.pow(beta2, t)
            let epsilon = epsilon
            w.withUnsafeMutableBufferPointer { w in
                m.withUnsafeMutableBufferPointer { m in
                    v.withUnsafeMutableBufferPointer { v in
                        maximum.withUnsafeMutableBufferPointer { maximum in
                            mHat.withUnsafeMutableBufferPointer { mHat in
                                vHat.withUnsafeMutableBufferPointer { vHat in
                                    g.withUnsafeBufferPointer { g in
                                        for i in 0..<n {
                                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                                            if amsgrad { maximum[i] = Swift.max(maximum[i], v[i]) }
                                            mHat[i] = m[i] / correction1
                                            vHat[i] = (amsgrad ? maximum[i] : v[i]) / correction2
                                            w[i] -= eta * mHat[i] / (vHat[i].squareRoot() + epsilon)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            result.state.firstMoment = m
            result.state.squareAverage = v
            if amsgrad { result.state.maximumSquareAverage = maximum }
            result.correctedFirstMoment = mHat
            result.correctedSquareAverage = vHat
        }
        result.parameters = w
        return result
    }

    /// The momentum and Nesterov rules of one convention on every parameter, each
    /// loop free of the convention's choice and of bounds checks.
    private static func momentumStep(
        _ w: inout [Double], velocity v: inout [Double], direction: inout [Double], gradient g: [Double],
        mu: Double, eta: Double, convention: MomentumConvention, nesterov: Bool
    ) {
        let n = w.count
        w.withUnsafeMutableBufferPointer { w in
            v.withUnsafeMutableBufferPointer { v in
                direction.withUnsafeMutableBufferPointer { d in
                    g.withUnsafeBufferPointer { g in
                        switch (convention, nesterov) {
                        case (.torch, false):
                            for i in 0..<n {
                                v[i] = mu * v[i] + g[i]
                                w[i] -= eta * v[i]
                            }
                        case (.torch, true):
                            for i in 0..<n {
                                v[i] = mu * v[i] + g[i]
                                d[i] = g[i] + mu * v[i]
                                w[i] -= eta * d[i]
                            }
                        case (.sutskever, _):
                            for i in 0..<n {
                                v[i] = mu * v[i] - eta * g[i]
                                w[i] += v[i]
                            }
                        case (.lrInside, _):
                            for i in 0..<n {
                                v[i] = mu * v[i] + eta * g[i]
                                w[i] -= v[i]
                            }
                        case (.ema, false):
                            for i in 0..<n {
                                v[i] = mu * v[i] + (1 - mu) * g[i]
                                w[i] -= eta * v[i]
                            }
                        case (.ema, true):
                            for i in 0..<n {
                                v[i] = mu * v[i] + (1 - mu) * g[i]
                                d[i] = mu * v[i] + (1 - mu) * g[i]
                                w[i] -= eta * d[i]
                            }
                        }
                    }
                }
            }
        }
    }
}
