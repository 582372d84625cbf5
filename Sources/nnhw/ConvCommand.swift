import NNCore
import NNHomework

/// `nnhw conv`: the feature map of a kernel over an input, each entry as its sum of products.
enum ConvCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "conv",
        summary: "the feature map of a kernel over an input, each entry as its sum of products",
        usage:
            "nnhw conv --input M --kernel M [--stride S] [--padding P|same|valid|full] [--flip] "
            + "[--format \(OutputFormat.choices)] [--precision N]",
        options: [
            OptionSpec(
                name: "--input", valueName: "M",
                help: "the input: \"6 0 1; 3 4 1\", JSON [[6,0,1],[3,4,1]] or C×H×W, or a file"),
            OptionSpec(name: "--kernel", valueName: "M", help: "the kernel, in the same forms; C×k×k for C channels"),
            OptionSpec(
                name: "--stride", valueName: "S", help: "step between windows: 2, or 2x1 for rows × columns (default 1)"
            ),
            OptionSpec(
                name: "--padding", valueName: "P",
                help: "zeros on each side: a number, PxQ, same, valid or full (default 0)"),
            OptionSpec(name: "--flip", valueName: nil, help: "true convolution: rotate the kernel by 180° first"),
        ] + OutputOptions.options,
        details: [
            "Conventions:",
            "  Cross-correlation by default, as deep-learning libraries compute \"convolution\":",
            "  y_ij = Σ_c Σ_m Σ_n x_c[(i − 1)S + m, (j − 1)S + n] · w_c[m, n], indices from 1; --flip rotates the kernel.",
            "  A C × H × W input takes a C × k × k kernel and gives one H_out × W_out map (sum over channels).",
            "  Rows are separated by ; (or line breaks in a file), entries by spaces or commas.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 malformed matrix or sizes that do not fit; 66 unreadable file.",
        ],
        examples: [
            "nnhw conv --input \"6 0 1; 3 4 1; 1 7 0\" --kernel \"1 0; 0 -1\"",
            "nnhw conv --input \"[[6,0,1],[3,4,1],[1,7,0]]\" --kernel \"1 0; 0 -1\" --padding 1 --stride 2 --format json",
        ],
        run: { arguments throws(InputError) in
            let renderer = try OutputOptions.renderer(arguments)
            let stride =
                try arguments["--stride"].map { text throws(InputError) in
                    try MatrixInput.pair("--stride", text)
                } ?? [1, 1]
            let padding =
                try arguments["--padding"].map { text throws(InputError) in
                    try SizeText.padding(parsing: text, option: "--padding")
                } ?? (height: Padding.symmetric(0), width: Padding.symmetric(0))
            let input = try MatrixInput.channels(arguments, "--input", example: "6 0 1; 3 4 1; 1 7 0")
            let kernel = try MatrixInput.channels(arguments, "--kernel", example: "1 0; 0 -1")
            let filter = Convolution2D(
                kernel: kernel, strideHeight: stride[0], strideWidth: stride[1], paddingHeight: padding.height,
                paddingWidth: padding.width, isFlipped: arguments.has("--flip"))
            return CommandResult(
                output: renderer.render(try FeatureMapSolver().convolution(input: input, filter: filter)))
        })
}
