/// Why an architecture's layers do not fit together, and which layer.
public struct ArchitectureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Error, Sendable, Hashable, CustomStringConvertible {
        /// A size (units, filters, kernel, …) is zero or negative.
        case notPositive(name: String, value: Int)
        /// The layer needs an input of another rank, e.g. conv on a vector.
        case wrongInput(layer: String, expected: String, found: FeatureShape)
        /// A dense layer after a convolution or pooling layer without a flatten.
        case needsFlatten(FeatureShape)
        /// The convolution or pooling window does not fit along one dimension.
        case window(ConvolutionError, dimension: String)
        /// Attention whose `dim` differs from the size d of its input.
        case attentionDimension(dimension: Int, input: Int)
        /// Attention whose heads do not divide its dimension.
        case headsDoNotDivide(dimension: Int, heads: Int)
        /// A count passes ``Count/limit``; names what was being counted.
        case tooLarge(String)

        /// What is wrong, in words a user can act on.
        public var description: String {
            switch self {
            case .notPositive(let name, let value):
                "\(name) must be at least 1, not \(value)"
            case .wrongInput(let layer, let expected, let found):
                "\(layer) needs \(expected) input, but its input is \(found)"
            case .needsFlatten(let shape):
                "a dense layer cannot follow an H×W×C output (\(shape)); put a flatten layer before it"
            case .window(let error, let dimension):
                error.description(along: dimension)
            case .attentionDimension(let dimension, let input):
                "attention dim \(dimension) differs from the size of its input vectors, \(input)"
            case .headsDoNotDivide(let dimension, let heads):
                "\(heads) heads do not divide dim \(dimension) (each head has dim/heads values)"
            case .tooLarge(let what):
                "\(what) passes 2^53 = 9007199254740992, the largest count that can be printed exactly"
            }
        }
    }

    /// The layer: 0 for the input, 1 for the first layer; nil for the totals.
    public var layer: Int?
    /// What is wrong.
    public var reason: Reason

    /// An error at layer `layer` (0: the input; nil: the totals).
    public init(layer: Int?, _ reason: Reason) {
        self.layer = layer
        self.reason = reason
    }

    /// "layer 3: <reason>", "input: <reason>" or "totals: <reason>".
    public var description: String {
        switch layer {
        case 0: "input: \(reason)"
        case let layer?: "layer \(layer): \(reason)"
        case nil: "totals: \(reason)"
        }
    }
}
