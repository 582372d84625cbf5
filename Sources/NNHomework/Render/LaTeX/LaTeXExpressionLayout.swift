import NNCore

/// Writes a `MathExpression` as LaTeX math-mode source using amsmath only:
/// `\frac`, `\partial`, `bmatrix`, `\hat{y}`, `^{(l)}`, `^{\top}`, `\odot`.
///
/// The LaTeX and Markdown renderers share it. Parentheses follow the text
/// layout's rules: around a negative operand after the first (`-4 \cdot (-3)`),
/// a negative or compound power base, a sum inside a product, an operand of
/// lower precedence. Matrices past `maxColumns` columns or `maxRows` rows show
/// their first and last entries around `\cdots`, `\vdots` and `\ddots`.
struct LaTeXExpressionLayout: Sendable {
    /// Which engine sets the source.
    enum Dialect: Sendable {
        /// pdflatex with amsmath: `\operatorname{ReLU}`, words in `\text{…}` escaped by ``LaTeXText``.
        case latex
        /// MathJax or KaTeX in Markdown (GitHub, Jupyter): `\mathrm{ReLU}`,
        /// words in `\text{…}` as Unicode (set literally; a backslash becomes ∖).
        case mathJax
    }

    /// How numbers are written.
    var numberFormat: NumberFormat
    /// Past this many columns a matrix shows its first and last ones around `\cdots`.
    var maxColumns: Int
    /// Past this many rows a matrix shows its first and last ones around `\vdots`.
    var maxRows: Int
    /// Which engine sets the source.
    var dialect: Dialect = .latex

    /// The math-mode source of `expression`.
    func source(for expression: MathExpression) -> String {
        switch expression {
        case .symbol(let symbol):
            source(for: symbol)
        case .number(let value):
            number(value, format: numberFormat)
        case .preciseNumber(let value, let decimals):
            number(value, format: numberFormat.withAtLeast(decimals: decimals))
        case .matrix(let matrix):
            matrix.rows == 1 && matrix.columns == 1 ? number(matrix[0, 0], format: numberFormat) : self.matrix(matrix)
        case .inlineVector(let entries):
            entries.count == 1
                ? number(entries[0], format: numberFormat)
                : "(" + shown(entries) + ")^{\\top}"
        case .vectorOf(let entries):
            Self.parenthesized(entries.map(source(for:)).joined(separator: ", ")) + "^{\\top}"
        case .product(let factors):
            product(factors)
        case .infix(let infixOperator, let operands):
            infix(infixOperator, operands)
        case .apply(let function, let arguments) where function == FunctionName("√") && arguments.count == 1:
            "\\sqrt{\(source(for: arguments[0]))}"
        case .apply(let function, let arguments):
            source(for: function) + Self.parenthesized(arguments.map(source(for:)).joined(separator: ", "))
        case .fraction(let numerator, let denominator):
            "\\frac{\(source(for: numerator))}{\(source(for: denominator))}"
        case .power(let base, let exponent):
            power(base, exponent)
        case .parenthesized(let inner):
            Self.parenthesized(source(for: inner))
        case .set(let elements):
            "\\lbrace " + elements.map(source(for:)).joined(separator: ", ") + " \\rbrace"
        case .indexed(let base, let indices):
            source(for: base) + "[" + indices.map(source(for:)).joined(separator: ", ") + "]"
        case .partial(let function, let variable):
            "\\frac{\\partial \(operand(function, parenthesized: function.isInfixOrProduct))}"
                + "{\\partial \(operand(variable, parenthesized: variable.isInfixOrProduct))}"
        case .secondPartial(let function, let first, let second):
            "\\frac{\\partial^{2} \(operand(function, parenthesized: function.isInfixOrProduct))}{"
                + (first == second
                    ? "\\partial \(power(first, .number(2)))"
                    : "\\partial \(operand(first, parenthesized: first.isInfixOrProduct)) "
                        + "\\partial \(operand(second, parenthesized: second.isInfixOrProduct))") + "}"
        case .summation(let index, let body):
            "\\sum" + (index.map { "_{\(word($0))}" } ?? "") + " "
                + operand(body, parenthesized: body.isSum)
        case .absoluteValue(let inner):
            "\\left\\lvert " + source(for: inner) + " \\right\\rvert"
        case .norm(let inner):
            "\\left\\lVert " + source(for: inner) + " \\right\\rVert"
        case .floor(let inner):
            "\\left\\lfloor " + source(for: inner) + " \\right\\rfloor"
        case .ceiling(let inner):
            "\\left\\lceil " + source(for: inner) + " \\right\\rceil"
        case .text(let text):
            textSource(text)
        case .count(let count):
            (count < 0 ? "-" : "") + NumberFormat.commaGrouped(String(count.magnitude)).replacing(",", with: "{,}")
        case .given(let value):
            number(numberFormat.formatGiven(value))
        case .quantity(let amount, let unit):
            source(for: amount) + unitSource(unit)
        }
    }

    /// A number: `0.4485`, `-152`, `-1.2346 \cdot 10^{-7}`, `21{,}840`.
    func number(_ value: Double, format: NumberFormat) -> String {
        number(format.format(value))
    }

    /// A formatted number's source.
    func number(_ formatted: FormattedNumber) -> String {
        var digits = formatted.digits.replacing(",", with: "{,}")
        if digits == "∞" { digits = "\\infty" }
        if digits == "NaN" { digits = "\\mathrm{NaN}" }
        var result = (formatted.isNegative ? "-" : "") + digits
        if let exponent = formatted.exponent { result += " \\cdot 10^{\(exponent)}" }
        return result
    }

    /// A vector's entries, comma-separated, the middle ones elided around
    /// `\ldots` past `maxColumns` entries.
    private func shown(_ entries: [Double]) -> String {
        let indices = TextMatrixLayout.shownIndices(count: entries.count, limit: maxColumns)
        var next = numberFormat.formatEntries(indices.compactMap { $0.map { entries[$0] } }).makeIterator()
        return indices.map { $0 == nil ? "\\ldots" : next.next().map(number) ?? "" }.joined(separator: ", ")
    }

    /// A unit after its amount: a short unit upright after a thin space
    /// (`\,\mathrm{kWh}`), a word after an interword space (`\ \text{trials}`).
    func unitSource(_ unit: String) -> String {
        if unit.count <= 4 && unit.allSatisfy({ $0.isASCII && $0.isLetter }) { return "\\,\\mathrm{\(unit)}" }
        return "\\ " + textSource(unit)
    }

    /// A symbol: `\hat{y}`, `\delta_{2}^{(1)}`, `W^{(3)\top}`, `f^{\prime}`.
    func source(for symbol: Symbol) -> String {
        var base = word(symbol.base)
        switch symbol.accent {
        case .hat: base = "\\hat{\(base)}"
        case .tilde: base = "\\tilde{\(base)}"
        case .bar: base = "\\bar{\(base)}"
        case nil: break
        }
        var superscripts: [String] = []
        if let layer = symbol.layer {
            superscripts.append("(\(layer))")
        } else if let name = symbol.layerName {
            superscripts.append("(" + name.map(Self.letter).joined() + ")")
        }
        if symbol.isPrime { superscripts.append("\\prime") }
        if symbol.isTransposed { superscripts.append("\\top") }
        let hasScripts = symbol.index != nil || !superscripts.isEmpty
        if hasScripts && (base.contains("^") || base.contains("_")) { base = "{\(base)}" }
        if let index = symbol.index { base += "_{\(word(index))}" }
        if !superscripts.isEmpty { base += "^{" + superscripts.joined() + "}" }
        return base
    }

    /// A function's name: `\operatorname{ReLU}'`, `\tanh`, `\sigma`, `\operatorname{softmax}_{\beta}`.
    func source(for function: FunctionName) -> String {
        var result: String
        if let command = Self.namedFunctions[function.name] {
            result = command
        } else if function.name.count == 1, let first = function.name.first {
            result = Self.letter(first)
        } else {
            result =
                dialect == .latex
                ? "\\operatorname{\(LaTeXText.escaped(function.name))}" : "\\mathrm{\(function.name)}"
        }
        if function.isDerivative { result += "'" }
        if let index = function.index { result += "_{\(word(index))}" }
        return result
    }

    /// The functions LaTeX has a command for.
    private static let namedFunctions: [String: String] = [
        "tanh": "\\tanh", "ln": "\\ln", "log": "\\log", "exp": "\\exp", "max": "\\max", "min": "\\min",
        "sin": "\\sin", "cos": "\\cos", "sinh": "\\sinh", "cosh": "\\cosh",
    ]

    /// A symbol's base or index in math mode: one letter as itself (`x`),
    /// a Greek letter as its command (`\delta`), two letters or digits as
    /// they are (`ij`, `12`), a longer word upright (`\text{total parameters}`).
    func word(_ text: String) -> String {
        if text.count == 1, let character = text.first { return Self.letter(character) }
        if text.count <= 2 && text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return text }
        return textSource(text)
    }

    /// Words set upright inside a formula: `\text{output shape}`; notation
    /// characters among them are set as math (`\text{layer }\delta`). For
    /// MathJax, which shows backslash commands inside `\text{…}` literally,
    /// the characters TeX treats specially (`_ ^ % & # $ { } \ ~`) are set as
    /// math commands between `\text{…}` pieces, so the same source also
    /// compiles when pandoc hands it to LaTeX.
    func textSource(_ text: String) -> String {
        LaTeXText.segments(of: text).map { segment in
            switch segment {
            case .math(let source): source
            case .text(let original, let source):
                switch dialect {
                case .latex:
                    // An underscore is set between the \text pieces, where MathJax and the scan accept it too.
                    source.split(separator: "\\_", omittingEmptySubsequences: false).map {
                        $0.isEmpty ? "" : "\\text{" + $0 + "}"
                    }.joined(separator: "\\_")
                case .mathJax: Self.mathJaxText(original)
                }
            }
        }.joined()
    }

    /// Words for MathJax: runs of ordinary characters in `\text{…}`, TeX's
    /// special characters as math commands between them.
    private static func mathJaxText(_ text: String) -> String {
        let specials: [Character: String] = [
            "_": "\\_", "^": "{}^{\\wedge}", "%": "\\%", "&": "\\&", "#": "\\#", "$": "\\$", "{": "\\{",
            "}": "\\}", "\\": "\\backslash ", "~": "\\sim ", "<": "<", ">": ">", "|": "\\vert ",
        ]
        var result = ""
        var words = ""
        for character in text {
            if let command = specials[character] {
                if !words.isEmpty { result += "\\text{" + words + "}" }
                words = ""
                result += command
            } else {
                words.append(character)
            }
        }
        if !words.isEmpty { result += "\\text{" + words + "}" }
        return result
    }

    /// One character in math mode: a letter or digit as itself, any other via
    /// the text escaper's math form.
    static func letter(_ character: Character) -> String {
        if character.isASCII && (character.isLetter || character.isNumber) { return String(character) }
        return LaTeXText.mathSource([LaTeXText.piece(for: character)])
    }

    /// `inner` between parentheses that grow with it when it is tall.
    static func parenthesized(_ inner: String) -> String {
        isTall(inner) ? "\\left(" + inner + "\\right)" : "(" + inner + ")"
    }

    /// Whether the source draws something taller than a line: a matrix or a fraction.
    static func isTall(_ source: String) -> Bool {
        source.contains("\\begin{") || source.contains("\\frac") || source.contains("\\sum")
    }

    private func operand(_ expression: MathExpression, parenthesized: Bool) -> String {
        let drawn = source(for: expression)
        return parenthesized ? Self.parenthesized(drawn) : drawn
    }

    /// A matrix as `bmatrix` (`\left[\begin{array}…\right]` past amsmath's 10 columns).
    private func matrix(_ matrix: Matrix) -> String {
        guard matrix.rows > 0, matrix.columns > 0 else { return "[\\,]" }
        let rows = TextMatrixLayout.shownIndices(count: matrix.rows, limit: maxRows)
        let columns = TextMatrixLayout.shownIndices(count: matrix.columns, limit: maxColumns)
        let shownRows = rows.compactMap { $0 }
        let shownColumns = columns.compactMap { $0 }
        let entries = numberFormat.formatEntries(shownRows.flatMap { row in shownColumns.map { matrix[row, $0] } })
        func entry(_ row: Int, _ column: Int) -> String {
            let position = (shownRows.firstIndex(of: row) ?? 0) * shownColumns.count
            return number(entries[position + (shownColumns.firstIndex(of: column) ?? 0)])
        }
        let body = rows.map { row in
            columns.map { column in
                switch (row, column) {
                case (let row?, let column?): entry(row, column)
                case (nil, nil): "\\ddots"
                case (nil, _): "\\vdots"
                case (_, nil): "\\cdots"
                }
            }.joined(separator: " & ")
        }.joined(separator: " \\\\ ")
        if columns.count <= 10 { return "\\begin{bmatrix} " + body + " \\end{bmatrix}" }
        let specification = String(repeating: "c", count: columns.count)
        return "\\left[\\begin{array}{\(specification)} " + body + " \\end{array}\\right]"
    }

    /// Factors side by side, as the text layout writes them: `2 (\hat{y} - y)`,
    /// `W^{(1)} z^{(0)}`, `2 \cdot 3` between two numerals, a leading −1 as a minus sign.
    private func product(_ factors: [MathExpression]) -> String {
        let flat = factors.flatMap { factor -> [MathExpression] in
            if case .product(let inner) = factor { inner } else { [factor] }
        }
        if flat.count > 1, flat[0] == .number(-1) {
            let rest = product(Array(flat.dropFirst()))
            return "-" + (rest.hasPrefix("-") ? Self.parenthesized(rest) : rest)
        }
        var result = ""
        var previous: (factor: MathExpression, source: String)?
        for (position, factor) in flat.enumerated() {
            var drawn = source(for: factor)
            let isLast = position == flat.count - 1
            if factor.isInfix || (factor.isSummation && !isLast) || (position > 0 && drawn.hasPrefix("-")) {
                drawn = Self.parenthesized(drawn)
            }
            if let previous {
                let leftEndsWithDigit = previous.source.last?.isNumber ?? false
                let rightStartsWithDigit = drawn.first?.isNumber ?? false
                let isCoefficient = previous.factor.isNumeral && factor.takesCoefficient
                if leftEndsWithDigit && rightStartsWithDigit {
                    result += " \\cdot "
                } else if previous.factor.isText || factor.isText {
                    result += "\\ "  // a word keeps its space from its neighbour, which math mode would drop
                } else if !(isCoefficient && (leftEndsWithDigit || previous.source.last == "}")) {
                    result += " "
                }
            }
            result += drawn
            previous = (factor, drawn)
        }
        return result
    }

    private func infix(_ infixOperator: InfixOperator, _ operands: [MathExpression]) -> String {
        let drawn = operands.enumerated().map { position, operand in
            var drawn = source(for: operand)
            if Self.needsParentheses(operand, in: infixOperator, isFirst: position == 0)
                || (position > 0 && drawn.hasPrefix("-"))
            {
                drawn = Self.parenthesized(drawn)
            }
            return drawn
        }
        let separator =
            switch infixOperator {
            case .plus: " + "
            case .minus: " - "
            case .times: " \\cdot "
            case .hadamard: " \\odot "
            case .divide: " / "
            case .cross: " \\times "
            case .correlation: " \\star "
            case .equals: " = "
            case .lessThan: " < "
            case .lessThanOrEqual: " \\leq "
            case .greaterThan: " > "
            case .greaterThanOrEqual: " \\geq "
            case .approximatelyEqual: " \\approx "
            case .equivalent: " \\Leftrightarrow "
            }
        return drawn.joined(separator: separator)
    }

    /// The shared grouping rule, except that a stacked `\frac` needs no parentheses
    /// as an operand of an inline division.
    private static func needsParentheses(_ operand: MathExpression, in parent: InfixOperator, isFirst: Bool) -> Bool {
        if parent == .divide, case .fraction = operand { return false }
        return operand.needsParentheses(asOperandOf: parent, isFirst: isFirst)
    }

    /// `b^{e}`, the base parenthesized when negative or compound.
    private func power(_ base: MathExpression, _ exponent: MathExpression) -> String {
        var drawnBase = source(for: base)
        let isCompound: Bool =
            switch base {
            case .infix, .product, .fraction, .summation, .power, .partial, .secondPartial: true
            default: false
            }
        if drawnBase.hasPrefix("-") || isCompound {
            drawnBase = Self.parenthesized(drawnBase)
        } else if drawnBase.contains("^") || drawnBase.contains("_") {
            drawnBase = "{\(drawnBase)}"
        }
        return drawnBase + "^{" + source(for: exponent) + "}"
    }

}
