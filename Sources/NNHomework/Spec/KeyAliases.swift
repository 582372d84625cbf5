/// Other names people give the keys of a spec (`lr` for `learning_rate`, `x` for
/// `input`), so that an unknown key gets a suggestion where its spelling is too
/// far from the key for ``closestMatch(to:among:)`` to find it.
enum KeyAliases {
    /// Each alias, lowercased without `_` or `-`, and the key it stands for.
    static let keys: [String: String] = [
        "lr": "learning_rate", "eta": "learning_rate", "η": "learning_rate", "rate": "learning_rate",
        "stepsize": "learning_rate", "alpha": "learning_rate",
        "x": "input", "inputs": "input", "sample": "input", "samples": "input", "z0": "input",
        "y": "target", "targets": "target", "label": "target", "labels": "target", "t": "target",
        "w": "weights", "weight": "weights", "weightmatrix": "weights",
        "b": "bias", "biases": "bias",
        "act": "activation", "activationfunction": "activation", "f": "activation", "nonlinearity": "activation",
        "layer": "layers", "network": "layers", "net": "layers",
        "lossfunction": "loss", "cost": "loss", "criterion": "loss", "objective": "loss",
        "neurons": "units", "nunits": "units", "size": "units", "outputs": "units",
        "desc": "description", "problem": "description", "text": "description",
    ]

    /// The key of `allowed` that `key` is another name for: an alias in ``keys``,
    /// or the same word written with other case, `_` or `-` (`learningRate`).
    static func key(for key: String, among allowed: [String]) -> String? {
        let word = normalized(key)
        if let found = allowed.first(where: { normalized($0) == word }) { return found }
        guard let canonical = keys[word], allowed.contains(canonical) else { return nil }
        return canonical
    }

    private static func normalized(_ key: String) -> String {
        String(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }
}
