import NNCore
import NNHomework

/// `nnhw params`: an architecture's output shapes and parameter counts, as a torchinfo-like table.
enum ParamsCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "params",
        summary: "output shapes, parameter counts (with formulas), multiply-adds and memory of an architecture",
        usage:
            "nnhw params (--arch FILE | --layers \"input 28x28x1; conv 10 k5; …\") [--convention torch|keras] "
            + "[--format \(OutputFormat.choices)] [--precision N]",
        options: [
            OptionSpec(name: "--arch", valueName: "FILE", help: "the architecture (JSON); - reads standard input"),
            OptionSpec(name: "--layers", valueName: "TEXT", help: "the architecture in the compact form (below)"),
            OptionSpec(
                name: "--convention", valueName: "torch|keras",
                help: "count batch norm and recurrent biases as PyTorch (default) or Keras"),
        ] + OutputOptions.options,
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
        run: { arguments throws(InputError) in
            let renderer = try OutputOptions.renderer(arguments)
            var convention = ParameterConvention.torch
            if let name = arguments["--convention"] {
                guard let chosen = ParameterConvention(rawValue: name) else {
                    throw InputError(
                        .usage, at: "--convention", "unknown convention \"\(name)\"; expected torch or keras")
                }
                convention = chosen
            }
            let problem: ArchitectureProblem
            switch (arguments["--arch"], arguments["--layers"]) {
            case (let path?, nil):
                problem = try ArchitectureProblem(parsing: SpecFile.read(path), source: path == "-" ? "<stdin>" : path)
            case (nil, let text?):
                problem = try ArchitectureProblem(compact: text)
            case (.some, .some):
                throw InputError(.usage, at: "--arch", "give either --arch FILE or --layers TEXT, not both")
            case (nil, nil):
                throw InputError(.usage, at: "--arch", "missing; give --arch FILE or --layers TEXT")
            }
            return CommandResult(output: renderer.render(try ParameterSolver(convention: convention).solve(problem)))
        })
}
