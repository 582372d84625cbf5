/// The plain-text spelling of symbols, function names and operators.
enum TextNotation {
    /// A symbol as one run of text: base, accent, subscript, layer, prime and
    /// transpose mark, e.g. `ŷ`, `δ₂⁽¹⁾`, `W⁽³⁾ᵀ`; a subscript without a
    /// Unicode form is written `_index`.
    static func text(for symbol: Symbol) -> String {
        var result = symbol.base
        switch symbol.accent {
        case .hat: result += "\u{0302}"
        case .tilde: result += "\u{0303}"
        case .bar: result += "\u{0304}"
        case nil: break
        }
        if let index = symbol.index { result += subscripted(index) }
        if let layer = symbol.layer {
            result += "⁽" + (UnicodeScripts.superscript(String(layer)) ?? String(layer)) + "⁾"
        } else if let name = symbol.layerName {
            result += "⁽" + (UnicodeScripts.superscript(name) ?? name) + "⁾"
        }
        if symbol.isPrime { result += "′" }
        if symbol.isTransposed { result += "ᵀ" }
        return result
    }

    /// A function's name with its prime and subscript: `ReLU′`, `softmaxᵦ`.
    static func text(for function: FunctionName) -> String {
        var result = function.name
        if function.isDerivative { result += "′" }
        if let index = function.index { result += subscripted(index) }
        return result
    }

    /// The operator written between operands, with its surrounding spaces: ` ⊙ `.
    static func text(for infixOperator: InfixOperator) -> String {
        switch infixOperator {
        case .plus: " + "
        case .minus: " − "
        case .times: " · "
        case .hadamard: " ⊙ "
        case .divide: " / "
        case .cross: " × "
        case .correlation: " ⋆ "
        case .equals: " = "
        case .lessThan: " < "
        case .lessThanOrEqual: " ≤ "
        case .greaterThan: " > "
        case .greaterThanOrEqual: " ≥ "
        case .approximatelyEqual: " ≈ "
        case .equivalent: " ⇔ "
        }
    }

    /// `index` in Unicode subscripts (₂, ⱼ), or as `_index` when one of its
    /// characters has none.
    static func subscripted(_ index: String) -> String {
        UnicodeScripts.subscript(index) ?? "_" + index
    }
}
