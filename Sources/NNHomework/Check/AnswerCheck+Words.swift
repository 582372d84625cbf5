extension AnswerCheck {
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
