import NNCore

/// A dense network problem drawn at random with small integers, so that a
/// forward and backward pass by hand stays in integers: x, W⁽ˡ⁾ and b⁽ˡ⁾ are
/// integers, every ReLU unit of every sample is active (a > 0: no dead unit and
/// no kink), and with squared error (L = (ŷ − y)², one sample) every a⁽ˡ⁾, z⁽ˡ⁾,
/// δ⁽ˡ⁾ = 2(ŷ − y) ⊙ … , ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ is an integer too.
public struct NiceNetwork: Sendable, Hashable {
    /// The input, one row per sample.
    public var input: [[Double]]
    /// W⁽ˡ⁾ of each layer, out × in.
    public var weights: [[[Double]]]
    /// b⁽ˡ⁾ of each layer.
    public var biases: [[Double]]
    /// The target, one row per sample: ŷ plus a nonzero integer from −3 to 3 in each output.
    public var target: [[Double]]

    /// The largest pre-activation magnitude a drawn network may reach.
    static let largestValue = 30.0

    /// How many times a unit's weights are drawn before the whole network is drawn again.
    static let drawsPerUnit = 1000

    /// How many times the whole network is drawn before giving up.
    static let networkDraws = 20

    /// Draws a network of layer `sizes` (inputs first) for `samples` samples.
    ///
    /// Inputs are drawn from −3…3 without 0; then, unit by unit, a row of weights
    /// from −3…3 and a bias from −5…5, drawn again until the unit's a has
    /// 1 ≤ a ≤ 30 for every sample when its layer is in `isReLU` (else |a| ≤ 30).
    ///
    /// - Parameters:
    ///   - sizes: the number of inputs, then the units of each layer.
    ///   - isReLU: for each layer, whether its activation is ReLU (else the identity).
    ///   - samples: the number of samples.
    ///   - generator: the random numbers; the same state gives the same network.
    /// - Returns: the network, or nil when a unit found no weights in 1000 draws, 20 times over.
    /// - Complexity: O(draws · samples · weights).
    public static func draw(
        sizes: [Int], isReLU: [Bool], samples: Int = 1, using generator: inout SplitMix64
    ) -> NiceNetwork? {
        precondition(sizes.count == isReLU.count + 1 && sizes.allSatisfy { $0 > 0 } && samples > 0)
        for _ in 0..<networkDraws {
            if let network = attempt(sizes: sizes, isReLU: isReLU, samples: samples, using: &generator) {
                return network
            }
        }
        return nil
    }

    private static func nonzero(_ generator: inout SplitMix64) -> Double {
        Double([-3, -2, -1, 1, 2, 3][generator.nextInt(below: 6)])
    }

    private static func attempt(
        sizes: [Int], isReLU: [Bool], samples: Int, using generator: inout SplitMix64
    ) -> NiceNetwork? {
        let input = (0..<samples).map { _ in (0..<sizes[0]).map { _ in nonzero(&generator) } }
        var values = input
        var weights: [[[Double]]] = []
        var biases: [[Double]] = []
        for layer in 1..<sizes.count {
            var w: [[Double]] = []
            var b: [Double] = []
            var next = Array(repeating: [Double](), count: samples)
            for _ in 0..<sizes[layer] {
                guard
                    let unit = drawUnit(
                        inputs: sizes[layer - 1], values: values, isReLU: isReLU[layer - 1], using: &generator)
                else { return nil }
                w.append(unit.weights)
                b.append(unit.bias)
                for sample in 0..<samples { next[sample].append(unit.a[sample]) }
            }
            weights.append(w)
            biases.append(b)
            values = next
        }
        let target = values.map { row in row.map { $0 + nonzero(&generator) } }
        return NiceNetwork(input: input, weights: weights, biases: biases, target: target)
    }

    /// One unit's weights and bias whose a fits for every sample, and that a; nil after ``drawsPerUnit`` draws.
    private static func drawUnit(
        inputs: Int, values: [[Double]], isReLU: Bool, using generator: inout SplitMix64
    ) -> (weights: [Double], bias: Double, a: [Double])? {
        for _ in 0..<drawsPerUnit {
            let row = (0..<inputs).map { _ in Double(generator.nextInt(below: 7) - 3) }
            let bias = Double(generator.nextInt(below: 11) - 5)
            let a = values.map { z in zip(row, z).reduce(bias) { $0 + $1.0 * $1.1 } }
            let fits =
                isReLU ? a.allSatisfy { (1...largestValue).contains($0) } : a.allSatisfy { abs($0) <= largestValue }
            if fits { return (row, bias, a) }
        }
        return nil
    }
}
