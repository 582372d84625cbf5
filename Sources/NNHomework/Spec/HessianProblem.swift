import NNCore

/// The second-derivative test of a formula f at one or more points: f, its
/// variables in the order the first point gives them, and the points.
public struct HessianProblem: Sendable, Hashable {
    /// f.
    public var function: Expression
    /// x₁ … xₙ, in the order the first `--at` gives them.
    public var variables: [String]
    /// Each point's values, in the order of `variables`.
    public var points: [[Double]]
    /// The tolerance τ of "critical" (every |∂f/∂xᵢ| ≤ τ) and of a zero eigenvalue (|λ| ≤ τ·max(1, maxₖ|λₖ|)).
    public var tolerance: Double

    /// The default τ of formula mode, 10⁻⁹.
    public static let defaultTolerance = 1e-9

    /// A problem with the given parts.
    ///
    /// - Precondition: every point has one value per variable, there is a point, and τ ≥ 0.
    public init(function: Expression, variables: [String], points: [[Double]], tolerance: Double = defaultTolerance) {
        precondition(!points.isEmpty && points.allSatisfy { $0.count == variables.count }, "One value per variable")
        precondition(tolerance >= 0, "τ must not be negative")
        self.function = function
        self.variables = variables
        self.points = points
        self.tolerance = tolerance
    }

    /// The problem of `--f`, every `--at` and `--tol`.
    ///
    /// - Throws: a usage error when `--f` or `--at` is missing, or as ``init(formula:points:tolerance:)``.
    public init(_ options: OptionValues) throws(InputError) {
        guard let formula = options.text("--f") else {
            throw InputError(at: "--f", .missing(give: "the formula, e.g. --f \"x^4 - 2*x^2 + y^2\""))
        }
        let points = options.texts("--at")
        guard !points.isEmpty else {
            throw InputError(at: "--at", .missing(give: "a value for every variable, e.g. --at x=0,y=0"))
        }
        try self.init(formula: formula, points: points, tolerance: options.number("--tol"))
    }

    /// Reads a problem from the formula and the points as written (`x=0,y=0`).
    ///
    /// - Throws: a usage error at `--f` for a syntax error or a formula without
    ///   variables, at `--at` for a malformed or incomplete point.
    public init(formula: String, points: [String], tolerance: Double? = nil) throws(InputError) {
        let function: Expression
        do {
            function = try Expression(parsing: formula)
        } catch {
            throw InputError(at: "--f", .invalid(error.description))
        }
        let used = function.variables
        guard !used.isEmpty else { throw InputError(at: "--f", .noVariables) }
        var variables: [String] = []
        var values: [[Double]] = []
        for text in points {
            let (names, point) = try FormulaCheckProblem.point(text, variables: used)
            if variables.isEmpty { variables = names }
            let byName = Dictionary(zip(names, point), uniquingKeysWith: { first, _ in first })
            values.append(variables.map { byName[$0] ?? 0 })
        }
        self.init(
            function: function, variables: variables, points: values, tolerance: tolerance ?? Self.defaultTolerance)
    }
}
