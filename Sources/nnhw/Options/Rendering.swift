import NNHomework

/// The options of every subcommand that renders a solution, declared once:
/// adding one here adds it to each of them.
enum Rendering {
    /// `--format`, `--precision`, `--sig`, `--width`, `--standalone`, `--heading-level`, `--no-preamble`, `--max-columns`.
    static let options: [Option] = [
        .value("--format", nil, .choice(OutputFormat.allCases.map(\.rawValue)), "output format", default: "text"),
        .value(
            "--precision", "N", .whole(0...17), "decimals shown in text; json always has full precision",
            default: "4"),
        .value(
            "--sig", "N", .whole(1...17),
            "round non-integers to N significant digits instead of --precision decimals"),
        .value(
            "--width", "N", .whole(20...1000),
            "text line width (default: the terminal's width, else 80); prose, steps and tables fit it"),
        .flag("--standalone", "with --format latex: a complete document for pdflatex"),
        .value(
            "--heading-level", nil, .choice(HeadingLevel.allCases.map(\.rawValue)),
            "with --format latex: the heading the title gets, sections one below", default: "section"),
        .flag("--no-preamble", "leave out the sentences stating conventions"),
        .value(
            "--max-columns", "N", .whole(1...1000),
            "matrices wider (taller than 12 rows) show their ends around ⋯; json has all", default: "8"),
    ]

    /// The format `--format` names.
    static func format(_ values: OptionValues) -> OutputFormat {
        values.text("--format").flatMap(OutputFormat.init(rawValue:)) ?? .text
    }

    /// The renderer the options ask for.
    /// `groupsThousands` writes text numbers as 1,951,600 (the budget subcommands).
    ///
    /// - Throws: a usage error for `--standalone` or `--heading-level` without
    ///   `--format latex`, or `--sig` with `--precision`.
    static func renderer(_ values: OptionValues, groupsThousands: Bool = false) throws(InputError)
        -> any SolutionRenderer
    {
        format(values).renderer(
            options: try renderOptions(values, groupsThousands: groupsThousands), standalone: values.has("--standalone")
        )
    }

    /// Several solutions one after the other; with `--standalone`, in one LaTeX document.
    ///
    /// - Throws: the errors of ``renderer(_:groupsThousands:)``.
    static func render(_ solutions: [Solution], _ values: OptionValues) throws(InputError) -> String {
        let renderer = try renderer(values)
        guard values.has("--standalone") else { return solutions.map(renderer.render).joined(separator: "\n") }
        let fragments = format(values).renderer(options: try renderOptions(values), standalone: false)
        return ([LaTeXRenderer.documentStart.joined(separator: "\n")] + solutions.map(fragments.render))
            .joined(separator: "\n") + "\\end{document}\n"
    }

    /// The rounding and layout the options ask for.
    private static func renderOptions(_ values: OptionValues, groupsThousands: Bool = false) throws(InputError)
        -> RenderOptions
    {
        let format = format(values)
        if values.has("--standalone") && format != .latex {
            throw InputError(.latexOnly("--standalone"))
        }
        var options = RenderOptions(groupsThousands: groupsThousands)
        if let precision = values.whole("--precision") { options.precision = precision }
        if let columns = values.whole("--max-columns") { options.maxColumns = columns }
        if let digits = values.whole("--sig") {
            guard !values.isGiven("--precision") else {
                throw InputError(.exclusive("--sig", "--precision"))
            }
            options.significantDigits = digits
        }
        if let width = values.whole("--width") {
            options.lineWidth = width
        } else if let width = System.terminalWidth() {
            options.lineWidth = max(20, width)
        }
        if values.isGiven("--heading-level") && format != .latex {
            throw InputError(.latexOnly("--heading-level"))
        }
        if let level = values.text("--heading-level").flatMap(HeadingLevel.init(rawValue:)) {
            options.headingLevel = level
        }
        options.includesPreamble = !values.has("--no-preamble")
        return options
    }
}

/// `--check MINE.json`: a student's own answers checked against the solution.
enum AnswerChecking {
    /// The option.
    static let options: [Option] = [
        .value(
            "--check", "MINE.json", .file,
            "check your own answers (any part of the json output), up to your rounding, naming slips; exit 1 if one is wrong"
        )
    ]

    /// What to print for `solution`: the solution, or with `--check` the check
    /// in front of it (json: the check report). The run fails (exit 1) when
    /// `checkFailed` (a gradient check failed) or a value the student wrote is
    /// wrong. `grading` is what the subcommand knows beyond the solution (how
    /// its values build on each other, its slips); it is made only with `--check`.
    static func output(
        _ solution: Solution, renderer: any SolutionRenderer, _ values: OptionValues, checkFailed: Bool = false,
        grading: () throws(InputError) -> Grading = { Grading() }
    ) throws(InputError) -> Output {
        guard let mine = try values.document("--check") else {
            return Output(text: renderer.render(solution), checkFailed: checkFailed)
        }
        let answers = try StudentAnswers(parsing: mine.text, source: mine.source)
        let check = try AnswerCheck(answers, against: solution, grading: grading())
        return Output(text: renderer.render(check.report(for: solution)), checkFailed: checkFailed || !check.passes)
    }
}
