/// Batch or layer normalization of a batch X (one sample per row, one feature
/// per column), with a learned scale γ and shift β per feature:
///
///     μ = (1/M) Σ x,   σ² = (1/M) Σ (x − μ)²,   x̂ = (x − μ) / √(σ² + ε),   y = γ x̂ + β
///
/// where the sums run over the M values normalized together: the N samples of
/// one feature (batch norm, over each column) or the D features of one sample
/// (layer norm, over each row). σ² is the biased variance, as both normalize
/// with it (PyTorch's `BatchNorm1d`, `LayerNorm`).
///
/// Given g = ∂L/∂y, with ĝ = γ ⊙ g (γ of each entry's feature):
///
///     ∂L/∂β = Σₙ g,   ∂L/∂γ = Σₙ g x̂   (summed over the samples, per feature)
///     ∂L/∂x = (1 / (M √(σ² + ε))) (M ĝ − Σ ĝ − x̂ Σ ĝ x̂)   (sums over the M values normalized together)
///
/// which for batch norm, where γ is one number along each column, is
/// (1/N) γ (σ² + ε)^(−½) (N g − Σ g − x̂ Σ g x̂).
public struct Normalization: Sendable, Hashable {
    /// Which values are normalized together.
    public enum Axis: Sendable, Hashable {
        /// Each feature over the samples of the batch (batch norm).
        case batch
        /// Each sample over its features (layer norm).
        case features
    }

    /// Which values are normalized together.
    public var axis: Axis
    /// γ, one per feature.
    public var gamma: [Double]
    /// β, one per feature.
    public var beta: [Double]
    /// ε, added to σ² before the square root.
    public var epsilon: Double

    /// A normalization with γ and β per feature.
    ///
    /// - Precondition: γ and β have the same length; ε ≥ 0.
    public init(axis: Axis, gamma: [Double], beta: [Double], epsilon: Double = 1e-5) {
        precondition(gamma.count == beta.count, "One γ and one β per feature")
        precondition(epsilon >= 0, "ε is not negative")
        self.axis = axis
        self.gamma = gamma
        self.beta = beta
        self.epsilon = epsilon
    }

    /// The forward pass over X, with the statistics of X itself (batch norm in
    /// training mode, or layer norm).
    ///
    /// - Precondition: X has one column per feature (as many as γ), and at least one row.
    public func forward(_ x: Matrix) -> NormalizationPass {
        precondition(x.columns == gamma.count && x.rows > 0, "X has one column per feature")
        let groups = axis == .batch ? x.columns : x.rows
        var means: [Double] = []
        var variances: [Double] = []
        for group in 0..<groups {
            let values = self.values(of: x, group: group)
            let mean = Self.mean(values)
            means.append(mean)
            variances.append(Self.mean(values.map { ($0 - mean) * ($0 - mean) }))
        }
        return pass(x, means: means, variances: variances)
    }

    /// The forward pass of batch norm in evaluation mode: X normalized with
    /// given (running) statistics, one mean and one variance per feature.
    ///
    /// - Precondition: the axis is ``Axis/batch``; one mean and one variance per feature, variances ≥ 0.
    public func forward(_ x: Matrix, mean: [Double], variance: [Double]) -> NormalizationPass {
        precondition(axis == .batch && mean.count == gamma.count && variance.count == gamma.count)
        return pass(x, means: mean, variances: variance, isFixed: true)
    }

    private func pass(_ x: Matrix, means: [Double], variances: [Double], isFixed: Bool = false) -> NormalizationPass {
        var normalized = Matrix(rows: x.rows, columns: x.columns)
        var output = Matrix(rows: x.rows, columns: x.columns)
        for i in 0..<x.rows {
            for j in 0..<x.columns {
                let group = axis == .batch ? j : i
                let value = (x[i, j] - means[group]) / (variances[group] + epsilon).squareRoot()
                normalized[i, j] = value
                output[i, j] = gamma[j] * value + beta[j]
            }
        }
        return NormalizationPass(
            normalization: self, input: x, mean: means, variance: variances, normalized: normalized, output: output,
            usesFixedStatistics: isFixed)
    }

    /// The values of X normalized together as `group`: a column (batch) or a row (features).
    public func values(of x: Matrix, group: Int) -> [Double] {
        axis == .batch ? x.column(group) : x.row(group)
    }

    /// (1/n) Σ values, summed in order.
    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}

/// One forward pass of a ``Normalization``: its statistics, x̂ and y, from
/// which the backward pass is taken.
public struct NormalizationPass: Sendable, Hashable {
    /// The normalization.
    public var normalization: Normalization
    /// X.
    public var input: Matrix
    /// μ per group (feature for batch norm, sample for layer norm).
    public var mean: [Double]
    /// σ² per group, biased (1/M), as used to normalize.
    public var variance: [Double]
    /// X̂ = (X − μ) / √(σ² + ε).
    public var normalized: Matrix
    /// Y = γ X̂ + β.
    public var output: Matrix
    /// Whether μ and σ² were given (evaluation mode), so that they are constants in the backward pass.
    public var usesFixedStatistics: Bool

    /// The gradients of the pass for g = ∂L/∂Y.
    ///
    /// - Precondition: g has the shape of Y.
    public func backward(_ g: Matrix) -> NormalizationGradient {
        precondition(g.rows == output.rows && g.columns == output.columns, "∂L/∂Y has the shape of Y")
        let gamma = normalization.gamma
        var gradGamma = [Double](repeating: 0, count: gamma.count)
        var gradBeta = [Double](repeating: 0, count: gamma.count)
        for i in 0..<g.rows {
            for j in 0..<g.columns {
                gradGamma[j] += g[i, j] * normalized[i, j]
                gradBeta[j] += g[i, j]
            }
        }
        var gradInput = Matrix(rows: g.rows, columns: g.columns)
        let isBatch = normalization.axis == .batch
        let groups = isBatch ? g.columns : g.rows
        let size = Double(isBatch ? g.rows : g.columns)
        var sums: [Double] = []
        var weightedSums: [Double] = []
        for group in 0..<groups {
            let deviation = 1 / (variance[group] + normalization.epsilon).squareRoot()
            let positions = isBatch ? (0..<g.rows).map { ($0, group) } : (0..<g.columns).map { (group, $0) }
            let scaled = positions.map { gamma[$0.1] * g[$0.0, $0.1] }
            let sum = scaled.reduce(0, +)
            let weighted = zip(scaled, positions).map { $0 * normalized[$1.0, $1.1] }.reduce(0, +)
            sums.append(sum)
            weightedSums.append(weighted)
            for (k, position) in positions.enumerated() {
                gradInput[position.0, position.1] =
                    usesFixedStatistics
                    ? scaled[k] * deviation
                    : deviation / size * (size * scaled[k] - sum - normalized[position.0, position.1] * weighted)
            }
        }
        return NormalizationGradient(
            gamma: gradGamma, beta: gradBeta, input: gradInput, scaledSums: sums, scaledWeightedSums: weightedSums)
    }

    /// The running statistics after this batch with momentum m (PyTorch's
    /// convention): μ_run ← (1 − m) μ_run + m μ and σ²_run ← (1 − m) σ²_run + m σ²·N/(N − 1),
    /// the unbiased variance of the batch entering the running variance.
    ///
    /// - Precondition: batch norm with fitted statistics over at least 2 samples.
    public func runningStatistics(mean runningMean: [Double], variance runningVariance: [Double], momentum: Double)
        -> (mean: [Double], variance: [Double])
    {
        let n = Double(input.rows)
        precondition(normalization.axis == .batch && !usesFixedStatistics && n >= 2)
        let means = zip(runningMean, mean).map { (1 - momentum) * $0 + momentum * $1 }
        let variances = zip(runningVariance, variance).map { (1 - momentum) * $0 + momentum * $1 * n / (n - 1) }
        return (means, variances)
    }
}

/// The gradients of a normalization pass for g = ∂L/∂Y.
public struct NormalizationGradient: Sendable, Hashable {
    /// ∂L/∂γ = Σₙ g x̂, per feature.
    public var gamma: [Double]
    /// ∂L/∂β = Σₙ g, per feature.
    public var beta: [Double]
    /// ∂L/∂X.
    public var input: Matrix
    /// Σ ĝ per group, ĝ = γ g: the second term of ∂L/∂x.
    public var scaledSums: [Double]
    /// Σ ĝ x̂ per group: the third term's sum.
    public var scaledWeightedSums: [Double]
}
