import Foundation
import NNCore
import Testing

/// The optimizers against reference implementations written here, each from
/// PyTorch's documented update (torch.optim docs, "Algorithm" boxes) or the
/// convention's paper formula, in the form those write it (step_size = η/(1 − β₁ᵗ),
/// denom = √v/√(1 − β₂ᵗ) + ε for Adam), not in NNCore's.
@Suite("NNCore optimizers")
struct OptimizerTests {
    /// f(w) = w², ∇f = 2w.
    static func square(_ w: [Double]) -> [Double] { w.map { 2 * $0 } }

    @Test("issue 16 A: Adam on w² from 1, η = 0.1: w₁ = 0.9 (the step is η·sign(g) to within ε), steps 1–3")
    func adamOnSquare() {
        let adam = Optimizer(
            .adam(beta1: 0.9, beta2: 0.999, amsgrad: false, decoupled: false), learningRate: 0.1, epsilon: 1e-8)
        var w = [1.0]
        var state = adam.initialState(count: 1)
        // Independent: m = 0.1 g, v = 0.001 g², the corrections divide by 0.1 and 0.001.
        var m = 0.0
        var v = 0.0
        var reference = 1.0
        for t in 1...3 {
            let step = adam.step(w, gradient: Self.square(w), state: state)
            let g = 2 * reference
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            let stepSize = 0.1 / (1 - pow(0.9, Double(t)))
            let denominator = v.squareRoot() / (1 - pow(0.999, Double(t))).squareRoot() + 1e-8
            reference -= stepSize * m / denominator
            if t == 1 {
                #expect(abs(step.parameters[0] - 0.9) <= 1e-8)
                #expect(step.correctedFirstMoment == [2])
                #expect(abs((step.correctedSquareAverage?[0] ?? 0) - 4) <= 1e-12)
            }
            #expect(abs(step.parameters[0] - reference) <= 1e-12, "step \(t): \(step.parameters[0]) ≠ \(reference)")
            w = step.parameters
            state = step.state
        }
    }

    /// A random 3-parameter quadratic f(w) = ½ wᵀ A w + bᵀ w, A symmetric, ∇f = A w + b.
    struct Quadratic {
        var a: [[Double]]
        var b: [Double]
        var start: [Double]

        init(seed: UInt64) {
            var generator = SplitMix64(seed: seed)
            func draw() -> Double { 2 * generator.nextUnit() - 1 }
            var a = [[Double]](repeating: [0, 0, 0], count: 3)
            for i in 0..<3 {
                for j in i..<3 {
                    a[i][j] = draw()
                    a[j][i] = a[i][j]
                }
                a[i][i] += 3
            }
            self.a = a
            b = (0..<3).map { _ in draw() }
            start = (0..<3).map { _ in draw() }
        }

        func gradient(_ w: [Double]) -> [Double] {
            (0..<3).map { i in (0..<3).reduce(b[i]) { $0 + a[i][$1] * w[$1] } }
        }
    }

    /// One reference case: the optimizer and the reference's five iterates.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let optimizer: Optimizer
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "sgd", optimizer: Optimizer(.sgd, learningRate: 0.1)),
        Case(name: "sgd, L2 0.05", optimizer: Optimizer(.sgd, learningRate: 0.1, weightDecay: 0.05)),
        Case(
            name: "momentum torch",
            optimizer: Optimizer(.momentum(0.9, .torch, nesterov: false), learningRate: 0.05, weightDecay: 0.01)),
        Case(
            name: "momentum sutskever",
            optimizer: Optimizer(.momentum(0.9, .sutskever, nesterov: false), learningRate: 0.05)),
        Case(
            name: "momentum lr-inside",
            optimizer: Optimizer(.momentum(0.8, .lrInside, nesterov: false), learningRate: 0.05)),
        Case(name: "momentum ema", optimizer: Optimizer(.momentum(0.9, .ema, nesterov: false), learningRate: 0.2)),
        Case(name: "nesterov torch", optimizer: Optimizer(.momentum(0.9, .torch, nesterov: true), learningRate: 0.05)),
        Case(
            name: "nesterov sutskever",
            optimizer: Optimizer(.momentum(0.9, .sutskever, nesterov: true), learningRate: 0.05)),
        Case(
            name: "nesterov lr-inside",
            optimizer: Optimizer(.momentum(0.8, .lrInside, nesterov: true), learningRate: 0.05)),
        Case(name: "nesterov ema", optimizer: Optimizer(.momentum(0.9, .ema, nesterov: true), learningRate: 0.2)),
        Case(name: "adagrad", optimizer: Optimizer(.adagrad, learningRate: 0.1, epsilon: 1e-10)),
        Case(
            name: "rmsprop",
            optimizer: Optimizer(.rmsprop(alpha: 0.99, momentum: 0, epsilonInside: false), learningRate: 0.01)),
        Case(
            name: "rmsprop, ε inside",
            optimizer: Optimizer(
                .rmsprop(alpha: 0.9, momentum: 0, epsilonInside: true), learningRate: 0.01, epsilon: 1e-3)),
        Case(
            name: "rmsprop, momentum",
            optimizer: Optimizer(.rmsprop(alpha: 0.99, momentum: 0.5, epsilonInside: false), learningRate: 0.01)),
        Case(
            name: "adam",
            optimizer: Optimizer(.adam(beta1: 0.9, beta2: 0.999, amsgrad: false, decoupled: false), learningRate: 0.1)),
        Case(
            name: "adam, amsgrad, L2",
            optimizer: Optimizer(
                .adam(beta1: 0.8, beta2: 0.99, amsgrad: true, decoupled: false), learningRate: 0.1, weightDecay: 0.1)),
        Case(
            name: "adamw",
            optimizer: Optimizer(
                .adam(beta1: 0.9, beta2: 0.999, amsgrad: false, decoupled: true), learningRate: 0.1, weightDecay: 0.01)),
        Case(
            name: "sgd, step and warm-up schedules",
            optimizer: Optimizer(.sgd, learningRate: 0.1, schedules: [.step(every: 2, factor: 0.5), .warmup(steps: 3)])),
        Case(
            name: "momentum, cosine schedule",
            optimizer: Optimizer(
                .momentum(0.9, .torch, nesterov: false), learningRate: 0.1, schedules: [.cosine(period: 4)])),
        Case(
            name: "adam, exponential and inverse schedules",
            optimizer: Optimizer(
                .adam(beta1: 0.9, beta2: 0.999, amsgrad: false, decoupled: false), learningRate: 0.1,
                schedules: [.exponential(0.9), .inverse(0.5)])),
    ]

    /// The reference: PyTorch's algorithm boxes, the conventions' formulas, and the schedules' definitions.
    static func reference(_ optimizer: Optimizer, _ problem: Quadratic) -> [[Double]] {
        var w = problem.start
        var buffer = [0.0, 0, 0]
        var m = [0.0, 0, 0]
        var v = [0.0, 0, 0]
        var vMax = [0.0, 0, 0]
        var sum = [0.0, 0, 0]
        var iterates: [[Double]] = []
        for t in 1...5 {
            var lr = optimizer.learningRate
            for schedule in optimizer.schedules {
                let e = Double(t - 1)
                switch schedule {
                case .step(let k, let gamma): lr *= pow(gamma, Double((t - 1) / k))
                case .exponential(let gamma): lr *= pow(gamma, e)
                case .inverse(let k): lr /= 1 + k * e
                case .cosine(let period): lr *= 0.5 * (1 + cos(Double.pi * min(e, Double(period)) / Double(period)))
                case .warmup(let k): lr *= min(1, Double(t) / Double(k))
                }
            }
            let lambda = optimizer.weightDecay
            switch optimizer.method {
            case .sgd:
                let g = problem.gradient(w)
                for i in 0..<3 { w[i] -= lr * (g[i] + lambda * w[i]) }
            case .momentum(let mu, let convention, let nesterov):
                switch (convention, nesterov) {
                case (.torch, _):
                    let g = zip(problem.gradient(w), w).map { $0 + lambda * $1 }
                    // torch.optim.SGD: b_t = g_t at t = 1, else μ b_{t−1} + g_t; Nesterov g_t + μ b_t.
                    for i in 0..<3 {
                        buffer[i] = t == 1 ? g[i] : mu * buffer[i] + g[i]
                        w[i] -= lr * (nesterov ? g[i] + mu * buffer[i] : buffer[i])
                    }
                case (.sutskever, let ahead):
                    let g = problem.gradient(ahead ? (0..<3).map { w[$0] + mu * buffer[$0] } : w)
                    for i in 0..<3 {
                        buffer[i] = mu * buffer[i] - lr * g[i]
                        w[i] += buffer[i]
                    }
                case (.lrInside, let ahead):
                    let g = problem.gradient(ahead ? (0..<3).map { w[$0] - mu * buffer[$0] } : w)
                    for i in 0..<3 {
                        buffer[i] = mu * buffer[i] + lr * g[i]
                        w[i] -= buffer[i]
                    }
                case (.ema, let ahead):
                    let g = problem.gradient(w)
                    for i in 0..<3 {
                        buffer[i] = mu * buffer[i] + (1 - mu) * g[i]
                        w[i] -= lr * (ahead ? mu * buffer[i] + (1 - mu) * g[i] : buffer[i])
                    }
                }
            case .adagrad:
                let g = problem.gradient(w)
                for i in 0..<3 {
                    sum[i] += g[i] * g[i]
                    w[i] -= lr * g[i] / (sum[i].squareRoot() + optimizer.epsilon)
                }
            case .rmsprop(let alpha, let momentum, let inside):
                let g = problem.gradient(w)
                for i in 0..<3 {
                    v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i]
                    let avg = inside ? (v[i] + optimizer.epsilon).squareRoot() : v[i].squareRoot() + optimizer.epsilon
                    if momentum > 0 {
                        buffer[i] = momentum * buffer[i] + g[i] / avg
                        w[i] -= lr * buffer[i]
                    } else {
                        w[i] -= lr * g[i] / avg
                    }
                }
            case .adam(let beta1, let beta2, let amsgrad, let decoupled):
                var g = problem.gradient(w)
                if decoupled {
                    for i in 0..<3 { w[i] *= 1 - lr * lambda }
                } else {
                    for i in 0..<3 { g[i] += lambda * w[i] }
                }
                let bias1 = 1 - pow(beta1, Double(t))
                let bias2 = 1 - pow(beta2, Double(t))
                for i in 0..<3 {
                    m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                    vMax[i] = max(vMax[i], v[i])
                    let denominator = (amsgrad ? vMax[i] : v[i]).squareRoot() / bias2.squareRoot() + optimizer.epsilon
                    w[i] -= lr / bias1 * m[i] / denominator
                }
            }
            iterates.append(w)
        }
        return iterates
    }

    @Test("issue 16 B: 5 steps on a random 3-parameter quadratic equal the reference to 1e-12", arguments: cases)
    func againstReference(_ testCase: Case) {
        for seed: UInt64 in [1, 2, 3] {
            let problem = Quadratic(seed: seed)
            let expected = Self.reference(testCase.optimizer, problem)
            var w = problem.start
            var state = testCase.optimizer.initialState(count: 3)
            for t in 0..<5 {
                let point = testCase.optimizer.evaluationPoint(w, state: state)
                let step = testCase.optimizer.step(w, gradient: problem.gradient(point), state: state)
                w = step.parameters
                state = step.state
                #expect(
                    zip(w, expected[t]).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) },
                    "seed \(seed), step \(t + 1): \(w) ≠ \(expected[t])")
            }
            #expect(w != problem.start)
        }
    }

    @Test("schedules: StepLR, ExponentialLR, CosineAnnealingLR, inverse time and warm-up factors")
    func schedules() {
        #expect([LearningRateSchedule.step(every: 3, factor: 0.1)].rate(1, at: 2) == 1)
        #expect(abs([LearningRateSchedule.step(every: 3, factor: 0.1)].rate(1, at: 3) - 0.1) <= 1e-15)
        #expect([LearningRateSchedule.exponential(0.5)].rate(2, at: 3) == 0.25)
        #expect([LearningRateSchedule.inverse(0.5)].rate(1, at: 2) == 0.5)
        #expect(abs([LearningRateSchedule.cosine(period: 4)].rate(1, at: 2) - 0.5) <= 1e-15)
        #expect([LearningRateSchedule.cosine(period: 4)].rate(1, at: 9) == 0)
        #expect([LearningRateSchedule.warmup(steps: 4)].rate(1, at: 0) == 0.25)
        #expect([LearningRateSchedule.warmup(steps: 4)].rate(1, at: 7) == 1)
    }
}
