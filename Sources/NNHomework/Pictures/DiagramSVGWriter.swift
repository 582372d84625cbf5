/// Writes a ``Diagram`` as a standalone SVG file, by hand: the title, column
/// titles, edges as arrows from the right side of a node to the left side of
/// the next with their labels, then the nodes with their labels and notes.
public struct DiagramSVGWriter: Sendable {
    /// A writer.
    public init() {}

    /// The SVG document.
    public func svg(_ diagram: Diagram) -> String {
        let layout = DiagramLayout(diagram)
        func n(_ value: Double) -> String { PictureNumber.ascii(value, decimals: 2) }
        var lines = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(n(layout.width))" height="\##(n(layout.height))" viewBox="0 0 \##(n(layout.width)) \##(n(layout.height))" font-family="\##(SVGText.fontFamily)" font-size="13">"##,
            ##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555555"/></marker></defs>"##,
            ##"<rect width="100%" height="100%" fill="white"/>"##,
            ##"<text x="\##(n(layout.width / 2))" y="28" text-anchor="middle" font-size="16">\##(SVGText.escaped(diagram.title))</text>"##,
        ]
        for (index, title) in diagram.columnTitles.enumerated() where index < layout.columnCentres.count {
            lines.append(
                ##"<text x="\##(n(layout.columnCentres[index]))" y="\##(n(layout.titleRow))" text-anchor="middle" font-size="12" fill="#333333">\##(SVGText.escaped(title))</text>"##
            )
        }
        var labels: [String] = []
        for edge in diagram.edges {
            guard let from = layout.frames[edge.from], let to = layout.frames[edge.to] else { continue }
            let (x1, y1, x2, y2) = (from.x + from.width / 2, from.y, to.x - to.width / 2, to.y)
            lines.append(
                ##"<line x1="\##(n(x1))" y1="\##(n(y1))" x2="\##(n(x2))" y2="\##(n(y2))" stroke="#555555" stroke-width="1.2" marker-end="url(#arrow)"/>"##
            )
            guard let label = edge.label else { continue }
            let t = 0.25 + 0.12 * Double((diagram.nodes.first { $0.id == edge.to }?.row ?? 0) % 3)
            let (lx, ly) = (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
            let boxWidth = DiagramLayout.textWidth(label, size: 11) + 6
            labels.append(
                ##"<rect x="\##(n(lx - boxWidth / 2))" y="\##(n(ly - 8))" width="\##(n(boxWidth))" height="15" fill="white" fill-opacity="0.85"/>"##
            )
            labels.append(
                ##"<text x="\##(n(lx))" y="\##(n(ly + 4))" text-anchor="middle" font-size="11" fill="#1f4e99">\##(SVGText.escaped(label))</text>"##
            )
        }
        lines += labels
        for node in diagram.nodes {
            guard let frame = layout.frames[node.id] else { continue }
            switch node.shape {
            case .circle:
                lines.append(
                    ##"<circle cx="\##(n(frame.x))" cy="\##(n(frame.y))" r="\##(n(frame.width / 2))" fill="#eef4fb" stroke="#1f77b4" stroke-width="1.5"/>"##
                )
                lines.append(
                    ##"<text x="\##(n(frame.x))" y="\##(n(frame.y + 5))" text-anchor="middle">\##(SVGText.escaped(node.label))</text>"##
                )
                for (index, note) in node.notes.enumerated() {
                    let y = frame.y + frame.height / 2 + 14 + 13 * Double(index)
                    lines.append(
                        ##"<text x="\##(n(frame.x))" y="\##(n(y))" text-anchor="middle" font-size="11" fill="#333333">\##(SVGText.escaped(note))</text>"##
                    )
                }
            case .box:
                let (left, top) = (frame.x - frame.width / 2, frame.y - frame.height / 2)
                lines.append(
                    ##"<rect x="\##(n(left))" y="\##(n(top))" width="\##(n(frame.width))" height="\##(n(frame.height))" rx="5" fill="#fdf6e3" stroke="#8c6d1f" stroke-width="1.3"/>"##
                )
                lines.append(
                    ##"<text x="\##(n(frame.x))" y="\##(n(top + 17))" text-anchor="middle" font-weight="bold">\##(SVGText.escaped(node.label))</text>"##
                )
                for (index, note) in node.notes.enumerated() {
                    lines.append(
                        ##"<text x="\##(n(frame.x))" y="\##(n(top + 34 + 16 * Double(index)))" text-anchor="middle">\##(SVGText.escaped(note))</text>"##
                    )
                }
            case .operation:
                lines.append(
                    ##"<ellipse cx="\##(n(frame.x))" cy="\##(n(frame.y))" rx="\##(n(frame.width / 2))" ry="\##(n(frame.height / 2))" fill="#eeeeee" stroke="#555555" stroke-width="1.2"/>"##
                )
                lines.append(
                    ##"<text x="\##(n(frame.x))" y="\##(n(frame.y + 5))" text-anchor="middle">\##(SVGText.escaped(node.label))</text>"##
                )
            }
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
