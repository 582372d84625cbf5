/// A network spec written on the command line instead of in a file:
/// `--x "2 1" --y 10 --layer "W=[[1,0],[3,4],[1,2]] b=[0,-2,5] relu" --layer … --loss squared_error`.
///
/// The options are turned into the JSON spec they stand for, which the spec
/// parser then reads as it reads a file, so that validation, messages and
/// output are the same; `--print-spec` shows that JSON.
///
/// - `--x`, `--y`: a number (`10`), a sample (`"2 1"`), a batch with one row
///   per sample (`"1 2; 3 4"`), or JSON (`[[1], [2]]`).
/// - `--layer`: words separated by spaces. `KEY=VALUE` sets a member of the
///   layer's object, `W` and `b` standing for `weights` and `bias`; a value is
///   JSON (`[[1, 0], [3, 4]]`, `4`) or else a word (`type=…`). A word without
///   `=` is the activation.
/// - `--loss`: a loss name, then any `KEY=VALUE` parameters (`"squared_error scale=0.5"`), or JSON.
public enum InlineNetworkSpec {
    /// The options that make up an inline spec.
    public static let optionNames = ["--x", "--y", "--layer", "--loss", "--learning-rate", "--description"]

    /// What errors of the spec parser call the inline spec as a whole.
    public static let source = "the inline spec"

    /// The short names a `--layer` word may use for a key of the layer's object.
    static let keyAliases = ["W": "weights", "w": "weights", "b": "bias"]

    /// The JSON spec that `--x`, `--y`, `--layer`, `--loss`, `--learning-rate`
    /// and `--description` stand for, or nil when none of them is given.
    ///
    /// - Parameter requiresLoss: whether `--y` and `--loss` must be given.
    /// - Throws: a usage error when an option is missing or a `--layer` word is
    ///   malformed; an invalid-data error for malformed JSON or numbers.
    public static func json(_ options: OptionValues, requiresLoss: Bool = true) throws(InputError) -> JSONValue? {
        guard let given = optionNames.first(where: options.isGiven) else { return nil }
        let layers = options.texts("--layer")
        guard !layers.isEmpty else {
            throw InputError(
                at: given,
                .appliesOnly(to: "a network given on the command line", add: "--layer \"W=… b=… ACTIVATION\" per layer")
            )
        }
        guard let x = options.text("--x") else {
            throw InputError(at: "--x", .missing(give: "the input with --layer, e.g. --x \"2 1\""))
        }
        var members: [JSONMember] = []
        if let description = options.text("--description") {
            members.append(JSONMember("description", .string(description)))
        }
        members.append(JSONMember("input", try tensor(x, place: "--x")))
        let y = options.text("--y")
        let loss = options.text("--loss")
        if requiresLoss || y != nil || loss != nil {
            guard let y else { throw InputError(at: "--y", .missing(give: "the target, e.g. --y 10")) }
            guard loss != nil else {
                throw InputError(at: "--loss", .missing(give: "the loss, e.g. --loss squared_error"))
            }
            members.append(JSONMember("target", try tensor(y, place: "--y")))
        }
        var layerValues: [JSONValue] = []
        for (index, text) in layers.enumerated() {
            layerValues.append(try layer(text, place: "--layer \(index + 1)"))
        }
        members.append(JSONMember("layers", .array(layerValues)))
        if let loss { members.append(JSONMember("loss", try self.loss(loss, place: "--loss"))) }
        if let rate = options.number("--learning-rate") { members.append(JSONMember("learning_rate", .number(rate))) }
        return .object(members)
    }

    /// `--x` or `--y`: JSON when it starts with a bracket, else numbers in rows;
    /// a `;` or a line break makes a batch (a matrix), one number is a number.
    static func tensor(_ text: String, place: String) throws(InputError) -> JSONValue {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("[") { return try json(trimmed, place: place) }
        let matrix = try TensorText.rows(trimmed, place: place)
        let rows = matrix.rowArrays.map { row in JSONValue.array(row.map(JSONValue.number)) }
        if trimmed.contains(";") || trimmed.contains("\n") { return .array(rows) }
        let entries = matrix.elements
        return entries.count == 1 ? .number(entries[0]) : .array(entries.map(JSONValue.number))
    }

    /// One `--layer`: its words as the members of a layer object.
    static func layer(_ text: String, place: String) throws(InputError) -> JSONValue {
        var members: [JSONMember] = []
        for word in try words(text, place: place) {
            guard let (key, value) = try pair(word, place: place) else {
                if let activation = members.first(where: { $0.key == "activation" }) {
                    throw InputError(at: place, .twoActivations(activation.value.wordText, word))
                }
                members.append(JSONMember("activation", .string(word)))
                continue
            }
            let name = keyAliases[key] ?? key
            guard !members.contains(where: { $0.key == name }) else { throw InputError(at: place, .repeated(name)) }
            members.append(JSONMember(name, value))
        }
        guard !members.isEmpty else { throw InputError(at: place, .empty(expected: "\"W=[[…]] b=[…] ACTIVATION\"")) }
        return .object(members)
    }

    /// `--loss`: a name alone, a name with `KEY=VALUE` parameters, or JSON.
    static func loss(_ text: String, place: String) throws(InputError) -> JSONValue {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("\"") { return try json(trimmed, place: place) }
        var name: String?
        var parameters: [JSONMember] = []
        for word in try words(trimmed, place: place) {
            if let (key, value) = try pair(word, place: place) {
                parameters.append(JSONMember(key, value))
            } else if let name {
                throw InputError(at: place, .twoLossNames(name, word))
            } else {
                name = word
            }
        }
        guard let name else { throw InputError(at: place, .empty(expected: "a loss name, e.g. squared_error")) }
        return parameters.isEmpty ? .string(name) : .object([JSONMember("name", .string(name))] + parameters)
    }

    /// `KEY=VALUE` as a key and a JSON value (a word that is not JSON is a string); nil for a word without `=`.
    private static func pair(_ word: String, place: String) throws(InputError) -> (String, JSONValue)? {
        guard let equals = word.firstIndex(of: "="),
            !word[..<equals].contains(where: { "[{\"".contains($0) })
        else { return nil }
        let key = String(word[..<equals])
        let value = String(word[word.index(after: equals)...])
        guard !key.isEmpty else { throw InputError(at: place, .expected("KEY=VALUE", got: word)) }
        guard !value.isEmpty else { throw InputError(at: place, .expected("a value after \(key)=", got: word)) }
        if let first = value.first, "[{\"-0123456789.".contains(first) || ["true", "false"].contains(value) {
            return (key, try json(value, place: "\(place) \(key)"))
        }
        return (key, .string(value))
    }

    /// The words of `text`, split at spaces outside brackets and quotes.
    private static func words(_ text: String, place: String) throws(InputError) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                current.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            switch character {
            case "\"": inString = true
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            default: break
            }
            if depth == 0, character == " " || character == "\t" || character == "\n" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        guard depth == 0, !inString else { throw InputError(at: place, .unclosedBracket(text)) }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func json(_ text: String, place: String) throws(InputError) -> JSONValue {
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw InputError(at: place, .syntax(error))
        }
    }
}

extension JSONValue {
    /// A string's text, or the value as JSON: how a message quotes a word.
    fileprivate var wordText: String {
        if case .string(let text) = self { return text }
        return serialized(indent: nil)
    }
}
