import NNCore
import Testing

@Suite("Batch and layer normalization, forward and backward")
struct NormalizationTests {
    static let x = Matrix([[1.2, -0.5, 3.0], [0.8, 2.1, -1.0], [-1.3, 0.4, 0.5], [2.0, -1.5, 1.0]])
    static let g = Matrix([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [-0.7, 0.8, 0.9], [1.0, -1.1, 1.2]])
    static let batchNorm = Normalization(axis: .batch, gamma: [1.5, -0.5, 2.0], beta: [0.1, 0.2, -0.3])

    @Test("issue 18 A: batch norm of a 4 × 3 batch, forward and backward, against numpy to 1e-12")
    func acceptanceAgainstNumpy() {
        // numpy 2.4: mu = x.mean(0); var = x.var(0); xh = (x - mu) / np.sqrt(var + 1e-5); y = gamma * xh + beta;
        // dx = (1/N) * gamma / np.sqrt(var + eps) * (N*g - g.sum(0) - xh * (g*xh).sum(0))
        let pass = Self.batchNorm.forward(Self.x)
        expectApproximatelyEqual(pass.mean, [0.675, 0.125, 0.875], absoluteTolerance: 1e-15)
        expectApproximatelyEqual(
            pass.variance, [1.4868750000000002, 1.7518749999999998, 2.046875], absoluteTolerance: 1e-14)
        expectApproximatelyEqual(
            pass.output,
            [
                [0.7458205681481919, 0.4361006727772978, 2.6705865362617995],
                [0.25376680194004575, -0.5460781259762608, -2.921105767289823],
                [-2.329515470652722, 0.09611570397798899, -0.8242211534579647],
                [1.7299281005644844, 0.8138617492209741, -0.1252596155140118],
            ], absoluteTolerance: 1e-12)
        let gradient = pass.backward(Self.g)
        expectApproximatelyEqual(
            gradient.gamma, [2.304451805074818, 2.357229117008541, 1.1008644222617257], absoluteTolerance: 1e-12)
        expectApproximatelyEqual(gradient.beta, [0.8, 0, 1.8], absoluteTolerance: 1e-12)
        expectApproximatelyEqual(
            gradient.input,
            [
                [-0.42814056915377086, -0.02956799794803099, -0.781126743774763],
                [0.17337756700842213, 0.1432993356063432, -0.9636089805132622],
                [0.04073822034295736, -0.255955967330764, 0.7299074339833652],
                [0.21402478180239165, 0.14222462967245178, 1.01482829030466],
            ], absoluteTolerance: 1e-12)
    }

    /// ∂L/∂X by the staged chain rule of CS231n's derivation (not the compact formula nnhw uses):
    /// dx̂ = γ g; dσ² = Σ dx̂ (x − μ)(−½)(σ² + ε)^(−3/2); dμ = Σ −dx̂ / √(σ² + ε) + dσ² Σ −2(x − μ)/M;
    /// dx = dx̂ / √(σ² + ε) + dσ² · 2(x − μ)/M + dμ/M, over the M values normalized together.
    private static func staged(_ x: [Double], _ g: [Double], _ gamma: [Double], epsilon: Double) -> [Double] {
        let m = Double(x.count)
        let mean = x.reduce(0, +) / m
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / m
        let root = (variance + epsilon).squareRoot()
        let dxHat = zip(g, gamma).map(*)
        var dVariance = 0.0
        for k in x.indices { dVariance += dxHat[k] * (x[k] - mean) * -0.5 / (root * root * root) }
        var dMean = 0.0
        for k in x.indices { dMean += -dxHat[k] / root + dVariance * -2 * (x[k] - mean) / m }
        return x.indices.map { k in dxHat[k] / root + dVariance * 2 * (x[k] - mean) / m + dMean / m }
    }

    @Test("∂L/∂X of batch norm equals the staged derivation, column by column")
    func batchNormStaged() {
        let gradient = Self.batchNorm.forward(Self.x).backward(Self.g)
        for j in 0..<3 {
            let expected = Self.staged(
                Self.x.column(j), Self.g.column(j), Array(repeating: Self.batchNorm.gamma[j], count: 4),
                epsilon: 1e-5)
            expectApproximatelyEqual(gradient.input.column(j), expected, absoluteTolerance: 1e-12)
        }
    }

    @Test("layer norm normalizes each sample over its features; ∂L/∂X equals the staged derivation row by row")
    func layerNormStaged() {
        let layerNorm = Normalization(axis: .features, gamma: [1.5, -0.5, 2.0], beta: [0.1, 0.2, -0.3])
        let pass = layerNorm.forward(Self.x)
        // Sample 1: μ = (1.2 − 0.5 + 3)/3 = 1.2333…, by hand.
        #expect(abs(pass.mean[0] - 3.7 / 3) < 1e-15)
        let gradient = pass.backward(Self.g)
        for i in 0..<4 {
            let expected = Self.staged(Self.x.row(i), Self.g.row(i), layerNorm.gamma, epsilon: 1e-5)
            expectApproximatelyEqual(gradient.input.row(i), expected, absoluteTolerance: 1e-12)
        }
        // ∂L/∂γ and ∂L/∂β still sum over the samples, per feature.
        expectApproximatelyEqual(gradient.beta, [0.8, 0, 1.8], absoluteTolerance: 1e-12)
    }

    @Test("∂L/∂X, ∂L/∂γ, ∂L/∂β against central differences of L = Σ g ⊙ Y, for both axes")
    func centralDifferences() {
        for axis in [Normalization.Axis.batch, .features] {
            let norm = Normalization(axis: axis, gamma: [1.5, -0.5, 2.0], beta: [0.1, 0.2, -0.3])
            let loss = { (n: Normalization, x: Matrix) in
                zip(n.forward(x).output.elements, Self.g.elements).map(*).reduce(0, +)
            }
            let gradient = norm.forward(Self.x).backward(Self.g)
            let numeric = centralDifferenceGradient(at: Self.x) { loss(norm, $0) }
            #expect(gradient.input.isApproximatelyEqual(to: numeric, absoluteTolerance: 1e-8), "\(axis)")
            for j in 0..<3 {
                let dGamma = centralDifference(at: norm.gamma[j]) { value in
                    var changed = norm
                    changed.gamma[j] = value
                    return loss(changed, Self.x)
                }
                expectApproximatelyEqual(gradient.gamma[j], dGamma, absoluteTolerance: 1e-8)
            }
        }
    }

    @Test("evaluation mode: the running statistics are constants, ∂L/∂x = γ g / √(σ²_run + ε)")
    func evaluationMode() {
        let pass = Self.batchNorm.forward(Self.x, mean: [0, 1, 0], variance: [1, 4, 0.25])
        // x̂₁₁ = (1.2 − 0) / √(1 + 1e-5); y₁₁ = 1.5 x̂₁₁ + 0.1.
        expectApproximatelyEqual(pass.output[0, 0], 1.5 * 1.2 / (1 + 1e-5).squareRoot() + 0.1, absoluteTolerance: 1e-15)
        let gradient = pass.backward(Self.g)
        expectApproximatelyEqual(gradient.input[1, 1], -0.5 * 0.5 / (4 + 1e-5).squareRoot(), absoluteTolerance: 1e-15)
    }

    @Test("running statistics with momentum 0.1 take the unbiased batch variance (PyTorch)")
    func runningStatistics() {
        let pass = Self.batchNorm.forward(Self.x)
        let running = pass.runningStatistics(mean: [0, 0, 0], variance: [1, 1, 1], momentum: 0.1)
        // μ_run = 0.9·0 + 0.1·0.675; σ²_run = 0.9·1 + 0.1·1.486875·4/3, by hand.
        expectApproximatelyEqual(running.mean[0], 0.0675, absoluteTolerance: 1e-15)
        expectApproximatelyEqual(running.variance[0], 0.9 + 0.1 * 1.486875 * 4 / 3, absoluteTolerance: 1e-14)
    }
}
