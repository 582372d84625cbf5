import NNCore

/// An optimizer run on given numbers (`nnhw optimize`): the optimizer, the
/// starting parameters, where each step's gradient comes from, and how many steps.
public struct OptimizeProblem: Sendable, Hashable {
    /// Where the gradient of a step comes from.
    public enum GradientSource: Sendable, Hashable {
        /// Given numbers: one gradient for every step, or one per step.
        case given([[Double]])
        /// ∇f from the symbolic derivatives of f in the variables, in their order.
        case formula(Expression, variables: [String])
    }

    /// The optimizer.
    public var optimizer: Optimizer
    /// w₀.
    public var initial: [Double]
    /// Where each step's gradient comes from.
    public var gradients: GradientSource
    /// N, the number of steps.
    public var steps: Int
    /// The state before step 1 (`--velocity` sets the velocity).
    public var initialState: OptimizerState

    /// The most steps a run takes.
    public static let maximumSteps = 10_000
    /// The most parameters a run takes.
    public static let maximumParameters = 1_000

    /// The problem of `--method` and the optimizer's options, `--w` with `--grad` (once, or once per step)
    /// or `--f` with `--at`, `--steps` and `--velocity`.
    ///
    /// - Throws: a usage error when neither pair is given, a list has another length than w₀, `--grad`
    ///   is repeated another number of times than `--steps`, or a setting is for another method.
    public init(_ options: OptionValues) throws(InputError) {
        let optimizer = try Optimizer(options, methodOption: "--method")
        let initial: [Double]
        let gradients: GradientSource
        let grads = options.texts("--grad")
        if let formula = options.text("--f") {
            if options.isGiven("--w") { throw InputError(at: "--w", .conflicts(with: "--f", because: "--at gives w₀")) }
            if !grads.isEmpty {
                throw InputError(at: "--grad", .conflicts(with: "--f", because: "f gives the gradient"))
            }
            guard let point = options.text("--at") else {
                throw InputError(at: "--at", .missing(give: "the starting point, e.g. --at x=1,y=1"))
            }
            let function: Expression
            do {
                function = try Expression(parsing: formula)
            } catch {
                throw InputError(at: "--f", .invalid(error.description))
            }
            let variables = function.variables
            guard !variables.isEmpty else { throw InputError(at: "--f", .noVariables) }
            let (names, values) = try FormulaCheckProblem.point(point, variables: variables)
            let byName = Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
            initial = variables.map { byName[$0] ?? 0 }
            gradients = .formula(function, variables: variables)
        } else {
            guard let start = options.text("--w") else {
                throw InputError(at: "--w", .missing(give: "the starting parameters, e.g. --w \"1 -2\", with --grad"))
            }
            initial = try Self.list(start, place: "--w")
            guard !grads.isEmpty else {
                throw InputError(at: "--grad", .missing(give: "the gradient, e.g. --grad \"0.5 -1\", or --f with --at"))
            }
            var lists: [[Double]] = []
            for text in grads {
                let gradient = try Self.list(text, place: "--grad")
                guard gradient.count == initial.count else {
                    throw InputError(
                        at: "--grad", .valueCount(gradient.count, expected: initial.count, of: "--w", per: "parameter"))
                }
                lists.append(gradient)
            }
            gradients = .given(lists)
        }
        guard initial.count <= Self.maximumParameters else {
            throw InputError(
                at: "--w", .tooManyNumbers(initial.count, noun: "parameter", limit: Self.maximumParameters))
        }
        let steps: Int
        if case .given(let lists) = gradients, lists.count > 1 {
            steps = options.whole("--steps") ?? lists.count
            guard steps == lists.count else { throw InputError(at: "--grad", .countPerStep(lists.count, steps: steps)) }
        } else {
            steps = options.whole("--steps") ?? (options.isGiven("--f") ? 5 : 1)
        }
        var state = optimizer.initialState(count: initial.count)
        if let text = options.text("--velocity") {
            guard state.velocity != nil else {
                throw InputError(
                    at: "--velocity",
                    .notForMethod(
                        "--method \(optimizer.methodName)", methods: "momentum, nesterov and rmsprop with --momentum"))
            }
            let velocity = try Self.list(text, place: "--velocity")
            guard velocity.count == initial.count else {
                throw InputError(
                    at: "--velocity", .valueCount(velocity.count, expected: initial.count, of: "w₀", per: "parameter"))
            }
            state.velocity = velocity
        }
        self.optimizer = optimizer
        self.initial = initial
        self.gradients = gradients
        self.steps = steps
        self.initialState = state
    }

    /// A list of numbers written as one row or one column.
    static func list(_ text: String, place: String) throws(InputError) -> [Double] {
        let matrix = try NumberListText.rows(parsing: text, place: place)
        guard matrix.rows == 1 || matrix.columns == 1 else {
            throw InputError(at: place, .notAList(rows: matrix.rows, columns: matrix.columns))
        }
        return matrix.elements
    }
}
