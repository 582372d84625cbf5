/// Writes a ``Plot`` as a standalone SVG file, by hand: a frame with a grid at
/// the ticks, tick labels, axis labels, the title, the series as polylines,
/// the markers (• the value taken at a jump, ∘ a limit not taken, ◇ a kink)
/// and a legend.
public struct PlotSVGWriter: Sendable {
    /// The width of the picture in pixels.
    public var width = 640.0
    /// The height of the picture in pixels.
    public var height = 420.0

    /// A writer of 640 × 420 pictures.
    public init() {}

    private let left = 72.0
    private let right = 24.0
    private let top = 44.0
    private let bottom = 60.0

    /// The SVG document.
    public func svg(_ plot: Plot) -> String {
        let frame = (x: left, y: top, width: width - left - right, height: height - top - bottom)
        func px(_ x: Double) -> Double { frame.x + (x - plot.x.lower) / (plot.x.upper - plot.x.lower) * frame.width }
        func py(_ y: Double) -> Double {
            frame.y + frame.height - (y - plot.y.lower) / (plot.y.upper - plot.y.lower) * frame.height
        }
        func n(_ value: Double) -> String { PictureNumber.ascii(value, decimals: 2) }
        var lines = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(n(width))" height="\##(n(height))" viewBox="0 0 \##(n(width)) \##(n(height))" font-family="\##(SVGText.fontFamily)" font-size="13">"##,
            ##"<rect width="100%" height="100%" fill="white"/>"##,
            ##"<text x="\##(n(width / 2))" y="26" text-anchor="middle" font-size="16">\##(SVGText.escaped(plot.title))</text>"##,
        ]
        lines.append(##"<g stroke="#dddddd" stroke-width="1">"##)
        for tick in plot.x.ticks {
            lines.append(
                ##"<line x1="\##(n(px(tick)))" y1="\##(n(frame.y))" x2="\##(n(px(tick)))" y2="\##(n(frame.y + frame.height))"/>"##
            )
        }
        for tick in plot.y.ticks {
            lines.append(
                ##"<line x1="\##(n(frame.x))" y1="\##(n(py(tick)))" x2="\##(n(frame.x + frame.width))" y2="\##(n(py(tick)))"/>"##
            )
        }
        lines.append("</g>")
        if plot.y.lower < 0 && plot.y.upper > 0 {
            lines.append(
                ##"<line x1="\##(n(frame.x))" y1="\##(n(py(0)))" x2="\##(n(frame.x + frame.width))" y2="\##(n(py(0)))" stroke="#888888" stroke-width="1"/>"##
            )
        }
        if plot.x.lower < 0 && plot.x.upper > 0 {
            lines.append(
                ##"<line x1="\##(n(px(0)))" y1="\##(n(frame.y))" x2="\##(n(px(0)))" y2="\##(n(frame.y + frame.height))" stroke="#888888" stroke-width="1"/>"##
            )
        }
        lines.append(
            ##"<rect x="\##(n(frame.x))" y="\##(n(frame.y))" width="\##(n(frame.width))" height="\##(n(frame.height))" fill="none" stroke="black" stroke-width="1"/>"##
        )
        lines.append(##"<g font-size="12" fill="black">"##)
        for (tick, label) in zip(plot.x.ticks, PictureNumber.tickLabels(plot.x.ticks)) {
            lines.append(
                ##"<line x1="\##(n(px(tick)))" y1="\##(n(frame.y + frame.height))" x2="\##(n(px(tick)))" y2="\##(n(frame.y + frame.height + 5))" stroke="black"/>"##
            )
            lines.append(
                ##"<text x="\##(n(px(tick)))" y="\##(n(frame.y + frame.height + 19))" text-anchor="middle">\##(SVGText.escaped(label))</text>"##
            )
        }
        for (tick, label) in zip(plot.y.ticks, PictureNumber.tickLabels(plot.y.ticks)) {
            lines.append(
                ##"<line x1="\##(n(frame.x - 5))" y1="\##(n(py(tick)))" x2="\##(n(frame.x))" y2="\##(n(py(tick)))" stroke="black"/>"##
            )
            lines.append(
                ##"<text x="\##(n(frame.x - 8))" y="\##(n(py(tick) + 4))" text-anchor="end">\##(SVGText.escaped(label))</text>"##
            )
        }
        lines.append("</g>")
        lines.append(
            ##"<text x="\##(n(frame.x + frame.width / 2))" y="\##(n(height - 14))" text-anchor="middle">\##(SVGText.escaped(plot.x.label))</text>"##
        )
        let yMiddle = n(frame.y + frame.height / 2)
        lines.append(
            ##"<text x="18" y="\##(yMiddle)" text-anchor="middle" transform="rotate(-90 18 \##(yMiddle))">\##(SVGText.escaped(plot.y.label))</text>"##
        )
        var curveIndex = 0
        for series in plot.series {
            let colour: String
            let stroke: String
            switch series.style {
            case .curve:
                colour = SVGText.colour(curveIndex)
                curveIndex += 1
                stroke = ##"stroke="\##(colour)" stroke-width="2""##
            case .contour:
                colour = "#999999"
                stroke = ##"stroke="\##(colour)" stroke-width="0.8""##
            case .iterates:
                colour = "#000000"
                stroke = ##"stroke="\##(colour)" stroke-width="1.5""##
            }
            for segment in series.segments {
                let points = segment.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ")
                lines.append(##"<polyline fill="none" \##(stroke) stroke-linejoin="round" points="\##(points)"/>"##)
            }
            if case .iterates = series.style {
                for point in series.segments.joined() {
                    lines.append(##"<circle cx="\##(n(px(point.x)))" cy="\##(n(py(point.y)))" r="2.5" fill="black"/>"##)
                }
            }
            for marker in series.markers {
                let x = n(px(marker.point.x))
                let y = n(py(marker.point.y))
                switch marker.kind {
                case .filled:
                    lines.append(
                        ##"<circle class="filled" cx="\##(x)" cy="\##(y)" r="4.5" fill="\##(colour)" stroke="\##(colour)" stroke-width="1.5"/>"##
                    )
                case .open:
                    lines.append(
                        ##"<circle class="open" cx="\##(x)" cy="\##(y)" r="4.5" fill="white" stroke="\##(colour)" stroke-width="1.5"/>"##
                    )
                case .kink:
                    let (cx, cy) = (px(marker.point.x), py(marker.point.y))
                    let diamond = [(cx, cy - 5), (cx + 5, cy), (cx, cy + 5), (cx - 5, cy)]
                        .map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                    lines.append(
                        ##"<polygon class="kink" points="\##(diamond)" fill="white" stroke="\##(colour)" stroke-width="1.5"/>"##
                    )
                }
            }
        }
        lines += legend(plot, frame: frame)
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func legend(_ plot: Plot, frame: (x: Double, y: Double, width: Double, height: Double)) -> [String] {
        let entries = plot.legend
        guard !entries.isEmpty else { return [] }
        func n(_ value: Double) -> String { PictureNumber.ascii(value, decimals: 2) }
        let longest = entries.map { ($0.name ?? "").count }.max() ?? 0
        let boxWidth = 40 + 7.5 * Double(longest)
        let boxHeight = 8 + 18 * Double(entries.count)
        let x = plot.legendOnRight ? frame.x + frame.width - 10 - boxWidth : frame.x + 10
        let y = frame.y + 10
        var lines = [
            ##"<g class="legend">"##,
            ##"<rect x="\##(n(x))" y="\##(n(y))" width="\##(n(boxWidth))" height="\##(n(boxHeight))" fill="white" fill-opacity="0.9" stroke="#bbbbbb"/>"##,
        ]
        var curveIndex = 0
        for (index, series) in entries.enumerated() {
            let rowY = y + 14 + 18 * Double(index)
            let colour: String
            switch series.style {
            case .curve:
                colour = SVGText.colour(curveIndex)
                curveIndex += 1
            case .contour: colour = "#999999"
            case .iterates: colour = "#000000"
            }
            lines.append(
                ##"<line x1="\##(n(x + 6))" y1="\##(n(rowY))" x2="\##(n(x + 30))" y2="\##(n(rowY))" stroke="\##(colour)" stroke-width="2"/>"##
            )
            lines.append(
                ##"<text x="\##(n(x + 36))" y="\##(n(rowY + 4))">\##(SVGText.escaped(series.name ?? ""))</text>"##)
        }
        lines.append("</g>")
        return lines
    }
}
