import NNCore
import NNHomework

/// `--check MINE.json`: a student's own answers checked against the solution.
enum AnswerCheckOption {
    /// The option.
    static let options = [
        OptionSpec(
            name: "--check", valueName: "MINE.json",
            help: "check your own answers (any part of the json output); exit 1 if one is wrong")
    ]

    /// What to print for `solution`; the run fails (exit 1) when `checkFailed`
    /// (a gradient check failed) or a value the student wrote is wrong.
    ///
    /// What to print for `solution`: the solution, or with `--check` the check in
    /// front of it (json: the check report). `roundedResult` re-solves with
    /// every intermediate rounded, where the subcommand has intermediates.
    static func result(
        _ solution: Solution, renderer: any SolutionRenderer, _ arguments: ParsedArguments, checkFailed: Bool = false,
        roundedResult: (Rounding) throws(InputError) -> JSONValue? = { _ in nil }
    ) throws(InputError) -> CommandResult {
        guard let path = arguments["--check"] else {
            return CommandResult(output: renderer.render(solution), checkFailed: checkFailed)
        }
        let answers = try StudentAnswers(parsing: SpecFile.read(path), source: path == "-" ? "<stdin>" : path)
        let check = try AnswerCheck(answers, against: solution, roundedResult: roundedResult)
        return CommandResult(
            output: renderer.render(check.report(for: solution)), checkFailed: checkFailed || !check.passes)
    }
}

/// `--round-intermediates K` of forward and backward.
enum RoundingOption {
    /// The option.
    static let options = [
        OptionSpec(
            name: "--round-intermediates", valueName: "K",
            help: "round every intermediate value to K decimals (0–15) as a hand solution does")
    ]

    /// The rounding asked for, or nil.
    static func rounding(_ arguments: ParsedArguments) throws(InputError) -> Rounding? {
        guard let text = arguments["--round-intermediates"] else { return nil }
        guard let k = Int(text), (0...15).contains(k) else {
            throw InputError(
                .usage, at: "--round-intermediates", "expected a whole number of decimals from 0 to 15, got \"\(text)\""
            )
        }
        return Rounding(decimals: k)
    }
}
