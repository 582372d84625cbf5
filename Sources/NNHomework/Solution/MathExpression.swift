import NNCore

/// A piece of mathematical notation in a worked step.
///
/// Solvers build these; every renderer draws them in its own format (text
/// with Unicode and bracket-drawn matrices, LaTeX, Markdown). Renderers
/// decide spacing and when a negative number needs parentheses.
public indirect enum MathExpression: Sendable, Hashable {
    /// A named quantity such as a⁽¹⁾.
    case symbol(Symbol)
    /// A number, formatted by the renderer's `NumberFormat`.
    case number(Double)
    /// A number whose meaning lies beyond the usual precision, written with
    /// `decimals` decimals or the renderer's precision, whichever is more
    /// (trimmed as `NumberFormat` trims exact decimals): f(2.001) = 8.012006001.
    case preciseNumber(Double, decimals: Int)
    /// A matrix or vector drawn as a bracketed block; a 1 × 1 matrix is drawn as its number.
    case matrix(Matrix)
    /// A column vector written on one line, (2, 8, 9)ᵀ; one entry is drawn as its number.
    case inlineVector([Double])
    /// A column vector of expressions written on one line: (1, tanh(a⁽¹⁾))ᵀ.
    case vectorOf([MathExpression])
    /// Factors written side by side, meaning their product: W⁽¹⁾ z⁽⁰⁾.
    case product([MathExpression])
    /// Operands joined by an infix operator: a + b + c, u ⊙ v.
    case infix(InfixOperator, [MathExpression])
    /// A function applied to arguments: ReLU(a⁽¹⁾), tanh(0.7), max(0, x).
    case apply(FunctionName, [MathExpression])
    /// A fraction, numerator over denominator.
    case fraction(MathExpression, MathExpression)
    /// A power, base raised to exponent: (ŷ − y)².
    case power(MathExpression, MathExpression)
    /// An expression in parentheses.
    case parenthesized(MathExpression)
    /// A set written out in braces: {0.1, 0.01, 0.001}.
    case set([MathExpression])
    /// An entry picked by its indices in brackets: x[(i − 1)S + m, n].
    case indexed(MathExpression, [MathExpression])
    /// The partial derivative ∂f/∂x.
    case partial(of: MathExpression, withRespectTo: MathExpression)
    /// The second partial derivative ∂²f/∂x∂y, ∂/∂y of ∂f/∂x written as the
    /// Hessian entry is (∂²f/∂x² when the two variables are one).
    case secondPartial(of: MathExpression, withRespectTo: MathExpression, and: MathExpression)
    /// A sum Σ over the given index (Σⱼ), or over everything when nil.
    case summation(index: String?, MathExpression)
    /// |x|, the absolute value.
    case absoluteValue(MathExpression)
    /// ‖x‖, the Euclidean norm of a vector (the Frobenius norm of a matrix).
    case norm(MathExpression)
    /// ⌊x⌋, the largest integer not above x.
    case floor(MathExpression)
    /// ⌈x⌉, the smallest integer not below x.
    case ceiling(MathExpression)
    /// Words inside a formula, set upright: "if a > 0", or a unit: "min", "kWh".
    case text(String)
    /// A count, a whole number written with thousands separators: 138,357,544.
    case count(Int)
    /// A number the user gave (a learning rate, a step ε, a tolerance), written
    /// as given: the shortest decimal that reads back as the same Double,
    /// 0.1 rather than 0.10000000000000001, whatever the precision.
    case given(Double)
    /// A quantity with its unit: 700 W, 59 trials, 3.5 kWh; the unit is set
    /// upright with a thin space before it.
    case quantity(MathExpression, unit: String)
}

/// An operator written between its operands.
public enum InfixOperator: Sendable, Hashable {
    /// a + b.
    case plus
    /// a − b.
    case minus
    /// a · b, the scalar product written explicitly.
    case times
    /// a ⊙ b, the elementwise (Hadamard) product.
    case hadamard
    /// a / b written inline.
    case divide
    /// a × b, the sizes of a shape: 36 × 36 × 3.
    case cross
    /// K ⋆ X, the cross-correlation of a kernel over a map (what a convolution layer computes).
    case correlation
    /// a = b, an equation stated in prose: S = 2.
    case equals
    /// a < b, a relation: looser than every operation.
    case lessThan
    /// a ≤ b, a relation: looser than every operation.
    case lessThanOrEqual
    /// a > b, a relation: looser than every operation.
    case greaterThan
    /// a ≥ b, a relation: looser than every operation.
    case greaterThanOrEqual
    /// a ≈ b, a relation: looser than every operation.
    case approximatelyEqual
    /// a ⇔ b, two statements that are equivalent.
    case equivalent
}

/// The name of a function as applied in a formula: `ReLU`, `tanh`, `σ`, `ReLU′`.
public struct FunctionName: Sendable, Hashable {
    /// The name, e.g. "ReLU", "tanh", "σ", "softmax", "ln", "max".
    public var name: String
    /// Whether this is the derivative f′.
    public var isDerivative: Bool
    /// An optional subscript, as in softmax_β.
    public var index: String?

    /// A function name, optionally marked as a derivative.
    public init(_ name: String, isDerivative: Bool = false, index: String? = nil) {
        self.name = name
        self.isDerivative = isDerivative
        self.index = index
    }

    /// The derivative f′ of this function.
    public var derivative: FunctionName {
        FunctionName(name, isDerivative: true, index: index)
    }
}

extension MathExpression {
    /// The equation `left = right`, for a statement in prose: S = 2, n_out = ⌈n / S⌉.
    public static func equation(_ left: MathExpression, _ right: MathExpression) -> MathExpression {
        .infix(.equals, [left, right])
    }
}
