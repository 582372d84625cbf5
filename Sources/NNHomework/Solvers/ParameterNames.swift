import NNCore

/// The names people use for a network's parameters: `W2[1,3]` and `b2[1]`,
/// layers and indices counted from 1, as the weights are written in the spec
/// (with the bias as column 1 of W when the spec is augmented).
struct ParameterNames {
    let network: Network
    let isAugmented: Bool

    /// The name of one parameter.
    func name(of parameter: Parameter) -> String {
        let layer = parameter.layer + 1
        switch parameter.kind {
        case .weight(let row, let column):
            return "W\(layer)[\(row + 1),\(column + (isAugmented ? 2 : 1))]"
        case .bias(let row):
            return isAugmented ? "W\(layer)[\(row + 1),1]" : "b\(layer)[\(row + 1)]"
        }
    }

    /// One parameter as math, its row and column as a subscript: W₁,₃⁽²⁾ for
    /// `W2[1,3]`, b₁⁽³⁾ for `b3[1]`, counted from 1 as ``name(of:)`` counts.
    func symbol(of parameter: Parameter) -> MathExpression {
        let layer = parameter.layer + 1
        switch parameter.kind {
        case .weight(let row, let column):
            return .symbol(Symbol("W", layer: layer, index: "\(row + 1),\(column + (isAugmented ? 2 : 1))"))
        case .bias(let row):
            return .symbol(
                isAugmented
                    ? Symbol("W", layer: layer, index: "\(row + 1),1") : Symbol("b", layer: layer, index: "\(row + 1)"))
        }
    }

    /// The parameters in the order the spec writes them: each W row by row, then
    /// b; when augmented, each row of W starting with its bias weight.
    func ordered(_ parameters: [Parameter]) -> [Parameter] {
        guard isAugmented else { return parameters }
        func key(_ parameter: Parameter) -> (Int, Int, Int) {
            switch parameter.kind {
            case .weight(let row, let column): (parameter.layer, row, column + 1)
            case .bias(let row): (parameter.layer, row, 0)
            }
        }
        return parameters.sorted { key($0) < key($1) }
    }

    /// The tensor a parameter belongs to: `W2` or `b2` (`W2` for every entry when augmented).
    func tensor(of parameter: Parameter) -> String {
        if case .weight = parameter.kind { return "W\(parameter.layer + 1)" }
        return isAugmented ? "W\(parameter.layer + 1)" : "b\(parameter.layer + 1)"
    }

    /// The parameters named by a `--params` list: whole tensors (`W1`, `b2`) or entries (`W2[1,3]`).
    ///
    /// - Throws: a usage error at `--params` naming the first unknown name and listing the tensors.
    func select(_ list: String) throws(InputError) -> [Parameter] {
        let all = network.parameters
        let tensors = all.map(tensor(of:)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var chosen: Set<Parameter> = []
        for item in Self.items(of: list) {
            let matches = all.filter { tensor(of: $0) == item || name(of: $0) == item }
            guard !matches.isEmpty else {
                throw InputError(
                    at: "--params",
                    .unknownParameter(item, tensors: tensors, suggestion: closestMatch(to: item, among: tensors)))
            }
            chosen.formUnion(matches)
        }
        guard !chosen.isEmpty else { throw InputError(at: "--params", .noParameter) }
        return ordered(all.filter(chosen.contains))
    }

    /// The comma-separated items of a list, splitting only at commas outside
    /// brackets so that `W2[1,3]` stays one item; white space is dropped.
    static func items(of list: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in list where !character.isWhitespace {
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            case "," where depth == 0:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        return (items + [current]).filter { !$0.isEmpty }
    }
}
