import NNHomework

/// `nnhw train`: a network trained by an optimizer for some epochs, the first update worked in full.
enum TrainCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "train",
        summary: "train a network spec: the first update worked in full, then loss and accuracy per epoch",
        options: [
            .value(
                "--net", "FILE", .file, "the network spec (JSON); - reads standard input", presence: .oneOf("network")),
            .value(
                "--example", "NAME", .choice(BuiltInExample.all.map(\.name)),
                "a built-in example instead of a file (list: nnhw examples)", presence: .oneOf("network")),
            .value(
                "--data", "DATA", .fileOrText,
                "the data instead of the spec's: a CSV file (features, then the target) or xor, and, or, iris"),
            .value("--epochs", "N", .whole(1...TrainProblem.maximumEpochs), "passes over the data", default: "10"),
            .value("--batch-size", "B", .whole(1...Int.max), "samples per update (default: all)"),
            .flag("--shuffle", "shuffle the samples anew each epoch (from --seed)"),
            .value(
                "--seed", "S", .seed, "seed of the shuffling and of weights of layers given as \"units\"", default: "0"),
            .value("--save", "FILE", .text, "also write the trained spec (the JSON final) to FILE"),
            .value(
                "--notation", "NAME", .text,
                "letters of the course: a/z (default), s/a, z/a; add ,loss=J or ,prediction=tilde (nnhw notation)"),
        ] + OptimizerOptions.options(methodOption: "--optimizer") + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  Each epoch takes the samples in order (--shuffle: a Fisher–Yates shuffle by SplitMix64 seeded with",
            "  seed + epoch), in batches of --batch-size (the last may be smaller); each batch is a forward pass,",
            "  backpropagation of the spec's loss (its reduction over the batch) and one optimizer step on every",
            "  weight and bias (see nnhw optimize --help for the rules; η defaults to the spec's learning_rate).",
            "  A schedule steps once per epoch. The loss and accuracy of an epoch are on the whole data after it;",
            "  ‖g‖ is the norm of its last gradient. Accuracy: argmax for cross-entropy, ŷ ≥ 0.5 for binary",
            "  cross-entropy (logits ≥ 0), the sign for hinge, perceptron and logistic losses; none for regression.",
            "  --data: CSV rows (a header line optional), or xor, and, or (0/1 targets) and iris (Fisher's,",
            "  classes 0, 1, 2); the data replace the spec's input and target.",
            "  Adaline: one identity unit with mse; logistic regression: one sigmoid unit with binary cross-entropy.",
            "  Typed layers (docs/layers.md) train too: every W, b, kernel K, γ and β, the first batch worked as",
            "  nnhw backward works it; the spec's learning_rate is the default η.",
            "  JSON: epochs [{epoch, loss, accuracy (null without), lr, grad_norm}], final: the spec with the",
            "  trained weights in its layout, which --save writes and nnhw backward --net reads.",
            "",
            "Exit status: 0 trained (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 invalid spec or data, or the training overflows;",
            "  66 unreadable file, or a --save file that cannot be written.",
        ],
        examples: [
            "nnhw train --net Examples/training/xor-2-2-1.json --epochs 5",
            "nnhw train --net Examples/training/xor-2-2-1.json --data xor --optimizer adam --lr 0.1 --epochs 50 --format json",
            "nnhw train --example small-cnn --epochs 3 --lr 0.1",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let problem = try TrainProblem(values)
            let solution = try TrainSolver(network: NetworkSolver(notation: Notation(values))).solve(problem)
            if let path = values.text("--save"), let final = solution.result["final"] {
                if let reason = System.writeFile(final.serialized(indent: 2) + "\n", atPath: path) {
                    throw InputError(.cannotWrite(path, reason: reason))
                }
            }
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
