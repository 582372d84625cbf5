/// Text that is not valid JSON, with the place the problem was found:
/// `line 3, column 7: expected ',' or '}' after an object member`.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the problem, counted from 1.
    public var line: Int
    /// The column of the problem, counted from 1 in characters (Unicode scalars)
    /// from the start of the line.
    public var column: Int
    /// What is wrong, in words a user can act on.
    public var message: String

    /// The error `message` at `line` and `column`, both counted from 1.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line <line>, column <column>: <message>`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
