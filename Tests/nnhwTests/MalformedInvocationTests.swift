import Foundation
import Testing

@testable import nnhw

/// A command line nnhw must refuse: its exit status, the one `nnhw:` line it
/// prints on stderr (followed by a `Usage:` line for status 64), and nothing on stdout.
struct MalformedInvocation: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let input: String?
    let status: Int32
    let expected: String

    init(_ arguments: [String], input: String? = nil, _ status: Int32, _ expected: String) {
        self.arguments = arguments
        self.input = input
        self.status = status
        self.expected = expected
    }

    var testDescription: String {
        let words = arguments.map { $0.count > 40 ? "\($0.prefix(20))…(\($0.count) characters)" : $0 }
        let stdin = input.map { $0.count > 40 ? " < \($0.count) characters" : " < \"\($0)\"" } ?? ""
        return "nnhw \(words.joined(separator: " "))\(stdin)"
    }
}

/// Every subcommand, and the dispatcher before them, given wrong flags, values,
/// files and documents; the regressions of the fuzzing and limit work are among them
/// (conv padding 10⁸, which allocated 3·10¹⁷ bytes and trapped; padding 3000, which hung;
/// 10⁷ weights drawn; a 10 MB document; a 150 × 150 pooled map).
private let malformedInvocations: [MalformedInvocation] = [
    MalformedInvocation(
        [], 64,
        "nnhw: missing subcommand; expected one of " + Registry.subcommands.map(\.name).joined(separator: ", ")
    ),
    MalformedInvocation(["frobnicate"], 64, "nnhw: frobnicate: not a subcommand"),
    MalformedInvocation(["--frobnicate"], 64, "nnhw: --frobnicate: unknown option; a subcommand comes first"),
    MalformedInvocation(["help", "frobnicate"], 64, "nnhw: frobnicate: not a subcommand"),
    MalformedInvocation(
        ["forwrd", "--example", "relu-3-layer"], 64, "nnhw: forwrd: not a subcommand (did you mean forward?)"),
    MalformedInvocation(["forward"], 64, "nnhw: --net: missing; give --net FILE (or --example NAME)"),
    MalformedInvocation(["forward", "--net"], 64, "nnhw: --net: missing value FILE"),
    MalformedInvocation(
        ["forward", "--net", "Examples/missing.json"], 66,
        "nnhw: Examples/missing.json: cannot read: No such file or directory"),
    MalformedInvocation(
        ["forward", "--net", "Examples"], 66,
        "nnhw: Examples: cannot read: a directory; nnhw reads regular files, or - for standard input"),
    MalformedInvocation(
        ["forward", "--example", "relu-4-layer"], 64,
        "nnhw: --example: expected relu-3-layer, tanh-augmented, softmax-cross-entropy-batch, logistic-regression-step, small-cnn, batchnorm-mlp or residual-mlp, got \"relu-4-layer\" (did you mean relu-3-layer?)"
    ),
    MalformedInvocation(
        ["forward", "--example", "relu-3-layer", "--net", "Examples/relu-3-layer.json"], 64,
        "nnhw: --net: give either --net FILE or --example NAME, not both"),
    MalformedInvocation(
        ["forward", "--example", "relu-3-layer", "--format", "yaml"], 64,
        "nnhw: --format: expected text, json, markdown or latex, got \"yaml\""),
    MalformedInvocation(
        ["forward", "--example", "relu-3-layer", "--precision", "18"], 64,
        "nnhw: --precision: expected a whole number from 0 to 17, got \"18\""),
    MalformedInvocation(
        ["forward", "--example", "relu-3-layer", "--precision", "two"], 64,
        "nnhw: --precision: expected a whole number from 0 to 17, got \"two\""),
    MalformedInvocation(["forward", "--example", "relu-3-layer", "--bogus"], 64, "nnhw: --bogus: unknown option"),
    MalformedInvocation(
        ["forward", "--example", "relu-3-layer", "extra"], 64, "nnhw: extra: unexpected argument; options start with --"
    ),
    MalformedInvocation(
        ["forward", "--net", "-"], input: "", 65,
        "nnhw: <stdin>: line 1, column 1: unexpected end of input: expected a value"),
    MalformedInvocation(
        ["forward", "--net", "-"], input: "{\"input\": [1, 2]", 65,
        "nnhw: <stdin>: line 1, column 17: unexpected end of input: expected ',' or '}' after an object member"),
    MalformedInvocation(
        ["forward", "--net", "-"], input: "[]", 65, "nnhw: <stdin>: expected an object, found an array"),
    MalformedInvocation(
        ["forward", "--net", "-"], input: "\u{ff}", 65,
        "nnhw: <stdin>: line 1, column 1: expected a value (an object, array, string, number, true, false or null), found '\u{ff}'"
    ),
    MalformedInvocation(
        ["forward", "--net", "-"],
        input:
            "{\"input\":[1,2],\"target\":1,\"layers\":[{\"units\":4096,\"activation\":\"relu\"},{\"units\":4096,\"activation\":\"relu\"}],\"loss\":\"squared_error\"}",
        65, "nnhw: layers[1].units: the network would hold more than 10⁷ weights; ask for fewer units"),
    MalformedInvocation(
        ["forward", "--net", "-"], input: String(repeating: "[", count: 600) + String(repeating: "]", count: 600), 65,
        "nnhw: <stdin>: line 1, column 513: nesting deeper than 512 levels"),
    MalformedInvocation(
        ["forward", "--net", "-"], input: String(repeating: " ", count: 10_000_001), 65,
        "nnhw: <stdin>: is larger than 10 MB, the most nnhw reads"),
    MalformedInvocation(["backward"], 64, "nnhw: --net: missing; give --net FILE (or --example NAME)"),
    MalformedInvocation(["backward", "--example"], 64, "nnhw: --example: missing value NAME"),
    MalformedInvocation(
        ["backward", "--example", "relu-3-layer", "--format"], 64,
        "nnhw: --format: missing value text|json|markdown|latex"),
    MalformedInvocation(
        ["backward", "--net", "-"],
        input:
            "{\"input\":[1,2],\"target\":1,\"layers\":[{\"weights\":[[1,2]],\"activation\":\"relu\"}],\"loss\":\"wasserstein\"}",
        65,
        "nnhw: loss: unknown loss \"wasserstein\"; expected one of squared_error, mse, mae, huber, smooth_l1, cross_entropy, binary_cross_entropy, binary_cross_entropy_with_logits, hinge, squared_hinge, multiclass_hinge, perceptron, logistic, kl_divergence, entropy, focal"
    ),
    MalformedInvocation(
        ["backward", "--net", "-"],
        input:
            "{\"input\":[1,2],\"target\":1,\"layers\":[{\"weights\":[[1,2,3]],\"activation\":\"relu\"}],\"loss\":\"squared_error\"}",
        65,
        "nnhw: layers[0].weights: has 3 columns, but the input has 2 values (weights are out × in: one row per unit)"),
    MalformedInvocation(
        ["backward", "--net", "-"],
        input:
            "{\"input\":[1,2],\"target\":1,\"layers\":[{\"weights\":[[1,2]],\"activation\":\"maxout\"}],\"loss\":\"squared_error\"}",
        65,
        "nnhw: layers[0].activation: unknown activation \"maxout\"; expected one of identity, relu, leaky_relu, tanh, sigmoid, gelu, softmax, elu, selu, softplus, silu, mish, hard_tanh, hard_sigmoid, softsign, relu6, sign"
    ),
    MalformedInvocation(
        ["backward", "--net", "-"],
        input:
            "{\"input\":[1,2],\"target\":1,\"layers\":[{\"weights\":[[1,2]],\"activation\":\"relu\"}],\"loss\":\"squared_error\",\"learning_rate\":-1}",
        65, "nnhw: learning_rate: must be positive, got -1"),
    MalformedInvocation(
        ["backward", "--net", "-"],
        input:
            "{\"input\":[1e400,2],\"target\":1,\"layers\":[{\"weights\":[[1,2]],\"activation\":\"relu\"}],\"loss\":\"squared_error\"}",
        65, "nnhw: <stdin>: line 1, column 11: number 1e400 is out of range"),
    MalformedInvocation(
        ["backward", "--net", "/dev/null"], 66,
        "nnhw: /dev/null: cannot read: a device; nnhw reads regular files, or - for standard input"),
    MalformedInvocation(["gradcheck", "--f"], 64, "nnhw: --f: missing value FORMULA"),
    MalformedInvocation(
        ["gradcheck", "--f", "x^3"], 64, "nnhw: --at: missing; give a value for every variable, e.g. --at x=2"),
    MalformedInvocation(
        ["gradcheck", "--f", "x^3", "--at", "x"], 64,
        "nnhw: --at: expected name=value pairs separated by commas, got \"x\""),
    MalformedInvocation(
        ["gradcheck", "--f", "x^^3", "--at", "x=1"], 64,
        "nnhw: --f: column 3: expected a number, a variable or '(', found '^'"),
    MalformedInvocation(
        ["gradcheck", "--f", String(repeating: "x", count: 1001), "--at", "x=1"], 64,
        "nnhw: --f: column 1001: the formula is longer than 1000 characters"),
    MalformedInvocation(
        ["gradcheck", "--f", "x^3", "--at", "x=1", "--eps", "0"], 64,
        "nnhw: --eps: must be positive, got 0"),
    MalformedInvocation(
        ["gradcheck", "--f", "x^3", "--at", "x=1", "--method", "backward"], 64,
        "nnhw: --method: expected central or forward, got \"backward\""),
    MalformedInvocation(
        ["gradcheck", "--f", "log(x)", "--at", "x=-1"], 65,
        "nnhw: --at: f is not a finite number at x = −1 (NaN); choose a point inside the domain of f"),
    MalformedInvocation(["gradcheck", "--f", "x^3", "--at", "x=1,x=2"], 64, "nnhw: --at: x is given more than once"),
    MalformedInvocation(
        [
            "gradcheck", "--f", String(repeating: "(", count: 600) + "x" + String(repeating: ")", count: 600), "--at",
            "x=1",
        ], 64, "nnhw: --f: column 1001: the formula is longer than 1000 characters"),
    MalformedInvocation(
        ["gradcheck", "--example", "relu-3-layer", "--params", "W9"], 64,
        "nnhw: --params: no parameter or tensor \"W9\"; the network has W1, b1, W2, b2, W3, b3 (did you mean W1?)"),
    MalformedInvocation(
        ["gradcheck", "--example", "relu-3-layer", "--sample", "0"], 64,
        "nnhw: --sample: expected a whole number of at least 1, got \"0\""),
    MalformedInvocation(
        ["gradcheck", "--example", "relu-3-layer", "--atol", "-1"], 64,
        "nnhw: --atol: must be 0 or more, got -1"),
    MalformedInvocation(
        ["gradcheck", "--f", "x", "--at", "x=1", "--example", "relu-3-layer"], 64,
        "nnhw: --example: is for network mode and --f for formula mode; give one or the other"),
    MalformedInvocation(
        ["gradcheck", "--example", "relu-3-layer", "--seed", "-3"], 64,
        "nnhw: --seed: expected a whole number from 0 to 18446744073709551615, got \"-3\""),
    MalformedInvocation(["conv-size"], 64, "nnhw: --input: missing; give the input shape, e.g. --input 36x36x3"),
    MalformedInvocation(
        ["conv-size", "--input", "36x36x3"], 64,
        "nnhw: --kernel: missing; give the kernel size, e.g. --kernel 3 (or --padding P alone for the padded shape)"),
    MalformedInvocation(
        ["conv-size", "--input", "36x36x3", "--kernel", "0"], 65,
        "nnhw: --kernel: the kernel size along the rows must be at least 1, got 0"),
    MalformedInvocation(
        ["conv-size", "--input", "0x36x3", "--kernel", "3"], 65,
        "nnhw: --input: the input size along the rows must be at least 1, got 0"),
    MalformedInvocation(
        ["conv-size", "--input", "36x36x3", "--kernel", "3", "--stride", "0"], 65,
        "nnhw: --stride: the stride along the rows must be at least 1, got 0"),
    MalformedInvocation(
        ["conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "-1"], 65,
        "nnhw: --padding: the padding along the rows must be 0 or more, got -1"),
    MalformedInvocation(
        ["conv-size", "--input", "4x4x1", "--kernel", "9"], 65,
        "nnhw: --kernel: the window spans 9 along the rows, more than the 4 of the padded input"),
    MalformedInvocation(
        ["conv-size", "--input", "36x36x3", "--kernel", "3", "--pool", "median"], 64,
        "nnhw: --pool: expected max or avg, got \"median\""),
    MalformedInvocation(
        ["conv-size", "--input", "36by36", "--kernel", "3"], 64,
        "nnhw: --input: \"36by36\" is not a whole number; write sizes as 3x5 or 36x36x3"),
    MalformedInvocation(
        [
            "conv-size", "--input", "9223372036854775807x9223372036854775807x9223372036854775807", "--kernel", "1",
            "--filters", "9223372036854775807",
        ], 65, "nnhw: --input: the sizes along the rows are too large to compute with (above 2^40)"),
    MalformedInvocation(
        ["conv-size", "--input", "4x4x1", "--kernel", "3", "--dilation", "9223372036854775807"], 65,
        "nnhw: --input: the sizes along the rows are too large to compute with (above 2^40)"),
    MalformedInvocation(
        ["conv-size", "--input", "36x36x3", "--kernel", "3", "--padding", "sideways"], 64,
        "nnhw: --padding: \"sideways\" is not a padding; expected a number P, PxQ, same, valid or full"),
    MalformedInvocation(
        ["conv"], 64, "nnhw: --input: missing; give a matrix, e.g. --input \"6 0 1; 3 4 1; 1 7 0\", or a file"),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3 4"], 64,
        "nnhw: --kernel: missing; give a matrix, e.g. --kernel \"1 0; 0 -1\", or a file"),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3", "--kernel", "1"], 65, "nnhw: --input: row 2 has 1 entry, but row 1 has 2"),
    MalformedInvocation(
        ["conv", "--input", "1 x; 3 4", "--kernel", "1"], 65,
        "nnhw: --input: row 1, column 2: \"x\" is not a finite number"),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3 4", "--kernel", "1 2 3; 4 5 6; 7 8 9"], 65,
        "nnhw: --kernel: the window spans 3 along the rows, more than the 2 of the padded input"),
    MalformedInvocation(
        ["conv", "--input", "[[1,2],[3,4]]", "--kernel", "[[[1]],[[2]]]"], 65,
        "nnhw: --kernel: has 2 channels, but --input has 1; they must match"),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--stride", "0"], 65,
        "nnhw: --stride: the stride along the rows must be at least 1, got 0"),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--padding", "100000000"], 65,
        "nnhw: --input: the worked solution would show more than 20000 numbers (products or window values, or padded-input entries); give a smaller input, kernel or padding"
    ),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--padding", "3000"], 65,
        "nnhw: --input: the worked solution would show more than 20000 numbers (products or window values, or padded-input entries); give a smaller input, kernel or padding"
    ),
    MalformedInvocation(
        ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--stride", "9223372036854775807"], 65,
        "nnhw: --input: the sizes along the rows are too large to compute with (above 2^40)"),
    MalformedInvocation(
        ["conv", "--input", "1e308 1e308; 1e308 1e308", "--kernel", "1e308 1e308; 1e308 1e308"], 65,
        "nnhw: --input: the feature map overflows; the numbers are too large for double precision"),
    MalformedInvocation(
        ["conv", "--input", "-", "--kernel", "1"], input: "", 65, "nnhw: <stdin>: is empty; expected a matrix"),
    MalformedInvocation(
        ["conv", "--input", "[[1,2],[3]]", "--kernel", "1"], 65, "nnhw: --input[1]: has 1 entry, but row 0 has 2"),
    MalformedInvocation(["pool"], 64, "nnhw: --mode: missing; give --mode max or --mode avg"),
    MalformedInvocation(
        ["pool", "--input", "1 2; 3 4", "--size", "2"], 64, "nnhw: --mode: missing; give --mode max or --mode avg"),
    MalformedInvocation(
        ["pool", "--input", "1 2; 3 4", "--size", "3", "--mode", "max"], 65,
        "nnhw: --size: the window spans 3 along the rows, more than the 2 of the padded input"),
    MalformedInvocation(
        ["pool", "--input", "1 2; 3 4", "--size", "2", "--mode", "min"], 64,
        "nnhw: --mode: expected max or avg, got \"min\""),
    MalformedInvocation(
        ["pool", "--input", "1 2; 3 4", "--size", "0", "--mode", "max"], 65,
        "nnhw: --size: the kernel size along the rows must be at least 1, got 0"),
    MalformedInvocation(
        ["pool", "--input", "1 2; 3 4", "--size", "2", "--stride", "-1", "--mode", "avg"], 65,
        "nnhw: --stride: the stride along the rows must be at least 1, got -1"),
    MalformedInvocation(
        ["pool", "--input", "-", "--size", "3", "--stride", "1", "--mode", "max"],
        input: Array(repeating: Array(repeating: "1", count: 150).joined(separator: " "), count: 150).joined(
            separator: ";"), 65,
        "nnhw: --input: the worked solution would show more than 20000 numbers (products or window values, or padded-input entries); give a smaller input, kernel or padding"
    ),
    MalformedInvocation(
        ["pool", "--input", "inf 2; 3 4", "--size", "2", "--mode", "max"], 65,
        "nnhw: --input: row 1, column 1: \"inf\" is not a finite number"),
    MalformedInvocation(["params"], 64, "nnhw: --arch: missing; give --arch FILE or --layers TEXT"),
    MalformedInvocation(
        ["params", "--layers", "conv 10 k5"], 65,
        "nnhw: --layers: must start with the input shape, e.g. \"input 28x28x1; …\""),
    MalformedInvocation(
        ["params", "--layers", "input 28x28x1; cnov 10 k5"], 65,
        "nnhw: --layers: layer 1 \"cnov 10 k5\": unknown layer type \"cnov\" (did you mean \"conv\"?); expected dense, conv, maxpool, avgpool, flatten, batchnorm, dropout, activation, embedding, rnn, lstm, gru, attention"
    ),
    MalformedInvocation(
        ["params", "--layers", "input 28x28x1; conv 0 k5"], 65,
        "nnhw: --layers: layer 1 \"conv 0 k5\": filters must be at least 1, not 0"),
    MalformedInvocation(
        ["params", "--layers", "input 4x4x1; conv 4 k5"], 65,
        "nnhw: --layers: layer 1 \"conv 4 k5\": the window spans 5 along the height, more than the 4 of the padded input"
    ),
    MalformedInvocation(
        ["params", "--layers", "input 4000000000x4000000000x4000000000; flatten"], 65,
        "nnhw: --layers: input \"input 4000000000x4000000000x4000000000\": the element count of 4000000000×4000000000×4000000000 passes 2^53 = 9007199254740992, the largest count that can be printed exactly"
    ),
    MalformedInvocation(
        ["params", "--arch", "Examples/architectures/missing.json"], 66,
        "nnhw: Examples/architectures/missing.json: cannot read: No such file or directory"),
    MalformedInvocation(["params", "--arch", "-"], input: "{}", 65, "nnhw: <stdin>: missing key \"input\""),
    MalformedInvocation(
        ["params", "--arch", "Examples/architectures/lenet.json", "--convention", "caffe"], 64,
        "nnhw: --convention: expected torch or keras, got \"caffe\""),
    MalformedInvocation(
        ["params", "--arch", "Examples/architectures/lenet.json", "--layers", "input 3; dense 2"], 64,
        "nnhw: --arch: give either --arch FILE or --layers TEXT, not both"),
    MalformedInvocation(
        ["params", "--layers", "input 3; dense 2; dense 9223372036854775807"], 65,
        "nnhw: --layers: layer 2 \"dense 9223372036854775807\": units: 9.223372036854776e+18 is too large"),
    MalformedInvocation(
        ["hyperparam-count"], 64, "nnhw: --grid: missing; give --grid NAME=VALUES for each hyperparameter"),
    MalformedInvocation(
        ["hyperparam-count", "--grid", "d"], 64,
        "nnhw: --grid: expected NAME=VALUES (d=10, lr=0.1,0.01, depth=2..8, units=32..256:32), got \"d\""),
    MalformedInvocation(
        ["hyperparam-count", "--grid", "d=0"], 64, "nnhw: --grid: d=0: a hyperparameter needs at least 1 value, got 0"),
    MalformedInvocation(
        ["hyperparam-count", "--grid", "a=9223372036854775807", "--grid", "b=9223372036854775807"], 65,
        "nnhw: --grid: the grid has more than 2⁵³ combinations, the largest count printed exactly"),
    MalformedInvocation(
        ["hyperparam-count", "--random", "--good-fraction", "1.5", "--confidence", "0.95"], 64,
        "nnhw: --good-fraction: must be strictly between 0 and 1, got 1.5"),
    MalformedInvocation(
        ["hyperparam-count", "--random", "--good-fraction", "0.05", "--confidence", "1"], 64,
        "nnhw: --confidence: must be below 1: no finite number of trials is certain"),
    MalformedInvocation(
        ["hyperparam-count", "--grid", "d=10", "--epochs", "10", "--epoch-time", "2 fortnights"], 64,
        "nnhw: --epoch-time: unknown unit \"fortnights\" in \"2 fortnights\"; expected s, min, h or d (e.g. 2min, 90s, 1.5h, 3d)"
    ),
    MalformedInvocation(
        ["hyperparam-count", "--grid", "a=1000000000000", "--epochs", "9223372036854775807", "--epoch-time", "1min"],
        65, "nnhw: --epochs: the total number of epochs exceeds 2⁵³, the largest count printed exactly"),
    MalformedInvocation(
        ["train-cost"], 64,
        "nnhw: nothing to compute; give --gpu-hours G (or --gpus N --hours H, or --params N --tokens D) with --gpus, --watts or --gpu-hour-price, --dollars D with --price P, or --gpus N with --gpu-price USD"
    ),
    MalformedInvocation(
        ["inference-cost"], 64,
        "nnhw: --params: missing; give the parameter count N (or --active-params for a mixture of experts)"),
    MalformedInvocation(
        ["train-cost", "--gpu-hours", "-5", "--watts", "700"], 64, "nnhw: --gpu-hours: must be positive, got -5"),
    MalformedInvocation(
        ["train-cost", "--gpu-hours", "1e308", "--watts", "1e308", "--price", "1e308"], 65,
        "nnhw: --watts: the energy overflows"),
    MalformedInvocation(
        ["train-cost", "--gpus", "2048", "--gpu-price", "70000..17500"], 64,
        "nnhw: --gpu-price: the range \"70000..17500\" is empty (low above high)"),
    MalformedInvocation(
        ["train-cost", "--dollars", "lots", "--price", "0.085"], 64, "nnhw: --dollars: expected a number, got \"lots\""),
    MalformedInvocation(
        ["examples", "--show", "nothing"], 64,
        "nnhw: --show: expected relu-3-layer, tanh-augmented, softmax-cross-entropy-batch, logistic-regression-step, small-cnn, batchnorm-mlp, residual-mlp, lenet or vgg16, got \"nothing\""
    ),
    MalformedInvocation(["examples", "--show"], 64, "nnhw: --show: missing value NAME"),
    MalformedInvocation(["examples", "extra"], 64, "nnhw: extra: unexpected argument; options start with --"),
    MalformedInvocation(["examples", "--format", "xml"], 64, "nnhw: --format: unknown option"),
]

/// The hand-written corpus and the swept one.
private let allInvocations = malformedInvocations + sweptInvocations

@Suite("Malformed invocations: one line on stderr, nothing on stdout, a documented exit status")
struct MalformedInvocationTests {
    @Test("the corpus holds at least 250 distinct invocations and reaches every subcommand")
    func corpusCoversEverySubcommand() {
        let distinct = Set(allInvocations.map { $0.arguments + [$0.input ?? ""] })
        #expect(distinct.count == allInvocations.count)
        #expect(allInvocations.count >= 250)
        let subcommands = [
            "forward", "backward", "gradcheck", "conv-size", "conv", "pool", "params", "hyperparam-count",
            "train-cost", "examples",
        ]
        for subcommand in subcommands {
            #expect(allInvocations.contains { $0.arguments.first == subcommand }, "\(subcommand) is not covered")
        }
    }

    @Test(
        "is refused with its exit status and exact message, within 2 s and 1 GB of address space",
        arguments: allInvocations)
    func refused(_ invocation: MalformedInvocation) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try CommandRunner.run(
            invocation.arguments, input: invocation.input.map { Data($0.utf8) }, addressSpaceLimit: 1 << 30)
        let elapsed = clock.now - start
        #expect(result.status == invocation.status)
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usageLines = invocation.status == 64 ? 1 : 0
        try #require(lines.count == 2 + usageLines, "stderr: \(result.error)")
        #expect(lines[0] == invocation.expected)
        if usageLines == 1 { #expect(lines[1].hasPrefix("Usage: nnhw")) }
        #expect(lines.last == "")
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }
}
