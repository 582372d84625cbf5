import NNHomework

/// `nnhw diagram`: a network drawn by layer, or a computational graph with its values and gradients.
enum DiagramCommand {
    /// The formats a diagram is written in.
    static let formats: [PictureFormat] = [.text, .svg, .latex, .dot, .json, .markdown]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "diagram",
        summary: "draw a network (units, weights, a, z, δ) or a computational graph with forward values and gradients",
        options: [
            .value("--f", "FORMULA", .text, "the formula whose computational graph to draw: \"tanh(a*b + c)\""),
            .value("--at", "POINT", .text, "the point: a=1,b=-2,c=3"),
        ] + NetworkOptions.input + [
            .flag("--values", "with a network: each unit's a, z and δ from the worked solution"),
            .flag("--graph", "with a network: the computational graph of its loss, layer by layer"),
            .value("--precision", "N", .whole(0...17), "decimals of the values shown", default: "4"),
        ] + PictureOptions.options(formats),
        details: [
            "A formula's graph has a node per subexpression (one per repeated one) with its forward value,",
            "the local gradient ∂n/∂u of each input u and the upstream gradient ∂f/∂n; its text (and markdown)",
            "is CS231n's staged table: node, operation, inputs, forward value, local gradient, upstream gradient.",
            "A network is drawn as circles by layer, z⁽⁰⁾ = x on the left, each weight w on its edge and b beside",
            "its unit; --values adds a, z and δ (δ when the spec has a target and loss), --graph draws the",
            "loss's graph as micrograd's draw_dot does (a box per value with its gradient). For a batch the",
            "first sample is shown. Text is a table of the nodes.",
            "Formats: text, markdown, svg, latex (TikZ; a fragment needs \\usetikzlibrary{positioning,",
            "shapes.geometric}; --standalone compiles alone), dot (Graphviz: dot -Tsvg), json (nodes and edges;",
            "a formula's graph: nodes with value, local_gradients and gradient, and gradient by variable).",
            "",
            "Exit status: 0 drawn; 64 usage error; 65 invalid spec or a value not finite; 66 unreadable file;",
            "73 --output cannot be written.",
        ],
        examples: [
            "nnhw diagram --f \"tanh(a*b + c)\" --at a=1,b=-2,c=3",
            "nnhw diagram --example relu-3-layer --values --format svg",
            "nnhw diagram --example relu-3-layer --graph --format dot",
        ],
        run: { values throws(InputError) in
            let problem = try DiagramProblem(options: values)
            var options = RenderOptions(precision: values.whole("--precision") ?? 4)
            options.lineWidth = PictureOptions.width(values)
            let standalone = values.has("--standalone")
            return try PictureOptions.output(values, accepted: formats, title: problem.diagram.title) { format in
                switch format {
                case .text: TextRenderer(options: options).render(problem.table)
                case .markdown: MarkdownRenderer(options: options).render(problem.table)
                case .json: problem.json.serialized() + "\n"
                default: problem.diagram.rendered(format, standalone: standalone)
                }
            }
        })
}
