/// Words and math side by side: a title, a sentence of a preamble, a remark,
/// a step's note, a verdict or a column heading.
///
/// Solvers write prose with string interpolation, putting every number and
/// every symbol in as math, so that each renderer sets it in its own way
/// (Unicode in text, `$…$` in LaTeX and Markdown, values in JSON):
///
/// ```
/// let remark: Prose = "\(Symbol("W", accent: .bar)) is W without its bias column"
/// let note: Prose = "new \(weights)"  // weights: a MathExpression
/// ```
///
/// Literal text is plain words: ASCII and typographic punctuation (— – ’ “ ” …)
/// only; a test over every golden output fails on any other character in it.
public struct Prose: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// One piece of prose.
    public enum Run: Sendable, Hashable {
        /// Words, set upright in the text font.
        case text(String)
        /// Math, set as a formula: a symbol, a number, an equation.
        case math(MathExpression)
        /// Something to be typed as it stands, set in a typewriter font:
        /// an option (`--flip`), a file name, a formula in the input syntax.
        case code(String)
        /// Text a user wrote (a spec's `description`), which may mix words
        /// with Unicode notation such as z⁽²⁾; renderers convert the notation.
        case written(String)
        /// A verdict mark: ✓ (passed) or ✗ (failed).
        case mark(Mark)
    }

    /// A verdict mark.
    public enum Mark: Sendable, Hashable {
        /// ✓, the value agrees.
        case pass
        /// ✗, the value is wrong.
        case fail
    }

    /// The runs, in reading order.
    public var runs: [Run]

    /// Prose made of the given runs.
    public init(runs: [Run]) {
        self.runs = runs
    }

    /// Plain words.
    public init(stringLiteral value: String) {
        self.runs = value.isEmpty ? [] : [.text(value)]
    }

    /// Prose built by string interpolation.
    public init(stringInterpolation: StringInterpolation) {
        self.runs = stringInterpolation.runs
    }

    /// A formula on its own.
    public init(_ math: MathExpression) {
        self.runs = [.math(math)]
    }

    /// Text a user wrote, converted by each renderer (see ``Run/written(_:)``);
    /// a control character in it is kept as a visible escape (`\u{0}`).
    public static func written(_ text: String) -> Prose {
        Prose(runs: text.isEmpty ? [] : [.written(text.escapingControlCharacters)])
    }

    /// The centred dot between the parts of a title, set as math:
    /// “Grid search · 300 combinations”.
    public static var titleSeparator: Prose { Prose(.text("·")) }

    /// Whether there is nothing to show.
    public var isEmpty: Bool { runs.isEmpty }

    /// The runs of `left` followed by those of `right`.
    public static func + (left: Prose, right: Prose) -> Prose {
        Prose(runs: left.runs + right.runs)
    }

    /// `parts` with `separator` between each two: "a, b and c" is
    /// `joined([a, b, c], separator: ", ", last: " and ")`.
    public static func joined(_ parts: [Prose], separator: Prose, last: Prose? = nil) -> Prose {
        var result = Prose(runs: [])
        for (position, part) in parts.enumerated() {
            if position > 0 { result = result + (position == parts.count - 1 ? last ?? separator : separator) }
            result = result + part
        }
        return result
    }

    /// The interpolations prose takes: math, numbers, symbols, counts, code and other prose.
    public struct StringInterpolation: StringInterpolationProtocol {
        var runs: [Run] = []

        /// Room for the literal text and interpolations of one literal.
        public init(literalCapacity: Int, interpolationCount: Int) {
            runs.reserveCapacity(2 * interpolationCount + 1)
        }

        /// Literal words.
        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            if case .text(let previous) = runs.last {
                runs[runs.count - 1] = .text(previous + literal)
            } else {
                runs.append(.text(literal))
            }
        }

        /// A formula.
        public mutating func appendInterpolation(_ math: MathExpression) {
            runs.append(.math(math))
        }

        /// A symbol, set as math: a⁽¹⁾.
        public mutating func appendInterpolation(_ symbol: Symbol) {
            runs.append(.math(.symbol(symbol)))
        }

        /// A computed number, rounded as the renderer rounds: 0.4485.
        public mutating func appendInterpolation(number: Double) {
            runs.append(.math(.number(number)))
        }

        /// A number the user gave, written as given (shortest round-trip): η = 0.1.
        public mutating func appendInterpolation(given: Double) {
            runs.append(.math(.given(given)))
        }

        /// A whole number: a count, a layer, a step number.
        public mutating func appendInterpolation(_ count: Int) {
            runs.append(.math(.count(count)))
        }

        /// Words made elsewhere: a name, a method, a unit spelled out.
        public mutating func appendInterpolation(_ words: String) {
            appendLiteral(words)
        }

        /// Something to be typed as it stands: an option, a formula in the input syntax.
        public mutating func appendInterpolation(code: String) {
            runs.append(.code(code))
        }

        /// Text a user wrote (see ``Run/written(_:)``).
        public mutating func appendInterpolation(written: String) {
            runs.append(.written(written))
        }

        /// A verdict mark.
        public mutating func appendInterpolation(_ mark: Mark) {
            runs.append(.mark(mark))
        }

        /// Other prose, run by run.
        public mutating func appendInterpolation(_ prose: Prose) {
            for run in prose.runs {
                if case .text(let text) = run { appendLiteral(text) } else { runs.append(run) }
            }
        }
    }
}
