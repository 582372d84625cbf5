import NNCore

extension Grading {
    /// The grading of a network problem's values: each value computed from the
    /// student's own earlier values, the slips of ``NetworkProblem/slips()``,
    /// and S samples.
    ///
    /// - Throws: an ``InputError`` as ``NetworkSolver/backward(_:)`` does.
    public init(
        network problem: NetworkProblem,
        roundedResult: @escaping (Int) throws(InputError) -> JSONValue? = { _ in nil }
    ) throws(InputError) {
        self.init(
            roundedResult: roundedResult,
            reworked: { answers throws(InputError) in
                try NetworkSolver().result(of: problem, settling: problem.settlingOnStudentValues(answers))
            }, slips: try problem.slips(), sampleCount: problem.sampleCount)
    }
}
