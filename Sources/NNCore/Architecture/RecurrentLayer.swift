/// A recurrent layer over a sequence of T vectors of size d with h units.
public struct RecurrentLayer: Sendable, Hashable {
    /// The kind of cell: how many gate sets it has.
    public enum Cell: String, Sendable, Hashable, CaseIterable {
        /// The plain (Elman) cell h_t = tanh(W x_t + U h_{t−1} + b): 1 gate set.
        case rnn
        /// Long short-term memory: input, forget, cell and output gates, 4 gate sets.
        case lstm
        /// Gated recurrent unit: reset, update and candidate, 3 gate sets.
        case gru

        /// g, the number of gate sets, each with its own W (h×d), U (h×h) and biases.
        public var gateCount: Int {
            switch self {
            case .rnn: 1
            case .lstm: 4
            case .gru: 3
            }
        }
    }

    /// The kind of cell.
    public var cell: Cell
    /// h, the number of units (the size of the hidden state).
    public var units: Int
    /// Whether the gates have biases.
    public var bias: Bool
    /// Whether the output is every step's hidden state (T×h) rather than the last one (h).
    public var returnSequences: Bool
    /// Keras GRU's `reset_after`: true (Keras' default) gives two bias vectors
    /// per gate set, as PyTorch; false gives one. Ignored by other cells and by torch.
    public var resetAfter: Bool

    /// A recurrent layer; by default with biases, returning the last hidden state,
    /// and Keras GRU with `reset_after=True`.
    public init(cell: Cell, units: Int, bias: Bool = true, returnSequences: Bool = false, resetAfter: Bool = true) {
        self.cell = cell
        self.units = units
        self.bias = bias
        self.returnSequences = returnSequences
        self.resetAfter = resetAfter
    }

    /// The number of bias vectors of length h per gate set: 0 without bias;
    /// torch 2 (b_ih and b_hh); keras 1, or 2 for GRU with `reset_after`.
    public func biasVectorsPerGate(_ convention: ParameterConvention) -> Int {
        guard bias else { return 0 }
        switch convention {
        case .torch: return 2
        case .keras: return cell == .gru && resetAfter ? 2 : 1
        }
    }
}
