import NNCore

/// A function of one variable to plot: its legend entry, how to evaluate it,
/// and the points where it or its slope jumps.
public struct FunctionCurve: Sendable {
    /// The legend entry, in Unicode notation: "ReLU′(x)".
    public var name: String
    /// f(x).
    public var evaluate: @Sendable (Double) -> Double
    /// The kinks and jumps of f, exactly.
    public var breaks: [CurveSampler.Break]

    /// A curve with the given parts.
    public init(name: String, evaluate: @escaping @Sendable (Double) -> Double, breaks: [CurveSampler.Break] = []) {
        self.name = name
        self.evaluate = evaluate
        self.breaks = breaks
    }

    /// The activation f, or its derivative f′ with the value at each kink PyTorch's backward takes.
    public static func activation(_ activation: Activation, derivative: Bool, variable: String = "x") -> FunctionCurve {
        let notation = ActivationNotation(activation: activation)
        let argument = MathExpression.symbol(Symbol(variable))
        let shown = derivative ? notation.derivative(of: argument) : notation.applied(to: argument)
        let name = PictureText.plain(Prose(shown))
        let breaks = activation.function.kinks.map { CurveSampler.Break($0, marksKink: !derivative) }
        if derivative {
            return FunctionCurve(name: name, evaluate: { activation.derivative($0) }, breaks: breaks)
        }
        return FunctionCurve(name: name, evaluate: { activation.value($0) }, breaks: breaks)
    }

    /// The formula f of one variable, or its symbolic derivative; the kinks are
    /// where an argument of abs, relu, sign, step, max or min changes sign in `lower`…`upper`.
    public static func formula(
        _ f: Expression, variable: String, derivative: Bool, from lower: Double, to upper: Double
    ) -> FunctionCurve {
        let shown = derivative ? f.derivative(withRespectTo: variable).simplified() : f
        let evaluate: @Sendable (Double) -> Double = { x in (try? shown.value(at: [variable: x])) ?? .nan }
        var breaks: [CurveSampler.Break] = []
        for argument in f.kinkArguments {
            for x in Self.zeros(of: argument, variable: variable, from: lower, to: upper) {
                breaks.append(CurveSampler.Break(x, marksKink: !derivative))
            }
        }
        let symbol = MathExpression.symbol(Symbol(variable))
        let name: MathExpression =
            derivative
            ? .apply(FunctionName("f", isDerivative: true), [symbol]) : .apply(FunctionName("f"), [symbol])
        return FunctionCurve(name: PictureText.plain(Prose(name)), evaluate: evaluate, breaks: breaks)
    }

    /// The points of `lower`…`upper` where `u` changes sign or is 0, found on a
    /// grid of 2000 steps and narrowed by bisection to a floating-point neighbour.
    static func zeros(of u: Expression, variable: String, from lower: Double, to upper: Double) -> [Double] {
        func value(_ x: Double) -> Double { (try? u.value(at: [variable: x])) ?? .nan }
        var result: [Double] = []
        let steps = 2000
        var previous = (x: lower, y: value(lower))
        for i in 1...steps {
            let x = lower + (upper - lower) * Double(i) / Double(steps)
            let y = value(x)
            defer { previous = (x, y) }
            guard previous.y.isFinite, y.isFinite else { continue }
            if y == 0 {
                if result.last != x { result.append(x) }
                continue
            }
            guard previous.y != 0, (previous.y < 0) != (y < 0) else { continue }
            var a = previous
            var b = (x: x, y: y)
            for _ in 0..<200 {
                let middle = (a.x + b.x) / 2
                guard middle != a.x, middle != b.x else { break }
                let v = value(middle)
                if v == 0 {
                    a = (middle, v)
                    b = a
                    break
                }
                if (v < 0) == (a.y < 0) { a = (middle, v) } else { b = (middle, v) }
            }
            let zero = abs(a.y) <= abs(b.y) ? a.x : b.x
            result.append(Self.snapped(zero))
        }
        return result
    }

    /// `x` rounded to 12 significant decimals when that is a round number, so a kink found at 1e-17 is drawn at 0.
    private static func snapped(_ x: Double) -> Double {
        abs(x) < 1e-12 ? 0 : x
    }
}
