import NNCore

extension ArchitectureProblem {
    /// The numbers a compact layer takes without a name, in order: `conv 10` is 10 filters.
    static let positionalKeys: [String: [String]] = [
        "dense": ["units"], "conv": ["filters"], "maxpool": ["kernel"], "avgpool": ["kernel"], "dropout": ["rate"],
        "embedding": ["vocab", "dim"], "rnn": ["units"], "lstm": ["units"], "gru": ["units"],
        "attention": ["dim", "heads"],
    ]

    /// The one-letter prefixes of a compact layer: `k5`, `k3x5`, `s2`, `p1`, `d2`, `h8`.
    static let prefixedKeys: [Character: String] = [
        "k": "kernel", "s": "stride", "p": "padding", "d": "dilation", "h": "heads",
    ]

    /// Reads the compact form: `input 28x28x1; conv 10 k5; maxpool 2; flatten; dense 50; dense 10`.
    ///
    /// Items are separated by `;`; the first is `input` and a shape. Each layer
    /// is its type, then words: bare numbers in the order the type takes them
    /// (`conv 10`: filters; `embedding 10000 128`: vocab, dim), `k5`/`k3x5`
    /// kernel, `s2` stride, `p1` padding, `d2` dilation, `h8` heads,
    /// `same`/`valid`/`full` padding, `nobias`, `seq` (return sequences), an
    /// activation's function name, or `key=value` with any key of the JSON form.
    ///
    /// - Throws: an invalid-data ``InputError`` at `--layers` naming the layer and its text.
    public init(compact text: String) throws(InputError) {
        let items = text.split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        guard let first = items.first, first.first == "input" else {
            throw InputError(at: "--layers", .noInputShape)
        }
        let inputText = first.joined(separator: " ")
        let inputOrigin = Origin(place: "--layers", prefix: "input \"\(inputText)\": ")
        guard first.count == 2, let sizes = Self.sizes(first[1]), (1...3).contains(sizes.count) else {
            throw InputError(at: inputOrigin.place, .compactInputShape(inputText))
        }
        var layers: [ArchitectureLayer] = []
        var origins = [inputOrigin]
        for (index, words) in items.dropFirst().enumerated() {
            let origin = Origin(place: "--layers", prefix: "layer \(index + 1) \"\(words.joined(separator: " "))\": ")
            do throws(InputError) {
                let object = try Self.object(for: words)
                layers.append(try LayerDecoder.layer(JSONCursor(value: object, path: "", rootName: "")))
            } catch {
                throw InputError(at: origin.place, .described(error.description, prefix: origin.prefix))
            }
            origins.append(origin)
        }
        self.init(
            architecture: Architecture(input: FeatureShape(sizes), layers: layers), description: nil, origins: origins,
            source: "--layers")
    }

    /// The JSON object a compact layer stands for: `conv 10 k5 s2 same` →
    /// `{"type": "conv", "filters": 10, "kernel": 5, "stride": 2, "padding": "same"}`.
    private static func object(for words: [String]) throws(InputError) -> JSONValue {
        guard let type = words.first else { throw InputError(at: "", .emptyCompactLayer) }
        guard LayerDecoder.types.contains(type) else {
            throw InputError(at: "", LayerDecoder.unknownType(type))
        }
        var members = [JSONMember("type", .string(type))]
        var positional = positionalKeys[type] ?? []
        func add(_ key: String, _ value: JSONValue) throws(InputError) {
            guard !members.contains(where: { $0.key == key }) else {
                throw InputError(at: key, .givenTwice)
            }
            members.append(JSONMember(key, value))
        }
        for word in words.dropFirst() {
            if let number = NumberText.decimal(word) {
                guard !positional.isEmpty else {
                    throw InputError(
                        at: "", .unexpectedNumber(word, type: type, positional: positionalKeys[type] ?? []))
                }
                try add(positional.removeFirst(), .number(number))
            } else if let equals = word.firstIndex(of: "=") {
                let key = String(word[..<equals])
                try add(key, value(String(word[word.index(after: equals)...])))
            } else if ["same", "valid", "full"].contains(word) {
                try add("padding", .string(word))
            } else if word == "nobias" {
                try add("bias", .bool(false))
            } else if word == "seq" {
                try add("return_sequences", .bool(true))
            } else if let letter = word.first, let key = prefixedKeys[letter],
                let sizes = sizes(String(word.dropFirst())),
                sizes.count <= 2
            {
                try add(key, sizes.count == 1 ? .number(Double(sizes[0])) : .array(sizes.map { .number(Double($0)) }))
            } else if type == "activation" {
                try add("function", .string(word))
            } else {
                throw InputError(at: "", .unknownCompactWord(word))
            }
        }
        return .object(members)
    }

    /// A value written after `=`: a whole number, sizes `3x5`, true/false, a number, or a word.
    private static func value(_ text: String) -> JSONValue {
        if text == "true" || text == "false" { return .bool(text == "true") }
        if let number = NumberText.decimal(text) { return .number(number) }
        if let sizes = sizes(text), sizes.count == 2 { return .array(sizes.map { .number(Double($0)) }) }
        return .string(text)
    }

    /// Sizes written `28x28x1` (or with ×): whole numbers, or nil when the text is not of that form.
    private static func sizes(_ text: String) -> [Int]? {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "×", omittingEmptySubsequences: false)
        }
        var sizes: [Int] = []
        for part in parts {
            guard let size = Int(part) else { return nil }
            sizes.append(size)
        }
        return sizes.isEmpty ? nil : sizes
    }
}
