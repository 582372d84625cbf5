import NNCore
import NNHomework

/// `nnhw pool`: max or average pooling, each entry with its window.
enum PoolCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "pool",
        summary: "max or average pooling of a matrix, each entry with its window",
        usage:
            "nnhw pool --input M --size K [--stride S] --mode max|avg [--format \(OutputFormat.choices)] [--precision N]",
        options: [
            OptionSpec(
                name: "--input", valueName: "M",
                help: "the input: \"1 3 2 4; 5 6 1 2\", JSON rows or C×H×W, or a file"),
            OptionSpec(name: "--size", valueName: "K", help: "window size: 2, or 2x3 for rows × columns"),
            OptionSpec(name: "--stride", valueName: "S", help: "step between windows (default: the window size)"),
            OptionSpec(name: "--mode", valueName: "max|avg", help: "the largest value or the mean of each window"),
        ] + OutputOptions.options,
        details: [
            "Conventions:",
            "  No padding; the stride defaults to the window size, as in PyTorch's MaxPool2d/AvgPool2d.",
            "  Windows that do not fit at the bottom/right are dropped (n_out = ⌊(n − k)/S⌋ + 1), and the output says so.",
            "  A C × H × W input is pooled channel by channel.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 malformed matrix or sizes that do not fit; 66 unreadable file.",
        ],
        examples: [
            "nnhw pool --input \"1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4\" --size 2 --mode max",
            "nnhw pool --input \"1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 4\" --size 2 --mode avg --format json",
        ],
        run: { arguments throws(InputError) in
            let renderer = try OutputOptions.renderer(arguments)
            guard let modeText = arguments["--mode"] else {
                throw InputError(.usage, at: "--mode", "missing; give --mode max or --mode avg")
            }
            guard let mode = PoolingMode(rawValue: modeText) else {
                throw InputError(.usage, at: "--mode", "expected max or avg, got \"\(modeText)\"")
            }
            guard let sizeText = arguments["--size"] else {
                throw InputError(.usage, at: "--size", "missing; give the window size, e.g. --size 2")
            }
            let size = try MatrixInput.pair("--size", sizeText)
            let stride =
                try arguments["--stride"].map { text throws(InputError) in
                    try MatrixInput.pair("--stride", text)
                } ?? size
            let input = try MatrixInput.channels(arguments, "--input", example: "1 3 2 4; 5 6 1 2")
            let pooling = Pooling2D(
                kernelHeight: size[0], kernelWidth: size[1], strideHeight: stride[0], strideWidth: stride[1], mode: mode
            )
            return CommandResult(
                output: renderer.render(try FeatureMapSolver().pooling(input: input, pooling: pooling)))
        })
}
