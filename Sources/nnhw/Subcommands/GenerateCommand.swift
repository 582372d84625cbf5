import NNHomework

/// `nnhw generate KIND`: fresh problems whose worked solutions stay in integers or short decimals, with their answer keys.
enum GenerateCommand {
    /// The parts of a problem set `--part` chooses.
    static let parts = ["all", "statement", "key", "spec"]

    /// The kinds of problem: the network ones, then the others.
    static let kinds =
        GeneratedNetworkProblem.Kind.allCases.map(\.rawValue) + GeneratedExercise.Kind.allCases.map(\.rawValue)

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "generate",
        summary:
            "fresh problems (forward, backward, conv, pool, conv-size, softmax, optimize) with clean numbers and the answer key",
        arguments: [
            Option.value(
                "KIND", nil, .choice(kinds), "what the problems ask",
                presence: .required)
        ],
        options: [
            .value("--seed", "S", .seed, "seed of the first variant; variant i is drawn from S + i − 1", default: "0"),
            .value("--variants", "N", .whole(1...100), "how many problems", default: "1"),
            .value("--sizes", "N,N,…", .text, "the inputs, then the units of each layer", default: "2,3,1"),
            .value(
                "--activations", "F,…", .text, "relu, identity, tanh or sigmoid, one for all or one per layer",
                default: "relu"),
            .value(
                "--dead-units", "N", .whole(0...Int.max), "how many hidden ReLU units are dead (a <= -1)", default: "0"),
            .value(
                "--learning-rate", "η", .number(.positive),
                "backward: one gradient-descent step with η (at most 6 decimals)"),
            .value(
                "--part", nil, .choice(parts),
                "statements then answer keys, or one part; spec: the JSON specs for --net (the command lines of the other kinds)",
                default: "all"),
            .value(
                "--decimals", "K", .whole(0...8),
                "tanh and sigmoid networks: the decimals every value is rounded to (at least 2); optimize: every value of the key has at most K decimals; softmax: the decimals asked for",
                default: "4"),
        ] + Rendering.options,
        details: [
            "relu and identity networks: inputs from -3 to 3 without 0, weights from -3 to 3, biases from -5 to 5; a",
            "  draw is kept when every ReLU unit has 1 <= a <= 30 (no kink) but for --dead-units N hidden ones with",
            "  -30 <= a <= -1 (dead, never a = 0), every identity unit |a| <= 30; the target is the output plus 1 to 3",
            "  or minus. With L = (y_hat - y)^2 on one sample every a, z, delta, dL/dW and dL/db is then an integer.",
            "tanh and sigmoid (alone or per layer with relu and identity): inputs, weights and biases with one decimal",
            "  from -1 to 1 (inputs without 0); a draw is kept when every tanh, sigmoid and identity unit has |a| <= 2,",
            "  so none saturates (tanh' >= 0.07, sigmoid' >= 0.1), every ReLU unit 0.1 <= a <= 2 (dead: -2 <= a <= -1);",
            "  the target has one decimal, 0.1 to 0.5 from the output (within [0, 1] for sigmoid, [-1, 1] for tanh).",
            "  The statement asks for every intermediate value rounded to --decimals K, and the key is solved so",
            "  (--round-intermediates K); text shows --precision decimals (4): with K above 4 give --precision K too.",
            "--learning-rate η (backward): \"learning_rate\" in the spec and the updated W and b asked for; with integer",
            "  gradients they have at most the decimals of η. The key of an integer network is then solved with",
            "  --round-intermediates D (D: the decimals of η), which changes no value and keeps binary noise out of",
            "  the JSON (0.1 is not exact in binary: 3 - 0.1 * 7 would print as 2.3000000000000003).",
            "--part spec: the specs on standard output; on standard error the command line that solves a spec",
            "  saved as FILE as its key is solved: nnhw backward --net FILE [--round-intermediates K].",
            "--format json: one object per variant with \"variant\", \"seed\", \"spec\", \"command\" (that command",
            "  line, as words) and, but for --part statement, \"answer\" (the keys of nnhw forward or backward --format json).",
            "conv: a 4 × 4 or 5 × 5 input of 0 … 4, a 2 × 2 or 3 × 3 kernel of −1 … 2, stride 1 or 2, padding 0 or 1 that",
            "  fit exactly: integers. pool: a 4 × 4 input of 0 … 9, 2 × 2 max or average windows whose sums are drawn",
            "  as multiples of 4: integers. conv-size: sizes for which (W − K + 2P)/S is whole. softmax: 3 or 4 integer",
            "  scores, the probabilities asked to --decimals K. optimize: SGD or momentum 0.5 with η = 1/8 on",
            "  a x² + b y², started at multiples of 4 and redrawn until every value has at most --decimals K decimals.",
            "  The other kinds give \"command\" (the nnhw command line that solves it) and no \"spec\".",
            "",
            "Exit status: 0 generated; 64 usage error (more --dead-units than hidden ReLU units, --learning-rate with",
            "  forward), or sizes for which no draw keeps every unit in its range.",
        ],
        examples: [
            "nnhw generate backward --seed 1 --variants 3",
            "nnhw generate backward --seed 1 --variants 3 --part key --format latex",
            "nnhw generate forward --sizes 3,2,2 --activations relu,identity --seed 9 --part spec",
            "nnhw generate backward --activations tanh,identity --seed 3 --variants 2",
            "nnhw generate backward --sizes 2,2,1 --activations sigmoid --decimals 3 --seed 5 --part spec",
            "nnhw generate backward --sizes 2,4,1 --dead-units 2 --seed 7 --part key",
            "nnhw generate backward --learning-rate 0.1 --seed 1 --format json",
            "nnhw generate conv --seed 4 --variants 2",
            "nnhw generate optimize --seed 1 --decimals 3 --part key",
        ],
        run: { values throws(InputError) in
            if let exercise = values.text("KIND").flatMap(GeneratedExercise.Kind.init(rawValue:)) {
                return try exercises(exercise, values)
            }
            let kind = values.text("KIND").flatMap(GeneratedNetworkProblem.Kind.init(rawValue:)) ?? .backward
            let variants = try GeneratedNetworkProblem.variants(kind, values)
            let part = values.text("--part") ?? "all"
            if part == "spec" {
                let specs = variants.map(\.spec)
                let command = "nnhw " + variants[0].arguments.joined(separator: " ")
                return Output(
                    text: (specs.count == 1 ? specs[0] : .array(specs)).serialized() + "\n",
                    notes: "# Answer key: \(command)\n")
            }
            _ = try Rendering.renderer(values)
            var keys: [Solution] = []
            for (index, variant) in variants.enumerated() where part != "statement" {
                let solver = NetworkSolver(rounding: variant.rounding)
                var key = try kind == .forward ? solver.forward(variant.problem) : solver.backward(variant.problem)
                key.title = "Answer \(String(index + 1)) · \(key.title)"
                keys.append(key)
            }
            if Rendering.format(values) == .json {
                let objects = variants.enumerated().map { index, variant in
                    JSONValue.object(
                        [
                            JSONMember("variant", .number(Double(index + 1))),
                            JSONMember(
                                "seed",
                                variant.seed <= 1 << 53 ? .number(Double(variant.seed)) : .string(String(variant.seed))),
                            JSONMember("spec", variant.spec),
                            JSONMember("command", .array((["nnhw"] + variant.arguments).map(JSONValue.string))),
                        ] + (keys.isEmpty ? [] : [JSONMember("answer", keys[index].result)]))
                }
                return Output(text: JSONValue.array(objects).serialized() + "\n")
            }
            let statements = part == "key" ? [] : variants.map(\.statement)
            return Output(text: try Rendering.render(statements + keys, values))
        })

    /// The problems of a kind that is not a network: statements, keys, or the command lines that pose them.
    private static func exercises(_ kind: GeneratedExercise.Kind, _ values: OptionValues) throws(InputError) -> Output {
        let variants = try GeneratedExercise.variants(
            kind, seed: values.seed("--seed") ?? 0, count: values.whole("--variants") ?? 1,
            decimals: values.whole("--decimals") ?? 4)
        let part = values.text("--part") ?? "all"
        if part == "spec" {
            return Output(
                text: variants.map { "nnhw " + $0.arguments.map(shellWord).joined(separator: " ") + "\n" }.joined())
        }
        _ = try Rendering.renderer(values)
        if Rendering.format(values) == .json {
            let objects = variants.enumerated().map { index, variant in
                JSONValue.object(
                    [
                        JSONMember("variant", .number(Double(index + 1))),
                        JSONMember(
                            "seed",
                            variant.seed <= 1 << 53 ? .number(Double(variant.seed)) : .string(String(variant.seed))),
                        JSONMember("command", .array((["nnhw"] + variant.arguments).map(JSONValue.string))),
                    ] + (part == "statement" ? [] : [JSONMember("answer", variant.key.result)]))
            }
            return Output(text: JSONValue.array(objects).serialized() + "\n")
        }
        let statements = part == "key" ? [] : variants.map(\.statement)
        let keys = part == "statement" ? [] : variants.map(\.key)
        return Output(text: try Rendering.render(statements + keys, values))
    }

    /// A word as a POSIX shell reads it: as it is when it is plain, else in single quotes.
    static func shellWord(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_.,=/:x".contains($0) } && !word.isEmpty
        return plain
            ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
