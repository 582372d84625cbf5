/// What can be wrong with the data of a problem or with the answers checked
/// against it (exit 65, EX_DATAERR); ``InputError/init(at:_:)`` words each case.
public enum DataError: Sendable, Hashable {
    /// A network problem without a target and a loss, which `purpose` needs.
    case missingTarget(for: String)
    /// A computed `quantity` that overflows to ∞.
    case overflows(String)
    /// A computed `quantity` of positive inputs that underflows to 0.
    case underflows(String)
    /// The loss beyond double precision.
    case lossOverflows
    /// Layer `index` (counted from 0)'s values beyond double precision.
    case layerOverflows(Int)
    /// A gradient beyond double precision.
    case gradientOverflows
    /// The feature map beyond double precision.
    case featureMapOverflows
    /// A gradient check of `checked` parameters of a network of `parameters` on
    /// `samples` samples, beyond ``NetworkGradientCheckSolver/maximumWork``;
    /// `affordable` parameters could be checked.
    case checkTooLarge(checked: Int, parameters: Int, samples: Int, affordable: Int)
    /// A Hessian of a network of `parameters` parameters, beyond `limit`.
    case hessianTooLarge(parameters: Int, limit: Int)
    /// A worked solution with ∞ or NaN in step `step` or at the result `path`.
    case resultNotFinite(step: Int?, path: String?)
    /// More epochs in all than 2⁵³.
    case tooManyEpochs
    /// More trials than 2⁵³.
    case tooManyTrials
    /// More grid combinations than 2⁵³.
    case tooManyCombinations
    /// A parameter or multiply-add count past 2⁵³.
    case countTooLarge
    /// A worked solution that would show more than `limit` numbers.
    case tooManyTerms(limit: Int)
    /// More numbers given (`--scores`, `--at`) than a worked solution shows.
    case tooManyNumbers(Int, noun: String, limit: Int)
    /// A kernel with `kernel` channels for an input with `input`.
    case channelMismatch(kernel: Int, input: Int)
    /// Filters of `kernel` input channels each for an input with `input` channels.
    case filterChannelMismatch(kernel: Int, input: Int)
    /// A filter of a C_out × C × k × k kernel shaped `shape` (C, k_h, k_w) where filter 0 is `first`.
    case filterShape([Int], first: [Int])
    /// A bias with `count` numbers for a kernel of `filters` filters.
    case biasCount(Int, filters: Int)
    /// A C × H × W stack of `channels` matrices where one matrix belongs.
    case notAMatrix(channels: Int)
    /// A `rows` × `columns` matrix where a list of numbers belongs.
    case notAList(rows: Int, columns: Int)
    /// `count` values where one per feature (`features`) belongs.
    case perFeatureCount(Int, features: Int)
    /// A running variance below 0.
    case negativeVariance
    /// Batch norm in training mode on one sample, whose variance is 0.
    case batchOfOne
    /// ∂L/∂Y of the shape `given` (channels, rows, columns) for an output Y of the shape `output`.
    case outputGradientShape(given: [Int], output: [Int])
    /// `what` is NaN or ±∞ at the point `place`.
    case notFinite(String, at: String, isNaN: Bool)
    /// f is NaN or ±∞ at `place`, a point x ± ε the finite difference needs, though finite at the point given.
    case notFiniteNearby(at: String, isNaN: Bool)
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
    /// An answer formula that does not parse, for the parser's `reason`.
    case notAFormula(String)
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

    // JSON keys, types and shapes of a spec file.

    /// A key not among `allowed`, with a likely one.
    case unknownKey(String, suggestion: String?, allowed: [String])
    /// A required key not there; `nil` when the key is named by the place.
    case missingKey(String?)
    /// Typed layers (conv2d, batch_norm, …) given to a subcommand that takes dense layers only.
    case typedLayers
    /// A generated problem kind with no draw whose values keep to `decimals` decimals.
    case noCleanDraw(decimals: Int)
    /// `backward --diagram` with a spec of typed layers.
    case diagramDenseOnly
    /// `--params` or `--sample` with a spec of typed layers.
    case denseOnlyOption
    /// `--round-intermediates` with a spec of typed layers.
    case roundingDenseOnly
    /// A `learning_rate` in a spec of typed layers, whose update is not worked.
    case stackUpdate
    /// A layer with neither `"weights"` nor `"units"`.
    case missingWeights
    /// A value not of the form `expected`; `found` names what it is.
    case expected(String, found: String)
    /// A GELU `"approximate"` that is none of its forms.
    case expectedGELUForm
    /// A JSON number that is NaN or ±∞.
    case notFiniteNumber(Double)
    /// An empty array where values are needed.
    case empty
    /// A `"layers"` array with no layer.
    case noLayers
    /// A matrix row with `count` entries where row 0 has `expected`.
    case rowEntries(count: Int, expected: Int)
    /// A channel of a stack whose shape is not channel 0's.
    case channelShape(rows: Int, columns: Int, firstRows: Int, firstColumns: Int)
    /// A name of `kind` ("loss", "activation") not among `names`, with a likely one.
    case unknownName(String, kind: String, names: [String], suggestion: String?)
    /// A layer type not among `types`, with a likely one.
    case unknownLayerType(String, suggestion: String?, types: [String])
    /// A loss reduction other than mean or sum.
    case unknownReduction(String)
    /// A padding name other than same, valid or full.
    case unknownPadding(String)
    /// A parameter `key` given to `name`, which only `owner` takes.
    case parameterAppliesOnly(String, to: String, not: String)
    /// A number not above 0.
    case notPositive(Double)
    /// A loss parameter below 0 (the focal γ).
    case negativeParameter(Double)
    /// A focal α above 1.
    case focalAlpha(Double)
    /// A logarithm base not above 0, or 1.
    case logarithmBase(Double)
    /// A loss's `"from"` other than the `expected` inputs.
    case unknownLossInput(String, expected: [String])
    /// A loss on ±1 labels (`loss`) given a target other than −1 or 1.
    case signLabel(Double, loss: String)
    /// A multiclass hinge target given as probability rows, not class indices.
    case classIndexRequired(loss: String)
    /// The entropy, which has no target, as a network's loss.
    case entropyHasNoTarget
    /// A matrix of `rows` × `columns` whose shape must be that of `other` (`otherRows` × `otherColumns`).
    case shapesDiffer(Int, Int, other: String, Int, Int)
    /// Binary scores given as a matrix, not one row or one column.
    case binaryScores(rows: Int, columns: Int)
    /// An entry (row and column counted from 1) that is no probability in [0, 1].
    case notAProbability(Double, row: Int, column: Int)
    /// A distribution's row (counted from 1) that does not sum to 1.
    case rowSum(row: Int, sum: Double)
    /// A probability 0 (or 1, for 1 − p) at a row and column counted from 1 whose logarithm a loss takes.
    case logarithmOfZero(Double, row: Int, column: Int)
    /// Scores of `count` classes (fewer than 2) for the multiclass hinge.
    case tooFewClasses(Int)
    /// `count` labels for `samples` samples.
    case labelCount(count: Int, samples: Int)
    /// A softmax coldness β of 0.
    case zeroColdness
    /// A whole number too large to use.
    case tooLarge(Double)
    /// `"bias"` given with `"augmented": true`.
    case biasWhenAugmented
    /// `"units"` given with weights or a bias.
    case unitsAndWeights
    /// A `"units"` that is not a whole number from 1 to `maximum`.
    case unitsRange(Double, maximum: Int)
    /// Drawn weights beyond the limit of 10⁷.
    case tooManyWeights
    /// Weights with `count` columns; the layer (counted from 1) has `incoming` inputs.
    case weightColumns(count: Int, incoming: Int, layer: Int, isAugmented: Bool)
    /// An input written as a column, `values` one per row, read as a batch of one-value
    /// samples where the first layer takes `values.count` values; `inline`: given with `--x`.
    case columnInput(values: [Double], inline: Bool)
    /// Weights written as a flat list of numbers; `incoming` values enter the layer
    /// (plus the bias column with `isAugmented`).
    case flatWeights(values: [Double], incoming: Int, isAugmented: Bool)
    /// A bias with `count` entries for weights with `rows` rows.
    case biasEntries(count: Int, rows: Int)
    /// A target with `count` values for a network with `outputs`.
    case targetValues(count: Int, outputs: Int)
    /// A batch target with `count` rows for `samples` samples.
    case targetRows(count: Int, samples: Int)
    /// A batch of class targets with `count` entries for `samples` samples.
    case classTargets(count: Int, samples: Int)
    /// A probability target with `count` values for `outputs` classes.
    case classProbabilities(count: Int, outputs: Int)
    /// A binary cross-entropy target outside [0, 1].
    case binaryTargetRange(Double)
    /// A class index among probability rows.
    case mixedClassTargets
    /// A class that is not a 0-based index of the `outputs` classes.
    case notAClassIndex(Double, outputs: Int)
    /// A negative entry of a probability target.
    case negativeProbability(Double)
    /// A probability target that does not sum to 1.
    case probabilitySum(Double)

    // The compact `--layers` form.

    /// `--layers` not starting with `input`.
    case noInputShape
    /// An `input` item (`text`, as written) without a shape of 1 to 3 sizes.
    case compactInputShape(String)
    /// An empty item between two `;`.
    case emptyCompactLayer
    /// A key given twice in one compact layer.
    case givenTwice
    /// A bare number where `type` takes no more; `positional` are the keys it takes.
    case unexpectedNumber(String, type: String, positional: [String])
    /// A word of a compact layer that is no setting.
    case unknownCompactWord(String)
    /// A layer of `nnhw shapes` that is not dense: its type, after `prefix` naming where it was written.
    case notDense(String, prefix: String)
    /// An input of `nnhw shapes` that is not a vector: its sizes.
    case inputNotVector([Int])
    /// A problem worded elsewhere (an architecture error, or an error of a
    /// compact layer), after `prefix` naming where it was written.
    case described(String, prefix: String)
}
