import NNCore

/// A dense network problem drawn at random with small numbers, so that a
/// forward and backward pass by hand stays short.
///
/// With ``Scale/integers`` x, W⁽ˡ⁾ and b⁽ˡ⁾ are integers and every ReLU unit of
/// every sample is active (a ≥ 1: no kink) or, when asked, dead (a ≤ −1), so
/// with squared error (L = (ŷ − y)², one sample) every a⁽ˡ⁾, z⁽ˡ⁾,
/// δ⁽ˡ⁾ = 2(ŷ − y) ⊙ … , ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ is an integer too. With
/// ``Scale/tenths(_:)`` (tanh and sigmoid networks) they have one decimal, every
/// value is rounded as the problem states, and no tanh or sigmoid unit saturates.
public struct NiceNetwork: Sendable, Hashable {
    /// The input, one row per sample.
    public var input: [[Double]]
    /// W⁽ˡ⁾ of each layer, out × in.
    public var weights: [[[Double]]]
    /// b⁽ˡ⁾ of each layer.
    public var biases: [[Double]]
    /// The target, one row per sample: ŷ plus a nonzero integer from −3 to 3 in
    /// each output (integers), or a one-decimal number 0.1 to 0.5 away from ŷ in
    /// the range of the output's activation (tenths).
    public var target: [[Double]]

    /// The numbers a network is drawn from.
    public enum Scale: Sendable, Hashable {
        /// Inputs from −3 … 3 without 0, weights from −3 … 3, biases from −5 … 5.
        case integers
        /// Inputs from −1 … 1 without 0, weights and biases from −1 … 1, all with
        /// one decimal; the pass carried rounded by the rounding given, as the key is solved.
        case tenths(Rounding)
    }

    /// What a unit's pre-activation a must satisfy, on every sample.
    public enum UnitRule: Sendable, Hashable {
        /// A ReLU unit in use: 1 ≤ a ≤ 30 (integers), 0.1 ≤ a ≤ 2 (tenths).
        case active
        /// A dead ReLU unit: −30 ≤ a ≤ −1 (integers), −2 ≤ a ≤ −1 (tenths); never 0, where ReLU has its kink.
        case dead
        /// Any other unit: |a| ≤ 30 (integers), |a| ≤ 2 (tenths), so no tanh or sigmoid unit saturates.
        case bounded
    }

    /// The largest pre-activation magnitude of an integer network.
    static let largestValue = 30.0

    /// The largest pre-activation magnitude of a tenths network: tanh′ ≥ 0.07 and σ′ ≥ 0.1 there.
    public static let largestTenthsValue = 2.0

    /// How many times a unit's weights are drawn before the whole network is drawn again.
    static let drawsPerUnit = 1000

    /// How many times the whole network is drawn before giving up.
    static let networkDraws = 20

    /// Draws a network of layer `sizes` (inputs first) for `samples` samples,
    /// each unit's a kept within 1 … 30 in a ReLU layer and |a| ≤ 30 in any
    /// other, on the integer scale, each layer's values used as the next
    /// layer's input as they are (a template's numbers, not a solved pass).
    ///
    /// - Parameters:
    ///   - sizes: the number of inputs, then the units of each layer.
    ///   - isReLU: for each layer, whether its activation is ReLU (else treated as the identity).
    ///   - samples: the number of samples.
    ///   - generator: the random numbers; the same state gives the same network.
    /// - Returns: the network, or nil when a unit found no weights in 1000 draws, 20 times over.
    /// - Complexity: O(draws · samples · weights).
    public static func draw(
        sizes: [Int], isReLU: [Bool], samples: Int = 1, using generator: inout SplitMix64
    ) -> NiceNetwork? {
        precondition(sizes.count == isReLU.count + 1)
        return draw(
            sizes: sizes, activations: isReLU.map { Activation($0 ? .relu : .identity) },
            rules: zip(sizes.dropFirst(), isReLU).map { Array(repeating: $1 ? .active : .bounded, count: $0) },
            scale: .integers, samples: samples, using: &generator)
    }

    /// Draws a network of layer `sizes` (inputs first) for `samples` samples.
    ///
    /// Inputs are drawn first; then, unit by unit, a row of weights and a bias,
    /// drawn again until the unit's a keeps its rule for every sample. Each
    /// layer's z = f(a) (rounded on the tenths scale) is the next layer's input.
    ///
    /// - Parameters:
    ///   - sizes: the number of inputs, then the units of each layer.
    ///   - activations: each layer's activation f (elementwise).
    ///   - rules: for each layer, each unit's rule.
    ///   - scale: the numbers drawn.
    ///   - samples: the number of samples.
    ///   - generator: the random numbers; the same state gives the same network.
    /// - Returns: the network, or nil when a unit found no weights in 1000 draws, 20 times over.
    /// - Complexity: O(draws · samples · weights).
    public static func draw(
        sizes: [Int], activations: [Activation], rules: [[UnitRule]], scale: Scale, samples: Int = 1,
        using generator: inout SplitMix64
    ) -> NiceNetwork? {
        precondition(
            sizes.count == activations.count + 1 && rules.map(\.count) == Array(sizes.dropFirst())
                && sizes.allSatisfy { $0 > 0 } && samples > 0)
        let drawer = Drawer(activations: activations, rules: rules, scale: scale)
        for _ in 0..<networkDraws {
            if let network = drawer.attempt(sizes: sizes, samples: samples, using: &generator) {
                return network
            }
        }
        return nil
    }
}

/// One draw of a ``NiceNetwork`` on its scale.
private struct Drawer {
    let activations: [Activation]
    let rules: [[NiceNetwork.UnitRule]]
    let scale: NiceNetwork.Scale

    func attempt(sizes: [Int], samples: Int, using generator: inout SplitMix64) -> NiceNetwork? {
        let input = (0..<samples).map { _ in (0..<sizes[0]).map { _ in nonzeroInput(&generator) } }
        var values = input
        var weights: [[[Double]]] = []
        var biases: [[Double]] = []
        for layer in 1..<sizes.count {
            var w: [[Double]] = []
            var b: [Double] = []
            var next = Array(repeating: [Double](), count: samples)
            for unit in 0..<sizes[layer] {
                guard
                    let drawn = drawUnit(
                        inputs: sizes[layer - 1], values: values, rule: rules[layer - 1][unit],
                        using: &generator)
                else { return nil }
                w.append(drawn.weights)
                b.append(drawn.bias)
                for sample in 0..<samples { next[sample].append(output(drawn.a[sample], layer: layer)) }
            }
            weights.append(w)
            biases.append(b)
            values = next
        }
        let target = values.map { row in row.map { self.target(for: $0, using: &generator) } }
        return NiceNetwork(input: input, weights: weights, biases: biases, target: target)
    }

    /// z = f(a) of a unit of `layer` (from 1), rounded on the tenths scale.
    private func output(_ a: Double, layer: Int) -> Double {
        let z = activations[layer - 1].value(a)
        guard case .tenths(let rounding) = scale else { return z }
        return rounding.apply(z)
    }

    private func nonzeroInput(_ generator: inout SplitMix64) -> Double {
        switch scale {
        case .integers: Double([-3, -2, -1, 1, 2, 3][generator.nextInt(below: 6)])
        case .tenths:
            Double(generator.nextInt(below: 10) + 1) / 10 * (generator.nextInt(below: 2) == 0 ? 1 : -1)
        }
    }

    private func target(for prediction: Double, using generator: inout SplitMix64) -> Double {
        guard case .tenths = scale else { return prediction + nonzeroInput(&generator) }
        let offset = Double(generator.nextInt(below: 5) + 1) / 10
        let near = (prediction * 10).rounded() / 10
        let range = activations[activations.count - 1].function == .sigmoid ? 0.0...1.0 : -1.0...1.0
        let isBounded = [.tanh, .sigmoid].contains(activations[activations.count - 1].function)
        let above = ((near + offset) * 10).rounded() / 10
        let below = ((near - offset) * 10).rounded() / 10
        let upward = generator.nextInt(below: 2) == 0
        guard isBounded else { return upward ? above : below }
        return (upward && range.contains(above)) || !range.contains(below) ? above : below
    }

    /// One unit's weights and bias whose a keeps `rule` for every sample, and that a; nil after ``NiceNetwork/drawsPerUnit`` draws.
    private func drawUnit(
        inputs: Int, values: [[Double]], rule: NiceNetwork.UnitRule, using generator: inout SplitMix64
    ) -> (weights: [Double], bias: Double, a: [Double])? {
        for _ in 0..<NiceNetwork.drawsPerUnit {
            let row: [Double]
            let bias: Double
            var a: [Double]
            switch scale {
            case .integers:
                row = (0..<inputs).map { _ in Double(generator.nextInt(below: 7) - 3) }
                bias = Double(generator.nextInt(below: 11) - 5)
                a = values.map { z in zip(row, z).reduce(bias) { $0 + $1.0 * $1.1 } }
            case .tenths(let rounding):
                row = (0..<inputs).map { _ in Double(generator.nextInt(below: 21) - 10) / 10 }
                bias = Double(generator.nextInt(below: 21) - 10) / 10
                a = values.map { z in rounding.apply(zip(row, z).reduce(0) { $0 + $1.0 * $1.1 } + bias) }
            }
            if a.allSatisfy({ fits($0, rule) }) { return (row, bias, a) }
        }
        return nil
    }

    private func fits(_ a: Double, _ rule: NiceNetwork.UnitRule) -> Bool {
        let largest = scale == .integers ? NiceNetwork.largestValue : NiceNetwork.largestTenthsValue
        let smallest = scale == .integers ? 1.0 : 0.1
        return switch rule {
        case .active: (smallest...largest).contains(a)
        case .dead: (-largest...(-1)).contains(a)
        case .bounded: abs(a) <= largest
        }
    }
}
