import NNHomework

/// `nnhw params`: an architecture's output shapes and parameter counts, as a torchinfo-like table.
enum ParamsCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "params",
        summary: "output shapes, parameter counts (with formulas), multiply-adds and memory of an architecture",
        options: [
            .value(
                "--arch", "FILE", .file, "the architecture (JSON); - reads standard input",
                presence: .oneOf("architecture")),
            .value(
                "--layers", "TEXT", .text, "the architecture in the compact form (below)",
                presence: .oneOf("architecture")),
            .value(
                "--convention", nil, .choice(["torch", "keras"]),
                "count batch norm and recurrent biases as PyTorch or Keras", default: "torch"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Layers: dense, conv, maxpool, avgpool, flatten, batchnorm, dropout, activation, embedding,",
            "  rnn, lstm, gru, attention. JSON: {\"input\": [28, 28, 1], \"layers\": [{\"type\": \"conv\",",
            "  \"filters\": 10, \"kernel\": 5}, …]} (see README). Compact: items separated by ;, the first",
            "  \"input\" and a shape; numbers in order (conv 10: filters), k5 or k3x5 kernel, s2 stride,",
            "  p1 padding, d2 dilation, h8 heads, same/valid/full, nobias, seq, or key=value.",
            "",
            "Conventions:",
            "  Shapes are H×W×C (channels last). A dense layer after conv or pooling needs a flatten.",
            "  torch: batch norm 2C; RNN/LSTM/GRU two bias vectors per gate set (LSTM 4 gates, GRU 3).",
            "  keras: batch norm 2C trainable + 2C non-trainable; one bias vector per gate set, GRU two",
            "  (reset_after=True). Attention: 4·(d·d + d). Embedding: vocab·dim. Counts above 2^53 are errors.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 invalid architecture; 66 unreadable file.",
        ],
        examples: [
            "nnhw params --arch Examples/architectures/lenet.json",
            "nnhw params --layers \"input 28x28x1; conv 10 k5; maxpool 2; conv 20 k5; maxpool 2; flatten; dense 50; dense 10\"",
            "nnhw params --arch Examples/architectures/vgg16.json --convention keras --format json",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            return try AnswerChecking.output(
                ParameterSolver(values).solve(ArchitectureProblem(values)), renderer: renderer, values)
        })
}
