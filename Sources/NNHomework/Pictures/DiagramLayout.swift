/// Where each node of a ``Diagram`` goes, in points, the same for every writer:
/// columns left to right wide enough for their widest node, rows centred in
/// their column, tall enough for the most notes a node has.
struct DiagramLayout {
    /// A node's centre and size.
    struct Frame {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// The frame of each node, by id.
    let frames: [String: Frame]
    /// The centre x of each column.
    let columnCentres: [Double]
    /// The whole picture's width.
    let width: Double
    /// The whole picture's height.
    let height: Double
    /// Where the column titles' baseline is.
    let titleRow: Double

    /// The width of `text` in points at 13 px, roughly.
    static func textWidth(_ text: String, size: Double = 13) -> Double { Double(text.count) * size * 0.6 }

    /// The size of a node: a circle fits its label, a box its label and notes, an operation its label.
    static func size(of node: Diagram.Node) -> (width: Double, height: Double) {
        switch node.shape {
        case .circle:
            let diameter = max(44, textWidth(node.label) + 14)
            return (diameter, diameter)
        case .box:
            let widest = ([node.label] + node.notes).map { textWidth($0) }.max() ?? 0
            return (widest + 20, 24 + 16 * Double(node.notes.count))
        case .operation:
            return (max(44, textWidth(node.label) + 24), 30)
        }
    }

    /// The layout of `diagram`; circles write their notes below them, so their rows are taller.
    init(_ diagram: Diagram) {
        let columns = diagram.columnCount
        var columnWidths = [Double](repeating: 0, count: columns)
        var rowHeight = 60.0
        for node in diagram.nodes {
            let size = Self.size(of: node)
            var width = size.width
            if node.shape == .circle {
                width = max(width, node.notes.map { Self.textWidth($0, size: 11) }.max() ?? 0)
                rowHeight = max(rowHeight, size.height + 14 + 13 * Double(node.notes.count))
            } else {
                rowHeight = max(rowHeight, size.height + 24)
            }
            columnWidths[node.column] = max(columnWidths[node.column], width)
        }
        let hasEdgeLabels = diagram.edges.contains { $0.label != nil }
        let gap = hasEdgeLabels ? 110.0 : 50.0
        var centres: [Double] = []
        var x = 30.0
        for (index, width) in columnWidths.enumerated() {
            let titleWidth =
                index < diagram.columnTitles.count ? Self.textWidth(diagram.columnTitles[index], size: 12) : 0
            let room = max(width, titleWidth)
            centres.append(x + room / 2)
            x += room + gap
        }
        let top = diagram.columnTitles.isEmpty ? 60.0 : 84.0
        var frames: [String: Frame] = [:]
        let rows = diagram.rowCount
        for node in diagram.nodes {
            let size = Self.size(of: node)
            let offset = Double(rows - diagram.rows(in: node.column)) / 2
            let y = top + (Double(node.row) + offset) * rowHeight + size.height / 2
            frames[node.id] = Frame(x: centres[node.column], y: y, width: size.width, height: size.height)
        }
        self.frames = frames
        self.columnCentres = centres
        self.width = max(x - gap + 30, Self.textWidth(diagram.title, size: 16) + 40)
        self.height = top + Double(rows) * rowHeight + 10
        self.titleRow = top - 14
    }
}
