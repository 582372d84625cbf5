import NNHomework

/// `nnhw softmax`: the probabilities of scores at a temperature, with the log-softmax, argmax and Jacobian.
enum SoftmaxCommand {
    /// The subcommand.
    static let subcommand = Subcommand(
        name: "softmax",
        summary: "the softmax of scores at a temperature: exponentials, sum, probabilities, log-softmax, Jacobian",
        options: [
            .value(
                "--scores", "S", .text, "the scores, one sample per row: \"1 2 4\", \"1/3 0; 2 1\" (fractions allowed)",
                presence: .required),
            .value(
                "--temperature", "T", .number(.positive), "the temperature T: p = softmax(s / T)",
                presence: .atMostOneOf("coldness")),
            .value(
                "--beta", "β", .number(.positive), "the coldness β = 1/T: p = softmax(β s) (default 1)",
                presence: .atMostOneOf("coldness")),
        ] + AnswerChecking.options + Rendering.options,
        details: [
            "Conventions:",
            "  p_i = e^(β s_i) / Σ_j e^(β s_j) with β = 1/T, computed stably as e^(β s_i − m) / Σ_j e^(β s_j − m),",
            "  m = max_j β s_j (the shift cancels; nothing overflows, even for scores of ±1000).",
            "  ln p_i = β s_i − m − ln Σ_j e^(β s_j − m): finite even where p_i underflows to 0.",
            "  argmax counts from 1 in the text (class 1, 2, …) and from 0 in JSON; ties go to the first.",
            "  For one sample (of at most 100 scores), the Jacobian ∂p/∂s = β (diag(p) − p pᵀ), entry (i, j) = ∂p_i/∂s_j.",
            "  At most 10,000 scores in all.",
            "  JSON: beta, probabilities, log_probabilities, argmax (0-based), jacobian (one sample of at most 100 only);",
            "  with several samples each is a list with one entry per row.",
            "",
            "Exit status: 0 solved (with --check: every value right); 1 a value you wrote is wrong; 64 usage error; 65 malformed scores.",
        ],
        examples: [
            "nnhw softmax --scores \"1 2 4\" --temperature 2",
            "nnhw softmax --scores \"1000 0 -1000\" --format json",
            "nnhw softmax --scores \"1 1/3 0; 2 0 -1\" --beta 0.5",
        ],
        run: { values throws(InputError) in
            let renderer = try Rendering.renderer(values)
            let solution = try SoftmaxSolver().solve(SoftmaxProblem(options: values))
            return try AnswerChecking.output(solution, renderer: renderer, values)
        })
}
