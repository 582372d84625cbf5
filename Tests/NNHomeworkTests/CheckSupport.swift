@testable import NNHomework

/// The network problem of a built-in example.
func builtInProblem(_ name: String) throws -> NetworkProblem {
    guard let found = BuiltInExample.named(name) else { throw InputError(.invalidData, at: name, "no such example") }
    return try NetworkProblem(parsing: found.json, source: "example \(name)")
}

/// `mine` checked against the backward solution of `problem`, graded as `nnhw backward --check` grades it.
func checkBackward(_ mine: String, _ problem: NetworkProblem) throws -> AnswerCheck {
    try AnswerCheck(
        StudentAnswers(parsing: mine, source: "mine.json"), against: NetworkSolver().backward(problem),
        grading: Grading(network: problem))
}

/// The sigmoid 2-2-2 network of Matt Mazur's "A Step by Step Backpropagation Example":
/// x = (0.05, 0.10), y = (0.01, 0.99), ½ squared error, η = 0.5.
func sigmoidNetwork() throws -> NetworkProblem {
    try NetworkProblem(
        parsing: """
            {"input": [0.05, 0.10], "target": [0.01, 0.99],
             "layers": [{"weights": [[0.15, 0.20], [0.25, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
                        {"weights": [[0.40, 0.45], [0.50, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}],
             "loss": {"name": "squared_error", "scale": 0.5}, "learning_rate": 0.5}
            """, source: "sigmoid")
}
