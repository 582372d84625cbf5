/// The perceptron algorithm: for each point in order, a mistake
/// yᵢ(θ·xᵢ + θ₀) ≤ 0 updates θ ← θ + yᵢxᵢ (and θ₀ ← θ₀ + yᵢ with an offset).
public struct Perceptron: Sendable, Hashable {
    /// One pass over one point.
    public struct Visit: Sendable, Hashable {
        /// The pass over the data, from 1.
        public var epoch: Int
        /// The point, from 0.
        public var point: Int
        /// θ and θ₀ before the visit.
        public var theta: [Double]
        /// θ₀ before the visit (0 without an offset).
        public var offset: Double
        /// yᵢ(θ·xᵢ + θ₀) before the visit.
        public var margin: Double
        /// Whether the point was a mistake (margin ≤ 0), so θ was updated.
        public var isMistake: Bool
    }

    /// The result of a run.
    public struct Run: Sendable, Hashable {
        /// Every visit in order.
        public var visits: [Visit]
        /// The final θ.
        public var theta: [Double]
        /// The final θ₀.
        public var offset: Double
        /// The mistakes made on each point.
        public var mistakes: [Int]
        /// Whether the last pass made no mistake.
        public var converged: Bool
        /// The passes made.
        public var epochs: Int
    }

    /// Whether θ₀ is learned.
    public var hasOffset: Bool

    /// A perceptron, learning θ₀ when `hasOffset`.
    public init(hasOffset: Bool) {
        self.hasOffset = hasOffset
    }

    /// Passes over the points (rows of x, labels ±1) in order, from θ and θ₀,
    /// `epochs` times, or until a pass makes no mistake (at most `maximumEpochs`) when `epochs` is nil.
    ///
    /// - Precondition: one label per point, θ with one entry per feature.
    /// - Complexity: O(epochs · N · d).
    public func train(
        _ x: [[Double]], labels: [Double], theta: [Double], offset: Double = 0, epochs: Int?,
        maximumEpochs: Int = 1000
    ) -> Run {
        precondition(x.count == labels.count && x.allSatisfy { $0.count == theta.count }, "One label per point")
        var theta = theta
        var offset = offset
        var visits: [Visit] = []
        var mistakes = [Int](repeating: 0, count: x.count)
        var epoch = 0
        var converged = false
        while epoch < (epochs ?? maximumEpochs) {
            epoch += 1
            var clean = true
            for (index, point) in x.enumerated() {
                let y = labels[index]
                let margin = y * (zip(theta, point).reduce(0) { $0 + $1.0 * $1.1 } + offset)
                let isMistake = margin <= 0
                visits.append(
                    Visit(
                        epoch: epoch, point: index, theta: theta, offset: offset, margin: margin, isMistake: isMistake))
                if isMistake {
                    clean = false
                    mistakes[index] += 1
                    for j in theta.indices { theta[j] += y * point[j] }
                    if hasOffset { offset += y }
                }
            }
            converged = clean
            if clean && epochs == nil { break }
        }
        return Run(
            visits: visits, theta: theta, offset: offset, mistakes: mistakes, converged: converged, epochs: epoch)
    }

    /// θ and θ₀ after the given mistakes per point from θ = 0 and θ₀ = 0:
    /// θ = Σᵢ mᵢ yᵢ xᵢ, θ₀ = Σᵢ mᵢ yᵢ.
    public func parameters(mistakes: [Int], _ x: [[Double]], labels: [Double]) -> (theta: [Double], offset: Double) {
        var theta = [Double](repeating: 0, count: x.first?.count ?? 0)
        var offset = 0.0
        for (index, point) in x.enumerated() {
            let weight = Double(mistakes[index]) * labels[index]
            for j in theta.indices { theta[j] += weight * point[j] }
            if hasOffset { offset += weight }
        }
        return (theta, offset)
    }
}
