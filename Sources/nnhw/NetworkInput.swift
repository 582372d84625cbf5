import NNHomework

/// The options shared by the subcommands that solve a network spec.
enum NetworkInput {
    /// `--net`, `--example`, `--seed`, `--format`, `--precision`.
    static let options =
        [
            OptionSpec(name: "--net", valueName: "FILE", help: "the network spec (JSON); - reads standard input"),
            OptionSpec(
                name: "--example", valueName: "NAME", help: "a built-in example instead of a file (list: nnhw examples)"
            ),
            OptionSpec(
                name: "--seed", valueName: "S", help: "seed for layers given as \"units\" (random weights; default 0)"),
            OptionSpec(
                name: "--notation", valueName: "NAME",
                help: "letters of the course: a/z (default), s/a, z/a; add ,loss=J or ,prediction=tilde (nnhw notation)"
            ),
        ] + OutputOptions.options

    /// Runs a network solver on the problem the options name, in the options'
    /// notation and rounding, and renders it or checks `--check MINE.json` against it;
    /// `requiresLoss: false` lets the spec leave out its target and loss.
    static func solve(
        _ arguments: ParsedArguments, requiresLoss: Bool = true,
        _ solve: @escaping (NetworkSolver, NetworkProblem) throws(InputError) -> Solution
    ) throws(InputError) -> CommandResult {
        let renderer = try OutputOptions.renderer(arguments)
        let problem = try problem(from: arguments, requiresLoss: requiresLoss)
        let rounding = try RoundingOption.rounding(arguments)
        let notation = try notation(from: arguments)
        return try AnswerCheckOption.result(
            solve(NetworkSolver(notation: notation, rounding: rounding), problem), renderer: renderer, arguments,
            roundedResult: { rounding throws(InputError) in
                try solve(NetworkSolver(notation: notation, rounding: rounding), problem).result
            })
    }

    /// `--notation NAME[,loss=…][,prediction=…]`; the default a/z notation when not given.
    static func notation(from arguments: ParsedArguments) throws(InputError) -> Notation {
        guard let text = arguments["--notation"] else { return Notation() }
        return try Notation(parsing: text)
    }

    /// `--seed S`, a whole number from 0 to 2⁶⁴ − 1; 0 when not given.
    static func seed(from arguments: ParsedArguments) throws(InputError) -> UInt64 {
        guard let text = arguments["--seed"] else { return 0 }
        guard let seed = UInt64(text) else {
            throw InputError(
                .usage, at: "--seed", "expected a whole number from 0 to 18446744073709551615, got \"\(text)\"")
        }
        return seed
    }

    /// The problem named by `--net FILE` or `--example NAME` (exactly one of them).
    static func problem(from arguments: ParsedArguments, requiresLoss: Bool = true) throws(InputError)
        -> NetworkProblem
    {
        switch (arguments["--net"], arguments["--example"]) {
        case (let path?, nil):
            return try NetworkProblem(
                parsing: SpecFile.read(path), source: path == "-" ? "<stdin>" : path, seed: seed(from: arguments),
                requiresLoss: requiresLoss)
        case (nil, let name?):
            guard let example = BuiltInExample.named(name) else {
                let names = BuiltInExample.all.map(\.name)
                var message = "no example called \"\(name)\""
                if let guess = closestMatch(to: name, among: names) { message += " (did you mean \"\(guess)\"?)" }
                throw InputError(
                    .usage, at: "--example", message + "; the examples are \(names.joined(separator: ", "))")
            }
            return try NetworkProblem(
                parsing: example.json, source: "example \(name)", seed: seed(from: arguments),
                requiresLoss: requiresLoss)
        case (.some, .some):
            throw InputError(.usage, at: "--net", "give either --net FILE or --example NAME, not both")
        case (nil, nil):
            throw InputError(.usage, at: "--net", "missing; give --net FILE (or --example NAME)")
        }
    }
}

/// `--format`, `--precision`, `--standalone` and `--max-columns`, on every subcommand.
enum OutputOptions {
    /// The options.
    static let options = [
        OptionSpec(name: "--format", valueName: OutputFormat.choices, help: "output format (default text)"),
        OptionSpec(
            name: "--precision", valueName: "N",
            help: "decimals shown in text, 0–17 (default 4); json always has full precision"),
        OptionSpec(
            name: "--sig", valueName: "N",
            help: "round non-integers to N significant digits (1–17) instead of --precision decimals"),
        OptionSpec(
            name: "--width", valueName: "N",
            help: "text line width, 20–1000 (default: the terminal's width, else 80); prose, steps and tables fit it"),
        OptionSpec(name: "--standalone", valueName: nil, help: "with --format latex: a complete document for pdflatex"),
        OptionSpec(
            name: "--heading-level", valueName: HeadingLevel.choices,
            help: "with --format latex: the heading the title gets, sections one below (default section)"),
        OptionSpec(name: "--no-preamble", valueName: nil, help: "leave out the sentences stating conventions"),
        OptionSpec(
            name: "--max-columns", valueName: "N",
            help: "matrices wider (taller than 12 rows) show their ends around ⋯ (default 8); json has all"),
    ]

    /// The renderer the options ask for; checked before any input is read, so
    /// that a usage error is reported as one even when the spec is also bad.
    /// `groupsThousands` writes text numbers as 1,951,600 (the budget subcommands).
    static func renderer(_ arguments: ParsedArguments, groupsThousands: Bool = false) throws(InputError)
        -> any SolutionRenderer
    {
        var format = OutputFormat.text
        if let name = arguments["--format"] {
            guard let chosen = OutputFormat(rawValue: name) else {
                throw InputError(.usage, at: "--format", "unknown format \"\(name)\"; expected \(OutputFormat.choices)")
            }
            format = chosen
        }
        var options = RenderOptions(groupsThousands: groupsThousands)
        if let text = arguments["--precision"] {
            guard let precision = Int(text), (0...17).contains(precision) else {
                throw InputError(.usage, at: "--precision", "expected a whole number from 0 to 17, got \"\(text)\"")
            }
            options.precision = precision
        }
        if let text = arguments["--max-columns"] {
            guard let columns = Int(text), (1...1000).contains(columns) else {
                throw InputError(.usage, at: "--max-columns", "expected a whole number from 1 to 1000, got \"\(text)\"")
            }
            options.maxColumns = columns
        }
        if let text = arguments["--sig"] {
            guard let digits = Int(text), (1...17).contains(digits) else {
                throw InputError(.usage, at: "--sig", "expected a whole number from 1 to 17, got \"\(text)\"")
            }
            guard arguments["--precision"] == nil else {
                throw InputError(.usage, at: "--sig", "give either --sig or --precision, not both")
            }
            options.significantDigits = digits
        }
        if let text = arguments["--width"] {
            guard let width = Int(text), (20...1000).contains(width) else {
                throw InputError(.usage, at: "--width", "expected a whole number from 20 to 1000, got \"\(text)\"")
            }
            options.lineWidth = width
        } else if let width = System.terminalWidth() {
            options.lineWidth = max(20, width)
        }
        if let name = arguments["--heading-level"] {
            guard let level = HeadingLevel(rawValue: name) else {
                throw InputError(
                    .usage, at: "--heading-level", "unknown level \"\(name)\"; expected \(HeadingLevel.choices)")
            }
            guard format == .latex else {
                throw InputError(.usage, at: "--heading-level", "only goes with --format latex")
            }
            options.headingLevel = level
        }
        options.includesPreamble = !arguments.has("--no-preamble")
        if arguments.has("--standalone") && format != .latex {
            throw InputError(.usage, at: "--standalone", "only goes with --format latex")
        }
        return format.renderer(options: options, standalone: arguments.has("--standalone"))
    }
}

/// Reading a spec file as UTF-8 text.
enum SpecFile {
    /// The largest input nnhw reads: 10 MB (10⁷ bytes).
    static let maximumBytes = 10_000_000

    /// The text of the file at `path` ("-": standard input).
    ///
    /// - Throws: `.unreadable` when the file cannot be read, `.invalidData` when it is
    ///   larger than ``maximumBytes`` or not UTF-8.
    static func read(_ path: String) throws(InputError) -> String {
        let place = path == "-" ? "<stdin>" : path
        switch System.readBytes(atPath: path, limit: maximumBytes) {
        case .failure(let failure):
            throw InputError(.unreadable, at: place, "cannot read: \(failure.reason)")
        case .success(let bytes):
            guard bytes.count <= maximumBytes else {
                throw InputError(.invalidData, at: place, "is larger than 10 MB, the most nnhw reads")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(.invalidData, at: place, "is not UTF-8 text")
            }
            return text
        }
    }
}
