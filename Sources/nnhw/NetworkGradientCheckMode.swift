import NNCore
import NNHomework

/// `nnhw gradcheck --net FILE` (or `--example NAME`): backpropagation checked
/// against central differences for every parameter of a network spec.
enum NetworkGradientCheckMode {
    /// The options of network mode, beyond `--net`, `--example`, `--seed`, `--format` and `--precision`;
    /// `--eps` is shared with formula mode.
    static let options = [
        OptionSpec(
            name: "--eps", valueName: "ε", help: "step of the difference (default 1e-6 for --net, 1e-3 for --f)"),
        OptionSpec(
            name: "--atol", valueName: "A", help: "absolute tolerance: |a − n| ≤ atol + rtol·|n| (default 1e-5)"),
        OptionSpec(name: "--rtol", valueName: "R", help: "relative tolerance (default 1e-3)"),
        OptionSpec(name: "--params", valueName: "LIST", help: "check only these: tensors W1,b2 or entries W2[1,3]"),
        OptionSpec(name: "--sample", valueName: "N", help: "check N parameters drawn at random (seeded by --seed)"),
    ]

    /// Runs the check; the result fails (exit 1) when a parameter disagrees.
    static func run(_ arguments: ParsedArguments) throws(InputError) -> CommandResult {
        let renderer = try OutputOptions.renderer(arguments)
        let check = GradientCheck(
            epsilon: try number(arguments, "--eps", default: 1e-6, allowZero: false),
            absoluteTolerance: try number(arguments, "--atol", default: 1e-5, allowZero: true),
            relativeTolerance: try number(arguments, "--rtol", default: 1e-3, allowZero: true))
        let sampleSize = try sample(arguments)
        let seed = try NetworkInput.seed(from: arguments)
        let problem = try NetworkInput.problem(from: arguments)
        let solver = NetworkGradientCheckSolver(
            check: check, selection: arguments["--params"], sampleSize: sampleSize, seed: seed,
            notation: try NetworkInput.notation(from: arguments))
        let (solution, passes) = try solver.solve(problem)
        return CommandResult(output: renderer.render(solution), checkFailed: !passes)
    }

    /// A finite number option that is positive (or, with `allowZero`, not negative).
    private static func number(
        _ arguments: ParsedArguments, _ name: String, default value: Double, allowZero: Bool
    ) throws(InputError) -> Double {
        guard let text = arguments[name] else { return value }
        let kind = allowZero ? "a number ≥ 0" : "a positive number"
        guard let parsed = Double(text), parsed.isFinite, parsed > 0 || (allowZero && parsed == 0) else {
            throw InputError(.usage, at: name, "expected \(kind), got \"\(text)\"")
        }
        return parsed
    }

    private static func sample(_ arguments: ParsedArguments) throws(InputError) -> Int? {
        guard let text = arguments["--sample"] else { return nil }
        guard let count = Int(text), count >= 1 else {
            throw InputError(.usage, at: "--sample", "expected a whole number ≥ 1, got \"\(text)\"")
        }
        return count
    }
}
