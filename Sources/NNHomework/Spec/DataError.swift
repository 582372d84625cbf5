/// What can be wrong with the data of a problem or with the answers checked
/// against it (exit 65, EX_DATAERR); ``InputError/init(at:_:)`` words each case.
public enum DataError: Sendable, Hashable {
    /// A network problem without a target and a loss, which `purpose` needs.
    case missingTarget(for: String)
    /// A computed `quantity` that overflows to ∞.
    case overflows(String)
    /// The loss beyond double precision.
    case lossOverflows
    /// Layer `index` (counted from 0)'s values beyond double precision.
    case layerOverflows(Int)
    /// A gradient beyond double precision.
    case gradientOverflows
    /// The feature map beyond double precision.
    case featureMapOverflows
    /// More epochs in all than 2⁶³ − 1.
    case tooManyEpochs
    /// More trials than 2⁶².
    case tooManyTrials
    /// More grid combinations than 2⁶³ − 1.
    case tooManyCombinations
    /// A parameter or multiply-add count too large to compute.
    case countTooLarge
    /// A worked solution that would show more than `limit` numbers.
    case tooManyTerms(limit: Int)
    /// A kernel with `kernel` channels for an input with `input`.
    case channelMismatch(kernel: Int, input: Int)
    /// `what` is NaN or ±∞ at the point `place`.
    case notFinite(String, at: String, isNaN: Bool)
    /// A predicted probability ŷ ≤ 0 under cross-entropy.
    case probabilityNotPositive(Double)
    /// A prediction ŷ outside (0, 1) under binary cross-entropy.
    case predictionOutsideUnitInterval(Double)
    /// An answer key the solution does not have; `keys` are the solution's.
    case unknownAnswerKey(String, suggestion: String?, keys: [String])
    /// An answer array of another length; `noun` names its elements ("row", "entry").
    case answerCount(Int, noun: String, expected: Int, ofObjects: Bool)
    /// An answer of another kind than the solution's (`expected`: "a number").
    case answerKind(expected: String, found: String)
    /// A matrix given as empty text.
    case emptyMatrix
    /// A matrix row (counted from 1) with no entries.
    case emptyRow(Int)
    /// A matrix entry (row and column counted from 1) that is not a finite number.
    case notAFiniteEntry(String, row: Int, column: Int)
    /// A matrix row with `count` entries where row `firstRow` has `expected`.
    case rowLength(row: Int, count: Int, firstRow: Int, expected: Int)
    /// An input with fewer than 1 channel.
    case noChannels(Int)
    /// A count below 1.
    case belowOne(Int)
    /// A transposed convolution's output padding outside 0...`maximum`.
    case outputPaddingRange(along: String, maximum: Int, got: Int)
    /// A transposed convolution with no output along the dimension.
    case noTransposedOutput(along: String, size: Int)
    /// Text that is not JSON.
    case syntax(JSONSyntaxError)
}
