extension InputError {
    /// The error a user sees for `error` at the option `place`: its words, and
    /// its kind (exit status). Every message of NNHomework's options is worded here.
    public init(at place: String, _ error: OptionError) {
        self.init(.usage, at: place, Self.wording(of: error))
    }

    /// The error a user sees for `error` at `place`, a JSON path, option or
    /// file: its words, and its kind (exit status).
    public init(at place: String, _ error: DataError) {
        self.init(.invalidData, at: place, Self.wording(of: error))
    }

    /// The error a user sees for `error` reading the file `place`: its words, and its kind (exit status).
    public init(at place: String, _ error: FileError) {
        switch error {
        case .noFiles: self.init(.unreadable, at: place, "cannot read: no files here")
        }
    }

    private static func wording(of error: DataError) -> String {
        let precision = "the numbers are too large for double precision"
        let exactCount = "the largest count printed exactly"
        let probabilityVector = "a cross-entropy target must be a probability vector (entries ≥ 0, summing to 1)"
        return switch error {
        case .missingTarget(let purpose): "missing; \(purpose) needs a target and a loss"
        case .overflows(let quantity): "the \(quantity) overflows"
        case .underflows(let quantity):
            "the \(quantity) underflows to 0; the numbers are too small for double precision"
        case .lossOverflows: "the loss overflows; \(precision)"
        case .layerOverflows(let index): "layer \(index + 1)'s values overflow; \(precision)"
        case .gradientOverflows: "a gradient overflows; \(precision)"
        case .featureMapOverflows: "the feature map overflows; \(precision)"
        case .hessianTooLarge(let parameters, let limit):
            "the network has \(parameters) parameters; a Hessian by finite differences is limited to \(limit) "
                + "(\(limit) × \(limit) entries); use a smaller network"
        case .checkTooLarge(let checked, let parameters, let samples, let affordable):
            "checking \(counted(checked, "parameter")) of a \(parameters)-parameter network on "
                + "\(counted(samples, "sample")) is more work than a check of about 2 s allows "
                + "(checked · parameters · samples ≤ 2³²); "
                + (affordable > 0
                    ? "give --sample N with N ≤ \(affordable), or --params" : "the network is too large to check")
        case .resultNotFinite(let step, let path):
            [step.map { "step (\($0))" }, path].compactMap { $0 }.joined(separator: ", ")
                + " would print ∞ or NaN; \(precision)"
        case .tooManyEpochs: "the total number of epochs exceeds 2⁵³, \(exactCount)"
        case .tooManyTrials: "the number of trials exceeds 2⁵³, \(exactCount) (p is too small)"
        case .tooManyCombinations: "the grid has more than 2⁵³ combinations, \(exactCount)"
        case .countTooLarge: "the parameter or multiply-add count exceeds 2⁵³, \(exactCount)"
        case .tooManyNumbers(let count, let noun, let limit):
            "has \(count) \(noun), more than the \(limit) a worked solution shows"
        case .tooManyTerms(let limit):
            "the worked solution would show more than \(limit) numbers (products or window values, "
                + "or padded-input entries); give a smaller input, kernel or padding"
        case .channelMismatch(let kernel, let input):
            "has \(counted(kernel, "channel")), but --input has \(input); they must match"
        case .filterChannelMismatch(let kernel, let input):
            "has \(counted(kernel, "input channel")) per filter, but --input has \(counted(input, "channel"))"
        case .filterShape(let shape, let first):
            "is \(shape.map(String.init).joined(separator: " × ")), but filter 0 is "
                + "\(first.map(String.init).joined(separator: " × ")); every filter must have the same shape"
        case .biasCount(let count, let filters):
            "has \(counted(count, "number")), but --kernel has \(counted(filters, "filter")); give one bias per filter"
        case .notAMatrix(let channels): "is \(counted(channels, "channel")) (C × H × W); expected one matrix"
        case .notAList(let rows, let columns):
            "is a \(rows) × \(columns) matrix; expected a list of numbers, a row or a column"
        case .perFeatureCount(let count, let features):
            "has \(counted(count, "value")), but --x has \(counted(features, "feature")) (columns); give one per feature"
        case .negativeVariance: "a variance cannot be negative"
        case .batchOfOne:
            "is one sample (rows are samples, columns features): batch norm in training mode normalizes each feature "
                + "over the batch, and one sample has variance 0; give several rows, or --mode eval with running statistics"
        case .outputGradientShape(let given, let output):
            "∂L/∂Y is \(given.map(String.init).joined(separator: " × ")), but the output Y is "
                + "\(output.map(String.init).joined(separator: " × ")); give one value per output entry"
        case .notFinite(let what, let place, let isNaN):
            "\(what) is not a finite number at \(place) (\(isNaN ? "NaN" : "±∞")); choose a point inside the domain of f"
        case .notFiniteNearby(let place, let isNaN):
            "f is not a finite number at \(place) (\(isNaN ? "NaN" : "±∞")), a point the finite difference needs; "
                + "choose a point farther from the edge of the domain of f, or a smaller --eps"
        case .probabilityNotPositive(let value):
            "cross-entropy needs predicted probabilities ŷ > 0, but ŷ has \(specText(value)); use a softmax output layer"
        case .predictionOutsideUnitInterval(let value):
            "binary cross-entropy needs predictions ŷ strictly between 0 and 1, but ŷ has \(specText(value)); use a sigmoid output layer"
        case .unknownAnswerKey(let key, let suggestion, let keys):
            unknown("key", key, suggestion: suggestion) + "; the solution has \(keys.joined(separator: ", "))"
        case .answerCount(let count, let noun, let expected, let ofObjects):
            "has \(counted(count, noun, noun == "entry" ? "entries" : nil)), but the solution has \(expected)"
                + (ofObjects ? " (write {} for one you do not claim)" : "")
        case .answerKind(let expected, let found): "expected \(expected) as in the solution, found \(found)"
        case .notAFormula(let reason): "not a formula: \(reason)"
        case .emptyMatrix: "is empty; expected a matrix"
        case .emptyRow(let row): "row \(row) is empty"
        case .notAFiniteEntry(let text, let row, let column):
            "row \(row), column \(column): \"\(text)\" is not a finite number"
        case .rowLength(let row, let count, let firstRow, let expected):
            "row \(row) has \(counted(count, "entry", "entries")), but row \(firstRow) has \(expected)"
        case .noChannels(let channels): "the channels must be at least 1, got \(channels)"
        case .belowOne(let count): "must be at least 1, got \(count)"
        case .outputPaddingRange(let lines, let maximum, let given):
            "along the \(lines) must be from 0 to max(S, d) − 1 = \(maximum), got \(given)"
        case .noTransposedOutput(let lines, let size):
            "leaves no output along the \(lines): S(n − 1) + k_eff − 2P + a = \(size)"
        case .syntax(let error): error.description
        case .unknownKey(let key, let suggestion, let allowed):
            unknown("key", key, suggestion: suggestion) + "; expected \(allowed.joined(separator: ", "))"
        case .missingKey(let key): "missing key" + (key.map { " \"\($0)\"" } ?? "")
        case .missingWeights: "missing key \"weights\" (or \"units\" to draw the weights at random)"
        case .expected(let expected, let found): "expected \(expected), found \(found)"
        case .expectedGELUForm: "expected \"tanh\", \"none\", true or false"
        case .notFiniteNumber(let x): "\(x) is not a finite number"
        case .empty: "is empty"
        case .noLayers: "is empty; a network needs at least one layer"
        case .rowEntries(let count, let expected):
            "has \(counted(count, "entry", "entries")), but row 0 has \(expected)"
        case .channelShape(let rows, let columns, let firstRows, let firstColumns):
            "is \(rows) × \(columns), but channel 0 is \(firstRows) × \(firstColumns)"
        case .unknownName(let name, let kind, let names, let suggestion):
            "unknown \(kind) \"\(name)\"; expected one of \(names.joined(separator: ", "))"
                + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .unknownLayerType(let type, let suggestion, let types):
            unknown("layer type", type, suggestion: suggestion) + "; expected \(types.joined(separator: ", "))"
        case .unknownReduction(let name): "unknown reduction \"\(name)\"; expected mean or sum"
        case .unknownPadding(let name):
            "unknown padding \"\(name)\"; expected a number, [height, width], same, valid or full"
        case .parameterAppliesOnly(let key, let owner, let name): "\"\(key)\" applies to \(owner) only, not to \(name)"
        case .notPositive(let x): "must be positive, got \(specText(x))"
        case .shapesDiffer(let rows, let columns, let other, let otherRows, let otherColumns):
            "is \(rows) × \(columns), but \(other) is \(otherRows) × \(otherColumns); they must have the same shape"
        case .binaryScores(let rows, let columns):
            "is \(rows) × \(columns); a binary loss takes one score per sample, written as a row or a column"
        case .notAProbability(let x, let row, let column):
            "row \(row), column \(column) is \(specText(x)), not a probability in [0, 1]"
        case .rowSum(let row, let sum):
            "row \(row) sums to \(specText(sum)); each row must be a distribution summing to 1"
        case .logarithmOfZero(let p, let row, let column):
            "row \(row), column \(column) is \(specText(p)), so the loss takes ln 0 = −∞ there; it is undefined"
        case .tooFewClasses(let count):
            "has \(counted(count, "score")) per sample; the multiclass hinge compares the true class with at least one other"
        case .labelCount(let count, let samples):
            "has \(counted(count, "label")), but there \(samples == 1 ? "is" : "are") \(counted(samples, "sample")) (one label per sample)"
        case .negativeParameter(let x): "must be 0 or more, got \(specText(x))"
        case .focalAlpha(let x): "must be at most 1 (a negative α turns the class weighting off), got \(specText(x))"
        case .logarithmBase(let x): "a logarithm's base must be positive and not 1, got \(specText(x))"
        case .unknownLossInput(let name, let expected):
            "unknown input \"\(name)\"; expected \(expected.joined(separator: " or "))"
        case .signLabel(let x, let loss): "\(loss) needs labels −1 or 1, found \(specText(x))"
        case .classIndexRequired(let loss):
            "\(loss) needs a 0-based class index per sample, not probability rows"
        case .entropyHasNoTarget:
            "entropy has no target, so it is no network loss; use nnhw loss --name entropy --p \"…\""
        case .zeroColdness: "softmax coldness β must not be 0"
        case .tooLarge(let x): "\(specText(x)) is too large"
        case .biasWhenAugmented:
            "with \"augmented\": true the bias weights are the first column of weights; remove \"bias\""
        case .unitsAndWeights: "give either \"units\" (weights drawn at random) or weights and bias, not both"
        case .unitsRange(let units, let maximum):
            "expected a whole number of units from 1 to \(maximum), got \(specText(units))"
        case .tooManyWeights: "the network would hold more than 10⁷ weights; ask for fewer units"
        case .weightColumns(let count, let incoming, let layer, let isAugmented):
            "has \(counted(count, "column")), but "
                + (layer == 1 ? "the input has " : "layer \(layer - 1) outputs ") + counted(incoming, "value")
                + (isAugmented ? " plus the bias column" : "") + " (weights are out × in: one row per unit)"
        case .columnInput(let values, let inline):
            "is a column, read as a batch of \(counted(values.count, "sample")) of 1 value each (a row per sample), "
                + "but layer 1 takes \(counted(values.count, "value")); write one sample as a list: "
                + (inline
                    ? "--x \"\(values.map(specText).joined(separator: " "))\""
                    : "\"input\": [\(values.map(specText).joined(separator: ", "))]")
        case .flatWeights(let values, let incoming, let isAugmented):
            "is a flat list of \(counted(values.count, "number")); weights are out × in, a list of rows (one per unit)"
                + (values.count == (isAugmented ? incoming + 1 : incoming)
                    ? ", so one unit's weights are written [[\(values.map(specText).joined(separator: ", "))]]"
                    : ", each of \(isAugmented ? incoming + 1 : incoming) values: [[…], […]]")
        case .biasEntries(let count, let rows):
            "has \(counted(count, "entry", "entries")), but weights has \(counted(rows, "row")) (one per unit)"
        case .targetValues(let count, let outputs):
            "has \(counted(count, "value")), but the network outputs \(counted(outputs, "value"))"
        case .targetRows(let count, let samples):
            "has \(counted(count, "row")), but the input has \(counted(samples, "sample")) (one target row per sample)"
        case .classTargets(let count, let samples):
            "has \(counted(count, "entry", "entries")), but the input has \(counted(samples, "sample"))"
                + " (one class or row per sample)"
        case .classProbabilities(let count, let outputs):
            "has \(counted(count, "value")), but the network outputs "
                + counted(outputs, "class probability", "class probabilities")
        case .binaryTargetRange(let x): "binary cross-entropy needs targets in [0, 1], found \(specText(x))"
        case .mixedClassTargets:
            "is a class index, but other samples are probability rows; give every sample the same way"
        case .notAClassIndex(let x, let outputs):
            "class \(specText(x)) is not a 0-based class index of the \(counted(outputs, "output")) (0…\(outputs - 1))"
        case .negativeProbability(let x): "is negative (\(specText(x))); \(probabilityVector)"
        case .probabilitySum(let sum): "\(probabilityVector); it sums to \(specText(sum))"
        case .noInputShape: "must start with the input shape, e.g. \"input 28x28x1; …\""
        case .compactInputShape(let text):
            "input \"\(text)\": expected \"input\" and a shape of 1 to 3 sizes, such as 28x28x1 (H×W×C), 50x128 (T×d) or 784"
        case .emptyCompactLayer: "is empty; remove the extra \";\""
        case .givenTwice: "given more than once"
        case .unexpectedNumber(let word, let type, let keys):
            "unexpected number \(word); "
                + (keys.isEmpty
                    ? "\(type) takes no bare numbers"
                    : "\(type) takes \(keys.count == 1 ? "one bare number" : "\(keys.count) bare numbers")"
                        + " (\(keys.joined(separator: ", ")))")
        case .unknownCompactWord(let word):
            "unknown word \"\(word)\"; expected numbers, k5 (kernel), s2 (stride), p1 (padding), d2 (dilation), "
                + "h8 (heads), same, valid, full, nobias, seq or key=value"
        case .notDense(let type, let prefix):
            prefix
                + "is \(type); shapes takes dense layers only (each with its activation, z = f(a)) after a vector input"
        case .inputNotVector(let sizes):
            "input \(sizes.map(String.init).joined(separator: "x")): shapes takes a vector input such as \"input 784\" "
                + "(flatten an image: 28x28x1 is input 784)"
        case .described(let text, let prefix): prefix + text
        case .typedLayers:
            "typed layers (conv2d, max_pool, avg_pool, flatten, batch_norm, layer_norm, dropout, residual) "
                + "are solved by forward, backward and gradcheck; this subcommand takes dense layers only"
        case .noCleanDraw(let decimals):
            "found no problem whose every value has at most \(decimals) \(decimals == 1 ? "decimal" : "decimals"); allow more"
        case .diagramDenseOnly:
            "draws the units and weights of dense networks only; leave it out for a spec with typed layers"
        case .denseOnlyOption:
            "selects among the weights of dense networks only; a spec with typed layers checks every parameter and input value"
        case .roundingDenseOnly:
            "rounds the intermediates of dense networks only; leave it out for a spec with typed layers"
        case .stackUpdate:
            "the update step is worked for dense networks only; leave learning_rate out of a spec with typed layers"
        }
    }

    /// `unknown <what> "<name>"`, with ` (did you mean "<suggestion>"?)` when there is one.
    private static func unknown(_ what: String, _ name: String, suggestion: String?) -> String {
        "unknown \(what) \"\(name)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
    }

    private static func wording(of error: OptionError) -> String {
        switch error {
        case .missing(let give): "missing; give \(give)"
        case .otherCommand(let use, let because): "\(because); use \(use)"
        case .requires(let other, let because): "needs \(other) (\(because))"
        case .needs(let what): "needs \(what)"
        case .eitherNotBoth(let one, let other): "give either \(one) or \(other), not both"
        case .conflicts(let other, let because): "cannot be used with \(other), \(because)"
        case .appliesOnly(let what, let add): "applies to \(what) only; add \(add)"
        case .notForPooling: "does not apply to a pooling layer (--pool)"
        case .nothingToCompute(let give): "nothing to compute; give \(give)"
        case .expected(let expected, let text): "expected \(expected), got \"\(text)\""
        case .expectedChoice(let names, let text, let suggestion):
            "expected \(OptionType.list(names)), got \"\(text)\"" + (suggestion.map { " (did you mean \($0)?)" } ?? "")
        case .notPositive(let text): "must be positive, got \(text)"
        case .negative(let text): "must be 0 or more, got \(text)"
        case .notInOpenUnitInterval(let text): "must be strictly between 0 and 1, got \(text)"
        case .empty(let expected): "is empty; expected \(expected)"
        case .repeated(let name): "\(name) is given more than once"
        case .twoActivations(let first, let second):
            "names two activations, \"\(first)\" and \"\(second)\"; a word without = is the activation, "
                + "write other settings as KEY=VALUE"
        case .twoLossNames(let first, let second):
            "names two losses, \"\(first)\" and \"\(second)\"; write parameters as KEY=VALUE (scale=0.5)"
        case .noNiceDraw:
            "found no small weights keeping every unit in its range; give fewer or smaller layers"
        case .tooManyDeadUnits(let count, let hidden):
            "\(counted(count, "dead unit")) asked for, but the network has "
                + (hidden == 0 ? "no hidden ReLU unit" : "only \(counted(hidden, "hidden ReLU unit"))")
        case .unclosedBracket(let text): "a bracket or quote in \"\(text)\" is not closed"
        case .repeatedInGrid(let name): "\(name) is given twice in one grid"
        case .unknownExample(let name, let suggestion, let examples):
            "no example called \"\(name)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
                + "; the examples are \(examples.joined(separator: ", "))"
        case .pueBelowOne(let pue): "is total facility power over IT power, at least 1, got \(pue)"
        case .utilizationAboveOne(let utilization):
            "is the fraction of peak FLOP/s achieved, at most 1 (0.4 for 40 %), got \(specText(utilization))"
        case .comparisonNeeds(let name, let what): "\(name) needs \(what)"
        case .emptyNameInList(let list): "the list \"\(list)\" has an empty entry"
        case .repeatedNameInList(let list, let entry): "the list \"\(list)\" has \(entry) twice"
        case .emptyRange(let text): "the range \"\(text)\" is empty (low above high)"
        case .noVariables: "f has no variables to differentiate"
        case .notANumber(let text, let name): "\(name)=\(text): \"\(text)\" is not a number"
        case .notAVariable(let name, let variables):
            "\(name) is not a variable of f (f uses \(variables.joined(separator: ", ")))"
        case .noValue(let name, let variables):
            "no value for \(name)" + (variables.map { " (f uses \($0.joined(separator: ", ")))" } ?? "")
        case .certainty: "must be below 1: no finite number of trials is certain"
        case .notASize(let part, let example): "\"\(part)\" is not a whole number; write sizes as \(example)"
        case .namedPaddingNeedsKernel:
            "same, valid and full depend on the kernel; give --kernel, or a number P or PxQ for the padded shape"
        case .needsKernel:
            "describes a layer, which needs --kernel; without it conv-size gives the padded shape of --padding P or PxQ"
        case .sizeCount(let text, let counts, let example, let count):
            "\"\(text)\" is \(count) sizes; "
                + (counts == [1]
                    ? "expected one whole number, e.g. \(example)"
                    : "expected \(counts.map(String.init).joined(separator: " or ")), e.g. \(example)")
        case .notAPadding(let text): "\"\(text)\" is not a padding; expected a number P, PxQ, same, valid or full"
        case .namedPaddingTransposed: "a transposed convolution takes a number as padding, not same or full"
        case .noUnit(let text): "\"\(text)\" has no unit; expected \(durationUnits)"
        case .unknownUnit(let unit, let text): "unknown unit \"\(unit)\" in \"\(text)\"; expected \(durationUnits)"
        case .emptyListEntry(let name, let list): "\(name): the list \"\(list)\" has an empty entry"
        case .repeatedListEntry(let name, let list, let entry): "\(name): the list \"\(list)\" has \(entry) twice"
        case .noValueCounted(let name, let values):
            "\(name)=\(values): a hyperparameter needs at least 1 value, got \(values)"
        case .noValues(let name): "\(name): no values after ="
        case .notARange(let name, let values):
            "\(name)=\(values): expected a range of whole numbers LOW..HIGH or LOW..HIGH:STEP (depth=2..8)"
        case .stepBelowOne(let name, let values, let step):
            "\(name)=\(values): the step must be at least 1, got \(step)"
        case .emptyWholeRange(let name, let values, let lower, let upper):
            "\(name)=\(values): the range is empty (\(lower) > \(upper))"
        case .rangeTooLarge(let name, let values): "\(name)=\(values): the range is too large"
        case .unknownNotation(let name, let notations):
            "unknown notation \"\(name)\"; the notations are \(notations.joined(separator: ", ")) (nnhw notation --list)"
        case .unknownNotationSetting(let setting):
            "unknown setting \"\(setting)\"; after the name give loss=L|C|E|J or prediction=hat|tilde"
        case .unknownParameter(let item, let tensors, let suggestion):
            "no parameter or tensor \"\(item)\"; the network has \(tensors.joined(separator: ", "))"
                + (suggestion.map { " (did you mean \($0)?)" } ?? "")
        case .noParameter: "names no parameter"
        case .batchNeedsSample(let samples):
            "the input is a batch of \(samples) samples and a Jacobian is of one sample; give --sample N (1–\(samples))"
        case .sampleBeyondInput(let sample, let samples):
            "no sample \(sample): the input has \(counted(samples, "sample"))"
        case .notANumberInList(let entry, let example):
            "\"\(entry)\" is not a number; expected numbers separated by spaces, e.g. \"\(example)\""
        case .notADepth(let text):
            "expected a number of layers N, a range LOW..HIGH or a list N,M,…, got \"\(text)\""
        case .depthTooLarge(let depth, let limit): "\(depth) layers is more than the \(limit) this works out"
        case .tooManyDepths(let limit): "more than \(limit) depths; a table shows at most \(limit) rows"
        case .notWholeBlocks(let count, let noun, let blockSize):
            "\(count) \(count == 1 ? "\(noun) does" : "\(noun)s do") not make whole residual blocks of \(blockSize); "
                + "give a multiple of \(blockSize)"
        case .invalid(let message): message
        case .valueCount(let count, let expected, let of, let per):
            "has \(counted(count, "value")), but \(of) has \(counted(expected, "value")); give one per \(per)"
        case .countPerStep(let count, let steps):
            "is given \(counted(count, "time")) for \(counted(steps, "step")); give it once, or once per step"
        case .notForMethod(let method, let methods): "does not apply to \(method); it is for \(methods)"
        }
    }

    /// The units a duration may have, as a message lists them.
    private static let durationUnits = "s, min, h or d (e.g. 2min, 90s, 1.5h, 3d)"
}
