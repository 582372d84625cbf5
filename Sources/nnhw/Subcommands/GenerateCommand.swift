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
            .value("--activations", "F,…", .text, "relu or identity, one for all or one per layer", default: "relu"),
            .value(
                "--part", nil, .choice(parts),
                "statements then answer keys, or one part; spec: the JSON specs for --net (the command lines of the other kinds)",
                default: "all"),
            .value(
                "--decimals", "K", .whole(0...8),
                "optimize: every value of the key has at most K decimals; softmax: the decimals asked for",
                default: "4"),
        ] + Rendering.options,
        details: [
            "Weights are drawn from -3 to 3, biases from -5 to 5, inputs from -3 to 3 without 0, the target",
            "  differs from the output by 1 to 3; a draw is kept when every ReLU unit has 1 <= a <= 30 (no dead",
            "  unit, no kink). With L = (y_hat - y)^2 on one sample every a, z, delta, dL/dW and dL/db is then an integer.",
            "--format json: one object per variant with \"variant\", \"seed\", \"spec\" and, but for --part statement,",
            "  \"answer\" (the keys of nnhw forward or backward --format json).",
            "conv: a 4 × 4 or 5 × 5 input of 0 … 4, a 2 × 2 or 3 × 3 kernel of −1 … 2, stride 1 or 2, padding 0 or 1 that",
            "  fit exactly: integers. pool: a 4 × 4 input of 0 … 9, 2 × 2 max or average windows whose sums are drawn",
            "  as multiples of 4: integers. conv-size: sizes for which (W − K + 2P)/S is whole. softmax: 3 or 4 integer",
            "  scores, the probabilities asked to --decimals K. optimize: SGD or momentum 0.5 with η = 1/8 on",
            "  a x² + b y², started at multiples of 4 and redrawn until every value has at most --decimals K decimals.",
            "  The other kinds give \"command\" (the nnhw command line that solves it) instead of \"spec\".",
            "",
            "Exit status: 0 generated; 64 usage error, or sizes for which no draw keeps every unit active.",
        ],
        examples: [
            "nnhw generate backward --seed 1 --variants 3",
            "nnhw generate backward --seed 1 --variants 3 --part key --format latex",
            "nnhw generate forward --sizes 3,2,2 --activations relu,identity --seed 9 --part spec",
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
                return Output(text: (specs.count == 1 ? specs[0] : .array(specs)).serialized() + "\n")
            }
            _ = try Rendering.renderer(values)
            let solver = NetworkSolver()
            var keys: [Solution] = []
            for (index, variant) in variants.enumerated() where part != "statement" {
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
