import NNCore

/// A gradient check of a formula: f, the point, the step ε and the finite-difference method.
public struct FormulaCheckProblem: Sendable, Hashable {
    /// f.
    public var function: Expression
    /// The variables in the order the point gives them; each is a variable of f, and f has no others.
    public var variables: [String]
    /// The value of each variable, in the order of `variables`.
    public var values: [Double]
    /// The step ε > 0.
    public var epsilon: Double
    /// Central or forward differences.
    public var method: FiniteDifference

    /// The default ε of formula mode, 10⁻³.
    public static let defaultEpsilon = 0.001

    /// A problem with the given parts.
    ///
    /// - Precondition: `variables` and `values` have the same length and ε > 0.
    public init(
        function: Expression, variables: [String], values: [Double], epsilon: Double = defaultEpsilon,
        method: FiniteDifference = .central
    ) {
        precondition(variables.count == values.count, "One value per variable")
        precondition(epsilon > 0, "ε must be positive")
        self.function = function
        self.variables = variables
        self.values = values
        self.epsilon = epsilon
        self.method = method
    }

    /// The point as a dictionary, for evaluation.
    public var point: [String: Double] {
        Dictionary(zip(variables, values), uniquingKeysWith: { first, _ in first })
    }

    /// The problem of `--f`, `--at`, `--eps` and `--method`.
    ///
    /// - Throws: a usage error when `--f` or `--at` is missing, or as ``init(formula:point:epsilon:method:)``.
    public init(_ options: OptionValues) throws(InputError) {
        guard let formula = options.text("--f") else {
            throw InputError(at: "--f", .missing(give: "the formula to check, e.g. --f \"x^3\""))
        }
        guard let point = options.text("--at") else {
            throw InputError(at: "--at", .missing(give: "a value for every variable, e.g. --at x=2"))
        }
        try self.init(
            formula: formula, point: point, epsilon: options.number("--eps"),
            method: options.text("--method").flatMap(FiniteDifference.init(rawValue:)) ?? .central)
    }

    /// Reads a problem from the formula and the point as written.
    ///
    /// - Parameters:
    ///   - formula: f, e.g. `x^3` or `a*b + b^2`.
    ///   - point: `x=2` or `a=-4,b=2`: a value for every variable of f, and no others.
    ///   - epsilon: ε > 0; nil for 10⁻³.
    ///   - method: central or forward differences.
    /// - Throws: a usage error naming the option: a syntax error of f with its
    ///   column, a malformed or incomplete point.
    public init(formula: String, point: String, epsilon: Double? = nil, method: FiniteDifference = .central)
        throws(InputError)
    {
        let function: Expression
        do {
            function = try Expression(parsing: formula)
        } catch {
            throw InputError(at: "--f", .invalid(error.description))
        }
        let used = function.variables
        guard !used.isEmpty else {
            throw InputError(at: "--f", .noVariables)
        }
        let (variables, values) = try Self.point(point, variables: used)
        self.init(
            function: function, variables: variables, values: values, epsilon: epsilon ?? Self.defaultEpsilon,
            method: method)
    }

    /// The pairs of `name=value,name=value`, checked against the variables f uses.
    static func point(_ text: String, variables used: [String]) throws(InputError) -> ([String], [Double]) {
        var names: [String] = []
        var values: [Double] = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces
            guard parts.count == 2, !name.isEmpty else {
                throw InputError(at: "--at", .expected("name=value pairs separated by commas", got: String(pair)))
            }
            guard let value = NumberText.decimal(parts[1].trimmingSpaces) else {
                throw InputError(at: "--at", .notANumber(String(parts[1]), of: name))
            }
            guard used.contains(name) else {
                throw InputError(at: "--at", .notAVariable(name, variables: used))
            }
            guard !names.contains(name) else {
                throw InputError(at: "--at", .repeated(name))
            }
            names.append(name)
            values.append(value)
        }
        if let missing = used.first(where: { !names.contains($0) }) {
            throw InputError(at: "--at", .noValue(for: missing, variables: used))
        }
        return (names, values)
    }
}
