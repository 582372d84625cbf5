/// A chart as data until a writer draws it: two axes with their labels and
/// ticks, and series of points, each drawn as a curve, a contour line or a
/// path of iterates, with markers where a curve jumps or has a kink.
///
/// Every point of every series lies inside the axes' ranges: a sampler clips
/// a curve at the edge of the view, so no writer draws outside it.
public struct Plot: Sendable, Hashable {
    /// A point (x, y) in the plot's coordinates.
    public struct Point: Sendable, Hashable {
        /// The abscissa.
        public var x: Double
        /// The ordinate.
        public var y: Double

        /// The point (x, y).
        public init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One axis: its label, the range it shows and where its ticks are.
    public struct Axis: Sendable, Hashable {
        /// The label written along it, in Unicode notation ("x", "ReLU′(x)").
        public var label: String
        /// The lowest value shown.
        public var lower: Double
        /// The highest value shown.
        public var upper: Double
        /// The tick positions, round numbers in increasing order inside the range.
        public var ticks: [Double]

        /// An axis over `lower`…`upper` with ticks at round numbers (``Ticks``).
        public init(label: String, lower: Double, upper: Double) {
            self.label = label
            self.lower = lower
            self.upper = upper
            self.ticks = Ticks.round(from: lower, to: upper)
        }
    }

    /// What a marker says about the curve at its point.
    public enum MarkerKind: String, Sendable, Hashable {
        /// The value the curve takes at a jump (•).
        case filled
        /// A limit the curve approaches at a jump but does not take (∘).
        case open
        /// A kink: the curve is continuous there but its slope jumps (◇).
        case kink
    }

    /// A marker on a series.
    public struct Marker: Sendable, Hashable {
        /// Where it is.
        public var point: Point
        /// What it says.
        public var kind: MarkerKind

        /// A marker of `kind` at `point`.
        public init(_ kind: MarkerKind, at point: Point) {
            self.point = point
            self.kind = kind
        }
    }

    /// How a series is drawn.
    public enum Style: Sendable, Hashable {
        /// A curve in the series' colour, listed in the legend.
        case curve
        /// A contour line f = level, thin and grey, labelled with its level.
        case contour(level: Double)
        /// A path of iterates x⁽⁰⁾, x⁽¹⁾, …: a polyline with a dot at every point.
        case iterates
    }

    /// A series: its legend entry, its pieces and its markers.
    public struct Series: Sendable, Hashable {
        /// The legend entry ("ReLU′(x)"), or nil for none.
        public var name: String?
        /// How it is drawn.
        public var style: Style
        /// The connected pieces, each drawn as one polyline; a gap between
        /// pieces is a jump, an asymptote or a stretch outside the view.
        public var segments: [[Point]]
        /// Jumps and kinks.
        public var markers: [Marker]

        /// A series with the given parts.
        public init(name: String?, style: Style = .curve, segments: [[Point]], markers: [Marker] = []) {
            self.name = name
            self.style = style
            self.segments = segments
            self.markers = markers
        }
    }

    /// The title above the plot.
    public var title: String
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// The series, drawn in order (later ones on top).
    public var series: [Series]

    /// A plot with the given parts.
    public init(title: String, x: Axis, y: Axis, series: [Series]) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
    }

    /// The series with a legend entry, in order.
    public var legend: [Series] { series.filter { $0.name != nil } }

    /// Whether the legend goes in the top right corner rather than the top left:
    /// where fewer points of the curves fall in the corner's box (40% wide, 30% high).
    public var legendOnRight: Bool {
        func count(left: Bool) -> Int {
            series.flatMap { $0.segments.joined() }.filter { point in
                let u = (point.x - x.lower) / (x.upper - x.lower)
                let v = (point.y - y.lower) / (y.upper - y.lower)
                return v > 0.7 && (left ? u < 0.4 : u > 0.6)
            }.count
        }
        return count(left: false) < count(left: true)
    }
}
