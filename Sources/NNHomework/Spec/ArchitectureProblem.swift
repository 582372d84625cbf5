import NNCore

/// A parameter-count problem: an architecture read from an `--arch` JSON file
/// or a compact `--layers` line, with where each part was written so that
/// errors can name it.
public struct ArchitectureProblem: Sendable, Hashable {
    /// Where a part of the architecture was written: the error place and a
    /// prefix for the message (the compact form names the layer's text there).
    public struct Origin: Sendable, Hashable {
        /// The place, `layers[3]` or `--layers`.
        public var place: String
        /// Put before the message: `layer 4 "conv 10 k": `, or empty.
        public var prefix: String
    }

    /// The architecture.
    public var architecture: Architecture
    /// The problem's own words, if the file has them.
    public var description: String?
    /// Where the input (first) and each layer were written.
    public var origins: [Origin]
    /// Where the whole architecture was written (the file or `--layers`).
    public var source: String

    /// The input error for an architecture error, at the place of its layer.
    public func inputError(for error: ArchitectureError) -> InputError {
        guard let layer = error.layer, origins.indices.contains(layer) else {
            return InputError(at: source, .described(error.reason.description, prefix: ""))
        }
        let origin = origins[layer]
        return InputError(at: origin.place, .described(error.reason.description, prefix: origin.prefix))
    }
}

extension ArchitectureProblem {
    /// Reads an architecture file: `{"input": [28, 28, 1], "layers": [{"type": "conv", …}, …]}`.
    ///
    /// - Parameters:
    ///   - text: the file's JSON.
    ///   - source: the file name to name in errors about the document as a whole.
    /// - Throws: an ``InputError`` naming the JSON path of the first problem found.
    public init(parsing text: String, source: String) throws(InputError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw InputError(at: source, .syntax(error))
        }
        let root = JSONCursor(value: value, path: "", rootName: source)
        try root.requireObject(allowed: ["description", "input", "layers"], required: ["input", "layers"])
        guard let inputCursor = root.member("input"), let layersCursor = root.member("layers") else {
            throw root.error(.missingKey(nil))
        }
        let input = try LayerDecoder.shape(inputCursor)
        var layers: [ArchitectureLayer] = []
        var origins = [Origin(place: inputCursor.path, prefix: "")]
        for cursor in try layersCursor.elements() {
            layers.append(try LayerDecoder.layer(cursor))
            origins.append(Origin(place: cursor.path, prefix: ""))
        }
        self.init(
            architecture: Architecture(input: input, layers: layers),
            description: try root.member("description")?.string(),
            origins: origins, source: source)
    }
}
