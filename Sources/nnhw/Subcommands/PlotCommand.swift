import NNHomework

/// `nnhw plot NAME… | --f F`: activations, losses or a formula, or their derivatives, drawn.
enum PlotCommand {
    /// The formats a plot is written in.
    static let formats: [PictureFormat] = [.text, .svg, .latex, .json, .markdown]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "plot",
        summary:
            "plot activations, losses or a formula f(x), or their derivatives: axes, ticks, legend, jumps and kinks",
        arguments: [
            Option(
                name: "NAME", type: .text, valueName: "NAME",
                help: "activation or loss names (nnhw activation --list, nnhw loss --list)", isRepeatable: true)
        ],
        options: [
            .value("--f", "FORMULA", .text, "a formula of one variable instead of names: \"-ln(p)\""),
            .value("--var", "V", .text, "the formula's variable (default: its only one)"),
            .flag("--derivative", "plot f′ instead of f (at a kink, the value PyTorch's backward takes)"),
            .value("--from", "X", .number(.finite), "left end of x (default −3, or the loss's own range)"),
            .value("--to", "X", .number(.finite), "right end of x (default 3, or the loss's own range)"),
            .value("--ymin", "Y", .number(.finite), "bottom of the y axis (default: fitted to the curves)"),
            .value("--ymax", "Y", .number(.finite), "top of the y axis (default: fitted to the curves)"),
            .value("--title", "TEXT", .text, "the title (default: the curves' names)"),
            .value("--xlabel", "TEXT", .text, "the x axis label"),
            .value("--ylabel", "TEXT", .text, "the y axis label"),
        ] + PictureOptions.options(formats),
        details: [
            "Curves are sampled adaptively and exactly at the kinks: where f jumps there is a gap, a filled",
            "circle ● at the value the convention takes (ReLU′(0) = 0) and an open circle ○ at the limit it does",
            "not; a kink of a continuous f is marked ◆. An asymptote is left open: the curve stops at the edge",
            "of the y range, which is fitted to the values on a uniform grid (an endpoint where f is infinite is",
            "left out) unless --ymin/--ymax say.",
            "Losses are drawn over one variable with the target fixed: regression losses against d = ŷ − y,",
            "probability losses against p of the true class, margin losses against y s with y = +1.",
            "A name that is both an activation and a loss (logistic) is the activation.",
            "Formats: text (braille, --width wide), svg, latex (pgfplots; --standalone compiles alone), json",
            "(title, x, y: {label, range, ticks}, series: [{name, style, segments, markers}]), markdown (a link",
            "to the --output file).",
            "",
            "Exit status: 0 drawn; 64 usage error; 65 unknown name; 73 --output cannot be written.",
        ],
        examples: [
            "nnhw plot relu --derivative",
            "nnhw plot gelu leaky_relu relu tanh --derivative --from -3 --to 3",
            "nnhw plot --f \"-ln(p)\" --var p --from 0.001 --to 1 --xlabel \"predicted probability of the true class\" --ylabel loss",
            "nnhw plot cross_entropy --format svg",
        ],
        run: { values throws(InputError) in
            let plot = try PlotProblem(options: values).plot
            let width = PictureOptions.width(values)
            let standalone = values.has("--standalone")
            return try PictureOptions.output(values, accepted: formats, title: plot.title) {
                format throws(InputError) in
                guard format != .markdown else {
                    throw InputError(at: "--format", .requires("--output FILE", because: "markdown links the picture"))
                }
                return plot.rendered(format, width: width, standalone: standalone)
            }
        })
}
