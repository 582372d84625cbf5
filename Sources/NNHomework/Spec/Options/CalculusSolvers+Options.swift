extension NetworkJacobianSolver {
    /// The solver `nnhw jacobian --net` asks for: `--notation`, and `--sample N`
    /// (from 1), which a batch needs and a single sample may give as 1.
    ///
    /// - Throws: a usage error for an unknown notation, a batch without
    ///   `--sample` or a sample beyond the input.
    public init(_ options: OptionValues, problem: NetworkProblem) throws(InputError) {
        let samples = problem.sampleCount
        let sample = options.whole("--sample")
        if problem.isBatch && sample == nil {
            throw InputError(at: "--sample", .batchNeedsSample(samples: samples))
        }
        if let sample, sample > samples {
            throw InputError(at: "--sample", .sampleBeyondInput(sample, samples: samples))
        }
        self.init(notation: try Notation(options), sample: (sample ?? 1) - 1)
    }
}

extension NetworkHessianSolver {
    /// The solver `nnhw hessian --net` asks for: `--eps` (h), `--tol` (τ) and `--notation`.
    ///
    /// - Throws: a usage error for an unknown notation.
    public init(_ options: OptionValues) throws(InputError) {
        self.init(
            step: options.number("--eps") ?? Self.defaultStep,
            tolerance: options.number("--tol") ?? Self.defaultTolerance,
            notation: try Notation(options))
    }
}
