import NNHomework

/// `nnhw pool`: max or average pooling, each entry with its window.
enum PoolCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "pool",
        summary: "max or average pooling of a matrix, each entry with its window",
        options: [
            .value(
                "--input", "M", .fileOrText, "the input: \"1 3 2 4; 5 6 1 2\", JSON rows or C×H×W, or a file",
                presence: .required),
            .value("--size", "K", .sizes(1...2), "window size: 2, or 2x3 for rows × columns", presence: .required),
            .value("--stride", "S", .sizes(1...2), "step between windows (default: the window size)"),
            .value(
                "--mode", nil, .choice(["max", "avg"]), "the largest value or the mean of each window",
                presence: .required),
            .value(
                "--grad-output", "M", .fileOrText,
                "δ = ∂L/∂Y, shaped like the output (C × H × W for channels): adds the backward pass, ∂L/∂X"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  No padding; the stride defaults to the window size, as in PyTorch's MaxPool2d/AvgPool2d.",
            "  Windows that do not fit at the bottom/right are dropped (n_out = ⌊(n − k)/S⌋ + 1), and the output says so.",
            "  A C × H × W input is pooled channel by channel.",
            "  Backward (--grad-output δ): max pooling routes δ_ij to its window's maximum (a maximum that occurs",
            "  more than once: to the first, reading the window row by row, as PyTorch); average pooling gives",
            "  δ_ij / (k_h·k_w) to every entry of the window; overlapping windows add.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 malformed matrix or sizes that do not fit; 66 unreadable file.",
        ],
        examples: [
            "nnhw pool --input \"1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4\" --size 2 --mode max",
            "nnhw pool --input \"1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4\" --size 2 --mode avg --format json",
            "nnhw pool --input \"1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4\" --size 2 --mode max --grad-output \"1 2; 3 4\"",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try FeatureMapSolver().solve(FeatureMapProblem(pooling: values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
