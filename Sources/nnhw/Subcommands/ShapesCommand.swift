import NNHomework

/// `nnhw shapes`: the shapes, entries and bytes of a dense network's tensors and Jacobians, or of one ∂y/∂x.
enum ShapesCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "shapes",
        summary: "shapes, entries and bytes of W, b, a, z, δ, ∂L/∂W and the Jacobians per layer, or of one ∂y/∂x",
        options: [
            .value(
                "--layers", "TEXT", .text, "dense layers in params' compact form: \"input 784; dense 128; dense 10\"",
                presence: .oneOf("problem")),
            .value("--batch", "S", .whole(1...Int.max), "also the shapes for a batch of S samples"),
            .value(
                "--dy", "SIZE", .sizes(1...2), "the size of y: 1 (a scalar), 5 (a vector) or 3x4 (a matrix)",
                presence: .oneOf("problem")),
            .value("--dx", "SIZE", .sizes(1...2), "the size of x, in the same forms (with --dy)"),
            .value("--bytes", nil, .choice(["4", "8"]), "bytes per entry: 4 (float32) or 8 (float64)", default: "4"),
            .value(
                "--notation", "NAME", .text, "letters of the course: a/z (default), s/a, z/a (nnhw notation)"),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾, z⁽ˡ⁾ = f(a⁽ˡ⁾), δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾; weights are out × in; a single sample's",
            "  vectors are columns (n × 1), a batch has one sample per row (A⁽ˡ⁾ is S × n).",
            "  Numerator layout: (∂y/∂x)ᵢⱼ = ∂yᵢ/∂xⱼ, y's axes first: ∂z⁽ˡ⁾/∂z⁽ˡ⁻¹⁾ is n⁽ˡ⁾ × n⁽ˡ⁻¹⁾,",
            "  ∂a⁽ˡ⁾/∂W⁽ˡ⁾ is n⁽ˡ⁾ × n⁽ˡ⁾ × n⁽ˡ⁻¹⁾; for a batch the full Jacobians S × n⁽ˡ⁾ × S × n⁽ˡ⁻¹⁾ and",
            "  S × n⁽ˡ⁾ × n⁽ˡ⁾ × n⁽ˡ⁻¹⁾. ∂L/∂W⁽ˡ⁾ is shaped like W⁽ˡ⁾ (summed over a batch).",
            "  --layers takes dense layers only, after a vector input; other layers are refused.",
            "  --dy/--dx: numerator layout 1 × n (∂y/∂x⃗), m × 1 (∂y⃗/∂x), m × n (∂y⃗/∂x⃗); denominator layout",
            "  (∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ, the transposes. A scalar by a p × q matrix is q × p (numerator), p × q",
            "  (denominator); other pairs are tensors, y's axes first (numerator) or x's first (denominator).",
            "  1 MB = 10⁶ bytes, 1 GB = 10⁹ bytes. Counts above 2⁵³ are errors.",
            "",
            "Exit status: 0 solved; 64 usage error; 65 a layer that is not dense, or a count above 2⁵³.",
        ],
        examples: [
            "nnhw shapes --layers \"input 784; dense 128; dense 10\"",
            "nnhw shapes --layers \"input 784; dense 128; dense 10\" --batch 32 --bytes 4 --format json",
            "nnhw shapes --dy 1 --dx 5",
            "nnhw shapes --dy 3 --dx 5",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try ShapesSolver(notation: Notation(values)).solve(ShapesProblem(values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
