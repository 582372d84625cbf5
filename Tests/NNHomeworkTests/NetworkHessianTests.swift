import NNCore
import Testing

@testable import NNHomework

@Suite("The Hessian of a network's loss, by differences of backpropagation")
struct NetworkHessianTests {
    /// A 2-2-1 network, tanh then sigmoid, squared error: 9 parameters.
    static let spec = """
        {"input": [0.7, -1.2], "target": 0.3,
         "layers": [{"weights": [[0.5, -0.4], [0.9, 0.2]], "bias": [0.1, -0.3], "activation": "tanh"},
                    {"weights": [[1.1, -0.8]], "bias": [0.2], "activation": "sigmoid"}],
         "loss": "squared_error"}
        """

    /// ∂²L/∂wᵢ∂wⱼ from the loss alone, by the four-point central difference
    /// (L(+h, +h) − L(+h, −h) − L(−h, +h) + L(−h, −h)) / 4h², independent of backpropagation.
    static func lossHessian(_ problem: NetworkProblem, _ parameters: [Parameter], step h: Double) throws -> Matrix {
        let target = try #require(problem.target)
        let n = parameters.count
        var result = Matrix(rows: n, columns: n)
        func loss(_ moves: [(Int, Double)]) -> Double {
            var network = problem.network
            for (index, move) in moves { network[parameters[index]] += move }
            return network.loss(input: problem.input, target: target)
        }
        for i in 0..<n {
            for j in 0..<n {
                let value =
                    loss([(i, h), (j, h)]) - loss([(i, h), (j, -h)]) - loss([(i, -h), (j, h)])
                    + loss([(i, -h), (j, -h)])
                result[i, j] = value / (4 * h * h)
            }
        }
        return result
    }

    @Test("a 9-parameter network: H from backpropagation agrees with the loss's own second differences to 1e-6")
    func againstLossDifferences() throws {
        let problem = try NetworkProblem(parsing: Self.spec, source: "spec")
        let parameters = NetworkHessianSolver.parameters(of: problem)
        #expect(parameters.count == 9)
        let target = try #require(problem.target)
        let (gradient, hessian, asymmetry) = NetworkHessianSolver.hessian(
            of: problem, in: parameters, step: 1e-5, target: target)
        let reference = try Self.lossHessian(problem, parameters, step: 1e-4)
        let difference = zip(hessian.elements, reference.elements).map { ($0 - $1).magnitude }.max() ?? 0
        #expect(difference < 1e-6, "max |H − H_ref| = \(difference)")
        #expect(asymmetry < 1e-8)
        #expect(hessian.elements.contains { $0.magnitude > 0.01 }, "a Hessian of zeros would agree trivially")
        let backward = problem.network.backward(problem.network.forward(problem.input), target: target)
        #expect(gradient == parameters.map { backward[$0] })

        let solution = try NetworkHessianSolver().solve(problem)
        guard case .object(let members) = solution.result,
            case .array(let points)? = members.first(where: { $0.key == "points" })?.value,
            case .object(let point)? = points.first,
            case .array(let eigenvalues)? = point.first(where: { $0.key == "eigenvalues" })?.value
        else {
            Issue.record("no eigenvalues in the result")
            return
        }
        let expected = SymmetricEigen(hessian).eigenvalues
        #expect(eigenvalues == expected.map(JSONValue.number))
    }

    @Test("a layer without a bias contributes only its weights")
    func noBias() throws {
        let spec = """
            {"input": [1, 2], "target": 0,
             "layers": [{"weights": [[0.5, -0.5]], "activation": "identity"}], "loss": "squared_error"}
            """
        let problem = try NetworkProblem(parsing: spec, source: "spec")
        #expect(NetworkHessianSolver.parameters(of: problem).count == 2)
    }
}
