import NNCore
import Testing

/// Symbolic derivatives of random formulas against central differences at
/// random points: wherever f is finite and smooth around the point, ∂f/∂v from
/// ``Expression/derivative(withRespectTo:)`` matches (f(v + h) − f(v − h)) / 2h.
@Suite("Symbolic derivatives of random expressions agree with central differences")
struct ExpressionDerivativePropertyTests {
    static let variables = ["x", "y"]

    /// A random formula in x and y of at most `depth` levels, using every operator and function.
    static func randomExpression(depth: Int, _ generator: inout SplitMix64) -> Expression {
        let choice = depth == 0 ? generator.nextInt(below: 2) : generator.nextInt(below: 6)
        switch choice {
        case 0: return .variable(variables[generator.nextInt(below: variables.count)])
        case 1: return .number(Double(generator.nextInt(below: 7) - 3) + 0.5)
        case 2: return .negation(randomExpression(depth: depth - 1, &generator))
        case 3:
            let exponent = Double([2, 3, -1, -2][generator.nextInt(below: 4)])
            return .binary(.power, randomExpression(depth: depth - 1, &generator), .number(exponent))
        case 4:
            let operators: [BinaryOperator] = [.add, .subtract, .multiply, .divide, .power]
            return .binary(
                operators[generator.nextInt(below: operators.count)], randomExpression(depth: depth - 1, &generator),
                randomExpression(depth: depth - 1, &generator))
        default:
            let function = ExpressionFunction.allCases[generator.nextInt(below: ExpressionFunction.allCases.count)]
            return .call(function, (0..<function.arity).map { _ in randomExpression(depth: depth - 1, &generator) })
        }
    }

    /// The central difference of f in `variable` at `point` with step h.
    static func centralDifference(
        _ function: Expression, _ variable: String, _ point: [String: Double], step: Double
    ) -> Double? {
        guard let x = point[variable],
            let upper = try? function.value(at: point, setting: variable, to: x + step),
            let lower = try? function.value(at: point, setting: variable, to: x - step)
        else { return nil }
        return (upper - lower) / (2 * step)
    }

    @Test("500 random formulas at random points where f is finite and smooth")
    func derivativesMatch() throws {
        var generator = SplitMix64(seed: 8)
        var checked = 0
        var attempts = 0
        var functionsSeen: Set<ExpressionFunction> = []
        while checked < 500, attempts < 20_000 {
            attempts += 1
            let function = Self.randomExpression(depth: 1 + generator.nextInt(below: 4), &generator)
            let point = Dictionary(uniqueKeysWithValues: Self.variables.map { ($0, 4 * generator.nextUnit() - 2) })
            guard let variable = function.variables.first, let value = try? function.value(at: point), value.isFinite,
                abs(value) < 1e6,
                let analytic = try? function.derivative(withRespectTo: variable).value(at: point), analytic.isFinite
            else { continue }
            // Skip points near a kink or a pole: there the two step sizes disagree.
            let step = 1e-5
            guard let coarse = Self.centralDifference(function, variable, point, step: step),
                let fine = Self.centralDifference(function, variable, point, step: step / 2), coarse.isFinite,
                fine.isFinite, abs(coarse - fine) <= 1e-6 * (1 + abs(fine))
            else { continue }
            checked += 1
            collectFunctions(function, into: &functionsSeen)
            #expect(
                analytic.isApproximatelyEqual(to: fine, absoluteTolerance: 1e-5, relativeTolerance: 1e-5),
                "∂/∂\(variable) \(function) at \(point): symbolic \(analytic), central difference \(fine)")
        }
        #expect(checked == 500, "only \(checked) of \(attempts) random formulas were finite and smooth")
        #expect(functionsSeen == Set(ExpressionFunction.allCases))
    }

    private func collectFunctions(_ expression: Expression, into seen: inout Set<ExpressionFunction>) {
        switch expression {
        case .number, .variable: break
        case .negation(let operand): collectFunctions(operand, into: &seen)
        case .binary(_, let left, let right):
            collectFunctions(left, into: &seen)
            collectFunctions(right, into: &seen)
        case .call(let function, let arguments):
            seen.insert(function)
            for argument in arguments { collectFunctions(argument, into: &seen) }
        }
    }
}
