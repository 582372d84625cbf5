import NNCore

extension OptimizerStep {
    /// The step restricted to the parameters in `range`: one tensor of a network's parameter vector.
    func slice(_ range: Range<Int>) -> OptimizerStep {
        func cut(_ values: [Double]?) -> [Double]? { values.map { Array($0[range]) } }
        func cut(_ state: OptimizerState) -> OptimizerState {
            var result = state
            result.velocity = cut(state.velocity)
            result.firstMoment = cut(state.firstMoment)
            result.squareAverage = cut(state.squareAverage)
            result.maximumSquareAverage = cut(state.maximumSquareAverage)
            result.sumOfSquares = cut(state.sumOfSquares)
            return result
        }
        var result = self
        result.previous = Array(previous[range])
        result.evaluationPoint = Array(evaluationPoint[range])
        result.rawGradient = Array(rawGradient[range])
        result.gradient = Array(gradient[range])
        result.stateBefore = cut(stateBefore)
        result.state = cut(state)
        result.correctedFirstMoment = cut(correctedFirstMoment)
        result.correctedSquareAverage = cut(correctedSquareAverage)
        result.direction = cut(direction)
        result.decayed = cut(decayed)
        result.parameters = Array(parameters[range])
        return result
    }
}
