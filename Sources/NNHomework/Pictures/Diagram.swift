/// A drawing of nodes and edges as data until a writer draws it: a network's
/// units by layer, or the computational graph of a formula with the forward
/// value and the gradient at every node.
///
/// Nodes sit on a grid of columns (a layer, or a depth in the graph) and rows;
/// writers turn the grid into coordinates, so every format places a node alike.
public struct Diagram: Sendable, Hashable {
    /// How a node is drawn.
    public enum Shape: String, Sendable, Hashable {
        /// A circle: a unit of a network.
        case circle
        /// A rounded box: a value of a computational graph (an input or a result).
        case box
        /// An ellipse: an operation of a computational graph.
        case operation
    }

    /// One node.
    public struct Node: Sendable, Hashable {
        /// A name unique in the diagram, made of letters, digits and `_`.
        public var id: String
        /// The text inside the node, in Unicode notation.
        public var label: String
        /// Lines written next to it: the values (a = 2, δ = −4).
        public var notes: [String]
        /// How it is drawn.
        public var shape: Shape
        /// Its column, from 0 at the left.
        public var column: Int
        /// Its row in the column, from 0 at the top.
        public var row: Int

        /// A node with the given parts.
        public init(id: String, label: String, notes: [String] = [], shape: Shape, column: Int, row: Int) {
            self.id = id
            self.label = label
            self.notes = notes
            self.shape = shape
            self.column = column
            self.row = row
        }
    }

    /// One directed edge.
    public struct Edge: Sendable, Hashable {
        /// The id of the node it leaves.
        public var from: String
        /// The id of the node it enters.
        public var to: String
        /// Its label (a weight), or nil.
        public var label: String?

        /// An edge from `from` to `to`.
        public init(from: String, to: String, label: String? = nil) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// The title.
    public var title: String
    /// The heading over each column (a layer's name), empty for none.
    public var columnTitles: [String]
    /// The nodes.
    public var nodes: [Node]
    /// The edges.
    public var edges: [Edge]

    /// A diagram with the given parts.
    public init(title: String, columnTitles: [String] = [], nodes: [Node], edges: [Edge]) {
        self.title = title
        self.columnTitles = columnTitles
        self.nodes = nodes
        self.edges = edges
    }

    /// The number of columns.
    public var columnCount: Int { (nodes.map(\.column).max() ?? -1) + 1 }

    /// The most rows any column has.
    public var rowCount: Int { (nodes.map(\.row).max() ?? -1) + 1 }

    /// The rows `column` uses: one more than its last node's row.
    public func rows(in column: Int) -> Int { (nodes.filter { $0.column == column }.map(\.row).max() ?? -1) + 1 }
}
