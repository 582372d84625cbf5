import NNHomework

/// `nnhw conv-size`: the output shape, parameters and multiply-adds of one convolution or pooling layer.
enum ConvSizeCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "conv-size",
        summary: "output shape, parameters and multiply-adds of a convolution or pooling layer",
        options: [
            .value(
                "--input", "HxWxC", .sizes(2...3), "input shape, e.g. 36x36x3 (HxW: one channel)", presence: .required),
            .value(
                "--kernel", "K", .sizes(1...2),
                "kernel (window) size: 3, or 3x5 for rows × columns; without it, the padded shape of --padding"),
            .value("--stride", "S", .sizes(1...2), "step between windows (default 1; the window for --pool)"),
            .value(
                "--padding", "P", .padding, "zeros on each side: a number, PxQ, same, valid or full", default: "0"),
            .value("--dilation", "D", .sizes(1...2), "spacing between kernel taps", default: "1"),
            .value("--filters", "F", .sizes(1...1), "number of filters = output channels (default 1)"),
            .flag("--no-bias", "the filters have no bias"),
            .flag("--transposed", "a transposed convolution"),
            .value(
                "--output-padding", "A", .sizes(1...2), "extra rows/columns of a transposed output (default 0)"),
            .value("--pool", nil, .choice(["max", "avg"]), "a pooling layer instead of a convolution"),
            .flag("--ceil-mode", "pooling rounds the output size up (PyTorch ceil_mode)"),
            .flag("--channels-first", "shapes are C×H×W instead of H×W×C"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  n_out = ⌊(n + 2P − k_eff)/S⌋ + 1 with k_eff = d(k − 1) + 1; when S does not divide n + 2P − k_eff,",
            "  the output says how many rows/columns of the padded input no window covers.",
            "  \"same\" follows TensorFlow: n_out = ⌈n/S⌉, total padding max((n_out − 1)S + k_eff − n, 0),",
            "  the odd extra row/column at the bottom/right. Transposed: o = S(n − 1) + k_eff − 2P + a.",
            "  Parameters (k_h·k_w·C_in + 1)·F; multiply-adds H_out·W_out·k_h·k_w·C_in·F (bias additions not counted).",
            "  Without --kernel, --padding P (or PxQ) alone gives the padded shape (H + 2P) × (W + 2Q) × C.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 sizes that do not fit.",
        ],
        examples: [
            "nnhw conv-size --input 36x36x3 --kernel 3 --padding 3 --stride 2 --filters 2",
            "nnhw conv-size --input 224x224x3 --kernel 3 --padding same --filters 64 --format json",
            "nnhw conv-size --input 28x28x16 --kernel 2 --pool max",
            "nnhw conv-size --input 15x15x8 --padding 2",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            guard values.isGiven("--kernel") else {
                let solution = try PaddedShapeSolver().solve(PaddedShapeProblem(values))
                return try AnswerChecking.output(solution, renderer: renderer, values)
            }
            let problem = try ConvolutionSizeProblem(values)
            let solution = try ConvolutionSizeSolver().solve(problem)
            return try AnswerChecking.output(
                solution, renderer: renderer, values,
                grading: { Grading(convolutionSize: problem, solution: solution) })
        })
}
