import NNCore
import NNHomework

/// `nnhw conv-size`: the output shape, parameters and multiply-adds of one convolution or pooling layer.
enum ConvSizeCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "conv-size",
        summary: "output shape, parameters and multiply-adds of a convolution or pooling layer",
        usage:
            "nnhw conv-size --input HxWxC --kernel K [--stride S] [--padding P|same|valid|full] [--dilation D] "
            + "[--filters F] [--no-bias] [--transposed [--output-padding A]] [--pool max|avg [--ceil-mode]] "
            + "[--channels-first] [--format \(OutputFormat.choices)] [--precision N]",
        options: [
            OptionSpec(name: "--input", valueName: "HxWxC", help: "input shape, e.g. 36x36x3 (HxW: one channel)"),
            OptionSpec(name: "--kernel", valueName: "K", help: "kernel (window) size: 3, or 3x5 for rows × columns"),
            OptionSpec(
                name: "--stride", valueName: "S", help: "step between windows (default 1; the window for --pool)"),
            OptionSpec(
                name: "--padding", valueName: "P",
                help: "zeros on each side: a number, PxQ, same, valid or full (default 0)"),
            OptionSpec(name: "--dilation", valueName: "D", help: "spacing between kernel taps (default 1)"),
            OptionSpec(name: "--filters", valueName: "F", help: "number of filters = output channels (default 1)"),
            OptionSpec(name: "--no-bias", valueName: nil, help: "the filters have no bias"),
            OptionSpec(name: "--transposed", valueName: nil, help: "a transposed convolution"),
            OptionSpec(
                name: "--output-padding", valueName: "A", help: "extra rows/columns of a transposed output (default 0)"),
            OptionSpec(name: "--pool", valueName: "max|avg", help: "a pooling layer instead of a convolution"),
            OptionSpec(
                name: "--ceil-mode", valueName: nil, help: "pooling rounds the output size up (PyTorch ceil_mode)"),
            OptionSpec(name: "--channels-first", valueName: nil, help: "shapes are C×H×W instead of H×W×C"),
        ] + OutputOptions.options,
        details: [
            "Conventions:",
            "  n_out = ⌊(n + 2P − k_eff)/S⌋ + 1 with k_eff = d(k − 1) + 1; when S does not divide n + 2P − k_eff,",
            "  the output says how many rows/columns of the padded input no window covers.",
            "  \"same\" follows TensorFlow: n_out = ⌈n/S⌉, total padding max((n_out − 1)S + k_eff − n, 0),",
            "  the odd extra row/column at the bottom/right. Transposed: o = S(n − 1) + k_eff − 2P + a.",
            "  Parameters (k_h·k_w·C_in + 1)·F; multiply-adds H_out·W_out·k_h·k_w·C_in·F (bias additions not counted).",
            "",
            "Exit status: 0 solved; 64 usage error; 65 sizes that do not fit.",
        ],
        examples: [
            "nnhw conv-size --input 36x36x3 --kernel 3 --padding 3 --stride 2 --filters 2",
            "nnhw conv-size --input 224x224x3 --kernel 3 --padding same --filters 64 --format json",
            "nnhw conv-size --input 28x28x16 --kernel 2 --pool max",
        ],
        run: { arguments throws(InputError) in
            let renderer = try OutputOptions.renderer(arguments)
            return CommandResult(output: renderer.render(try ConvolutionSizeSolver().solve(problem(arguments))))
        })

    private static func problem(_ arguments: ParsedArguments) throws(InputError) -> ConvolutionSizeProblem {
        guard let inputText = arguments["--input"] else {
            throw InputError(.usage, at: "--input", "missing; give the input shape, e.g. --input 36x36x3")
        }
        guard let kernelText = arguments["--kernel"] else {
            throw InputError(.usage, at: "--kernel", "missing; give the kernel size, e.g. --kernel 3")
        }
        let isChannelsFirst = arguments.has("--channels-first")
        let shape = try SizeText.sizes(parsing: inputText, option: "--input", counts: 2...3)
        let (height, width, channels) =
            shape.count == 2
            ? (shape[0], shape[1], 1)
            : isChannelsFirst ? (shape[1], shape[2], shape[0]) : (shape[0], shape[1], shape[2])
        let kernel = try pair("--kernel", kernelText)
        var poolMode: PoolingMode?
        if let name = arguments["--pool"] {
            guard let mode = PoolingMode(rawValue: name) else {
                throw InputError(.usage, at: "--pool", "expected max or avg, got \"\(name)\"")
            }
            poolMode = mode
        }
        try requireConsistent(arguments, isPooling: poolMode != nil)
        let stride =
            try arguments["--stride"].map { text throws(InputError) in try pair("--stride", text) }
            ?? (poolMode == nil ? [1, 1] : kernel)
        let dilation =
            try arguments["--dilation"].map { text throws(InputError) in try pair("--dilation", text) }
            ?? [1, 1]
        let padding =
            try arguments["--padding"].map { text throws(InputError) in
                try SizeText.padding(parsing: text, option: "--padding")
            } ?? (height: Padding.symmetric(0), width: Padding.symmetric(0))
        let isCeilMode = arguments.has("--ceil-mode")
        let rows = ConvolutionDimension(
            inputSize: height, kernelSize: kernel[0], stride: stride[0], padding: padding.height,
            dilation: dilation[0], ceilMode: isCeilMode)
        let columns = ConvolutionDimension(
            inputSize: width, kernelSize: kernel[1], stride: stride[1], padding: padding.width,
            dilation: dilation[1], ceilMode: isCeilMode)
        let filters =
            try arguments["--filters"].map { text throws(InputError) in
                try SizeText.sizes(parsing: text, option: "--filters", counts: 1...1)[0]
            } ?? 1
        let hasBias = !arguments.has("--no-bias")
        let layer: ConvolutionSizeProblem.Layer
        if let poolMode {
            layer = .pooling(poolMode, ceilMode: isCeilMode)
        } else if arguments.has("--transposed") {
            let outputPadding =
                try arguments["--output-padding"].map { text throws(InputError) in
                    try pair("--output-padding", text)
                } ?? [0, 0]
            layer = .transposed(filters: filters, hasBias: hasBias, outputPadding: outputPadding)
        } else {
            layer = .convolution(filters: filters, hasBias: hasBias)
        }
        return ConvolutionSizeProblem(
            inputHeight: height, inputWidth: width, inputChannels: channels, height: rows, width: columns,
            layer: layer, isChannelsFirst: isChannelsFirst)
    }

    /// Options that only make sense together.
    private static func requireConsistent(_ arguments: ParsedArguments, isPooling: Bool) throws(InputError) {
        if isPooling {
            for option in ["--filters", "--no-bias", "--transposed", "--output-padding"]
            where arguments[option] != nil || arguments.has(option) {
                throw InputError(.usage, at: option, "does not apply to a pooling layer (--pool)")
            }
        } else if arguments.has("--ceil-mode") {
            throw InputError(.usage, at: "--ceil-mode", "applies to pooling only; add --pool max or --pool avg")
        }
        if arguments["--output-padding"] != nil && !arguments.has("--transposed") {
            throw InputError(
                .usage, at: "--output-padding", "applies to a transposed convolution only; add --transposed")
        }
    }

    /// A size for rows and columns: `3` for both or `3x5`.
    private static func pair(_ option: String, _ text: String) throws(InputError) -> [Int] {
        let sizes = try SizeText.sizes(parsing: text, option: option, counts: 1...2)
        return [sizes[0], sizes[sizes.count - 1]]
    }
}
