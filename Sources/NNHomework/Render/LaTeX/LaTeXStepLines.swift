/// Breaks a step `lhs = rhs₀ = rhs₁ = …` into the lines of an aligned block,
/// where the text renderer would break it: `lhs &= rhs₀` first, then the rest
/// packed greedily onto `&= …` lines no wider than the line width, widths
/// measured as the text layout draws the expressions.
struct LaTeXStepLines: Sendable {
    /// How expressions are written.
    var layout: LaTeXExpressionLayout
    /// How wide each expression is drawn in text, for the packing.
    var textLayout: TextExpressionLayout
    /// The width, in text characters, a line may take.
    var lineWidth: Int

    /// The lines of `step`, each starting with the left-hand side or `&=`,
    /// without line breaks, number or note.
    func lines(for step: Step) -> [String] {
        let lhs = layout.source(for: step.lhs)
        guard !step.rhs.isEmpty else { return [lhs] }
        let lhsWidth = textLayout.block(for: step.lhs).width
        let widths = step.rhs.map { textLayout.block(for: $0).width }
        let sources = step.rhs.map(layout.source(for:))
        if lhsWidth + widths.reduce(0, { $0 + $1 + 3 }) <= lineWidth {
            return [lhs + " &= " + sources.joined(separator: " = ")]
        }
        var lines = [lhs + " &= " + sources[0]]
        var pending: [String] = []
        var pendingWidth = lhsWidth + 3
        for (source, width) in zip(sources.dropFirst(), widths.dropFirst()) {
            if !pending.isEmpty && pendingWidth + width + 3 > lineWidth {
                lines.append("&= " + pending.joined(separator: " = "))
                pending = []
                pendingWidth = lhsWidth + 3
            }
            pending.append(source)
            pendingWidth += width + 3
        }
        if !pending.isEmpty { lines.append("&= " + pending.joined(separator: " = ")) }
        return lines
    }
}
