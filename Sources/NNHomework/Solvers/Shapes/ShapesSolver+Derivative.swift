import NNCore

extension ShapesSolver {
    /// The shape of ∂y/∂x in numerator layout ((∂y/∂x)ᵢⱼ = ∂yᵢ/∂xⱼ, y's axes
    /// first) and in denominator layout ((∂y/∂x)ᵢⱼ = ∂yⱼ/∂xᵢ, x's axes first):
    /// 1 × n, m × 1 and m × n for ∂y/∂x⃗, ∂y⃗/∂x and ∂y⃗/∂x⃗ in numerator layout,
    /// their transposes in denominator layout; q × p for a scalar by a p × q
    /// matrix in numerator layout (p × q in denominator layout), p × q for a
    /// matrix by a scalar (q × p); any other pair is a tensor of y's axes then
    /// x's (x's then y's).
    ///
    /// - Throws: an invalid-data ``InputError`` at `--dy` when a count passes 2⁵³.
    public func solve(_ shape: DerivativeShape) throws(InputError) -> Solution {
        let (numerator, denominator) = Self.layouts(y: shape.y, x: shape.x)
        let entries: Int
        let bytes: Int
        do {
            entries = try Count.product(numerator, of: "the entry count of ∂y/∂x")
            bytes = try Count.product([entries, shape.bytes], of: "the byte count of ∂y/∂x")
        } catch {
            throw InputError(at: "--dy", .described(error.description, prefix: ""))
        }
        let y = MathExpression.symbol(Symbol(shape.y.count == 2 ? "Y" : "y"))
        let x = MathExpression.symbol(Symbol(shape.x.count == 2 ? "X" : "x"))
        let derivative = MathExpression.partial(of: y, withRespectTo: x)
        let (numeratorEntry, denominatorEntry) = Self.entries(y: shape.y, x: shape.x)
        let isTensor = shape.y.count + shape.x.count > 2 && !(shape.y.isEmpty || shape.x.isEmpty)
        var preamble: [Prose] = [
            "\(y) is \(Self.kind(shape.y)) and \(x) is \(Self.kind(shape.x)).",
            "Numerator layout (the Jacobian's): \(numeratorEntry).",
            "Denominator layout (the gradient's): \(denominatorEntry)" + (isTensor ? "." : ", its transpose."),
        ]
        if isTensor {
            preamble.append(
                "With a matrix and a vector or two matrices there is no two-dimensional layout: \(derivative) is a "
                    + "tensor with \(y)'s axes first in numerator order and \(x)'s first in denominator order.")
        }
        var solution = Solution(
            title:
                "Shape of \(derivative) \(Prose.titleSeparator) \(y): \(Self.kind(shape.y)) \(Prose.titleSeparator) \(x): \(Self.kind(shape.x))",
            preamble: preamble)
        solution.beginSection("Shape")
        solution.addStep(
            .apply(FunctionName("shape"), [derivative]), [Self.shape(numerator)], note: "numerator layout",
            producing: ["shape"])
        solution.addStep(
            .apply(FunctionName("shape"), [derivative]), [Self.shape(denominator)], note: "denominator layout",
            producing: ["denominator_shape"])
        solution.addStep(
            .apply(FunctionName("entries"), [derivative]),
            numerator.count > 1
                ? [.infix(.times, numerator.map(MathExpression.count)), .count(entries)] : [.count(entries)],
            producing: ["entries"])
        solution.addStep(
            .apply(FunctionName("bytes"), [derivative]),
            [.infix(.times, [Quantity.count(shape.bytes, "B"), .count(entries)]), Quantity.count(bytes, "B")],
            producing: ["bytes"])
        solution.result = .object([
            JSONMember("shape", Self.json(numerator)), JSONMember("layout", .string("numerator")),
            JSONMember("denominator_shape", Self.json(denominator)), JSONMember("entries", .number(Double(entries))),
            JSONMember("bytes", .number(Double(bytes))),
        ])
        return solution
    }

    /// The shapes of ∂y/∂x in numerator and in denominator layout, for y and x of the given sizes ([] a scalar).
    static func layouts(y: [Int], x: [Int]) -> (numerator: [Int], denominator: [Int]) {
        switch (y.count, x.count) {
        case (0...1, 0...1):
            let m = y.first ?? 1
            let n = x.first ?? 1
            return ([m, n], [n, m])
        case (0, 2): return ([x[1], x[0]], x)
        case (2, 0): return (y, [y[1], y[0]])
        default: return (y + x, x + y)
        }
    }

    /// The entry of ∂y/∂x at its indices in numerator and in denominator layout:
    /// (∂y/∂x)ᵢⱼ = ∂yᵢ/∂xⱼ and ∂yⱼ/∂xᵢ; (∂y/∂X)ᵢⱼ = ∂y/∂Xⱼᵢ and ∂y/∂Xᵢⱼ; a tensor's indices y's then x's.
    static func entries(y: [Int], x: [Int]) -> (numerator: MathExpression, denominator: MathExpression) {
        let yLetter = y.count == 2 ? "Y" : "y"
        let xLetter = x.count == 2 ? "X" : "x"
        func entry(_ yIndex: String?, _ xIndex: String?, _ indices: [String]) -> MathExpression {
            let whole = MathExpression.partial(of: .symbol(Symbol(yLetter)), withRespectTo: .symbol(Symbol(xLetter)))
            let part = MathExpression.partial(
                of: .symbol(Symbol(yLetter, index: yIndex)), withRespectTo: .symbol(Symbol(xLetter, index: xIndex)))
            return .equation(.indexed(.parenthesized(whole), indices.map { .symbol(Symbol($0)) }), part)
        }
        switch (y.count, x.count) {
        case (0, 2): return (entry(nil, "ji", ["i", "j"]), entry(nil, "ij", ["i", "j"]))
        case (2, 0): return (entry("ij", nil, ["i", "j"]), entry("ji", nil, ["i", "j"]))
        case (0...1, 0...1):
            return (
                entry(y.isEmpty ? nil : "i", x.isEmpty ? nil : "j", ["i", "j"]),
                entry(y.isEmpty ? nil : "j", x.isEmpty ? nil : "i", ["i", "j"])
            )
        default:
            let letters = ["i", "j", "k", "l"]
            let yIndices = Array(letters.prefix(y.count))
            let xIndices = Array(letters.dropFirst(y.count).prefix(x.count))
            let numerator = entry(
                yIndices.isEmpty ? nil : yIndices.joined(), xIndices.isEmpty ? nil : xIndices.joined(),
                yIndices + xIndices)
            let denominatorX = Array(letters.prefix(x.count))
            let denominatorY = Array(letters.dropFirst(x.count).prefix(y.count))
            let denominator = entry(
                denominatorY.isEmpty ? nil : denominatorY.joined(), denominatorX.isEmpty ? nil : denominatorX.joined(),
                denominatorX + denominatorY)
            return (numerator, denominator)
        }
    }

    /// "a scalar", "a vector of 5", "a 3 × 4 matrix".
    static func kind(_ sizes: [Int]) -> Prose {
        switch sizes.count {
        case 0: "a scalar"
        case 1: "a vector of \(sizes[0])"
        default: "a \(shape(sizes)) matrix"
        }
    }
}
