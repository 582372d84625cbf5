/// What can be wrong with the options of a problem (exit 64, EX_USAGE);
/// ``InputError/init(at:_:)`` words each case.
public enum OptionError: Sendable, Hashable {
    /// A required option not given; `give` says what to give.
    case missing(give: String)
    /// An option that needs another, `because` saying what the other tells.
    case requires(String, because: String)
    /// An option that needs more than one other, or one of several: `needs`.
    case needs(String)
    /// Two ways of giving the same thing, of which one may be given.
    case eitherNotBoth(String, String)
    /// An option that another makes meaningless.
    case conflicts(with: String, because: String)
    /// An option that applies with a flag only; `add` says what to add.
    case appliesOnly(to: String, add: String)
    /// An option that has no meaning for a pooling layer.
    case notForPooling
    /// Nothing asked for; `give` lists what could be.
    case nothingToCompute(give: String)
    /// A value not of the form `expected`.
    case expected(String, got: String)
    /// One of the listed names expected, with a likely one.
    case expectedChoice([String], got: String, suggestion: String?)
    /// A number not above 0; `text` as written.
    case notPositive(String)
    /// A number below 0; `text` as written.
    case negative(String)
    /// A number not strictly between 0 and 1; `text` as written.
    case notInOpenUnitInterval(String)
    /// A value that is empty; `expected` says what was expected.
    case empty(expected: String)
    /// A name given twice for one option.
    case repeated(String)
    /// A hyperparameter given twice in one grid.
    case repeatedInGrid(String)
    /// No built-in example of the name, with a likely one.
    case unknownExample(String, suggestion: String?, examples: [String])
    /// `--pue` below 1: facility power cannot be less than the IT power.
    case pueBelowOne(Double)
    /// `--utilization` above 1: an accelerator cannot beat its peak FLOP/s.
    case utilizationAboveOne(Double)
    /// A comparison asked for that needs another input: `name` needs `what`.
    case comparisonNeeds(String, String)
    /// A comma-separated list of names with an empty entry.
    case emptyNameInList(String)
    /// A comma-separated list of names with `entry` twice.
    case repeatedNameInList(String, entry: String)
    /// A range `LOW..HIGH` whose low end is above its high end.
    case emptyRange(String)
    /// A formula with no variable to differentiate.
    case noVariables
    /// A value of the variable `of` that is not a number.
    case notANumber(String, of: String)
    /// A name that is not one of the formula's `variables`.
    case notAVariable(String, variables: [String])
    /// A variable with no value; `variables` lists all of the formula's, when known.
    case noValue(for: String, variables: [String]?)
    /// A confidence of 1 or more, which no finite number of trials reaches.
    case certainty
    /// A size that is not a whole number; `example` shows how sizes are written.
    case notASize(String, example: String)
    /// Sizes `text` not as many as one of `expected`.
    /// An option of a layer given to a padding question, which has no kernel.
    case needsKernel
    /// Padding `same`, `valid` or `full`, which depends on a kernel, in a padding question.
    case namedPaddingNeedsKernel
    case sizeCount(String, expected: [Int], example: String, got: Int)
    /// A padding that is neither a number, sizes nor a padding name.
    case notAPadding(String)
    /// `same` or `full` padding for a transposed convolution.
    case namedPaddingTransposed
    /// A duration without a unit.
    case noUnit(String)
    /// A duration whose unit nnhw does not know.
    case unknownUnit(String, in: String)
    /// A grid's list of values of the hyperparameter with an empty entry.
    case emptyListEntry(String, list: String)
    /// A grid's list of values of the hyperparameter with `entry` twice.
    case repeatedListEntry(String, list: String, entry: String)
    /// A hyperparameter given a count of values below 1.
    case noValueCounted(String, values: String)
    /// A hyperparameter with nothing after `=`.
    case noValues(String)
    /// A hyperparameter's values that are not a range of whole numbers.
    case notARange(String, values: String)
    /// A hyperparameter's range whose step is below 1.
    case stepBelowOne(String, values: String, step: Int)
    /// A hyperparameter's range whose lower end is above its upper end.
    case emptyWholeRange(String, values: String, lower: Int, upper: Int)
    /// A hyperparameter's range too wide to count.
    case rangeTooLarge(String, values: String)
    /// A notation name not among `notations`.
    case unknownNotation(String, notations: [String])
    /// A notation setting other than `loss=` or `prediction=`.
    case unknownNotationSetting(String)
    /// A `--params` item naming no parameter of the network, whose tensors are listed.
    case unknownParameter(String, tensors: [String], suggestion: String?)
    /// A `--params` list that names nothing.
    case noParameter
    /// A batch of `samples` samples where one sample is needed and `--sample` is not given.
    case batchNeedsSample(samples: Int)
    /// Sample `sample` (from 1) of an input of `samples` samples.
    case sampleBeyondInput(Int, samples: Int)
    /// An entry of a list of numbers (`--factors "0.005 0.1"`) that is not a finite number.
    case notANumberInList(String, example: String)
    /// A `--depth` that is none of N, LOW..HIGH or N,M,…
    case notADepth(String)
    /// A depth beyond `limit` layers.
    case depthTooLarge(Int, limit: Int)
    /// A `--depth` range or list of more than `limit` depths.
    case tooManyDepths(limit: Int)
    /// `count` layers or factors (`noun`) that do not group into whole residual blocks of `blockSize`.
    case notWholeBlocks(count: Int, noun: String, blockSize: Int)
    /// A problem another subcommand solves: `because` says why, `use` what to run.
    case otherCommand(use: String, because: String)
    /// A problem found in an option's value, worded by the module that found it.
    case invalid(String)
    /// A list of another length than another list: `count` given, `expected` wanted, `of` names the other
    /// list, `per` what each value is for ("parameter", "point").
    case valueCount(Int, expected: Int, of: String, per: String)
    /// A repeated option given `count` times for `steps` steps.
    case countPerStep(Int, steps: Int)
    /// A setting of one optimizer method given to another (`method` as written: `--method sgd`).
    case notForMethod(String, methods: String)
    /// A `--layer` with two words that are not `KEY=VALUE`, each read as its activation.
    case twoActivations(String, String)
    /// A `--loss` with two names.
    case twoLossNames(String, String)
    /// An option's text with a bracket or quote left open.
    case unclosedBracket(String)
    /// `--random` or `generate` found no network keeping every unit in its range.
    case noNiceDraw
    /// `--dead-units` asking for `count` dead units of a network with `hidden` hidden ReLU units.
    case tooManyDeadUnits(Int, hidden: Int)
}
