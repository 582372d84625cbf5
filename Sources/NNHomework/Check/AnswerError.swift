/// The errors of `--check MINE.json`, their wording in one place: answers
/// that cannot be read against the solution (exit status 65).
enum AnswerError {
    /// A key the solution does not have, with the closest one it has.
    static func unknownKey(_ key: String, at place: String, keys: [String]) -> InputError {
        var message = "unknown key \"\(key)\""
        if let guess = closestMatch(to: key, among: keys) { message += " (did you mean \"\(guess)\"?)" }
        return InputError(.invalidData, at: place, message + "; the solution has \(keys.joined(separator: ", "))")
    }

    /// An array of another length than the solution's.
    static func length(_ count: Int, at place: String, solutionCount: Int, ofRows: Bool, ofObjects: Bool) -> InputError
    {
        let noun = ofRows ? "row" : "entry"
        let hint = ofObjects ? " (write {} for one you do not claim)" : ""
        return InputError(
            .invalidData, at: place,
            "has \(counted(count, noun, noun == "entry" ? "entries" : nil)), but the solution has \(solutionCount)"
                + hint)
    }

    /// A value of another kind than the solution's.
    static func kind(_ expected: String, found: String, at place: String) -> InputError {
        InputError(.invalidData, at: place, "expected \(expected) as in the solution, found \(found)")
    }

    /// A formula that does not parse.
    static func notAFormula(_ reason: String, at place: String) -> InputError {
        InputError(.invalidData, at: place, "not a formula: \(reason)")
    }
}
