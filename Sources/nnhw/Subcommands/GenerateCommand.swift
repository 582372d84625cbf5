import NNHomework

/// `nnhw generate forward|backward`: fresh network problems whose worked solutions stay in integers, with their answer keys.
enum GenerateCommand {
    /// The parts of a problem set `--part` chooses.
    static let parts = ["all", "statement", "key", "spec"]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "generate",
        summary: "fresh forward or backward problems whose every intermediate is an integer, with the answer key",
        arguments: [
            Option.value(
                "KIND", nil, .choice(GeneratedNetworkProblem.Kind.allCases.map(\.rawValue)), "what the problems ask",
                presence: .required)
        ],
        options: [
            .value("--seed", "S", .seed, "seed of the first variant; variant i is drawn from S + i − 1", default: "0"),
            .value("--variants", "N", .whole(1...100), "how many problems", default: "1"),
            .value("--sizes", "N,N,…", .text, "the inputs, then the units of each layer", default: "2,3,1"),
            .value("--activations", "F,…", .text, "relu or identity, one for all or one per layer", default: "relu"),
            .value(
                "--part", nil, .choice(parts),
                "statements then answer keys, or one part; spec: the JSON specs for --net", default: "all"),
        ] + Rendering.options,
        details: [
            "Weights are drawn from -3 to 3, biases from -5 to 5, inputs from -3 to 3 without 0, the target",
            "  differs from the output by 1 to 3; a draw is kept when every ReLU unit has 1 <= a <= 30 (no dead",
            "  unit, no kink). With L = (y_hat - y)^2 on one sample every a, z, delta, dL/dW and dL/db is then an integer.",
            "--format json: one object per variant with \"variant\", \"seed\", \"spec\" and, but for --part statement,",
            "  \"answer\" (the keys of nnhw forward or backward --format json).",
            "",
            "Exit status: 0 generated; 64 usage error, or sizes for which no draw keeps every unit active.",
        ],
        examples: [
            "nnhw generate backward --seed 1 --variants 3",
            "nnhw generate backward --seed 1 --variants 3 --part key --format latex",
            "nnhw generate forward --sizes 3,2,2 --activations relu,identity --seed 9 --part spec",
        ],
        run: { values throws(InputError) in
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
}
