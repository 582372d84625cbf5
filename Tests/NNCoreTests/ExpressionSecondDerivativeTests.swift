import NNCore
import Testing

/// Second derivatives of random formulas against central differences of the
/// symbolic first derivative: ∂²f/∂v∂u from ``Expression/secondDerivative(withRespectTo:then:)``
/// matches (∂f/∂u(v + h) − ∂f/∂u(v − h)) / 2h wherever ∂f/∂u is finite and smooth around the point.
@Suite("Second derivatives of random expressions agree with central differences of the first")
struct ExpressionSecondDerivativeTests {
    @Test("x⁴ − 2x² + y²: ∂²/∂x² = 12x² − 4, ∂²/∂x∂y = 0, ∂²/∂y² = 2, read back by the parser")
    func polynomial() throws {
        let f = try Expression(parsing: "x^4 - 2*x^2 + y^2")
        let h = f.hessian(in: ["x", "y"])
        #expect(h[0][0].description == "12·x^2 − 4")
        #expect(h[0][1] == .number(0))
        #expect(h[1][0] == .number(0))
        #expect(h[1][1] == .number(2))
        #expect(try Expression(parsing: h[0][0].description).value(at: ["x": 1]) == 8)
        #expect(try f.secondDerivative(withRespectTo: "x", then: "x").value(at: ["x": 0]) == -4)
    }

    @Test("x³y²: the mixed partials agree (Schwarz), 6x²y both ways")
    func mixed() throws {
        let f = try Expression(parsing: "x^3*y^2")
        let xy = f.secondDerivative(withRespectTo: "x", then: "y")
        let yx = f.secondDerivative(withRespectTo: "y", then: "x")
        // 6x²y at (2, 3) = 6·4·3 = 72 (by hand).
        #expect(try xy.value(at: ["x": 2, "y": 3]) == 72)
        #expect(try yx.value(at: ["x": 2, "y": 3]) == 72)
    }

    @Test(
        "400 random formulas at random points where the first derivative is finite and smooth, the second not identically 0"
    )
    func secondDerivativesMatch() throws {
        var generator = SplitMix64(seed: 29)
        var checked = 0
        var attempts = 0
        var nonzero = 0
        while checked < 400, attempts < 40_000 {
            attempts += 1
            let function = ExpressionDerivativePropertyTests.randomExpression(
                depth: 1 + generator.nextInt(below: 4), &generator)
            let point = Dictionary(
                uniqueKeysWithValues: ExpressionDerivativePropertyTests.variables.map {
                    ($0, 4 * generator.nextUnit() - 2)
                })
            let variables = ExpressionDerivativePropertyTests.variables
            let first = variables[generator.nextInt(below: 2)]
            let second = variables[generator.nextInt(below: 2)]
            guard function.variables.contains(first) || function.variables.contains(second) else { continue }
            let gradient = function.derivative(withRespectTo: first)
            guard let value = try? gradient.value(at: point), value.isFinite, abs(value) < 1e6,
                case let symbolic = function.secondDerivative(withRespectTo: first, then: second),
                symbolic != .number(0), let analytic = try? symbolic.value(at: point), analytic.isFinite
            else { continue }
            let step = 1e-5
            guard
                let coarse = ExpressionDerivativePropertyTests.centralDifference(gradient, second, point, step: step),
                let fine = ExpressionDerivativePropertyTests.centralDifference(gradient, second, point, step: step / 2),
                coarse.isFinite, fine.isFinite, abs(coarse - fine) <= 1e-6 * (1 + abs(fine))
            else { continue }
            checked += 1
            if analytic != 0 { nonzero += 1 }
            #expect(
                analytic.isApproximatelyEqual(to: fine, absoluteTolerance: 1e-5, relativeTolerance: 1e-5),
                "∂²/∂\(second)∂\(first) \(function) at \(point): symbolic \(analytic), central difference \(fine)")
        }
        #expect(nonzero >= 300, "only \(nonzero) second derivatives were not 0")
        #expect(checked == 400, "only \(checked) of \(attempts) random formulas were finite and smooth")
    }
}
