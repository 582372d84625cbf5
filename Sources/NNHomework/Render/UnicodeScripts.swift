/// Unicode superscript and subscript forms of characters, for writing
/// exponents (x², 10⁻⁷), layers (a⁽¹⁾) and indices (δ₂, Σⱼ) in plain text.
enum UnicodeScripts {
    /// `text` written in superscript characters, or nil when one of its
    /// characters has no superscript form.
    static func superscript(_ text: String) -> String? {
        convert(text, superscripts)
    }

    /// `text` written in subscript characters, or nil when one of its
    /// characters has no subscript form.
    static func `subscript`(_ text: String) -> String? {
        convert(text, subscripts)
    }

    private static func convert(_ text: String, _ table: [Character: Character]) -> String? {
        var result = ""
        for character in text {
            guard let converted = table[character] else { return nil }
            result.append(converted)
        }
        return result
    }

    private static let superscripts: [Character: Character] = table(
        from: "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
        to: "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ")

    private static let subscripts: [Character: Character] = table(
        from: "0123456789+-−=(),aehijklmnoprstuvxβγρφχ",
        to: "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎,ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ")

    private static func table(from plain: String, to scripted: String) -> [Character: Character] {
        precondition(plain.count == scripted.count, "Script table lengths differ")
        return Dictionary(zip(plain, scripted), uniquingKeysWith: { first, _ in first })
    }
}
