import NNHomework

/// `nnhw chain`: the gradient through a chain of local derivatives, over depth, or per layer of a network.
enum ChainCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "chain",
        summary:
            "the gradient through a chain of local derivatives (skip paths, residual blocks, depth), or ‖δ⁽ˡ⁾‖ per layer",
        options: [
            .value(
                "--upstream", "G", .number(.finite), "the gradient ∂L/∂y arriving at the end of the chain", default: "1"
            ),
            .value("--factors", "LIST", .text, "the local derivatives of one chain, e.g. \"0.005 0.1\""),
            .value("--factor", "F", .number(.finite), "one local derivative for every layer (with --depth)"),
            .value(
                "--activation", nil, .choice(PeakDerivative.allCases.map(\.rawValue)),
                "take the activation's largest derivative as the factor (with --depth)"),
            .value("--depth", "N", .text, "layers: 6, a range 1..6 or a list 2,4,6"),
            .flag("--skip", "a skip path around the whole chain: G · (∏ + 1)"),
            .value(
                "--residual-every", "K", .whole(1...Int.max), "group the layers into residual blocks of K: each 1 + ∏"),
        ] + NetworkOptions.input.map(\.optionalInUsage) + AnswerChecking.options + Rendering.options,
        details: [
            "Modes:",
            "  --factors: one chain, ∂L/∂x = G · f₁ · f₂ ⋯ fₙ.",
            "  --factor F or --activation NAME with --depth: gₙ = G · Fⁿ for each depth n.",
            "  --net FILE or --example NAME: ‖δ⁽ˡ⁾‖ for every layer, from NNCore's backward (as nnhw backward).",
            "",
            "Conventions:",
            "  G (--upstream, default 1) is ∂L/∂y at the chain's end; the local derivatives multiply it.",
            "  The seed's 0.5ⁿ⁺¹ through n layers is --upstream 0.5 --factor 0.5 --depth n.",
            "  --skip: one skip path around the whole chain adds 1 to the chain's product.",
            "  --residual-every K: blocks y = x + F(x) of K layers, each multiplying by 1 + ∏ of its K factors;",
            "    the depth (or the number of factors) must be a multiple of K.",
            "  --activation: sigmoid σ′(0) = 0.25; tanh tanh′(0) = 1; relu ReLU′(a) = 1 for a > 0; weights taken as 1.",
            "  ‖δ⁽ˡ⁾‖ is the Euclidean norm (Frobenius over a batch); the gain is ‖δ⁽¹⁾‖ / ‖δ⁽ᴸ⁾‖.",
            "  Words on |gain|: vanishes below 1/100, shrinks below 1/2, preserved from 1/2 to 2,",
            "  grows above 2, explodes above 100.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 invalid spec or a gradient that overflows; 66 unreadable file.",
        ],
        examples: [
            "nnhw chain --upstream 0.01 --factors \"0.005 0.1\"",
            "nnhw chain --upstream 0.01 --factors \"0.005 0.1\" --skip",
            "nnhw chain --upstream 0.5 --factor 0.5 --depth 1..6",
            "nnhw chain --upstream 0.5 --factor 0.5 --depth 2,4,6 --residual-every 2 --format json",
            "nnhw chain --activation sigmoid --depth 1..5",
            "nnhw chain --example relu-3-layer",
        ],
        run: { values throws(InputError) in
            if let spec = try NetworkOptions.printedSpec(values) { return spec }
            let renderer = try Rendering.renderer(values)
            let solution = try ChainSolver(notation: Notation(values)).solve(ChainProblem(values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
