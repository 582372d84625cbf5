import NNCore
import Testing

@testable import NNHomework

/// Decodes a spec, failing the test (with the error) when it does not decode.
private func decode(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> NetworkProblem {
    do {
        return try NetworkProblem(parsing: text, source: "spec.json")
    } catch {
        Issue.record("did not decode: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A one-layer spec with the given input, target, weights, activation, loss and bias (all JSON text).
private func oneLayer(
    input: String = "[1, 2]", target: String = "1", weights: String = "[[1, 2]]",
    activation: String = "\"relu\"", loss: String = "\"squared_error\"", extra: String = "",
    bias: String = "[0]"
) -> String {
    """
    {"input": \(input), "target": \(target), \(extra)
     "layers": [{"weights": \(weights), "bias": \(bias), "activation": \(activation)}],
     "loss": \(loss)}
    """
}

@Suite("Decoding a network spec")
struct NetworkSpecTests {
    // MARK: Input

    @Test("a number is one sample with one input")
    func numberInput() throws {
        let problem = try decode(oneLayer(input: "2.5", weights: "[[3]]"))
        #expect(problem.input == Matrix(row: [2.5]))
        #expect(!problem.isBatch)
        #expect(problem.sampleCount == 1)
    }

    @Test("a vector is one sample, held as one row")
    func vectorInput() throws {
        let problem = try decode(oneLayer(input: "[1, -2]"))
        #expect(problem.input == Matrix([[1, -2]]))
        #expect(!problem.isBatch)
    }

    @Test("a matrix is a batch, one sample per row")
    func matrixInput() throws {
        let problem = try decode(oneLayer(input: "[[1, 2], [3, 4], [5, 6]]", target: "[7, 8, 9]"))
        #expect(problem.input == Matrix([[1, 2], [3, 4], [5, 6]]))
        #expect(problem.isBatch)
        #expect(problem.sampleCount == 3)
    }

    @Test("a one-row matrix is still a batch (of one)")
    func oneRowMatrixInput() throws {
        let problem = try decode(oneLayer(input: "[[1, 2]]", target: "[[4]]"))
        #expect(problem.isBatch)
        #expect(problem.target == Matrix([[4]]))
    }

    // MARK: Target

    @Test("a number is the target of a one-output network")
    func numberTarget() throws {
        let problem = try decode(oneLayer(target: "-3"))
        #expect(problem.target == Matrix([[-3]]))
        #expect(problem.classIndices == nil)
    }

    @Test("a vector is the target of a multi-output network")
    func vectorTarget() throws {
        let problem = try decode(oneLayer(target: "[0.5, -1]", weights: "[[1, 2], [3, 4]]", bias: "[0, 0]"))
        #expect(problem.target == Matrix([[0.5, -1]]))
    }

    @Test("a class index for cross-entropy becomes a one-hot row and is remembered")
    func classIndexTarget() throws {
        let problem = try decode(
            oneLayer(
                target: "2", weights: "[[1, 0], [0, 1], [1, 1]]", activation: "\"softmax\"", loss: "\"cross_entropy\"",
                bias: "[0, 0, 0]"))
        #expect(problem.target == Matrix([[0, 0, 1]]))
        #expect(problem.classIndices == [2])
    }

    @Test("a one-hot vector for cross-entropy is taken as probabilities, without class indices")
    func oneHotTarget() throws {
        let problem = try decode(
            oneLayer(
                target: "[0, 1, 0]", weights: "[[1, 0], [0, 1], [1, 1]]", activation: "\"softmax\"", loss: "\"ce\"",
                bias: "[0, 0, 0]"))
        #expect(problem.target == Matrix([[0, 1, 0]]))
        #expect(problem.classIndices == nil)
    }

    @Test("a probability vector for cross-entropy is kept as given")
    func probabilityTarget() throws {
        let problem = try decode(
            oneLayer(
                target: "[0.2, 0.5, 0.3]", weights: "[[1, 0], [0, 1], [1, 1]]", activation: "\"softmax\"",
                loss: "\"cross_entropy\"", bias: "[0, 0, 0]"))
        #expect(problem.target == Matrix([[0.2, 0.5, 0.3]]))
        #expect(problem.classIndices == nil)
    }

    @Test("a batch of class indices becomes one one-hot row per sample")
    func batchClassIndices() throws {
        let problem = try decode(
            oneLayer(
                input: "[[1, 2], [3, 4]]", target: "[1, 0]", weights: "[[1, 0], [0, 1]]",
                activation: "\"softmax\"", loss: "\"cross_entropy\"", bias: "[0, 0]"))
        #expect(problem.target == Matrix([[0, 1], [1, 0]]))
        #expect(problem.classIndices == [1, 0])
    }

    @Test("a batch of probability rows for cross-entropy")
    func batchProbabilityRows() throws {
        let problem = try decode(
            oneLayer(
                input: "[[1, 2], [3, 4]]", target: "[[0.25, 0.75], [1, 0]]", weights: "[[1, 0], [0, 1]]",
                activation: "\"softmax\"", loss: "\"cross_entropy\"", bias: "[0, 0]"))
        #expect(problem.target == Matrix([[0.25, 0.75], [1, 0]]))
        #expect(problem.classIndices == nil)
    }

    @Test("a batch target of rows, one per sample")
    func batchRows() throws {
        let problem = try decode(
            oneLayer(input: "[[1, 2], [3, 4]]", target: "[[1, 2], [3, 4]]", weights: "[[1, 0], [0, 1]]", bias: "[0, 0]")
        )
        #expect(problem.target == Matrix([[1, 2], [3, 4]]))
    }

    @Test("a batch target of a one-output network may be a flat vector, one number per sample")
    func batchFlatVector() throws {
        let problem = try decode(oneLayer(input: "[[1, 2], [3, 4], [5, 6]]", target: "[7, 8, 9]"))
        #expect(problem.target == Matrix(column: [7, 8, 9]))
        #expect(problem.target?.rows == 3 && problem.target?.columns == 1)
    }

    @Test("binary cross-entropy accepts targets in [0, 1]")
    func binaryTarget() throws {
        let problem = try decode(oneLayer(target: "0.25", activation: "\"sigmoid\"", loss: "\"bce\""))
        #expect(problem.target == Matrix([[0.25]]))
        #expect(problem.network.loss == Loss(.binaryCrossEntropy))
    }

    // MARK: Activations

    static let activations: [(json: String, expected: Activation)] = [
        ("\"identity\"", Activation(.identity)),
        ("\"linear\"", Activation(.identity)),
        ("\"none\"", Activation(.identity)),
        ("\"relu\"", Activation(.relu)),
        ("\"ReLU\"", Activation(.relu)),
        ("\"leaky_relu\"", Activation(.leakyReLU(alpha: 0.01))),
        ("\"leaky-relu\"", Activation(.leakyReLU(alpha: 0.01))),
        ("\"lrelu\"", Activation(.leakyReLU(alpha: 0.01))),
        ("\"tanh\"", Activation(.tanh)),
        ("\"sigmoid\"", Activation(.sigmoid)),
        ("\"logistic\"", Activation(.sigmoid)),
        ("\"gelu\"", Activation(.gelu(.exact))),
        ("\"softmax\"", Activation(.softmax(beta: 1))),
        ("{\"name\": \"leaky_relu\", \"alpha\": 0.2}", Activation(.leakyReLU(alpha: 0.2))),
        ("{\"name\": \"Leaky-ReLU\", \"alpha\": 0.3, \"scale\": 2}", Activation(.leakyReLU(alpha: 0.3), scale: 2)),
        ("{\"name\": \"gelu\", \"approximate\": \"tanh\"}", Activation(.gelu(.tanhApproximation))),
        ("{\"name\": \"gelu\", \"approximate\": \"none\"}", Activation(.gelu(.exact))),
        ("{\"name\": \"gelu\", \"approximate\": true}", Activation(.gelu(.tanhApproximation))),
        ("{\"name\": \"gelu\", \"approximate\": false}", Activation(.gelu(.exact))),
        ("{\"name\": \"softmax\", \"beta\": 2.5}", Activation(.softmax(beta: 2.5))),
        ("{\"name\": \"relu\", \"scale\": 3}", Activation(.relu, scale: 3)),
        ("{\"name\": \"tanh\", \"scale\": -0.5}", Activation(.tanh, scale: -0.5)),
        ("{\"name\": \"logistic\"}", Activation(.sigmoid)),
    ]

    @Test("activations by name, alias and object with parameters", arguments: activations)
    func activation(json: String, expected: Activation) throws {
        let problem = try decode(oneLayer(activation: json))
        #expect(problem.network.layers[0].activation == expected)
    }

    // MARK: Losses

    static let losses: [(json: String, expected: Loss)] = [
        ("\"squared_error\"", Loss(.squaredError(scale: 1))),
        ("\"sse\"", Loss(.squaredError(scale: 1))),
        ("\"Squared-Error\"", Loss(.squaredError(scale: 1))),
        ("\"mse\"", Loss(.meanSquaredError)),
        ("\"mean_squared_error\"", Loss(.meanSquaredError)),
        ("\"binary_cross_entropy\"", Loss(.binaryCrossEntropy)),
        ("\"log_loss\"", Loss(.binaryCrossEntropy)),
        ("{\"name\": \"squared_error\", \"scale\": 0.5}", Loss(.squaredError(scale: 0.5))),
        (
            "{\"name\": \"squared_error\", \"scale\": 0.5, \"reduction\": \"sum\"}",
            Loss(.squaredError(scale: 0.5), reduction: .sum)
        ),
        ("{\"name\": \"mse\", \"reduction\": \"mean\"}", Loss(.meanSquaredError, reduction: .mean)),
        ("{\"name\": \"bce\", \"reduction\": \"sum\"}", Loss(.binaryCrossEntropy, reduction: .sum)),
    ]

    @Test("losses by name, alias and object with scale and reduction", arguments: losses)
    func loss(json: String, expected: Loss) throws {
        let problem = try decode(oneLayer(target: "0.5", activation: "\"sigmoid\"", loss: json))
        #expect(problem.network.loss == expected)
    }

    @Test(
        "cross-entropy by name and alias, with a reduction",
        arguments: [
            ("\"cross_entropy\"", Loss(.crossEntropy)),
            ("\"categorical_cross_entropy\"", Loss(.crossEntropy)),
            ("\"nll\"", Loss(.crossEntropy)),
            ("{\"name\": \"ce\", \"reduction\": \"sum\"}", Loss(.crossEntropy, reduction: .sum)),
        ])
    func crossEntropy(json: String, expected: Loss) throws {
        let problem = try decode(
            oneLayer(target: "0", weights: "[[1, 0], [0, 1]]", activation: "\"softmax\"", loss: json, bias: "[0, 0]"))
        #expect(problem.network.loss == expected)
    }

    // MARK: Layers and options

    @Test("augmented: the first weight column is the bias, the rest are the weights")
    func augmented() throws {
        let problem = try decode(
            """
            {"augmented": true, "input": 2, "target": 1,
             "layers": [{"weights": [[0.1, 0.3], [0.2, 0.4]], "activation": "tanh"},
                        {"weights": [[0.2, 1, -3]], "activation": "tanh"}],
             "loss": "sse"}
            """)
        #expect(problem.isAugmented)
        #expect(problem.hasBias == [true, true])
        let first = problem.network.layers[0]
        #expect(first.weights == Matrix([[0.3], [0.4]]))
        #expect(first.bias == [0.1, 0.2])
        let second = problem.network.layers[1]
        #expect(second.weights == Matrix([[1, -3]]))
        #expect(second.bias == [0.2])
    }

    @Test("a layer without bias gets b = 0 and is marked as having none")
    func layerWithoutBias() throws {
        let problem = try decode(
            """
            {"input": [1, 2], "target": 1,
             "layers": [{"weights": [[1, 2], [3, 4]], "activation": "relu"},
                        {"weights": [[5, 6]], "bias": 7, "activation": "identity"}],
             "loss": "sse"}
            """)
        #expect(problem.network.layers[0].bias == [0, 0])
        #expect(problem.network.layers[1].bias == [7])
        #expect(problem.hasBias == [false, true])
        #expect(!problem.isAugmented)
    }

    @Test("weights and bias are read as given: out × in, one bias per unit")
    func weightsAndBias() throws {
        let problem = try decode(
            """
            {"input": [1, 2, 3], "target": [0, 0],
             "layers": [{"weights": [[1, 2, 3], [-4, 5.5, 6]], "bias": [0.5, -1], "activation": "identity"}],
             "loss": "squared_error"}
            """)
        let layer = problem.network.layers[0]
        #expect(layer.weights == Matrix([[1, 2, 3], [-4, 5.5, 6]]))
        #expect(layer.bias == [0.5, -1])
    }

    @Test("learning_rate and description are read; both are optional")
    func learningRateAndDescription() throws {
        let given = try decode(oneLayer(extra: "\"learning_rate\": 0.05, \"description\": \"Exercise 3: one step.\","))
        #expect(given.learningRate == 0.05)
        #expect(given.description == "Exercise 3: one step.")
        let absent = try decode(oneLayer())
        #expect(absent.learningRate == nil)
        #expect(absent.description == nil)
        #expect(!absent.isAugmented)
    }

    @Test("the loss can come before the layers; key order does not matter")
    func keyOrder() throws {
        let problem = try decode(
            """
            {"loss": "mse", "layers": [{"activation": "tanh", "weights": [[2]]}], "target": 0, "input": 1}
            """)
        #expect(problem.network.loss == Loss(.meanSquaredError))
        #expect(problem.network.layers[0] == Dense(weights: Matrix([[2]]), bias: [0], activation: Activation(.tanh)))
    }
}
