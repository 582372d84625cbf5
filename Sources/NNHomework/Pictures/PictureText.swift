/// Words and math of a picture's labels as plain Unicode text, the way the text renderer writes them.
enum PictureText {
    /// `prose` on one line: ReLU′(x), ∂L/∂a⁽¹⁾.
    static func plain(_ prose: Prose) -> String {
        TextRenderer().proseLayout.text(for: prose)
    }

    /// `x` rounded to `precision` decimals, with a Unicode minus: −0.8399.
    static func number(_ x: Double, precision: Int = 4) -> String {
        NumberFormat(precision: precision).text(x)
    }
}
