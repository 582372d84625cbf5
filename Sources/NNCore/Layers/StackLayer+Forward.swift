/// The values one layer of a ``LayerStack`` computed, one sample per row.
public struct LayerPass: Sendable, Hashable {
    /// a⁽ˡ⁾, what the activation is applied to (W z + b, the convolution plus
    /// bias, γ x̂ + β, or the residual sum); nil for pooling, flatten and dropout.
    public var preActivation: Matrix?
    /// z⁽ˡ⁾.
    public var output: Matrix
    /// μ, σ² and x̂ of a normalization layer.
    public var normalization: NormalizationPass?
}

extension StackLayer {
    /// The layer's pass over a batch z⁽ˡ⁻¹⁾ of `shape`, one sample per row;
    /// `earlier` holds z⁽⁰⁾ … z⁽ˡ⁻¹⁾ (for a residual's source).
    ///
    /// - Precondition: the layer fits `shape` (``outputShape(for:earlier:)`` does not throw).
    public func forward(_ input: Matrix, shape: SampleShape, earlier: [Matrix]) -> LayerPass {
        switch self {
        case .dense(let dense):
            let a = dense.preActivation(input)
            return LayerPass(preActivation: a, output: dense.activation.apply(to: a))
        case .convolution(let convolution):
            let samples = (0..<input.rows).map { sample in
                let maps = shape.maps(of: input, sample: sample)
                return (0..<convolution.outputChannels).map { output in
                    Self.validated { () throws(ConvolutionError) in
                        try convolution.filter(output).featureMap(of: maps).output + convolution.bias[output]
                    }
                }
            }
            let a = SampleShape.batch(samples)
            return LayerPass(preActivation: a, output: convolution.activation.apply(to: a))
        case .pooling(let pooling):
            let samples = (0..<input.rows).map { sample in
                shape.maps(of: input, sample: sample).map { map in
                    Self.validated { () throws(ConvolutionError) in try pooling.pooling.pooled(map).output }
                }
            }
            return LayerPass(output: SampleShape.batch(samples))
        case .flatten:
            return LayerPass(output: input)
        case .normalization(let stage):
            let arranged = stage.arranged(input, shape: shape)
            let pass =
                stage.running.map { stage.normalization.forward(arranged, mean: $0.mean, variance: $0.variance) }
                ?? stage.normalization.forward(arranged)
            let y = stage.restored(pass.output, shape: shape, samples: input.rows)
            return LayerPass(preActivation: y, output: stage.activation.apply(to: y), normalization: pass)
        case .dropout(let dropout):
            guard dropout.mask != nil else { return LayerPass(output: input) }
            let rows = (0..<input.rows).map { sample in
                zip(input.row(sample), dropout.scaledMask(sample: sample) ?? []).map { $0 * $1 }
            }
            return LayerPass(output: Matrix(rows))
        case .residual(let residual):
            let a = input + earlier[residual.source]
            return LayerPass(preActivation: a, output: residual.activation.apply(to: a))
        }
    }

    /// The value of a window computation whose sizes the stack checked when it was built.
    static func validated(_ compute: () throws(ConvolutionError) -> Matrix) -> Matrix {
        do {
            return try compute()
        } catch {
            preconditionFailure("The layer stack checked every window against its input: \(error)")
        }
    }
}
