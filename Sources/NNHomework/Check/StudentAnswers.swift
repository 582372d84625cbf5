/// A student's own answers (`--check MINE.json`): a JSON document holding any
/// part of a subcommand's JSON result, with each number as the student wrote it.
public struct StudentAnswers: Sendable, Hashable {
    /// The document.
    public let value: JSONValue
    /// The text of each number as written (`0.447`, `-46`), by JSON path (`layers[0].delta[1]`).
    public let literals: [String: String]
    /// What to call the document in messages: its file name.
    public let source: String

    /// The answers in `text`.
    ///
    /// - Throws: `.invalidData` at `source` when the text is not JSON.
    public init(parsing text: String, source: String) throws(InputError) {
        let parsed: (value: JSONValue, literals: [String])
        do {
            parsed = try JSONValue.parsingNumberLiterals(text)
        } catch {
            throw InputError(at: source, .syntax(error))
        }
        self.value = parsed.value
        self.literals = Dictionary(
            zip(parsed.value.numberPaths, parsed.literals).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        self.source = source
    }
}
