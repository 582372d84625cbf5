import NNHomework

/// `nnhw conv`: the feature map of a kernel over an input, each entry as its sum of products.
enum ConvCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "conv",
        summary: "the feature map of a kernel over an input, each entry as its sum of products",
        options: [
            .value(
                "--input", "M", .fileOrText,
                "the input: \"6 0 1; 3 4 1\", JSON [[6,0,1],[3,4,1]] or C×H×W, or a file", presence: .required),
            .value(
                "--kernel", "M", .fileOrText,
                "the kernel, in the same forms; C×k×k for C channels; JSON C_out×C×k×k for C_out filters",
                presence: .required),
            .value(
                "--bias", "B", .text, "the bias of each filter (none if omitted): \"0.5\", or \"1 0 -1\" for 3 filters"),
            .value(
                "--stride", "S", .sizes(1...2), "step between windows: 2, or 2x1 for rows × columns", default: "1"),
            .value(
                "--padding", "P", .padding, "zeros on each side: a number, PxQ, same, valid or full", default: "0"),
            .flag("--flip", "true convolution: rotate the kernel by 180° first"),
            .value(
                "--grad-output", "M", .fileOrText,
                "δ = ∂L/∂Y, shaped like the output: adds the backward pass, ∂L/∂K, ∂L/∂b and ∂L/∂X"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  Cross-correlation by default, as deep-learning libraries compute \"convolution\":",
            "  y_ij = Σ_c Σ_m Σ_n x_c[(i − 1)S + m, (j − 1)S + n] · w_c[m, n], indices from 1; --flip rotates the kernel.",
            "  A C × H × W input takes a C × k × k kernel and gives one H_out × W_out map (sum over channels).",
            "  A C_out × C × k × k kernel is C_out filters: y_o = Σ_c K_o,c ⋆ x_c + b_o, a C_out × H_out × W_out output.",
            "  Rows are separated by ; (or line breaks in a file), entries by spaces or commas.",
            "  Backward (--grad-output δ): ∂L/∂K_mn = Σ_ij δ_ij x̃[(i − 1)S + m, (j − 1)S + n], ∂L/∂b = Σ_ij δ_ij,",
            "  ∂L/∂x_rs = Σ δ_ij w_mn over the windows covering x_rs (stride 1: δ fully convolved with rot180(K));",
            "  with --flip, ∂L/∂K is rotated back to the kernel as given. Padding entries get no gradient.",
            "  With C_out filters δ is C_out × H_out × W_out; ∂L/∂X sums the contributions of every output channel.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 malformed matrix or sizes that do not fit; 66 unreadable file.",
        ],
        examples: [
            "nnhw conv --input \"6 0 1; 3 4 1; 1 7 0\" --kernel \"1 0; 0 -1\"",
            "nnhw conv --input \"[[6,0,1],[3,4,1],[1,7,0]]\" --kernel \"1 0; 0 -1\" --padding 1 --stride 2 --format json",
            "nnhw conv --input \"6 0 1; 3 4 1; 1 7 0\" --kernel \"1 0; 0 -1\" --grad-output \"1 2; 3 4\"",
            "nnhw conv --input \"[[[1,2,0],[0,1,3],[2,1,1]],[[0,1,1],[2,0,1],[1,1,0]]]\" "
                + "--kernel \"[[[[1,0],[0,1]],[[0,1],[1,0]]],[[[1,1],[0,0]],[[0,0],[1,-1]]]]\" --bias \"1 -1\"",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try FeatureMapSolver().solve(FeatureMapProblem(convolution: values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
