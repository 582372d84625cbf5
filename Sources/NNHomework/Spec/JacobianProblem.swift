import NNCore

/// The Jacobian of a vector function at a point: the components f₁ … fₘ
/// (`--f "x*y; sin(x) + y^2"`), the variables x₁ … xₙ in the order the point
/// gives them, and their values.
public struct JacobianProblem: Sendable, Hashable {
    /// f₁ … fₘ.
    public var components: [Expression]
    /// x₁ … xₙ, in the order `--at` gives them; every variable of a component, and no others.
    public var variables: [String]
    /// The value of each variable, in the order of `variables`.
    public var values: [Double]

    /// A problem with the given parts.
    ///
    /// - Precondition: `variables` and `values` have the same length, and there is a component.
    public init(components: [Expression], variables: [String], values: [Double]) {
        precondition(variables.count == values.count, "One value per variable")
        precondition(!components.isEmpty, "A Jacobian needs a component")
        self.components = components
        self.variables = variables
        self.values = values
    }

    /// The point as a dictionary, for evaluation.
    public var point: [String: Double] {
        Dictionary(zip(variables, values), uniquingKeysWith: { first, _ in first })
    }

    /// The problem of `--f` and `--at`.
    ///
    /// - Throws: a usage error when `--f` or `--at` is missing, or as ``init(formulas:point:)``.
    public init(_ options: OptionValues) throws(InputError) {
        guard let formulas = options.text("--f") else {
            throw InputError(at: "--f", .missing(give: "the components separated by ;, e.g. --f \"x*y; x + y\""))
        }
        guard let point = options.text("--at") else {
            throw InputError(at: "--at", .missing(give: "a value for every variable, e.g. --at x=1,y=2"))
        }
        try self.init(formulas: formulas, point: point)
    }

    /// Reads a problem from the components as written, separated by `;`, and the point.
    ///
    /// - Throws: a usage error at `--f` for a syntax error of a component (named
    ///   by its number) or an empty one, at `--at` for a malformed or incomplete point.
    public init(formulas: String, point: String) throws(InputError) {
        var components: [Expression] = []
        for (index, text) in formulas.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
            guard !text.trimmingSpaces.isEmpty else {
                throw InputError(at: "--f", .empty(expected: "a formula for component \(index + 1)"))
            }
            do {
                components.append(try Expression(parsing: String(text)))
            } catch {
                throw InputError(at: "--f", .invalid("component \(index + 1): \(error.description)"))
            }
        }
        let used = Set(components.flatMap(\.variables)).sorted()
        guard !used.isEmpty else { throw InputError(at: "--f", .noVariables) }
        let (variables, values) = try FormulaCheckProblem.point(point, variables: used)
        self.init(components: components, variables: variables, values: values)
    }
}
