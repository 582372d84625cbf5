import NNCore

/// The steps of a second-derivative test after the entries of H: the gradient
/// and whether the point is critical, H, det H, the leading principal minors,
/// the eigenvalues and the verdict; and the point's JSON entry.
struct HessianReport {
    let test: SecondDerivativeTest
    /// Where the point's entry sits in the result: `points[k]`.
    let path: String
    /// Whether H and ∇f are small enough to write out in full.
    var showsMatrices = true

    /// The test of `test` at the result path `path`.
    init(test: SecondDerivativeTest, path: String) {
        self.test = test
        self.path = path
    }

    /// Adds the steps and the verdict to the current section of `solution`.
    func write(
        into solution: inout Solution, gradientSymbol: MathExpression, partialSymbol: MathExpression, function: Prose
    ) {
        let h = test.hessian
        let n = h.rows
        let hSymbol = MathExpression.symbol(Symbol("H"))
        if showsMatrices {
            solution.addStep(gradientSymbol, [.inlineVector(test.gradient)], producing: ["\(path).gradient"])
            solution.addStep(hSymbol, [.matrix(h)], producing: ["\(path).hessian"])
        } else {
            let largest = test.gradient.map(\.magnitude).max() ?? 0
            solution.addStep(
                .apply(FunctionName("max"), [.absoluteValue(partialSymbol)]), [.number(largest)],
                producing: ["\(path).gradient"])
        }
        let determinant = h.determinant
        let det = MathExpression.apply(FunctionName("det"), [hSymbol])
        if n == 2 {
            let entry = { (i: Int, j: Int) in MathExpression.symbol(Symbol("H", index: "\(i)\(j)")) }
            solution.addStep(
                det,
                [
                    .infix(.minus, [.product([entry(1, 1), entry(2, 2)]), .power(entry(1, 2), .number(2))]),
                    .infix(
                        .minus,
                        [.infix(.times, [.number(h[0, 0]), .number(h[1, 1])]), .power(.number(h[0, 1]), .number(2))]),
                    .number(determinant),
                ], producing: ["\(path).determinant"])
        } else {
            solution.addStep(det, [.number(determinant)], producing: ["\(path).determinant"])
        }
        if showsMatrices && n > 1 {
            for (k, minor) in h.leadingPrincipalMinors.enumerated() {
                solution.addStep(
                    .symbol(Symbol("D", index: "\(k + 1)")), [.number(minor)],
                    note: k == 0
                        ? "leading principal minors: det of the top-left \(MathExpression.infix(.cross, [.symbol(Symbol("k")), .symbol(Symbol("k"))])) block"
                        : nil,
                    producing: ["\(path).leading_minors[\(k)]"])
            }
        }
        let eigenvalues = test.eigen.eigenvalues
        if showsMatrices || eigenvalues.count <= 12 {
            for (k, lambda) in eigenvalues.enumerated() {
                solution.addStep(
                    .symbol(Symbol("λ", index: "\(k + 1)")), [.number(lambda)],
                    note: k == 0 ? "eigenvalues of \(Symbol("H")), ascending (Jacobi rotations)" : nil,
                    producing: ["\(path).eigenvalues[\(k)]"])
            }
        } else {
            let count = eigenvalues.count
            solution.addStep(
                .symbol(Symbol("λ", index: "1")), [.number(eigenvalues[0])],
                note: "the smallest eigenvalue of \(Symbol("H"))",
                producing: ["\(path).eigenvalues[0]"])
            solution.addStep(
                .symbol(Symbol("λ", index: "\(count)")), [.number(eigenvalues[count - 1])],
                note: "the largest of its \(count) eigenvalues", producing: ["\(path).eigenvalues[\(count - 1)]"])
        }
        solution.addRemark(
            test.verdict(gradientSymbol: gradientSymbol, partialSymbol: partialSymbol, function: function))
    }

    /// The point's JSON entry: `point`, `value`, `gradient`, `critical`, `hessian`,
    /// `determinant`, `leading_minors`, `eigenvalues` (ascending), `eigenvectors`
    /// (column k for eigenvalue k) and `classification` (null when not critical).
    func result(point: JSONValue, value: Double) -> JSONValue {
        let matrix = { (m: Matrix) in JSONValue.array(m.rowArrays.map { .array($0.map(JSONValue.number)) }) }
        return .object([
            JSONMember("point", point),
            JSONMember("value", .number(value)),
            JSONMember("gradient", .array(test.gradient.map(JSONValue.number))),
            JSONMember("critical", .bool(test.isCritical)),
            JSONMember("hessian", matrix(test.hessian)),
            JSONMember("determinant", .number(test.hessian.determinant)),
            JSONMember("leading_minors", .array(test.hessian.leadingPrincipalMinors.map(JSONValue.number))),
            JSONMember("eigenvalues", .array(test.eigen.eigenvalues.map(JSONValue.number))),
            JSONMember("eigenvectors", matrix(test.eigen.eigenvectors)),
            JSONMember("classification", test.classification.map { .string($0.rawValue) } ?? .null),
            JSONMember("curvature", .string(test.curvature.rawValue)),
        ])
    }
}
