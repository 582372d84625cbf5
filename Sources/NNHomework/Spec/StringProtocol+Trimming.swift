extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
