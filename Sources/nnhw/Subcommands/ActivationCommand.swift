import NNHomework

/// `nnhw activation NAME --at "…"`: an activation and its derivative at given points, worked.
enum ActivationCommand {
    /// Every name with its formula and its derivative or kink convention, one line each (help and `--list`).
    static let names: [String] = [
        "  identity      x                                   f′ = 1",
        "  relu          max(0, x)                           f′(0) = 0",
        "  leaky_relu    x if x > 0, else αx (α = 0.01)      f′(0) = α",
        "  tanh          tanh x                              f′ = 1 − tanh²x",
        "  sigmoid       σ(x) = 1 / (1 + e^(−x))             f′ = σ(x)(1 − σ(x))",
        "  gelu          x Φ(x); --approximate tanh: ½x(1 + tanh(√(2/π)(x + 0.044715x³)))",
        "  elu           x if x > 0, else α(e^x − 1) (α = 1) f′(0) = α",
        "  selu          λx if x > 0, else λα(e^x − 1)       λ ≈ 1.0507, α ≈ 1.6733, f′(0) = λα",
        "  softplus      (1/β) ln(1 + e^(βx)) (β = 1)        f′ = σ(βx); exact, no switch to x above βx > 20",
        "  silu, swish   x σ(x)                              f′ = σ(x)(1 + x(1 − σ(x)))",
        "  mish          x tanh(softplus(x))",
        "  hard_tanh     x clamped to [−1, 1]                f′(±1) = 0",
        "  hard_sigmoid  ReLU6(x + 3) / 6                    f′(±3) = 0",
        "  softsign      x / (1 + |x|)                       f′ = 1 / (1 + |x|)²",
        "  relu6         min(max(0, x), 6)                   f′(0) = f′(6) = 0",
        "  sign          −1, 0 or 1                          f′ = 0, also at 0",
    ]

    /// The subcommand.
    static let subcommand = Subcommand(
        name: "activation",
        summary: "an activation f and its derivative f′ at given points, each worked, kink conventions stated",
        arguments: [
            Option.value(
                "NAME", "an activation name such as relu or gelu (nnhw activation --list lists them)", .text,
                "the activation")
        ],
        options: [
            .value("--at", "X", .text, "the points x: \"-1 0 2\" (fractions like 1/3 allowed)"),
            .flag("--list", "list every activation with its formula, and stop"),
            .value("--alpha", "α", .number(.finite), "α of leaky_relu (default 0.01) or elu (default 1, must be > 0)"),
            .value("--beta", "β", .number(.positive), "β of softplus (default 1)"),
            .value("--approximate", nil, .choice(["none", "tanh"]), "GELU's form: none (exact, x Φ(x)) or tanh"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Activations (PyTorch's definitions; f′ at a kink is what PyTorch's backward gives):"
        ] + names + [
            "  softmax works on a whole vector: use nnhw softmax.",
            "Every name is usable in a network spec too: \"activation\": {\"name\": \"elu\", \"alpha\": 0.5}.",
            "JSON: points, values, derivatives (one entry per point). At most 10,000 points.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 unknown name, parameter out of range or malformed point.",
        ],
        examples: [
            "nnhw activation gelu --at \"-1 0 2\"",
            "nnhw activation elu --alpha 0.5 --at \"-3 0 1/2\"",
            "nnhw activation relu6 --at \"0 3 6\" --format json",
            "nnhw activation --list",
        ],
        run: { values throws(InputError) in
            if values.has("--list") {
                let header = "Activations (PyTorch's definitions; f′ at a kink is what PyTorch's backward gives):"
                return Output(
                    text: ([header] + names + ["  softmax works on a whole vector: use nnhw softmax."]).joined(
                        separator: "\n") + "\n")
            }
            let renderer = try Rendering.renderer(values)
            let solution = try ActivationSolver().solve(ActivationProblem(options: values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
