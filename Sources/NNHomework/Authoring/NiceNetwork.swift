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

    /// Draws a network of layer `sizes` (inputs first) for `samples` samples.
    ///
    /// Weights are drawn from −3…3, biases from −5…5, inputs from −3…3 without 0;
    /// a draw is kept when every unit of a layer in `isReLU` has 1 ≤ a ≤ 30 for every
    /// sample and every other unit |a| ≤ 30.
    ///
    /// - Parameters:
    ///   - sizes: the number of inputs, then the units of each layer.
    ///   - isReLU: for each layer, whether its activation is ReLU (else the identity).
    ///   - samples: the number of samples.
    ///   - generator: the random numbers; the same state gives the same network.
    /// - Returns: the network, or nil when 100 000 draws found none.
    /// - Complexity: O(draws · samples · weights).
    public static func draw(
        sizes: [Int], isReLU: [Bool], samples: Int = 1, using generator: inout SplitMix64
    ) -> NiceNetwork? {
        precondition(sizes.count == isReLU.count + 1 && sizes.allSatisfy { $0 > 0 } && samples > 0)
        for _ in 0..<100_000 {
            if let network = attempt(sizes: sizes, isReLU: isReLU, samples: samples, using: &generator) {
                return network
            }
        }
        return nil
    }

    private static func attempt(
        sizes: [Int], isReLU: [Bool], samples: Int, using generator: inout SplitMix64
    ) -> NiceNetwork? {
        let input = (0..<samples).map { _ in
            (0..<sizes[0]).map { _ in Double([-3, -2, -1, 1, 2, 3][generator.nextInt(below: 6)]) }
        }
        var values = input
        var weights: [[[Double]]] = []
        var biases: [[Double]] = []
        for layer in 1..<sizes.count {
            let w = (0..<sizes[layer]).map { _ in
                (0..<sizes[layer - 1]).map { _ in Double(generator.nextInt(below: 7) - 3) }
            }
            let b = (0..<sizes[layer]).map { _ in Double(generator.nextInt(below: 11) - 5) }
            var next: [[Double]] = []
            for z in values {
                let a = zip(w, b).map { row, bias in zip(row, z).reduce(bias) { $0 + $1.0 * $1.1 } }
                let fits =
                    isReLU[layer - 1]
                    ? a.allSatisfy { (1...largestValue).contains($0) } : a.allSatisfy { abs($0) <= largestValue }
                guard fits else { return nil }
                next.append(a)
            }
            weights.append(w)
            biases.append(b)
            values = next
        }
        let target = values.map { row in
            row.map { $0 + Double([-3, -2, -1, 1, 2, 3][generator.nextInt(below: 6)]) }
        }
        return NiceNetwork(input: input, weights: weights, biases: biases, target: target)
    }
}
