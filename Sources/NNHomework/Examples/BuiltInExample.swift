/// The example problems shipped with nnhw, built into the binary so that
/// `nnhw backward --example NAME` works without any file. Each is the same
/// text as `Examples/NAME.json` (a test keeps them identical).
public struct BuiltInExample: Sendable, Hashable {
    /// The name, as in `--example NAME` and `Examples/NAME.json`.
    public let name: String
    /// What the example shows, in one line.
    public let summary: String
    /// The spec's JSON text.
    public let json: String

    /// Every built-in example, in the order `nnhw examples` lists them.
    public static let all: [BuiltInExample] = [
        BuiltInExample(
            name: "relu-3-layer",
            summary: "three ReLU layers, squared error (the classic backprop exercise)",
            json: """
                {
                  "description": "Three dense ReLU layers, squared-error loss: x = (2, 1), y = 10.",
                  "input": [2, 1],
                  "target": 10,
                  "layers": [
                    {"weights": [[1, 0], [3, 4], [1, 2]], "bias": [0, -2, 5], "activation": "relu"},
                    {"weights": [[2, 6, 1], [0, 3, 1]], "bias": [-23, -11], "activation": "relu"},
                    {"weights": [[-2, 3]], "bias": [18], "activation": "relu"}
                  ],
                  "loss": "squared_error"
                }
                """ + "\n"),
        BuiltInExample(
            name: "tanh-augmented",
            summary: "two tanh layers with the bias as the first weight column, ½ squared error",
            json: """
                {
                  "description": "Two tanh layers; each weight row starts with the bias weight. x = 2, y = 1, L = ½(z⁽²⁾ − y)².",
                  "augmented": true,
                  "input": 2,
                  "target": 1,
                  "layers": [
                    {"weights": [[0.1, 0.3], [0.2, 0.4]], "activation": "tanh"},
                    {"weights": [[0.2, 1, -3]], "activation": "tanh"}
                  ],
                  "loss": {"name": "squared_error", "scale": 0.5}
                }
                """ + "\n"),
        BuiltInExample(
            name: "softmax-cross-entropy-batch",
            summary: "softmax + cross-entropy on a batch of 3 samples, 4 classes",
            json: """
                {
                  "description": "A softmax layer on a batch of 3 samples (one per row) with 4 classes; mean cross-entropy, targets as 0-based class indices.",
                  "input": [[1, 2, 0], [0, 1, -1], [2, 0, 1]],
                  "target": [1, 3, 0],
                  "layers": [
                    {
                      "weights": [[0.5, -0.2, 0.1], [0.3, 0.8, -0.5], [-0.6, 0.1, 0.9], [0.2, 0.2, 0.2]],
                      "bias": [0, 0.1, -0.1, 0],
                      "activation": "softmax"
                    }
                  ],
                  "loss": "cross_entropy"
                }
                """ + "\n"),
        BuiltInExample(
            name: "logistic-regression-step",
            summary: "one sigmoid unit, binary cross-entropy, one gradient-descent step",
            json: """
                {
                  "description": "Logistic regression: one sigmoid unit, binary cross-entropy, and one gradient-descent step with η = 0.5.",
                  "input": [1, -2, 0.5],
                  "target": 1,
                  "layers": [
                    {"weights": [[0.4, 0.3, -1]], "bias": [0.1], "activation": "sigmoid"}
                  ],
                  "loss": "binary_cross_entropy",
                  "learning_rate": 0.5
                }
                """ + "\n"),
        BuiltInExample(
            name: "small-cnn",
            summary: "a small CNN: conv2d with 3 kernels of 2 channels, ReLU, max pool, flatten, dense softmax",
            json: """
                {
                  "description": "A small CNN on one 2 × 4 × 4 image: conv2d (3 kernels of 2 × 3 × 3, stride 2, padding 1) → ReLU → 2 × 2 max pool → flatten → dense → softmax with cross-entropy on class 1.",
                  "input": [
                    [[1, 0, 2, 1], [0, 1, 1, 0], [2, 1, 0, 1], [1, 0, 1, 2]],
                    [[0, 1, 0, 1], [1, 0, 2, 0], [0, 2, 1, 1], [1, 1, 0, 0]]
                  ],
                  "target": 1,
                  "layers": [
                    {"type": "conv2d", "stride": 2, "padding": 1, "activation": "relu",
                     "kernels": [
                       [[[1, 0, -1], [0, 1, 0], [1, 0, 0]], [[0, 1, 0], [1, 0, -1], [0, 0, 1]]],
                       [[[0, 0, 1], [1, -1, 0], [0, 1, 0]], [[1, 0, 0], [0, 1, 0], [-1, 0, 1]]],
                       [[[-1, 0, 0], [0, 0, 1], [1, 1, 0]], [[0, -1, 1], [0, 1, 0], [1, 0, 0]]]
                     ],
                     "bias": [0.5, -0.5, 1]},
                    {"type": "max_pool", "size": 2},
                    {"type": "flatten"},
                    {"weights": [[1, -1, 0.5], [-0.5, 1, 1]], "bias": [0, 0], "activation": "softmax"}
                  ],
                  "loss": "cross_entropy"
                }
                """ + "\n"),
        BuiltInExample(
            name: "batchnorm-mlp",
            summary: "a dense layer, batch norm with ReLU and a sigmoid output on a batch of 4",
            json: """
                {
                  "description": "A batch-norm MLP on a batch of 4 samples: dense 3 → 3, batch norm with ReLU, dense 3 → 1 with sigmoid, binary cross-entropy.",
                  "input": [[1, 2, 0], [0, 1, 1], [2, 0, 1], [1, 1, 2]],
                  "target": [1, 0, 1, 0],
                  "layers": [
                    {"weights": [[1, -1, 0], [0, 1, 1], [1, 0, -1]], "bias": [0, 0, 0], "activation": "identity"},
                    {"type": "batch_norm", "gamma": [1, 2, 0.5], "beta": [0.1, 0.5, 0.2], "activation": "relu"},
                    {"weights": [[1, -1, 0.5]], "bias": [0], "activation": "sigmoid"}
                  ],
                  "loss": "binary_cross_entropy"
                }
                """ + "\n"),
        BuiltInExample(
            name: "residual-mlp",
            summary: "a residual block: the skip connection's 1 in dL/dx = 0.01 (1 + 0.1 · 0.005)",
            json: """
                {
                  "description": "A residual block: z⁽³⁾ = z⁽²⁾ + x, so ∂L/∂x = ∂L/∂z⁽³⁾ · (1 + w⁽²⁾ w⁽¹⁾) = 0.01 · (1 + 0.1 · 0.005) = 0.010005.",
                  "input": [1],
                  "target": [0.9955],
                  "layers": [
                    {"weights": [[0.005]], "bias": [0], "activation": "identity"},
                    {"weights": [[0.1]], "bias": [0], "activation": "identity"},
                    {"type": "residual", "from": 0}
                  ],
                  "loss": "squared_error"
                }
                """ + "\n"),
    ]

    /// The example called `name`, if there is one.
    public static func named(_ name: String) -> BuiltInExample? {
        all.first { $0.name == name }
    }
}
