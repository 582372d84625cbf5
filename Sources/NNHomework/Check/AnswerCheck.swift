import NNCore

/// A student's answers checked against a worked solution, one entry per value
/// they wrote (`--check MINE.json`).
///
/// A number is right when it lies within half a unit of its last written
/// digit of the solution's value. When it does not, but matches the value the
/// computation gives with every intermediate rounded to the student's number of
/// decimals K, the difference is only rounding. Words and true/false must be equal.
public struct AnswerCheck: Sendable, Hashable {
    /// What the check found for one value.
    public enum Verdict: String, Sendable, Hashable {
        /// Within half a unit of the last written digit.
        case correct
        /// Off by more, and not explained by rounding.
        case wrong
        /// Off by more, but equal to the computation with intermediates rounded to the student's decimals.
        case rounding
    }

    /// One value the student wrote.
    public struct Entry: Sendable, Hashable {
        /// Its JSON path: `layers[1].grad_W[1][1]`.
        public var path: String
        /// The path in words: "grad_W of layer 2, row 2, column 2".
        public var words: String
        /// What the student wrote: a number, a string, true or false.
        public var written: JSONValue
        /// The number as written, with its decimals; nil for words and true/false.
        public var number: WrittenNumber?
        /// The solution's value.
        public var correct: JSONValue
        /// The verdict.
        public var verdict: Verdict
        /// For a rounding verdict, the decimals K of the rounded computation.
        public var roundingDecimals: Int?
        /// The value the rounded computation gives, for a rounding verdict.
        public var roundedValue: Double?
        /// The step of the solution that computes the value, if one is named.
        public var step: Step?
    }

    /// Every value the student wrote, in the order written.
    public var entries: [Entry]

    /// Checks `answers` against `solution`.
    ///
    /// - Parameters:
    ///   - answers: the student's values, any part of `solution.result`.
    ///   - solution: the worked solution at full precision.
    ///   - roundedResult: the result of the same computation with every
    ///     intermediate rounded to the given number of decimals, or nil where that is not
    ///     defined (no intermediates to round).
    /// - Throws: `.invalidData` at `<source>: <path>` for a key the solution
    ///   does not have, an array of another length, or a value of another kind.
    public init(
        _ answers: StudentAnswers, against solution: Solution,
        roundedResult: (Int) throws(InputError) -> JSONValue? = { _ in nil }
    ) throws(InputError) {
        var entries: [Entry] = []
        try Self.collect(answers.value, correct: solution.result, path: "", answers: answers, into: &entries)
        var roundedResults: [Int: JSONValue?] = [:]
        for index in entries.indices {
            entries[index].step = solution.step(producing: entries[index].path)
            guard entries[index].verdict == .wrong, let number = entries[index].number,
                (0...15).contains(number.decimals)
            else { continue }
            let decimals = number.decimals
            if roundedResults[decimals] == nil {
                roundedResults[decimals] = try roundedResult(decimals)
            }
            guard let rounded = roundedResults[decimals] ?? nil,
                case .number(let value)? = rounded.value(atPath: entries[index].path), number.accepts(value)
            else { continue }
            entries[index].verdict = .rounding
            entries[index].roundingDecimals = decimals
            entries[index].roundedValue = value
        }
        self.entries = entries
    }

    /// How many values were checked.
    public var checkedCount: Int { entries.count }
    /// How many are right.
    public var correctCount: Int { entries.count { $0.verdict == .correct } }
    /// How many are off only by rounding.
    public var roundingCount: Int { entries.count { $0.verdict == .rounding } }
    /// How many are wrong.
    public var wrongCount: Int { entries.count { $0.verdict == .wrong } }
    /// The first wrong value, in the order written.
    public var firstWrong: Entry? { entries.first { $0.verdict == .wrong } }
    /// Whether every value is right or off only by rounding (exit status 0).
    public var passes: Bool { wrongCount == 0 }

    private static func collect(
        _ mine: JSONValue, correct: JSONValue, path: String, answers: StudentAnswers, into entries: inout [Entry]
    ) throws(InputError) {
        let place = path.isEmpty ? answers.source : "\(answers.source): \(path)"
        switch (mine, correct) {
        case (.object(let members), .object(let solutionMembers)):
            let keys = solutionMembers.map(\.key)
            for member in members {
                guard let found = solutionMembers.first(where: { $0.key == member.key }) else {
                    throw InputError(
                        at: place,
                        .unknownAnswerKey(
                            member.key, suggestion: closestMatch(to: member.key, among: keys), keys: keys))
                }
                let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                try collect(member.value, correct: found.value, path: childPath, answers: answers, into: &entries)
            }
        case (.array(let elements), .array(let solutionElements)):
            guard elements.count == solutionElements.count else {
                let noun = solutionElements.allSatisfy { if case .array = $0 { true } else { false } } ? "row" : "entry"
                let ofObjects = solutionElements.allSatisfy { if case .object = $0 { true } else { false } }
                throw InputError(
                    at: place,
                    .answerCount(elements.count, noun: noun, expected: solutionElements.count, ofObjects: ofObjects))
            }
            for (index, pair) in zip(elements, solutionElements).enumerated() {
                try collect(pair.0, correct: pair.1, path: "\(path)[\(index)]", answers: answers, into: &entries)
            }
        case (.number(let value), .number(let exact)):
            let number = WrittenNumber(literal: answers.literals[path] ?? specText(value), value: value)
            entries.append(
                Entry(
                    path: path, words: Self.words(path), written: mine, number: number, correct: correct,
                    verdict: number.accepts(exact) ? .correct : .wrong))
        case (.string(let text), .string(let exact)):
            entries.append(
                Entry(
                    path: path, words: Self.words(path), written: mine, correct: correct,
                    verdict: text == exact ? .correct : .wrong))
        case (.bool(let flag), .bool(let exact)):
            entries.append(
                Entry(
                    path: path, words: Self.words(path), written: mine, correct: correct,
                    verdict: flag == exact ? .correct : .wrong))
        default:
            throw InputError(at: place, .answerKind(expected: Self.kind(of: correct), found: mine.typeName))
        }
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            elements.allSatisfy({ if case .array = $0 { true } else { false } }) && !elements.isEmpty
                ? "an array of rows" : "an array"
        case .object: "an object"
        case .number: "a number"
        case .string: "a string"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    /// A JSON path in words: `layers[1].grad_W[1][1]` → "grad_W of layer 2, row 2, column 2";
    /// `grad_input[0]` → "grad_input, entry 1"; indices count from 1.
    static func words(_ path: String) -> String {
        let parts = pathParts(path)
        let owners = parts.owners.map { owner in
            owner.numbers.isEmpty
                ? owner.name : "\(owner.name) \(owner.numbers.map(String.init).joined(separator: ", "))"
        }
        var text = ([parts.key] + owners).joined(separator: " of ")
        switch parts.numbers.count {
        case 0: break
        case 1: text += ", entry \(parts.numbers[0])"
        case 2: text += ", row \(parts.numbers[0]), column \(parts.numbers[1])"
        default: text += ", entry " + parts.numbers.map { "[\($0)]" }.joined()
        }
        return text
    }

    /// ``words(_:)`` as prose: the key as code and the numbers as math, so
    /// that `grad_W` is set as typed and no underscore lands in a formula.
    static func phrase(_ path: String) -> Prose {
        let parts = pathParts(path)
        let owners = parts.owners.map { owner -> Prose in
            owner.numbers.isEmpty
                ? "\(owner.name)" : "\(owner.name) \(Prose.joined(owner.numbers.map { "\($0)" }, separator: ", "))"
        }
        var text = Prose.joined(["\(code: parts.key)"] + owners, separator: " of ")
        switch parts.numbers.count {
        case 0: break
        case 1: text = text + ", entry \(parts.numbers[0])"
        case 2: text = text + ", row \(parts.numbers[0]), column \(parts.numbers[1])"
        default: text = text + ", entry " + Prose.joined(parts.numbers.map { "[\($0)]" }, separator: "")
        }
        return text
    }

    /// The key a path ends in with its indices counted from 1, and the
    /// objects that hold it, innermost first, named in the singular:
    /// `layers[1].grad_W[1][1]` → grad_W [2, 2] of layer [2].
    private static func pathParts(_ path: String) -> (
        key: String, numbers: [Int], owners: [(name: String, numbers: [Int])]
    ) {
        var owners: [(name: String, numbers: [Int])] = []
        var name = ""
        var indices: [Int] = []
        for component in path.split(separator: ".") {
            if !name.isEmpty {
                owners.insert(indices.isEmpty ? (name, []) : (singular(name), indices.map { $0 + 1 }), at: 0)
            }
            let parts = component.split(separator: "[")
            name = parts.first.map(String.init) ?? ""
            indices = parts.dropFirst().compactMap { Int($0.dropLast()) }
        }
        return (name, indices.map { $0 + 1 }, owners)
    }

    private static func singular(_ word: String) -> String {
        word.hasSuffix("s") ? String(word.dropLast()) : word
    }
}
