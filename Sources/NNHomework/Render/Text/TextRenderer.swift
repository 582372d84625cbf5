/// Draws a solution as plain text for a terminal: Unicode minus signs,
/// superscripts and subscripts, matrices drawn with ⎡ ⎤ brackets, numbered
/// steps that wrap onto `= …` lines past `lineWidth`.
///
/// ```
/// Forward pass
///  (1) z⁽⁰⁾ = x = (2, 1)ᵀ
///  (2) a⁽¹⁾ = W⁽¹⁾ z⁽⁰⁾ + b⁽¹⁾
///           = ⎡1  0⎤ ⎡2⎤   ⎡ 0⎤   ⎡ 2⎤   ⎡ 0⎤   ⎡2⎤
/// ```
public struct TextRenderer: SolutionRenderer {
    /// The rounding and layout limits used.
    public var options: RenderOptions

    /// A renderer with the given options.
    ///
    /// - Precondition: `options.precision` is in 0...17 (see ``NumberFormat``);
    ///   rendering traps otherwise, so validate `--precision` before.
    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    /// The layout of expressions under these options.
    var layout: TextExpressionLayout {
        let numberFormat = options.numberFormat
        return TextExpressionLayout(
            numberFormat: numberFormat,
            matrixLayout: TextMatrixLayout(
                numberFormat: numberFormat, maxColumns: options.maxColumns, maxRows: options.maxRows))
    }

    /// The layout of prose under these options.
    var proseLayout: TextProseLayout { TextProseLayout(expressionLayout: layout) }

    /// These options with matrices and vectors cut to fewer shown columns
    /// (down to 3) until every expression of `step` fits in `width` characters.
    func options(fitting step: Step, in width: Int) -> RenderOptions {
        var fitted = options
        let mostColumns = ([step.lhs] + step.rhs).map(\.mostColumns).max() ?? 0
        fitted.maxColumns = min(fitted.maxColumns, max(mostColumns, 3))
        func widest(_ options: RenderOptions) -> Int {
            let layout = TextRenderer(options: options).layout
            return ([step.lhs] + step.rhs).map { layout.block(for: $0).width }.max() ?? 0
        }
        while fitted.maxColumns > 3 && widest(fitted) > width { fitted.maxColumns -= 1 }
        return fitted
    }

    /// The solution as text: the title, the preamble, then each section's
    /// title and its steps and remarks, with blank lines between the parts
    /// and around steps that take more than one line. Ends with one newline;
    /// no line has trailing spaces.
    public func render(_ solution: Solution) -> String {
        let labelWidth = "(\(solution.steps.map(\.number).max() ?? 1))".count
        var parts: [[String]] = []
        if !solution.title.isEmpty { parts.append(wrapped(solution.title, indent: 0)) }
        if options.includesPreamble && !solution.preamble.isEmpty {
            parts.append(solution.preamble.flatMap { wrapped($0, indent: 0) })
        }
        for section in solution.sections {
            parts.append(lines(for: section, labelWidth: labelWidth))
        }
        let lines = parts.filter { !$0.isEmpty }.joined(separator: [""]).map(Self.trimmed)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One expression drawn on its own, its lines joined by newlines, without
    /// a final newline or trailing spaces.
    public func render(_ expression: MathExpression) -> String {
        layout.block(for: expression).trimmedLines.joined(separator: "\n")
    }

    private func lines(for section: Solution.Section, labelWidth: Int) -> [String] {
        var result = section.title.isEmpty ? [] : wrapped(section.title, indent: 0)
        var previousIsTall = false
        for (position, item) in section.items.enumerated() {
            let itemLines: [String] =
                switch item {
                case .step(let step): lines(for: step, labelWidth: labelWidth)
                case .remark(let text): wrapped(text, indent: labelWidth + 1)
                case .table(let table):
                    TextTableLayout(expressionLayout: layout, proseLayout: proseLayout, lineWidth: options.lineWidth)
                        .lines(for: table)
                }
            let isTall = itemLines.count > 1
            if position > 0 && (isTall || previousIsTall) { result.append("") }
            result += itemLines
            previousIsTall = isTall
        }
        return result
    }

    /// A step as lines: ` (n) lhs = rhs₀ = rhs₁ = …` on one line when it fits
    /// in `lineWidth`; otherwise `lhs = rhs₀` first and the rest packed
    /// greedily onto lines starting with `= ` under the first `=`. A note
    /// follows the last line as `   [note]`, or goes on a line of its own,
    /// indented under the first right-hand side, when it does not fit.
    func lines(for step: Step, labelWidth: Int) -> [String] {
        let label = TextBlock(("(\(step.number))").leftPadded(toWidth: labelWidth) + " ")
        let headWidth = label.width + self.layout.block(for: step.lhs).width
        let layout = TextRenderer(options: options(fitting: step, in: options.lineWidth - headWidth - 3)).layout
        let head = TextBlock.horizontal([label, layout.block(for: step.lhs)])
        let parts = step.rhs.map(layout.block(for:))
        var blocks: [TextBlock]
        let whole = TextBlock.horizontal([head, TextBlock(" = "), TextBlock.joined(parts, separator: " = ")])
        if parts.isEmpty {
            blocks = [head]
        } else if whole.width <= options.lineWidth {
            blocks = [whole]
        } else {
            blocks = [TextBlock.horizontal([head, TextBlock(" = "), parts[0]])]
            let prefix = TextBlock(String(repeating: " ", count: head.width + 1) + "= ")
            var pending: [TextBlock] = []
            for part in parts.dropFirst() {
                let candidate = TextBlock.horizontal([prefix, TextBlock.joined(pending + [part], separator: " = ")])
                if !pending.isEmpty && candidate.width > options.lineWidth {
                    blocks.append(TextBlock.horizontal([prefix, TextBlock.joined(pending, separator: " = ")]))
                    pending = [part]
                } else {
                    pending.append(part)
                }
            }
            if !pending.isEmpty {
                blocks.append(TextBlock.horizontal([prefix, TextBlock.joined(pending, separator: " = ")]))
            }
        }
        var noteLine: [String] = []
        if let note = step.note.map(proseLayout.text(for:)), let last = blocks.last {
            let annotated = TextBlock.horizontal([last, TextBlock("   [\(note)]")])
            if annotated.width <= options.lineWidth || parts.isEmpty {
                blocks[blocks.count - 1] = annotated
            } else {
                noteLine = wrapped(text: "[\(note)]", indent: head.width + 3)
            }
        }
        let continuation = head.width + 5
        return blocks.flatMap { block in
            block.lines.count == 1 && block.width > options.lineWidth
                ? Self.broken(block.lines[0], width: options.lineWidth, indent: continuation) : block.trimmedLines
        } + noteLine
    }

    /// Prose broken at spaces into lines of at most `lineWidth` characters
    /// (a longer word gets a line of its own), each indented by `indent`.
    private func wrapped(_ text: Prose, indent: Int) -> [String] {
        wrapped(text: proseLayout.wrappableText(for: text), indent: indent)
    }

    /// `text` wrapped at its spaces; ``TextProseLayout/unbreakableSpace``
    /// joins the parts of a formula, which is broken as a step's formula is
    /// only when it alone is wider than a line.
    private func wrapped(text: String, indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        let width = options.lineWidth - indent
        var lines: [String] = []
        var current = ""
        for token in text.split(separator: " ") {
            let word = String(token).replacing(String(TextProseLayout.unbreakableSpace), with: " ")
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(margin + current)
                current = ""
            }
            if current.isEmpty && word.count > width {
                let pieces = Self.broken(word, width: width, indent: 2)
                lines += pieces.dropLast().map { margin + $0 }
                current = pieces.last ?? ""
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(margin + current) }
        return lines
    }

    /// A one-line formula too wide for `width`, broken at a space outside any
    /// brackets — before an operator or after a comma where there is one —
    /// onto lines indented by `indent`; never inside a number or a bracket.
    static func broken(_ line: String, width: Int, indent: Int) -> [String] {
        let characters = Array(line)
        var depth = [Int](repeating: 0, count: characters.count + 1)
        for (position, character) in characters.enumerated() {
            depth[position + 1] =
                depth[position] + ("([{⎡⎢⎣".contains(character) ? 1 : 0)
                - (")]}⎤⎥⎦".contains(character) ? 1 : 0)
        }
        var lines: [String] = []
        var start = 0
        var margin = 0
        while margin + characters.count - start > width {
            let limit = start + width - margin
            let spaces = stride(from: limit, to: start + 1, by: -1).filter {
                characters[$0 - 1] == " " && depth[$0] == 0
            }
            let beforeOperator = spaces.first { position in
                position + 1 < characters.count && "+−=·⊙×/".contains(characters[position])
                    && characters[position + 1] == " "
            }
            let cut =
                beforeOperator ?? spaces.first { characters[$0 - 2] == "," }
                ?? spaces.first { characters[$0 - 2] != "=" }
            guard let cut else { break }
            lines.append(String(repeating: " ", count: margin) + trimmed(String(characters[start..<cut])))
            start = cut
            margin = indent
        }
        lines.append(String(repeating: " ", count: margin) + String(characters[start...]))
        return lines
    }

    private static func trimmed(_ line: String) -> String {
        var result = Substring(line)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
