import NNCore

/// What `nnhw plot` draws: activations and losses of the catalogue by name,
/// or a formula `--f` of one variable, or their derivatives, over a range.
public struct PlotProblem: Sendable {
    /// The curves.
    public var curves: [FunctionCurve]
    /// The range of x.
    public var lower: Double
    /// The upper end of the range of x.
    public var upper: Double
    /// The y range asked for, each end nil to fit it to the curves.
    public var yRange: (lower: Double?, upper: Double?)
    /// The title.
    public var title: String
    /// The label of the x axis.
    public var xLabel: String
    /// The label of the y axis.
    public var yLabel: String

    /// At most this many curves in one plot.
    public static let maximumCurves = 8

    /// The problem of `nnhw plot NAME… | --f F [--var V]` with `--derivative`,
    /// `--from`, `--to`, `--ymin`, `--ymax`, `--title`, `--xlabel`, `--ylabel`.
    ///
    /// - Throws: a usage error for neither or both of NAME and `--f`, an empty
    ///   range, a formula that does not parse or has not one variable; an
    ///   invalid-data error for a name in neither catalogue.
    public init(options: OptionValues) throws(InputError) {
        let names = options.texts("NAME")
        let derivative = options.has("--derivative")
        let prime = derivative ? "′" : ""
        if names.isEmpty && options.text("--f") == nil {
            throw InputError(at: "NAME", .missing(give: "an activation or loss name, or --f \"formula\""))
        }
        if !names.isEmpty && options.text("--f") != nil { throw InputError(at: "--f", .eitherNotBoth("NAME", "--f")) }
        guard names.count <= Self.maximumCurves else {
            throw InputError(
                at: "NAME", .invalid("at most \(Self.maximumCurves) curves in one plot, got \(names.count)"))
        }
        var defaultRange = (lower: -3.0, upper: 3.0)
        var xLabel = "x"
        var yLabel = derivative ? "f′(x)" : "f(x)"
        var title = ""
        if let formula = options.text("--f") {
            let f: Expression
            do {
                f = try Expression(parsing: formula)
            } catch {
                throw InputError(at: "--f", .invalid(error.description))
            }
            let variable = try Self.variable(of: f, options)
            lower = options.number("--from") ?? defaultRange.lower
            upper = options.number("--to") ?? defaultRange.upper
            try Self.checkRange(lower, upper)
            curves = [FunctionCurve.formula(f, variable: variable, derivative: derivative, from: lower, to: upper)]
            xLabel = PictureText.plain(Prose(.variable(variable)))
            let shown = derivative ? f.derivative(withRespectTo: variable).simplified() : f
            let name = derivative ? "f′" : "f"
            title = "\(name)(\(xLabel)) = " + PictureText.plain(Prose(MathExpression(shown, division: .slash)))
            yLabel = "\(name)(\(xLabel))"
        } else {
            var built: [FunctionCurve] = []
            var words: [String] = []
            for name in names {
                let isActivation = ActivationSpec.names.contains {
                    $0.name == name.lowercased() || $0.aliases.contains(name.lowercased())
                }
                if !isActivation && LossSpec.canonicalName(name) == nil {
                    let all = ActivationSpec.names.map(\.name) + LossSpec.names.map(\.name)
                    let aliases = ActivationSpec.names.flatMap(\.aliases) + LossSpec.names.flatMap(\.aliases)
                    throw InputError(
                        at: "NAME",
                        .unknownName(
                            name, kind: "activation or loss", names: all,
                            suggestion: closestMatch(to: name, among: all + aliases)))
                }
                if isActivation {
                    let activation = try ActivationSpec.make(
                        name: name, parameters: ActivationSpec.Parameters(), at: "NAME")
                    guard activation.isElementwise else {
                        throw InputError(
                            at: "NAME", .invalid("softmax works on a whole vector and has no curve of one variable"))
                    }
                    built.append(FunctionCurve.activation(activation, derivative: derivative))
                    words.append(PictureText.plain(ActivationNotation(activation: activation).summary))
                } else {
                    let loss = try LossSpec.decode(JSONCursor(value: .string(name), path: "", rootName: "NAME"))
                    let slice = LossCurve(loss)
                    built.append(slice.curve(derivative: derivative))
                    words.append(PictureText.plain(LossNotation.words(loss.function)))
                    if names.count == 1 {
                        defaultRange = (slice.lower, slice.upper)
                        xLabel = slice.axisLabel
                        yLabel = "ℓ\(prime)(\(slice.variable))"
                    }
                }
            }
            curves = built
            lower = options.number("--from") ?? defaultRange.lower
            upper = options.number("--to") ?? defaultRange.upper
            try Self.checkRange(lower, upper)
            if names.count > 1 { yLabel = derivative ? "f′(x)" : "f(x)" }
            title = (derivative ? "Derivatives: " : "") + words.joined(separator: ", ")
        }
        yRange = (options.number("--ymin"), options.number("--ymax"))
        for (name, y) in [("--ymin", yRange.lower), ("--ymax", yRange.upper)] {
            guard let y, abs(y) > FunctionPlot.limit else { continue }
            throw InputError(at: name, .invalid("must lie within ±10^12, got \(specText(y))"))
        }
        if let low = yRange.lower, let high = yRange.upper, low >= high {
            throw InputError(at: "--ymax", .invalid("must be greater than --ymin (\(specText(low)))"))
        }
        self.title = options.text("--title") ?? title
        self.xLabel = options.text("--xlabel") ?? xLabel
        self.yLabel = options.text("--ylabel") ?? yLabel
    }

    /// The plot.
    public var plot: Plot {
        FunctionPlot.plot(
            curves, from: lower, to: upper, title: title, xLabel: xLabel, yLabel: yLabel, yRange: yRange)
    }

    /// The variable of a formula: `--var`, or its one variable.
    private static func variable(of f: Expression, _ options: OptionValues) throws(InputError) -> String {
        let used = f.variables
        if let given = options.text("--var") {
            guard used.contains(given) || used.isEmpty else {
                throw InputError(at: "--var", .notAVariable(given, variables: used))
            }
            guard used.count <= 1 else {
                throw InputError(at: "--f", .invalid("a plot has one variable; f uses \(used.joined(separator: ", "))"))
            }
            return given
        }
        guard used.count == 1 else {
            throw InputError(
                at: "--f",
                .invalid(
                    "a plot has one variable; f uses \(used.isEmpty ? "none" : used.joined(separator: ", ")) (name it with --var)"
                ))
        }
        return used[0]
    }

    private static func checkRange(_ lower: Double, _ upper: Double) throws(InputError) {
        for (name, x) in [("--from", lower), ("--to", upper)] where abs(x) > FunctionPlot.limit {
            throw InputError(at: name, .invalid("must lie within ±10^12, got \(specText(x))"))
        }
        guard lower < upper else {
            throw InputError(
                at: "--to", .invalid("must be greater than --from (\(specText(lower)) to \(specText(upper)))"))
        }
    }
}
