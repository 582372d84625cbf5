import NNHomework

/// `nnhw new SUBCOMMAND`: a template spec for a subcommand that reads one, which runs as it is.
enum NewCommand {
    /// The kind of spec a subcommand reads.
    enum Template: Sendable {
        /// A network spec (`--net FILE`).
        case network
        /// An architecture spec (`--arch FILE`).
        case architecture
    }

    /// Every subcommand that reads a spec file, with its kind of spec and the option that reads it.
    static let templates: [(subcommand: String, template: Template, option: String)] = [
        ("forward", .network, "--net"), ("backward", .network, "--net"), ("gradcheck", .network, "--net"),
        ("jacobian", .network, "--net"), ("hessian", .network, "--net"), ("chain", .network, "--net"),
        ("train", .network, "--net"), ("diagram", .network, "--net"), ("params", .architecture, "--arch"),
    ]

    /// The options that shape a network template.
    static let networkOptions: [Option] = [
        .value("--sizes", "N,N,…", .text, "the inputs, then the units of each layer", default: "2,3,1"),
        .value(
            "--activations", "F,…", .text,
            "one per layer, or one for all (default: relu, then one that suits the loss)"),
        .value("--loss", "NAME", .text, "the loss, with any parameters: \"huber delta=2\"", default: "squared_error"),
        .value("--batch", "S", .whole(1...64), "a batch of S samples, one row each (default one sample)"),
        .value("--learning-rate", "η", .number(.positive), "add \"learning_rate\": η (one gradient-descent step)"),
        .flag("--random", "small integer weights and inputs, every ReLU unit active, instead of placeholders"),
        .value("--seed", "S", .seed, "seed of --random", default: "0"),
    ]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "new",
        summary: "a template spec for a subcommand that reads one, which runs as it is",
        arguments: [
            Option.value(
                "SUBCOMMAND", nil, .choice(templates.map(\.subcommand)), "the subcommand the spec is for",
                presence: .required)
        ],
        options: networkOptions,
        details: [
            "The spec goes to standard output, the comments that say what each key holds to standard error:",
            "  JSON has no comments, and a \"description\" is printed under the solution's title,",
            "  so the spec stays a file to redirect and solve, and the terminal shows the notes.",
            "Placeholders: weights 1 to 3, biases 0, inputs 1, 2, …; --random draws integers from -3 to 3",
            "  (biases -5 to 5) until every ReLU unit is active, so the backward pass stays in integers.",
            "The options shape network specs; nnhw new params writes a small convolutional network.",
            "",
            "Exit status: 0 written; 64 usage error; 65 a loss or activation that is unknown.",
        ],
        examples: [
            "nnhw new backward --sizes 2,3,1 --activations relu,identity --loss squared_error",
            "nnhw new backward --sizes 3,4,2 --batch 4 --learning-rate 0.1 --random --seed 7",
            "nnhw new params",
        ],
        run: { values throws(InputError) in
            let name = values.text("SUBCOMMAND") ?? "backward"
            guard let entry = templates.first(where: { $0.subcommand == name }) else {
                preconditionFailure("SUBCOMMAND is a choice of the templates")
            }
            let spec: JSONValue
            var comments: [String]
            switch entry.template {
            case .network:
                let template = try NetworkTemplate(values)
                (spec, comments) = (template.spec, template.comments)
            case .architecture:
                if let given = networkOptions.map(\.name).first(where: values.isGiven) {
                    throw InputError(.notForTemplate(given, subcommand: name))
                }
                (spec, comments) = (ArchitectureTemplate.spec, ArchitectureTemplate.comments)
            }
            comments.append("# Then: nnhw \(name) \(entry.option) FILE")
            return Output(text: spec.serialized() + "\n", notes: comments.joined(separator: "\n") + "\n")
        })
}
