/// Lays out a `MathExpression` as a `TextBlock`: symbols with Unicode
/// scripts, bracket-drawn matrices, stacked fractions and parentheses that
/// grow with their content.
///
/// Parentheses the expression tree implies are added here: around a negative
/// operand after the first (`−4 · (−3)`), a negative or compound power base
/// (`(−2)²`), a sum inside a product (`2(ŷ − y)`), and an operand of lower
/// precedence (`(a + b) · c`).
struct TextExpressionLayout: Sendable {
    /// How numbers are written.
    var numberFormat: NumberFormat
    /// How matrices are drawn.
    var matrixLayout: TextMatrixLayout

    /// The block drawing `expression`.
    func block(for expression: MathExpression) -> TextBlock {
        switch expression {
        case .symbol(let symbol):
            TextBlock(TextNotation.text(for: symbol))
        case .number(let value):
            TextBlock(numberFormat.text(value))
        case .preciseNumber(let value, let decimals):
            TextBlock(numberFormat.withAtLeast(decimals: decimals).text(value))
        case .matrix(let matrix):
            matrix.rows == 1 && matrix.columns == 1
                ? TextBlock(numberFormat.text(matrix[0, 0])) : matrixLayout.block(for: matrix)
        case .inlineVector(let entries):
            entries.count == 1
                ? TextBlock(numberFormat.text(entries[0]))
                : TextBlock(
                    "(" + Self.shown(entries, limit: matrixLayout.maxColumns, numberFormat: numberFormat) + ")ᵀ")
        case .vectorOf(let entries):
            TextBlock.horizontal([
                TextBlock("("), TextBlock.joined(entries.map(block(for:)), separator: ", "), TextBlock(")ᵀ"),
            ])
        case .product(let factors):
            product(factors)
        case .infix(let infixOperator, let operands):
            infix(infixOperator, operands)
        case .apply(let function, let arguments):
            TextBlock.horizontal([
                TextBlock(TextNotation.text(for: function)),
                TextBlock.joined(arguments.map(block(for:)), separator: ", ").parenthesized(),
            ])
        case .fraction(let numerator, let denominator):
            fraction(numerator, denominator)
        case .power(let base, let exponent):
            power(base, exponent)
        case .parenthesized(let inner):
            block(for: inner).parenthesized()
        case .set(let elements):
            TextBlock.horizontal([
                TextBlock("{"), TextBlock.joined(elements.map(block(for:)), separator: ", "), TextBlock("}"),
            ])
        case .indexed(let base, let indices):
            TextBlock.horizontal(
                [
                    block(for: base), TextBlock("["), TextBlock.joined(indices.map(block(for:)), separator: ", "),
                    TextBlock("]"),
                ])
        case .partial(let function, let variable):
            partial(function, variable)
        case .secondPartial(let function, let first, let second):
            secondPartial(function, first, second)
        case .summation(let index, let body):
            TextBlock.horizontal([
                TextBlock("Σ" + (index.map(TextNotation.subscripted) ?? "") + " "),
                operand(body, parenthesized: body.isSum),
            ])
        case .absoluteValue(let inner):
            TextBlock.horizontal([TextBlock("|"), block(for: inner), TextBlock("|")])
        case .norm(let inner):
            TextBlock.horizontal([TextBlock("‖"), block(for: inner), TextBlock("‖")])
        case .floor(let inner):
            TextBlock.horizontal([TextBlock("⌊"), block(for: inner), TextBlock("⌋")])
        case .ceiling(let inner):
            TextBlock.horizontal([TextBlock("⌈"), block(for: inner), TextBlock("⌉")])
        case .text(let text):
            TextBlock(text)
        case .count(let count):
            TextBlock(numberFormat.grouped(count))
        case .given(let value):
            TextBlock(numberFormat.text(numberFormat.formatGiven(value)))
        case .quantity(let amount, let unit):
            TextBlock.horizontal([block(for: amount), TextBlock(" " + unit)])
        }
    }

    /// The entries of a vector, comma-separated, the middle ones elided
    /// around ⋯ past `limit` entries as a matrix's columns are.
    static func shown(_ entries: [Double], limit: Int, numberFormat: NumberFormat) -> String {
        let indices = TextMatrixLayout.shownIndices(count: entries.count, limit: limit)
        let texts = numberFormat.formatEntries(indices.compactMap { $0.map { entries[$0] } }).map(numberFormat.text)
        var next = texts.makeIterator()
        return indices.map { $0 == nil ? "…" : next.next() ?? "" }.joined(separator: ", ")
    }

    /// The block for `expression`, in parentheses when `parenthesized` is true.
    private func operand(_ expression: MathExpression, parenthesized: Bool) -> TextBlock {
        let drawn = block(for: expression)
        return parenthesized ? drawn.parenthesized() : drawn
    }

    /// Factors side by side: one space between them, none between a number and
    /// a following symbol, power of a symbol or parenthesis (2(ŷ − y), 2x, 3x²), and ` · ` between two
    /// numerals so that 2 · 3 cannot read as 23.
    ///
    /// Tall factors are aligned at their top rows, as a matrix and the vector
    /// it multiplies are written by hand; one-line factors sit on the baseline.
    /// A leading factor −1 is written as a minus sign: −Σⱼ yⱼ ln ŷⱼ.
    private func product(_ factors: [MathExpression]) -> TextBlock {
        let flat = factors.flatMap { factor -> [MathExpression] in
            if case .product(let inner) = factor { inner } else { [factor] }
        }
        if flat.count > 1, flat[0] == .number(-1) {
            let rest = product(Array(flat.dropFirst()))
            return TextBlock.horizontal([TextBlock("−"), rest.startsWithMinus ? rest.parenthesized() : rest])
        }
        var pieces: [TextBlock] = []
        var previous: (expression: MathExpression, block: TextBlock)?
        for (position, factor) in flat.enumerated() {
            var drawn = block(for: factor)
            let isLast = position == flat.count - 1
            if factor.isInfix || (factor.isFraction && drawn.height == 1)
                || (factor.isSummation && !isLast) || (position > 0 && drawn.startsWithMinus)
            {
                drawn = drawn.parenthesized()
            }
            if let previous {
                pieces.append(TextBlock(separator(after: previous.expression, previous.block, before: factor, drawn)))
            }
            pieces.append(drawn)
            previous = (factor, drawn)
        }
        let tallBaseline = pieces.filter { $0.height > 1 }.map(\.baseline).max() ?? 0
        return TextBlock.horizontal(pieces.map { $0.height > 1 ? $0.withBaseline(tallBaseline) : $0 })
    }

    private func separator(
        after left: MathExpression, _ leftBlock: TextBlock, before right: MathExpression, _ rightBlock: TextBlock
    ) -> String {
        let leftEndsWithDigit = leftBlock.lines[leftBlock.baseline].last?.isNumber ?? false
        let rightStartsWithDigit = rightBlock.lines[rightBlock.baseline].first?.isNumber ?? false
        if leftEndsWithDigit && rightStartsWithDigit { return " · " }
        switch left {
        case .number, .given: break
        default: return " "
        }
        if rightBlock.startsWithParenthesis { return "" }
        if right.takesCoefficient { return "" }
        return " "
    }

    /// Operands joined by the operator, with parentheses where precedence or a
    /// leading minus sign needs them.
    private func infix(_ infixOperator: InfixOperator, _ operands: [MathExpression]) -> TextBlock {
        let blocks = operands.enumerated().map { position, operand in
            var drawn = block(for: operand)
            let needsGrouping =
                operand.needsParentheses(asOperandOf: infixOperator, isFirst: position == 0)
                || (infixOperator == .divide && operand.isFraction && drawn.height == 1)
            if needsGrouping || (position > 0 && drawn.startsWithMinus) {
                drawn = drawn.parenthesized()
            }
            return drawn
        }
        return TextBlock.joined(blocks, separator: TextNotation.text(for: infixOperator))
    }

    /// `n/d` on one line when both are one line and short, else numerator
    /// over a ─ bar over denominator, the baseline on the bar.
    private func fraction(_ numerator: MathExpression, _ denominator: MathExpression) -> TextBlock {
        let top = block(for: numerator)
        let bottom = block(for: denominator)
        let isCompound = { (expression: MathExpression) in
            expression.isInfixOrProduct || expression.isFraction || expression.isSummation
        }
        if top.height == 1 && bottom.height == 1 && top.width + bottom.width <= 16
            && !isCompound(numerator) && !isCompound(denominator)
        {
            let shownBottom = bottom.startsWithMinus ? bottom.parenthesized() : bottom
            return TextBlock.horizontal([top, TextBlock("/"), shownBottom])
        }
        return Self.stacked(top, bottom)
    }

    private static func stacked(_ top: TextBlock, _ bottom: TextBlock) -> TextBlock {
        let bar = TextBlock(String(repeating: "─", count: max(top.width, bottom.width)))
        return TextBlock.vertical([top, bar, bottom], baseline: top.height)
    }

    /// ∂²f/∂x∂y (∂²f/∂x²) on one line, or stacked when either part is taller than a line.
    private func secondPartial(_ function: MathExpression, _ first: MathExpression, _ second: MathExpression)
        -> TextBlock
    {
        let top = TextBlock.horizontal([
            TextBlock("∂²"), operand(function, parenthesized: function.isInfixOrProduct),
        ])
        let bottom =
            first == second
            ? TextBlock.horizontal([TextBlock("∂"), block(for: .power(first, .number(2)))])
            : TextBlock.horizontal([
                TextBlock("∂"), operand(first, parenthesized: first.isInfixOrProduct), TextBlock("∂"),
                operand(second, parenthesized: second.isInfixOrProduct),
            ])
        if top.height == 1 && bottom.height == 1 {
            return TextBlock.horizontal([top, TextBlock("/"), bottom])
        }
        return Self.stacked(top, bottom)
    }

    /// ∂f/∂x on one line, or stacked when either part is taller than a line.
    private func partial(_ function: MathExpression, _ variable: MathExpression) -> TextBlock {
        let top = TextBlock.horizontal([
            TextBlock("∂"), operand(function, parenthesized: function.isInfixOrProduct),
        ])
        let bottom = TextBlock.horizontal([
            TextBlock("∂"), operand(variable, parenthesized: variable.isInfixOrProduct),
        ])
        if top.height == 1 && bottom.height == 1 {
            return TextBlock.horizontal([top, TextBlock("/"), bottom])
        }
        return Self.stacked(top, bottom)
    }

    /// b² with a superscript exponent when it is a small integer or a plain
    /// letter, else b^e; the base is parenthesized when negative or compound.
    private func power(_ base: MathExpression, _ exponent: MathExpression) -> TextBlock {
        var drawnBase = block(for: base)
        if drawnBase.startsWithMinus || base.isInfixOrProduct || base.isFraction
            || base.isSummation || Self.isPower(base) || Self.isPartial(base)
        {
            drawnBase = drawnBase.parenthesized()
        }
        if let superscript = superscriptText(exponent) {
            return drawnBase.withSuperscript(superscript)
        }
        let drawnExponent = block(for: exponent)
        let groupedExponent =
            Self.isAtomic(exponent) && !drawnExponent.startsWithMinus ? drawnExponent : drawnExponent.parenthesized()
        return TextBlock.horizontal([drawnBase, TextBlock("^"), groupedExponent])
    }

    private func superscriptText(_ exponent: MathExpression) -> String? {
        switch exponent {
        case .number(let value) where value.rounded() == value && value.magnitude < 1000:
            UnicodeScripts.superscript(numberFormat.text(value))
        case .symbol(let symbol)
        where symbol.layer == nil && symbol.index == nil && symbol.accent == nil && !symbol.isPrime:
            UnicodeScripts.superscript(symbol.base + (symbol.isTransposed ? "T" : ""))
        default:
            nil
        }
    }

    private static func isPower(_ expression: MathExpression) -> Bool {
        if case .power = expression { true } else { false }
    }

    private static func isPartial(_ expression: MathExpression) -> Bool {
        switch expression {
        case .partial, .secondPartial: true
        default: false
        }
    }

    private static func isAtomic(_ expression: MathExpression) -> Bool {
        switch expression {
        case .symbol, .number, .preciseNumber, .parenthesized, .apply, .text, .inlineVector, .matrix, .count: true
        default: false
        }
    }
}
